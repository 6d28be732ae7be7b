"""Writing files the safe way: a temporary file in the target folder, then a rename, so that an interrupted
write never leaves a half-written file and never replaces a good one."""
from __future__ import annotations

import os
import tempfile


def atomic_write(path: str, data: bytes, overwrite: bool = True) -> None:
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not overwrite and os.path.exists(path):
        raise FileExistsError(path)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".draftlint-", suffix=os.path.splitext(path)[1])
    try:
        # mkstemp makes a private file; a draft or report gets the permissions any new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not overwrite:
            os.link(tmp, path)  # fails if the file appeared meanwhile
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
