"""Writing files the safe way: a temporary file in the target folder, then a rename, so that an interrupted
write never leaves a half-written file and never replaces a good one."""
from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile

TEMP_PREFIX = ".draftlint-"  # the folder walk of `check` skips these: a SIGKILL can leave one behind
_SIGNALS = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


def atomic_write(path: str, data: bytes, overwrite: bool = True) -> None:
    """Write `data` to `path` whole or not at all. Without `overwrite` the file is created exclusively: a
    file that appears at `path` meanwhile is never replaced (FileExistsError). A file that is replaced
    keeps its permissions. SIGINT, SIGTERM and SIGHUP wait until the rename is done (a few milliseconds),
    so that neither the temporary file nor a partial target is left behind; SIGKILL cannot wait, and leaves
    at most the temporary file, never a partial target."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "File exists", path)
    blocked = hasattr(signal, "pthread_sigmask")
    if blocked:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=os.path.splitext(path)[1])
        with os.fdopen(fd, "wb") as fh:
            os.chmod(tmp, _mode(path, overwrite))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
        tmp = None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        if blocked:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _mode(path: str, overwrite: bool) -> int:
    """The permissions of the file replaced, or those any new file would get (mkstemp's are private)."""
    if overwrite:
        try:
            return stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _link_new(tmp: str, path: str) -> None:
    """The temporary file under its name, only if no file has that name: a hard link fails when one has."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: claim the name exclusively, then replace the empty claim.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(tmp, path)
        return
    os.unlink(tmp)


@contextlib.contextmanager
def atomic_stream(path: str):
    """A text file to write bit by bit (a report of a large batch) that appears at `path` whole, when the block
    ends, or not at all: an exception, Ctrl-C or SIGTERM inside the block removes the temporary file. The
    rename itself waits out SIGINT, SIGTERM and SIGHUP, as atomic_write does."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=os.path.splitext(path)[1])
    previous_term = _terminate_as_interrupt()
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode(path, True))
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            os.replace(tmp, path)
            tmp = None
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def _terminate_as_interrupt():
    """Make SIGTERM unwind like Ctrl-C while a stream is open, so that its temporary file is removed; the
    previous handler, or None where it cannot be set (not the main thread)."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError, AttributeError):
        return None
