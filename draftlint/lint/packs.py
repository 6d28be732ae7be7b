"""Rules written as data: YAML packs, validated by rules/schema.json, compiled into rules the engine runs
exactly like the Python checks. A finding of rule `id` in pack `house` has the id `house.id`."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from draftlint.errors import InputError
from draftlint.safeio import read_regular
from draftlint.lint.matching import Needles, Scope, Text, Words, required_strings
from draftlint.lint.rule import Rule

PLACEHOLDERS = {"match", "suggestion", "label"}
MAX_PACK_BYTES = 4 * 1024 * 1024
PATTERN_TIMEOUT = 0.25  # seconds a pattern of a delegation's pack may take on one text


@lru_cache(maxsize=None)
def resource_dir(name: str) -> Path:
    """rules/ or templates/ (packages of their own): inside the installed package, or beside it in a source
    checkout."""
    here = Path(__file__).resolve().parent.parent  # the draftlint package
    inside = here / name
    return inside if (inside / "__init__.py").exists() else here.parent / name


class PackError(InputError):
    """A pack or configuration file that cannot be used; the message names the file, the rule and the key."""


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


def load_pack(path: str) -> list["PackRule"]:
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
                 untrusted: bool | None = None, needles: Needles | None = None) -> list["PackRule"]:
    """The pack's rules; `eager` compiles every pattern now (a delegation's pack seen for the first time), else
    on first use. `needs`: what each rule's patterns need (rule id -> _pattern_strings), read from them in
    advance. `untrusted` (default: as `eager`): a delegation's pack, whose patterns run under a timeout.
    `needles`: the strings the rules look for, shared with other packs (default: the pack's own)."""
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
        strings = needs.get(rid, []) if needs is not None else _pattern_strings(spec)
        rules.append(PackRule(spec, rid, data["pack"], where, eager, strings,
                              eager if untrusted is None else untrusted, needles))
    return rules


def _pattern_strings(spec: dict) -> list | None:
    """What a text must contain for each of the rule's patterns to match in it (per pattern, groups of strings
    a match contains: see matching.required_strings); None when the patterns cannot tell."""
    flags = 0 if spec.get("case_sensitive", False) else re.IGNORECASE
    out = []
    for p in spec.get("patterns", ()):
        if "[:" in p:  # a POSIX class ([[:upper:]]) is `regex` syntax that `re` would read as a set of characters
            return None
        found = required_strings(f"(?:{p})", flags)
        if found is None:
            return None
        out.append([list(group) for group in found])
    return out


# Unicode classes that name a case. With case_sensitive: false, `regex` (like `re`) matches \p{Lu} with any
# letter that has a capital form, lower-case words included; a drafter who writes \p{Lu} means a capital.
CASE_PROPERTIES = {"lu", "ll", "lt", "upper", "lower", "title", "uppercase", "lowercase", "titlecase",
                   "uppercaseletter", "lowercaseletter", "titlecaseletter"}
PROPERTY = re.compile(r"\\[pP]\{([^}]*)\}|\[:\^?(upper|lower):\]")


def _names_a_case(piece: str) -> bool:
    for m in PROPERTY.finditer(piece):
        if m.group(2):
            return True
        name = re.sub(r"[\s_\-]", "", m.group(1)).lower().lstrip("^")
        name = re.sub(r"^(?:gc|generalcategory)[=:]", "", name)
        if name in CASE_PROPERTIES or name.startswith("is") and name[2:] in CASE_PROPERTIES:
            return True
    return False


def _escape_end(pattern: str, k: int) -> int:
    """Where the escape that starts at pattern[k] (a backslash) ends: \\p{Lu}, \\pL, \\x{263a}, \\d …"""
    if pattern[k + 1:k + 2] in ("p", "P", "N", "x", "u", "U", "g") and pattern[k + 2:k + 3] == "{":
        close = pattern.find("}", k + 3)
        return close + 1 if close != -1 else len(pattern)
    if pattern[k + 1:k + 2] in ("p", "P"):
        return k + 3
    return k + 2


def _class_end(pattern: str, k: int) -> int:
    """Where the character class that starts at pattern[k] ("[") ends (its "]" included)."""
    j = k + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":  # a "]" first in the class is the character itself
        j += 1
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j = _escape_end(pattern, j)
        elif pattern.startswith("[:", j) and ":]" in pattern[j + 2:]:  # [:upper:] inside the class
            j = pattern.index(":]", j + 2) + 2
        elif c == "]":
            return j + 1
        else:
            j += 1
    return len(pattern)


def keep_case(pattern: str) -> str:
    """The pattern with every escape or class that names a case (\\p{Lu}, \\p{Ll}, [[:upper:]] …) made
    case-sensitive ((?-i:…)): under case_sensitive: false the pattern's letters match either case, and
    \\p{Lu} still means a capital letter."""
    if "\\p" not in pattern and "\\P" not in pattern and "[:" not in pattern:
        return pattern
    out, k = [], 0
    while k < len(pattern):
        c = pattern[k]
        if c not in "\\[":
            out.append(c)
            k += 1
            continue
        end = _escape_end(pattern, k) if c == "\\" else _class_end(pattern, k)
        piece = pattern[k:end]
        out.append(f"(?-i:{piece})" if _names_a_case(piece) else piece)
        k = end
    return "".join(out)


def _compile(pattern: str, case_sensitive: bool, where: str, untrusted: bool = False):
    """A compiled pattern: `re` for the built-in packs, `regex` where a pattern needs its Unicode classes
    (\\p{Lu}); always `regex` for a delegation's pack, whose matches then run under a timeout."""
    flags = 0 if case_sensitive else re.IGNORECASE
    written = keep_case(pattern) if not case_sensitive else pattern
    if not untrusted:
        try:
            return re.compile(written, flags)
        except re.error:
            pass
    import regex

    try:
        return regex.compile(written, flags)
    except Exception as exc:  # regex.error
        raise PackError(f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc})") from None


class PackRule:
    def __init__(self, spec: dict, rid: str, pack: str, where: str, eager: bool, pattern_strings: list | None,
                 untrusted: bool = False, needles: Needles | None = None):
        """`pattern_strings`: see _pattern_strings; `untrusted`: see compile_pack; `needles`: the strings of the
        pack this rule belongs to, which the rule adds its own to."""
        doc = spec["doc"]
        self.spec = spec
        self.kind = spec["kind"]
        self.scope = tuple(spec["scope"])
        self.message = spec["message"]
        self.where = where
        self.skip_kinds = set(spec.get("skip_kinds", ()))
        self.rule = Rule(rid, spec["category"], spec["severity"], summary=doc["summary"], why=doc["why"],
                         wrong=doc["wrong"], right=doc["right"], fixable=bool(spec.get("fix", False)), pack=pack,
                         profile=spec.get("profile", "default"))
        self.source = doc.get("source", "")
        cs = bool(spec.get("case_sensitive", False))
        self.case_sensitive = cs
        self.needles = needles = needles if needles is not None else Needles()
        self.exceptions = Words(spec["exceptions"], cs, needles) if spec.get("exceptions") else None
        self.tokens = Words(spec["tokens"], cs, needles) if spec.get("tokens") else None
        self.patterns = [f"(?:{p})" for p in spec.get("patterns", ())]
        self.swap = None
        if self.kind == "replace":
            self.swap = {(k if cs else k.lower()): v for k, v in spec["swap"].items()}
            self.swap_words = Words(spec["swap"], cs, needles)
        else:
            self.swap_words = None
        self.pattern_strings = pattern_strings
        for groups in pattern_strings or ():
            for group in groups:
                needles.add(group)
        self._compiled: dict = {}
        if self.kind == "lead":
            self.phrases = frozenset(p.lower() for p in spec["phrases"])
        self.untrusted = untrusted
        if eager:  # a delegation's pack: a bad pattern is reported when the pack is loaded, by name
            from draftlint.lint.backtrack import catastrophic

            for p in list(spec.get("patterns", ())) + ([spec["pattern"]] if "pattern" in spec else []):
                _compile(p, cs, where, untrusted=True)
                if catastrophic(p, 0 if cs else re.IGNORECASE):
                    raise PackError(f"{where}: the pattern {p!r} repeats a repetition (as in (a+)+) and can take "
                                    "exponential time on a short text; rewrite it")
            self.regex  # noqa: B018 - compiles the whole regex now

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def regex(self):
        """The rule's whole regex (every word, every pattern), compiled on first use."""
        if self.kind == "require":
            return self._regex_for(("require",), lambda: self.spec["pattern"], written=True)
        return self._regex_for(None, lambda: self._pattern(None, None), written=bool(self.patterns))

    def _pattern(self, tokens_present, swap_present) -> str:
        pieces = [self.tokens.pattern(tokens_present)] if self.tokens else []
        pieces += self.patterns
        if self.swap_words is not None:
            pieces.append(self.swap_words.pattern(swap_present))
        return "|".join(p for p in pieces if p)

    def _regex_for(self, key, pattern, written: bool):
        """The compiled `pattern()`. `written`: it holds patterns the pack's author wrote, which in a delegation's
        pack run under a timeout (`regex`); an alternation of listed words, escaped by draftlint, cannot
        backtrack badly and is compiled by `re`, as in the built-in packs (no `regex` import for a pack of words)."""
        if key not in self._compiled:
            if len(self._compiled) > 256:  # bounded: one entry per combination of words seen
                self._compiled.clear()
            text = pattern()
            self._compiled[key] = (_compile(text, self.case_sensitive, self.where, self.untrusted and written)
                                   if text else None)
        return self._compiled[key]

    def _in_scope(self, view: Scope):
        """(tokens, swap keys) present in the parts the rule reads, or None when the rule cannot match in them."""
        tokens = self.tokens.present(view) if self.tokens is not None else ()
        swap = self.swap_words.present(view) if self.swap_words is not None else ()
        if tokens or swap or self._patterns_may_match(view):
            return tokens, swap
        return None

    def _candidates(self, view: Scope, in_scope) -> set[int] | range:
        """The parts of the scope that contain a listed phrase or every string a pattern needs."""
        if self.patterns and self.pattern_strings is None:
            return range(len(view.parts))
        found: set[int] = set()
        for words, present in ((self.tokens, in_scope[0]), (self.swap_words, in_scope[1])):
            for p in present:
                if p in words.always:
                    return range(len(view.parts))
                found.update(view.containing(words.flat[p], self.needles, words.case_sensitive))
        for groups in self.pattern_strings or ():
            found |= set.intersection(*(set().union(*(view.containing(s, self.needles) for s in group))
                                        for group in groups))
        return found

    def _patterns_may_match(self, view: Scope) -> bool:
        if not self.patterns:
            return False
        if self.pattern_strings is None:
            return True
        found = view.found(self.needles)
        return any(all(any(s in found for s in group) for group in groups) for groups in self.pattern_strings)

    def say(self, target, match: str = "", suggestion: str = "", label: str | None = None, **span):
        values = {"match": match, "suggestion": suggestion, "label": label or getattr(target, "label", "document")}
        return self.rule.at(target, self.message.format_map(values), label=label, match=match, **span)

    def _span(self, target, text: Text, m, suggestion: str) -> dict:
        """Where a match stands in its body paragraph, and its fix: the swap, or curly quotes."""
        para = getattr(target, "para", None)
        how = self.spec.get("fix")
        if para is None or not how or text.text != target.text:
            return {}
        raw = para.text[target.body:]
        base = target.body + len(raw) - len(raw.lstrip())
        found = m.group(0)
        if how == "curly-quotes":
            # Only a pair is certain; a lone '"' may open or close.
            fix = f"“{found[1:-1]}”" if len(found) >= 2 and found.count('"') == 2 else None
        else:
            fix = suggestion if self.kind == "replace" else None
        return {"start": base + m.start(), "end": base + m.end(), "fix": fix}

    def _timed(self, regex) -> bool:
        return self.untrusted and not isinstance(regex, re.Pattern)

    def _finditer(self, regex, text: str):
        return regex.finditer(text, timeout=PATTERN_TIMEOUT) if self._timed(regex) else regex.finditer(text)

    def check(self, res):
        if not self.untrusted:
            yield from self._check(res)
            return
        try:
            yield from self._check(res)
        except TimeoutError:  # one warning naming the rule; the draft's other checks go on
            yield self.rule.at(None, f"the pattern of rule {self.id} took over {PATTERN_TIMEOUT} s on one paragraph and "
                                     "was stopped for this draft; simplify the pattern", severity="warning")

    def _check(self, res):
        if res.kind in self.skip_kinds or not res.has_structure and self.kind in ("lead", "require"):
            return
        if self.kind in ("forbid", "replace"):
            view = scope_view(res, self.scope)
            in_scope = self._in_scope(view)
            if in_scope is None:
                return
            for k in sorted(self._candidates(view, in_scope)):
                target, text = view.parts[k]
                tokens = self.tokens.narrow(in_scope[0], text) if self.tokens is not None else frozenset()
                swap = self.swap_words.narrow(in_scope[1], text) if self.swap_words is not None else frozenset()
                yield from self._matches(target, text, tokens, swap)
        elif self.kind == "require":
            yield from self._require(res)
        elif self.kind == "lead":
            for target, _ in units(res, self.scope):
                lead = getattr(target, "lead", None)
                if lead is None or getattr(target, "clause", False):
                    continue
                head = lead.head
                if head and not self._listed(head):
                    yield self.say(target, match=lead.text)
        elif self.kind == "count":
            yield from self._count(res)

    def _listed(self, head: str) -> bool:
        """Whether a listed phrase is the head of a lead or its first words (head: words joined by one space)."""
        if head in self.phrases:
            return True
        at = head.find(" ")
        while at != -1:
            if head[:at] in self.phrases:
                return True
            at = head.find(" ", at + 1)
        return False

    def _matches(self, target, text: Text, tokens_present, swap_present):
        key = (tokens_present, swap_present)
        regex = self._regex_for(key, lambda: self._pattern(tokens_present, swap_present), written=bool(self.patterns))
        if regex is None:
            return
        spans = None
        for m in self._finditer(regex, text.text):
            if self.exceptions is not None:
                if spans is None:
                    spans = self._exception_spans(text)
                if any(s <= m.start() and m.end() <= e for s, e in spans):
                    continue
            found = m.group(0)
            suggestion = ""
            if self.kind == "replace":
                key = " ".join(found.split())
                suggestion = self.swap.get(key if self.case_sensitive else key.lower(), "")
                if not suggestion:
                    continue
                if not self.case_sensitive and found[:1].isupper() and suggestion[:1].islower():
                    suggestion = suggestion[:1].upper() + suggestion[1:]
            else:
                suggestion = self.spec.get("suggestion", "")
            yield self.say(target, match=found, suggestion=suggestion, **self._span(target, text, m, suggestion))

    def _exception_spans(self, text: Text) -> list[tuple[int, int]]:
        present = frozenset(self.exceptions.present(text))
        if not present:
            return []
        regex = self._regex_for(("exceptions", present), lambda: self.exceptions.pattern(present), written=False)
        return [m.span() for m in self._finditer(regex, text.text)] if regex is not None else []

    def _require(self, res):
        targets = list(units(res, self.scope))
        position = self.spec.get("position", "all")
        if position == "first":
            targets = targets[:1]
        elif position == "last":
            targets = targets[-1:]
        elif position == "not-last":
            targets = targets[:-1]
        for target, text in targets:
            regex = self.regex
            if not (regex.search(text, timeout=PATTERN_TIMEOUT) if self._timed(regex) else regex.search(text)):
                yield self.say(target)

    def _count(self, res):
        hits = []
        for target, text in units(res, self.scope):
            hits.extend((target, m.group(0)) for m in self._finditer(self.regex, text))
        low, high = self.spec.get("min"), self.spec.get("max")
        if (low is not None and len(hits) < low) or (high is not None and len(hits) > high):
            target = hits[high][0] if high is not None and len(hits) > high else None
            yield self.say(target, match=str(len(hits)), label=None if target is not None else "document")


SCOPE_KINDS = {"heading": ("heading", "section"), "title": ("title",), "opening": ("opening",), "preamble": ("pp",),
               "operative": ("op", "text"), "sub": ("sub",), "closing": ("closing",)}


def units(res, scope):
    """(target, text) for every part of the draft a rule with this scope reads."""
    for name in scope:
        if name in SCOPE_KINDS:
            for node in res.of_kind(*SCOPE_KINDS[name]):
                yield node, node.text
        elif name == "lead":
            for node in res.of_kind("pp", "op"):
                if node.lead is not None:
                    yield node, node.lead.text
        elif name == "footnote":
            for entry in res.footnotes:
                if entry.footnote is not None:
                    yield entry, entry.footnote.text
        elif name == "document":
            for node in res.nodes:
                if node.kind not in ("annex", "trailer"):
                    yield node, node.text


def scope_view(res, scope: tuple[str, ...]) -> Scope:
    """The parts a scope reads: made once per draft and scope, shared by every rule with that scope."""
    key = ("scope",) + scope
    view = res.memo.get(key)
    if view is None:
        texts = res.memo.setdefault("texts", {})  # one Text per distinct string, shared across scopes
        view = res.memo[key] = Scope([(target, texts.get(text) or texts.setdefault(text, Text(text)))
                                      for target, text in units(res, scope)])
    return view


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
    needs = {f"{pack['pack']}.{spec['id']}": _pattern_strings(spec) for pack in packs for spec in pack["rules"]}
    data = {"sources": sources, "packs": packs, "pattern_strings": {k: v for k, v in needs.items() if v != []}}
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
        data, needs = zip(sources, cache["packs"]), cache["pattern_strings"]
    else:  # the YAML changed since the cache was built: read it directly
        data = [(name, load_yaml(str(resource_dir("rules") / name), trusted=True)) for name in sources]
        needs = None
    out = []
    needles = Needles()  # the UN packs are searched for as one
    for name, pack in data:
        out.extend(compile_pack(pack, str(resource_dir("rules") / name), eager=False, needs=needs, needles=needles))
    return tuple(out)


_USER_CACHE: dict[tuple[str, float], list[PackRule]] = {}


def user_pack(path: str) -> list[PackRule]:
    key = (os.path.abspath(path), os.path.getmtime(path) if os.path.exists(path) else 0.0)
    if key not in _USER_CACHE:
        _USER_CACHE[key] = load_pack(path)
    return _USER_CACHE[key]
