"""The rules of a pack, one class per kind of rule (rules/schema.json): what every kind shares is in PackRule,
what a kind does on its own in its class. packs.compile_pack picks the class by the rule's `kind` (KINDS)."""
from __future__ import annotations

import re

from draftlint.lint.matching import Needles, Scope, Text, Words
from draftlint.lint.packpatterns import PATTERN_TIMEOUT, compile_pattern, pattern_starts
from draftlint.lint.rule import Rule

UNREAD = object()  # what a rule has not read from its patterns yet


class PackRule:
    """What every rule of a pack has: its id and doc, the parts of the draft it reads, its exceptions, its
    compiled regexes, the timeout a delegation's patterns run under, and how it says a finding."""

    kind = ""
    needs_structure = False  # reads leads or positions: nothing to check in a draft without a structure

    def __init__(self, spec: dict, rid: str, pack: str, where: str, pattern_strings: list | None,
                 untrusted: bool = False, needles: Needles | None = None, starts=UNREAD):
        """`pattern_strings`: what each of the rule's patterns needs (packpatterns.pattern_strings);
        `untrusted`: a delegation's pack, whose patterns run under a timeout; `needles`: the strings of the
        pack this rule belongs to, which the rule adds its own to; `starts`: the strings every match of its
        patterns starts with (packpatterns.pattern_starts), when read in advance (the built-in packs' cache)."""
        doc = spec["doc"]
        self.spec = spec
        self.scope = tuple(spec["scope"])
        self.message = spec["message"]
        self.where = where
        self.skip_kinds = set(spec.get("skip_kinds", ()))
        self.rule = Rule(rid, spec["category"], spec["severity"], summary=doc["summary"], why=doc["why"],
                         wrong=doc["wrong"], right=doc["right"], fixable=bool(spec.get("fix", False)), pack=pack,
                         profile=spec.get("profile", "default"))
        self.source = doc.get("source", "")
        self.case_sensitive = cs = bool(spec.get("case_sensitive", False))
        self.needles = needles = needles if needles is not None else Needles()
        self.exceptions = Words(spec["exceptions"], cs, needles) if spec.get("exceptions") else None
        self.pattern_strings = pattern_strings
        self.untrusted = untrusted
        self._compiled: dict = {}
        self._starts = starts

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def regex(self):
        """The rule's whole regex, compiled on first use (None for a rule without one)."""
        return None

    def check_patterns(self) -> None:
        """For a delegation's pack seen for the first time: a bad pattern is reported when the pack is loaded,
        by name, and the whole regex compiled now."""
        from draftlint.lint.backtrack import catastrophic

        spec = self.spec
        for p in list(spec.get("patterns", ())) + ([spec["pattern"]] if "pattern" in spec else []):
            compile_pattern(p, self.case_sensitive, self.where, untrusted=True)
            if catastrophic(p, 0 if self.case_sensitive else re.IGNORECASE):
                from draftlint.errors import PackError

                raise PackError(f"{self.where}: the pattern {p!r} repeats a repetition (as in (a+)+) and can take "
                                "exponential time on a short text; rewrite it")
        self.regex  # noqa: B018 - compiles the whole regex now

    def _regex_for(self, key, pattern, written: bool):
        """The compiled `pattern()`. `written`: it holds patterns the pack's author wrote, which in a delegation's
        pack run under a timeout (`regex`); an alternation of listed words, escaped by draftlint, cannot
        backtrack badly and is compiled by `re`, as in the built-in packs (no `regex` import for a pack of words)."""
        if key not in self._compiled:
            if len(self._compiled) > 256:  # bounded: one entry per combination of words seen
                self._compiled.clear()
            text = pattern()
            self._compiled[key] = (compile_pattern(text, self.case_sensitive, self.where, self.untrusted and written)
                                   if text else None)
        return self._compiled[key]

    def _timed(self, regex) -> bool:
        return self.untrusted and not isinstance(regex, re.Pattern)

    def _finditer(self, regex, text: str):
        return regex.finditer(text, timeout=PATTERN_TIMEOUT) if self._timed(regex) else regex.finditer(text)

    def _exception_spans(self, text: Text) -> list[tuple[int, int]]:
        """Where the rule's exceptions stand in the text: a match inside one is not a finding."""
        if self.exceptions is None:
            return []
        present = frozenset(self.exceptions.present(text))
        if not present:
            return []
        regex = self._regex_for(("exceptions", present), lambda: self.exceptions.pattern(present), written=False)
        return [m.span() for m in self._finditer(regex, text.text)] if regex is not None else []

    def say(self, target, match: str = "", suggestion: str = "", label: str | None = None, **span):
        values = {"match": match, "suggestion": suggestion, "label": label or getattr(target, "label", "document")}
        return self.rule.at(target, self.message.format_map(values), label=label, match=match, **span)

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
        if res.kind in self.skip_kinds or not res.has_structure and self.needs_structure:
            return
        yield from self.findings(res)

    def findings(self, res):
        raise NotImplementedError


class WordsRule(PackRule):
    """A rule that looks for listed words (`words`: tokens, or the keys of a swap) and for patterns."""

    def __init__(self, spec: dict, *args, **kwargs):
        super().__init__(spec, *args, **kwargs)
        self.words = self._words(spec)
        self.patterns = [f"(?:{p})" for p in spec.get("patterns", ())]
        for groups in self.pattern_strings or ():
            for group in groups:
                self.needles.add(group)

    def _words(self, spec: dict) -> Words | None:
        return Words(spec["tokens"], self.case_sensitive, self.needles) if spec.get("tokens") else None

    @property
    def starts_with(self) -> frozenset[str] | None:
        """The strings every match of the rule's patterns starts with (matching.leading_strings), or None."""
        if self._starts is UNREAD:
            self._starts = pattern_starts(self.spec)
        return self._starts

    @property
    def regex(self):
        """Every word, every pattern, as one regex."""
        return self._regex_for(None, lambda: self._pattern(None), written=bool(self.patterns))

    def _pattern(self, present) -> str:
        """The alternation of the words (those `present`, or all) and the patterns."""
        pieces = [self.words.pattern(present)] if self.words is not None else []
        pieces += self.patterns
        return "|".join(p for p in pieces if p)


class ScanRule(WordsRule):
    """A rule with a finding at each match (forbid, replace): only the parts of its scope that contain a listed
    word or what a pattern needs are searched (matching.py), each with the regex of the words it contains."""

    def findings(self, res):
        view = scope_view(res, self.scope)
        present = self._in_scope(view)
        if present is None:
            return
        for k in sorted(self._candidates(view, present)):
            target, text = view.parts[k]
            words = self.words.narrow(present, text) if self.words is not None else frozenset()
            yield from self._matches(target, text, words)

    def _in_scope(self, view: Scope):
        """The words present in the parts the rule reads, or None when the rule cannot match in them."""
        present = self.words.present(view) if self.words is not None else ()
        if present or self._patterns_may_match(view):
            return present
        return None

    def _candidates(self, view: Scope, present) -> set[int] | range:
        """The parts of the scope that contain a listed phrase or every string a pattern needs."""
        if self.patterns and self.pattern_strings is None:
            return range(len(view.parts))
        found: set[int] = set()
        for p in present:
            if p in self.words.always:
                return range(len(view.parts))
            found.update(view.containing(self.words.flat[p], self.needles, self.words.case_sensitive))
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

    def _matches(self, target, text: Text, present):
        regex = self._regex_for(present, lambda: self._pattern(present), written=bool(self.patterns))
        if regex is None:
            return
        spans = None
        for m in self._search(regex, text, present):
            if self.exceptions is not None:
                if spans is None:
                    spans = self._exception_spans(text)
                if any(s <= m.start() and m.end() <= e for s, e in spans):
                    continue
            found = m.group(0)
            suggestion = self._suggestion(found)
            if suggestion is None:
                continue
            yield self.say(target, match=found, suggestion=suggestion, **self._span(target, text, m, suggestion))

    def _search(self, regex, text: Text, words):
        """The matches of the regex in the text, as finditer gives them. When the regex holds the rule's patterns
        alone (no listed `words` in this text) and every match starts with one of a few strings
        (matching.leading_strings), it is tried only where one of them starts: a pattern that opens with a
        lookbehind, as most of the UN packs' do, is otherwise tried at every position of the text. (A `regex`
        pattern, a delegation's under a timeout, is searched as written.)"""
        starts = None
        if not words and isinstance(regex, re.Pattern):
            starts = text.starts(self.starts_with)
        if starts is None:
            yield from self._finditer(regex, text.text)
            return
        end = 0
        for at in starts:
            if at >= end:  # as finditer: the next match starts after the last one
                m = regex.match(text.text, at)
                if m is not None:
                    end = m.end()
                    yield m

    def _suggestion(self, found: str) -> str | None:
        """What the message offers instead of the match; None: the match is no finding."""
        return self.spec.get("suggestion", "")

    def _fix(self, found: str, suggestion: str) -> str | None:
        """What `draftlint fix` puts in the match's place: curly quotes for a pair of straight ones (only a pair
        is certain; a lone '"' may open or close)."""
        if self.spec.get("fix") == "curly-quotes" and len(found) >= 2 and found.count('"') == 2:
            return f"“{found[1:-1]}”"
        return None

    def _span(self, target, text: Text, m, suggestion: str) -> dict:
        """Where a match stands in its body paragraph, and its fix."""
        para = getattr(target, "para", None)
        if para is None or not self.spec.get("fix") or text.text != target.text:
            return {}
        raw = para.text[target.body:]
        base = target.body + len(raw) - len(raw.lstrip())
        return {"start": base + m.start(), "end": base + m.end(), "fix": self._fix(m.group(0), suggestion)}


class ForbidRule(ScanRule):
    """Listed words or patterns that must not appear."""

    kind = "forbid"


class ReplaceRule(ScanRule):
    """Listed words that must not appear, each with the word to write instead (`swap`)."""

    kind = "replace"

    def _words(self, spec: dict) -> Words:
        cs = self.case_sensitive
        self.swap = {(k if cs else k.lower()): v for k, v in spec["swap"].items()}
        return Words(spec["swap"], cs, self.needles)

    def _suggestion(self, found: str) -> str | None:
        key = " ".join(found.split())
        suggestion = self.swap.get(key if self.case_sensitive else key.lower(), "")
        if not suggestion:
            return None
        if not self.case_sensitive and found[:1].isupper() and suggestion[:1].islower():
            suggestion = suggestion[:1].upper() + suggestion[1:]
        return suggestion

    def _fix(self, found: str, suggestion: str) -> str | None:
        return super()._fix(found, suggestion) if self.spec.get("fix") == "curly-quotes" else suggestion


class RequireRule(PackRule):
    """A pattern each part of the scope (or its first, last, all but last) must match."""

    kind = "require"
    needs_structure = True

    @property
    def regex(self):
        return self._regex_for(None, lambda: self.spec["pattern"], written=True)

    def findings(self, res):
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


class LeadRule(PackRule):
    """The lead phrases a paragraph may open with (`phrases`); a listed phrase also allows longer ones."""

    kind = "lead"
    needs_structure = True

    def __init__(self, spec: dict, *args, **kwargs):
        super().__init__(spec, *args, **kwargs)
        self.phrases = frozenset(p.lower() for p in spec["phrases"])

    def findings(self, res):
        for target, _ in units(res, self.scope):
            lead = getattr(target, "lead", None)
            if lead is None or getattr(target, "clause", False):
                continue
            head = lead.head
            if head and not self._listed(head):
                yield self.say(target, match=lead.text)

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


class CountRule(WordsRule):
    """At least `min`, at most `max` matches of the words and patterns in the whole scope."""

    kind = "count"

    def findings(self, res):
        hits = []
        for target, text in units(res, self.scope):
            hits.extend((target, m.group(0)) for m in self._finditer(self.regex, text))
        low, high = self.spec.get("min"), self.spec.get("max")
        if (low is not None and len(hits) < low) or (high is not None and len(hits) > high):
            target = hits[high][0] if high is not None and len(hits) > high else None
            yield self.say(target, match=str(len(hits)), label=None if target is not None else "document")


KINDS: dict[str, type[PackRule]] = {cls.kind: cls for cls in (ForbidRule, ReplaceRule, RequireRule, LeadRule,
                                                               CountRule)}


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
