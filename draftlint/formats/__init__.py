"""Picks the reader for a file by its extension."""
from __future__ import annotations

import os

from draftlint.errors import InputError
from draftlint.model.source import Source

DOCX_EXTENSIONS = (".docx", ".docm", ".dotx")
TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".text")


def read(path: str) -> Source:
    ext = os.path.splitext(path)[1].lower()
    if ext in TEXT_EXTENSIONS:
        from draftlint.formats.text.read import read_text

        return read_text(path)
    if ext in DOCX_EXTENSIONS:
        from draftlint.formats.docx.read import read_docx

        return read_docx(path)
    if ext == ".doc":
        raise InputError("this is an old Word 97-2003 (.doc) file; open it in Word and save it as .docx")
    if ext == ".odt":
        raise InputError("this is an OpenDocument (.odt) file; save it as a Word document (.docx)")
    raise InputError(f"draftlint reads .docx, .txt and .md drafts, not {ext or 'files without an extension'}")
