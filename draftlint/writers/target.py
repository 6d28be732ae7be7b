"""Where a writer may put its .docx: never over the draft it reads, never over another file without --force."""
from __future__ import annotations

import os

from draftlint.errors import InputError


def check_target(out: str, draft: str, force: bool, what: str, instead: str = "choose another file") -> None:
    """Refuse a target that is not a .docx, that is the draft itself, or that exists (FileExistsError) without
    `force`; `what` names the target in the message ("the annotated copy"), `instead` says what to do."""
    if not out.lower().endswith(".docx"):
        raise InputError(f"{what} {out} must be a .docx file")
    if os.path.exists(out) and os.path.samefile(out, draft):
        raise InputError(f"{what} would replace the draft; {instead}")
    if os.path.exists(out) and not force:
        raise FileExistsError(0, "exists", out)
