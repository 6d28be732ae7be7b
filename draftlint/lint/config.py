"""Configuration: .draftlint.yaml found by walking up from each checked file, or [tool.draftlint] in
pyproject.toml. Keys are described in rules/config.schema.json and in the README."""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field

from draftlint.errors import InputError
from draftlint.errors import PackError
from draftlint.lint.packs import MAX_PACK_BYTES, load_yaml, read_pack_file, validate
from draftlint.safeio import read_regular

NAMES = (".draftlint.yaml", ".draftlint.yml")


@dataclass
class Config:
    """A configuration (.draftlint.yaml, or [tool.draftlint] in pyproject.toml) as read and validated."""

    path: str | None = None
    packs: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    strict: bool = False
    profile: str = "default"

    def ignores_for(self, file_path: str) -> list[str]:
        if not self.per_file_ignores or not self.path:
            return []
        base = os.path.dirname(os.path.abspath(self.path))
        rel = os.path.relpath(os.path.abspath(file_path), base).replace(os.sep, "/")
        out = []
        for pattern, ids in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(file_path), pattern):
                out.extend(ids)
        return out


_FOUND: dict[str, Config] = {}


def find_config(file_path: str) -> Config:
    """The configuration that applies to a draft (cached per folder); an empty one if there is none."""
    folder = os.path.dirname(os.path.abspath(file_path))
    if folder in _FOUND:
        return _FOUND[folder]
    config = None
    current = folder
    while True:
        for name in NAMES:
            candidate = os.path.join(current, name)
            if os.path.isfile(candidate):
                config = load_config(candidate)
                break
        if config is None:
            pyproject = os.path.join(current, "pyproject.toml")
            if os.path.isfile(pyproject):
                config = _from_pyproject(pyproject)
        if config is not None:
            break
        parent = os.path.dirname(current)
        if parent == current:
            config = Config()
            break
        current = parent
    _FOUND[folder] = config
    return config


def forget(inside: str) -> None:
    """Drop the configurations found for folders under `inside` (a path ending with the separator)."""
    for folder in [f for f in list(_FOUND) if os.path.join(f, "").startswith(inside)]:
        _FOUND.pop(folder, None)


def _from_pyproject(path: str) -> Config | None:
    try:
        raw = read_regular(path, MAX_PACK_BYTES, "too large")
    except InputError:
        return None  # a pyproject.toml found on the way up that cannot be read says nothing to draftlint
    if b"tool.draftlint" not in raw:
        return None  # most pyproject.toml files say nothing to draftlint: no need to parse them
    from draftlint import usercache

    name, source = usercache.key(b"pyproject.toml\0" + raw, "config.schema.json")
    entry = usercache.get(name, source)
    if entry is not None:
        return _build(entry["data"], path, set()) if entry["data"] is not None else None
    section = _pyproject_section(raw, path)
    if section is not None:
        _validate(section, path)
    usercache.put(name, source, {"data": section})
    return _build(section, path, set()) if section is not None else None


def _pyproject_section(raw: bytes, path: str) -> dict | None:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PackError(f"{path}: not valid TOML ({exc})") from None
    except (ValueError, RecursionError):  # a number of thousands of digits, arrays nested thousands deep
        raise PackError(f"{path}: not valid TOML: a value in it cannot be read") from None
    tool = data.get("tool")
    section = tool.get("draftlint") if isinstance(tool, dict) else None
    if section is None:
        return None
    if not isinstance(section, dict):
        raise PackError(f"{path}: [tool.draftlint] is not a table of keys and values")
    return {k.replace("-", "_"): v for k, v in section.items()}


def load_config(path: str, _seen: set | None = None) -> Config:
    """A .draftlint.yaml, validated; the same bytes validated before come from the user's cache (usercache)."""
    from draftlint import usercache

    raw = read_pack_file(path)
    name, source = usercache.key(raw, "config.schema.json")
    entry = usercache.get(name, source)
    if entry is not None:
        data = entry["data"]
    else:
        data = load_yaml(path, raw=raw)
        if data is None:
            data = {}
        _validate(data, path)
        usercache.put(name, source, {"data": data})
    return _build(data, path, _seen or set())


def _validate(data, path: str) -> None:
    if isinstance(data, dict) and isinstance(data.get("severity"), dict):
        # YAML reads a bare `off` as false: `severity: {house: off}` means off.
        data["severity"] = {k: ("off" if v is False else v) for k, v in data["severity"].items()}
    validate(data, path, "config.schema.json")


def _build(data: dict, path: str, seen: set) -> Config:
    """The configuration of validated data."""
    here = os.path.dirname(os.path.abspath(path))
    config = Config(path=path)
    if "extends" in data:
        parent_path = os.path.normpath(os.path.join(here, data["extends"]))
        if parent_path in seen or os.path.abspath(path) == parent_path:
            raise PackError(f"{path}: extends: the configurations extend each other in a loop")
        seen.add(os.path.abspath(path))
        parent = load_config(parent_path, seen)
        config.packs = list(parent.packs)
        config.select, config.ignore = list(parent.select), list(parent.ignore)
        config.severity = dict(parent.severity)
        config.per_file_ignores = dict(parent.per_file_ignores)
        config.strict = parent.strict
        config.profile = parent.profile
    config.packs += [os.path.normpath(os.path.join(here, p)) for p in data.get("packs", [])]
    config.select = data.get("select", config.select)
    config.ignore = config.ignore + data.get("ignore", [])
    config.severity.update(data.get("severity", {}))
    config.per_file_ignores.update(data.get("per_file_ignores", {}))
    config.strict = data.get("strict", config.strict)
    config.profile = data.get("profile", config.profile)
    return config
