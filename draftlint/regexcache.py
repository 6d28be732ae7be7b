"""Compiled patterns kept between runs, beside Python's own compiled modules.

`re` parses and compiles a pattern in Python the first time a process uses it: draftlint's patterns cost a
fresh `draftlint check` about 7 ms, a tenth of the run, every time a hook runs it. The result of that work is
a list of integers, which CPython's regular-expression engine (`_sre`) turns into the Pattern object in
microseconds. This module keeps that list for each pattern in one file, named for the Python build and the
engine version, in the folder where Python keeps draftlint's compiled modules, and only when Python itself
writes compiled modules (not under PYTHONDONTWRITEBYTECODE).

`_sre.compile`, `re._parser` and `re._compiler` are CPython internals. So: the file is used only by the
exact Python build and engine that wrote it; the engine checks the code it is given; and anything unexpected
(another Python, a damaged file, a changed internal) makes this process fall back to `re.compile` for good.
tests/test_regexcache.py holds every pattern compiled this way to be equal to what `re.compile` gives.
"""
from __future__ import annotations

import marshal
import os
import re
import sys

try:  # CPython 3.11 and later
    import _sre
    from re import _compiler, _parser

    TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - other Pythons compile as usual
    TAG = None

LIMIT = 4000  # patterns kept; past that the file starts again (pack rules make one pattern per set of words)
_stored: dict | None = None
_new: dict = {}
_usable = TAG is not None


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the same call as re.compile
    """re.compile(pattern, flags), from the stored compiled form when there is one. A bad pattern raises
    re.error as re.compile would."""
    global _usable
    flags = int(flags)
    if not _usable or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _stored_patterns().get(key) or _new.get(key)
    if entry is None:
        entry = _new[key] = _compiled(pattern, flags)
    try:
        return _sre.compile(pattern, *entry)
    except Exception:  # a damaged or foreign file, a changed internal: compile as usual from now on
        _usable = False
        return re.compile(pattern, flags)


def _compiled(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands to _sre.compile for this pattern (the same steps, in the same order)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: opcodes are an int subclass
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup)


def path() -> str:
    """Where the file is: the folder of this module's compiled form (__pycache__, or under PYTHONPYCACHEPREFIX)."""
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.pycache_prefix:
        folder = os.path.join(sys.pycache_prefix, os.path.splitdrive(here)[1].lstrip(os.sep))
    else:
        folder = os.path.join(here, "__pycache__")
    return os.path.join(folder, f"regexcache.{TAG}.marshal")


def _stored_patterns() -> dict:
    global _stored
    if _stored is None:
        _stored = {}
        try:
            with open(path(), "rb") as fh:
                data = marshal.load(fh)
            if isinstance(data, dict):
                _stored = data
        except (OSError, ValueError, EOFError, TypeError):
            pass
    return _stored


def save() -> None:
    """Store the patterns this process compiled first (atomically); nothing when there are none, when Python
    writes no compiled modules, or when the folder cannot be written."""
    if not _new or not _usable or sys.dont_write_bytecode:
        return
    folder = os.path.dirname(path())
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return
    if not os.access(folder, os.W_OK):  # a read-only installation: found out before importing the writer
        return
    from draftlint.files import atomic_write

    stored = _stored_patterns()
    merged = dict(stored) if len(stored) + len(_new) <= LIMIT else {}
    merged.update(_new)
    try:
        atomic_write(path(), marshal.dumps(merged))
    except (OSError, ValueError):
        return
    _new.clear()
