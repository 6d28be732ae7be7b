"""Opening the files a run is given, or finds, without trusting them: only regular files, never more than
a limit, and a message that names the problem, never what the file holds.

A named pipe blocks the reader until someone writes to it and a device such as /dev/zero never ends, so
the file is opened without blocking and its kind is read from the open descriptor (a stat of the name
first would leave a moment to swap it)."""
from __future__ import annotations

import os
import stat

from draftlint.errors import InputError


def _kind(mode: int) -> str | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is a device, not a file"


def open_regular(path: str):
    """A binary file object for `path`, or InputError when it is missing, unreadable or not a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("cannot be read (permission denied)") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise InputError(f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        reason = _kind(os.fstat(fd).st_mode)
        if reason:
            raise InputError(reason)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_regular(path: str, limit: int, too_large: str) -> bytes:
    """At most `limit` bytes of a regular file; InputError(too_large) when it holds more."""
    with open_regular(path) as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(too_large)
    return data
