"""Editing a .docx in place: the one place that writes Word documents.

`Document` opens a package, addresses body paragraphs exactly as `draftlint.readers.docx` reads them
(the reader's `Paragraph.index` and offsets in its paragraph text) and inserts, deletes, replaces,
sets italics and adds comments, each optionally as a tracked change; every part it does not touch is
written back byte for byte.
"""
from draftlint.docx.edit import Document

__all__ = ["Document"]
