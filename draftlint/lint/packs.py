"""Rules written as data: YAML packs, read, validated by rules/schema.json and kept (the built-in packs in
rules/builtin.json, a delegation's in the user's cache), then compiled into rules the engine runs exactly like
the Python checks (packrules.py, one class per kind of rule). A finding of rule `id` in pack `house` has the
id `house.id`."""
from __future__ import annotations

import os
import re
from functools import lru_cache

from draftlint.errors import InputError, PackError
from draftlint.resources import resource_dir
from draftlint.safeio import read_regular
from draftlint.lint.matching import Needles
from draftlint.lint.packpatterns import pattern_starts, pattern_strings
from draftlint.lint.packrules import KINDS, PackRule

PLACEHOLDERS = {"match", "suggestion", "label"}
MAX_PACK_BYTES = 4 * 1024 * 1024


def read_pack_file(path: str) -> bytes:
    """The bytes of a pack or configuration file (an ordinary file, at most MAX_PACK_BYTES)."""
    try:
        return read_regular(path, MAX_PACK_BYTES, "the file is too large for a rule pack or configuration")
    except InputError as exc:
        raise PackError(f"{path}: {exc}") from None


def load_yaml(path: str, trusted: bool = False, raw: bytes | None = None):
    """YAML from a pack or configuration file (or from its bytes `raw`, already read), with one-line errors
    that name the file and the problem, never its contents (a configuration in a pull request may point at
    any file of the machine)."""
    import yaml

    if raw is None:
        raw = read_pack_file(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError(f"{path}: the file is not UTF-8 text") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if trusted else _untrusted_loader()
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - safe loaders only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise PackError(f"{path}: not valid YAML{where}: {_problem(exc)}") from None
    except (ValueError, OverflowError, RecursionError):  # a value no Python object can hold
        raise PackError(f"{path}: not valid YAML: a value in it cannot be read") from None


def _problem(exc) -> str:
    """PyYAML's words for the problem, without the text of the file they may quote."""
    if not hasattr(exc, "problem"):
        return str(exc)  # raised by the loader below, in its own words
    problem = exc.problem or "invalid YAML"
    return re.sub(r"'([^']{4,})'|\"([^\"]{4,})\"", "…", problem)


MAX_DEPTH = 50  # a configuration is three levels deep, a pack five; PyYAML composes nested nodes by recursion
MAX_DIGITS = 100


@lru_cache(maxsize=None)
def _untrusted_loader():
    """SafeLoader without aliases (they can expand to gigabytes), without dates (`select: 2020-13-45` is text
    that the schema then refuses, not a ValueError), with numbers and nesting of bounded size."""
    import yaml

    class Untrusted(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.YAMLError(f"aliases (*name) are not allowed (line {mark.line + 1})")
            if self.depth >= MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                                  self.peek_event().start_mark)
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_yaml_int(self, node):
            if len(node.value) > MAX_DIGITS:
                raise yaml.constructor.ConstructorError(None, None, f"a number of more than {MAX_DIGITS} digits",
                                                        node.start_mark)
            return super().construct_yaml_int(node)

    Untrusted.add_constructor("tag:yaml.org,2002:int", Untrusted.construct_yaml_int)
    # Dates and times stay text: the implicit resolvers are copied without the timestamp one.
    Untrusted.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return Untrusted


@lru_cache(maxsize=None)
def _schema(name: str):
    import json

    with open(resource_dir("rules") / name, encoding="utf-8") as fh:
        return json.load(fh)


def validate(data, path: str, schema_name: str = "schema.json") -> None:
    """One line naming the file, the rule and the key for the first problem, as PackError."""
    import jsonschema

    if not isinstance(data, dict):
        raise PackError(f"{path}: is not a YAML mapping of keys and values")
    validator = jsonschema.Draft202012Validator(_schema(schema_name))
    errors = list(validator.iter_errors(data))
    if not errors:
        return
    best = min(errors, key=lambda e: (len(e.absolute_path), e.path and str(e.path[-1]) or ""))
    best = jsonschema.exceptions.best_match(errors) if best is None else _deepest(best)
    path_items = list(best.absolute_path)
    where = ""
    if len(path_items) >= 2 and path_items[0] == "rules" and isinstance(path_items[1], int):
        k = path_items[1]
        rule = data["rules"][k] if isinstance(data, dict) and isinstance(data.get("rules"), list) else {}
        rid = f"{data.get('pack', '?')}.{rule.get('id', '?')}" if isinstance(rule, dict) else "?"
        where = f"rules[{k}] ({rid})"
        rest = path_items[2:]
        if rest:
            where += ": " + ".".join(str(p) for p in rest)
    elif path_items:
        where = ".".join(str(p) for p in path_items)
    message = best.message
    shown = repr(best.instance)
    if message.startswith(shown) and not _short(best.instance):
        message = "the value" + message[len(shown):]  # a long value may be a file's contents: not repeated
    if best.validator == "unevaluatedProperties" or best.validator == "additionalProperties":
        message = message.replace(" were unexpected", " are not known keys").replace(" was unexpected", " is not a known key")
    raise PackError(f"{path}: {where + ': ' if where else ''}{message}")


def _short(value) -> bool:
    return isinstance(value, (bool, int, float, type(None))) or (
        isinstance(value, str) and len(value) <= 40 and "\n" not in value)


def _deepest(error):
    while error.context:
        error = max(error.context, key=lambda e: len(e.absolute_path))
    return error


def load_pack(path: str) -> list[PackRule]:
    """A delegation's pack. New bytes are validated (the schema, the placeholders, every pattern compiled and
    checked for catastrophic backtracking) and the result kept in the user's cache (usercache); bytes
    validated before are read from there, and their patterns compiled when first used."""
    from draftlint import usercache

    raw = read_pack_file(path)
    name, source = usercache.key(raw, "schema.json")
    entry = usercache.get(name, source)
    if entry is not None:
        return compile_pack(entry["data"], path, eager=False, needs=entry["needs"], untrusted=True)
    data = load_yaml(path, raw=raw)
    validate(data, path)
    rules = compile_pack(data, path)
    usercache.put(name, source, {"data": data, "needs": {r.id: r.pattern_strings for r in rules}})
    return rules


def _placeholders(message: str) -> set[str]:
    import string

    return {f[1] for f in string.Formatter().parse(message) if f[1]}


def compile_pack(data: dict, path: str, eager: bool = True, needs: dict | None = None,
                 untrusted: bool | None = None, needles: Needles | None = None,
                 starts: dict | None = None) -> list[PackRule]:
    """The pack's rules, each of the class of its kind (packrules.KINDS), for the built-in packs, their cache
    and a delegation's pack alike. `eager` compiles every pattern now (a delegation's pack seen for the first
    time), else on first use. `needs`: what each rule's patterns need (rule id -> packpatterns.pattern_strings),
    read from them in advance. `untrusted` (default: as `eager`): a delegation's pack, whose patterns run under
    a timeout. `needles`: the strings the rules look for, shared with other packs (default: the pack's own).
    `starts`: the strings every match of each rule's patterns starts with (rule id -> packpatterns.pattern_starts,
    for the rules that have them), read in advance; without it, read from the patterns when first needed."""
    rules = []
    seen = set()
    if needles is None:  # one automaton for the whole pack: a text is searched once for all its rules
        needles = Needles()
    for k, spec in enumerate(data["rules"]):
        rid = f"{data['pack']}.{spec['id']}"
        where = f"{path}: rules[{k}] ({rid})"
        if rid in seen:
            raise PackError(f"{where}: the id is used twice in the pack")
        seen.add(rid)
        names = _placeholders(spec["message"]) if eager else set()
        if names - PLACEHOLDERS:
            raise PackError(f"{where}: message: unknown placeholder {{{sorted(names - PLACEHOLDERS)[0]}}}; "
                            "use {match}, {suggestion} or {label}")
        strings = needs.get(rid, []) if needs is not None else pattern_strings(spec)
        given = {"starts": frozenset(starts[rid]) if rid in starts else None} if starts is not None else {}
        rule = KINDS[spec["kind"]](spec, rid, data["pack"], where, strings,
                                   eager if untrusted is None else untrusted, needles, **given)
        if eager:
            rule.check_patterns()
        rules.append(rule)
    return rules


CACHE = "builtin.json"


def _sources() -> dict[str, str]:
    """A checksum of each built-in YAML pack, to tell a stale cache (CRC-32: zlib is loaded already, for zipfile)."""
    import zlib

    folder = resource_dir("rules")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".yaml"))
    return {n: f"{zlib.crc32((folder / n).read_bytes()):08x}" for n in names}


def builtin_cache() -> str:
    """The built-in packs as JSON (rules/builtin.json), so that `check` needs no PyYAML, with what each
    pattern needs read from it in advance. Regenerate with `draftlint rules --build-cache`; a test fails when
    it is stale."""
    import json

    sources = _sources()
    packs = [load_yaml(str(resource_dir("rules") / name), trusted=True) for name in sources]
    specs = {f"{pack['pack']}.{spec['id']}": spec for pack in packs for spec in pack["rules"]}
    needs = {rid: pattern_strings(spec) for rid, spec in specs.items()}
    starts = {rid: sorted(found) for rid, spec in specs.items() if (found := pattern_starts(spec))}
    data = {"sources": sources, "packs": packs, "pattern_strings": {k: v for k, v in needs.items() if v != []},
            "pattern_starts": starts}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _read_cache() -> dict | None:
    """rules/builtin.json, or None when it is missing or unreadable (check then reads the YAML packs)."""
    import json

    try:
        with open(resource_dir("rules") / CACHE, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@lru_cache(maxsize=None)
def builtin_rules() -> tuple[PackRule, ...]:
    """The UN packs shipped in rules/ (validated by the tests, not on every run)."""
    sources = _sources()
    cache = _read_cache()
    if cache is not None and cache.get("sources") == sources:
        data, needs, starts = zip(sources, cache["packs"]), cache["pattern_strings"], cache.get("pattern_starts")
    else:  # the YAML changed since the cache was built: read it directly
        data = [(name, load_yaml(str(resource_dir("rules") / name), trusted=True)) for name in sources]
        needs = starts = None
    out = []
    needles = Needles()  # the UN packs are searched for as one
    for name, pack in data:
        out.extend(compile_pack(pack, str(resource_dir("rules") / name), eager=False, needs=needs, needles=needles,
                                starts=starts))
    return tuple(out)


_USER_CACHE: dict[tuple[str, float], list[PackRule]] = {}


def user_pack(path: str) -> list[PackRule]:
    key = (os.path.abspath(path), os.path.getmtime(path) if os.path.exists(path) else 0.0)
    if key not in _USER_CACHE:
        _USER_CACHE[key] = load_pack(path)
    return _USER_CACHE[key]
