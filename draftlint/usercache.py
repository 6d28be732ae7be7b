"""Configurations and packs already validated, kept between runs in the user's cache folder.

A pre-commit hook runs `draftlint check` on every commit, and a drafting repository's `.draftlint.yaml` and
house pack rarely change: reading them costs PyYAML, jsonschema and the schema's validation (about 60 ms of
a 100 ms check), every time, for the same bytes. Each entry is the validated data of one file, kept with
the file's bytes, the schema it was validated against (its CRC-32 and length) and draftlint's version, and
used only when all of them are the same: a file that changes in any byte is validated anew. The entry is
named by a CRC-32 of the same (zlib, loaded already for the .docx; hashlib would load OpenSSL, some
milliseconds of every check): the name says where to look, the comparison decides. Entries live in the user's cache folder (never inside the installed
package), are written atomically, and an entry that cannot be read is ignored, as is a folder that cannot be
written."""
from __future__ import annotations

import json
import os
import sys

FORMAT = 1  # the layout of an entry; a new layout starts new entries
KEEP = 200  # entries kept: each edit of a configuration or pack makes a new one


def folder() -> str:
    """<user cache>/draftlint/validated: XDG_CACHE_HOME (else ~/.cache) where the XDG convention holds, the
    platform's own place (platformdirs) on Windows and macOS."""
    if sys.platform in ("win32", "darwin"):
        from platformdirs import user_cache_dir

        base = user_cache_dir("draftlint", appauthor=False)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = os.path.join(xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache"), "draftlint")
    return os.path.join(base, "validated")


def key(raw: bytes, schema_name: str) -> tuple[str, str]:
    """(name, source) of the entry for a file with these bytes, validated against rules/<schema_name>: the
    source is what the entry must hold to be used (the file's bytes, one character a byte, after what says
    which schema and draftlint read them)."""
    import zlib

    from draftlint import __version__
    from draftlint.resources import resource_dir

    try:
        schema = (resource_dir("rules") / schema_name).read_bytes()
    except OSError:
        schema = b""
    source = f"{FORMAT}\0{__version__}\0{schema_name}\0{zlib.crc32(schema):08x}-{len(schema)}\0" + raw.decode("latin-1")
    return f"{zlib.crc32(source.encode('latin-1', 'replace')):08x}-{len(source):x}", source


def get(name: str, source: str) -> dict | None:
    """The entry, or None when there is none, it cannot be read as one, or it was made from another source."""
    try:
        with open(os.path.join(folder(), name + ".json"), encoding="utf-8") as fh:
            entry = json.load(fh)
    except (OSError, ValueError):  # missing, unreadable, damaged: validate again
        return None
    if not isinstance(entry, dict) or entry.get("key") != name or entry.get("source") != source:
        return None
    return entry


def put(name: str, source: str, entry: dict) -> None:
    """Store the entry (atomically); nothing when the data does not survive JSON unchanged or the folder
    cannot be written."""
    entry = {"key": name, "source": source, **entry}
    try:
        text = json.dumps(entry, ensure_ascii=False, allow_nan=False)
        if json.loads(text) != entry:  # YAML can hold what JSON cannot (a key that is a number)
            return
    except (TypeError, ValueError):
        return
    from draftlint.files import atomic_write

    where = folder()
    try:
        os.makedirs(where, mode=0o700, exist_ok=True)
        atomic_write(os.path.join(where, name + ".json"), text.encode("utf-8"))
        _prune(where)
    except OSError:
        pass


def _prune(where: str) -> None:
    names = [n for n in os.listdir(where) if n.endswith(".json")]
    if len(names) <= KEEP:
        return
    paths = sorted((os.path.join(where, n) for n in names), key=lambda p: os.stat(p).st_mtime)
    for path in paths[:len(paths) - KEEP]:
        os.unlink(path)
