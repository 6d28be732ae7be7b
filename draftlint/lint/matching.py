"""Finding a pack rule's words and patterns in a draft without scanning every paragraph with every regex.

A word list compiled as one alternation (the spelling pack has some 700 words) makes `re` try every word
at every position of every paragraph, and compiling it costs milliseconds in each new process. Instead the
words of the draft are collected once into a set, and a rule runs its regex only on the texts that
contain what every one of its matches must contain: the words of a listed phrase, or the strings read
from the parsed pattern. The regex itself decides, so the findings are those of the plain scan.
"""
from __future__ import annotations

import re
from bisect import bisect_right


WORD = re.compile(r"\w+")

# The edges of a whole word: not next to a word character, an apostrophe (’ or ') or a hyphen. Two assertions
# on each side rather than one class [\w’'-]: a class that mixes ’ with two other characters makes `re` build
# a table of 65,536 entries when it compiles the pattern, about 0.2 ms in every new process.
WHOLE_WORD = (r"(?<![\w’-])(?<!')", r"(?![\w’-])(?!')")


class Text:
    """One text as the prefilter sees it: case-folded, with its sets of words computed on demand."""

    __slots__ = ("text", "folded", "_words", "_flat", "_flat_exact")

    def __init__(self, text: str):
        self.text = text
        self.folded = text.casefold()
        self._words = None
        self._flat = None
        self._flat_exact = None

    @property
    def words(self) -> frozenset[str]:
        """The case-folded words (runs of word characters)."""
        if self._words is None:
            self._words = frozenset(WORD.findall(self.folded))
        return self._words

    @property
    def flat(self) -> str:
        """Case-folded, each run of white space one space: where a phrase matched with \\s+ is a plain substring."""
        if self._flat is None:
            self._flat = " ".join(self.folded.split())
        return self._flat

    @property
    def flat_exact(self) -> str:
        """As `flat`, with the case kept (for case-sensitive word lists)."""
        if self._flat_exact is None:
            self._flat_exact = " ".join(self.text.split())
        return self._flat_exact


class Scope:
    """The parts of a draft a rule reads, (target, Text), joined once so that a string is looked for in all
    of them by one search instead of one per part."""

    __slots__ = ("parts", "_joined")

    def __init__(self, parts: list):
        self.parts = parts
        self._joined: dict[bool, tuple[str, list[int]]] = {}

    def containing(self, s: str, exact: bool = False) -> set[int]:
        """Indexes of the parts whose flat text (Text.flat, or Text.flat_exact) contains `s`."""
        if exact not in self._joined:
            flats = [t.flat_exact if exact else t.flat for _, t in self.parts]
            starts, pos = [], 0
            for f in flats:
                starts.append(pos)
                pos += len(f) + 1
            self._joined[exact] = ("\x00".join(flats), starts)
        hay, starts = self._joined[exact]
        found: set[int] = set()
        pos = hay.find(s)
        while pos != -1:
            k = bisect_right(starts, pos) - 1
            found.add(k)
            if k + 1 >= len(starts):
                break
            pos = hay.find(s, starts[k + 1])
        return found


class Words:
    """Words and phrases matched whole (tokens, swap keys, exceptions), indexed by their first word.

    A whole-word match of a phrase starts and ends at the edges of runs of word characters, so every run
    of word characters in the phrase is a word of the text: a text that lacks one cannot match."""

    def __init__(self, phrases, case_sensitive: bool):
        self.case_sensitive = case_sensitive
        self.phrases = sorted(set(phrases), key=len, reverse=True)  # longest first, as the alternation needs
        self.by_first: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self.flat: dict[str, str] = {}
        self.always: list[str] = []  # phrases that do not start with a word character
        for p in self.phrases:
            folded = p.casefold()
            words = WORD.findall(folded)
            if not words or not (p[:1].isalnum() or p[:1] == "_"):  # the phrase does not start with a \w
                self.always.append(p)
            else:
                self.flat[p] = " ".join((p if case_sensitive else folded).split())
                self.by_first.setdefault(words[0], []).append((p, frozenset(words)))
        self.keys = frozenset(self.by_first)

    def present(self, text: Text) -> tuple[str, ...]:
        """The phrases of this list whose words all occur in the text (as whole words, whatever the case)."""
        words = text.words
        hits = self.keys & words
        if not hits:
            return tuple(self.always)
        return tuple([p for k in sorted(hits) for p, need in self.by_first[k] if need <= words] + self.always)

    def narrow(self, present: tuple[str, ...], text: Text) -> frozenset[str]:
        """Of the phrases present in the whole draft, those that occur in this part of it as a substring
        (whatever the case and spacing): cheaper than collecting the part's words, and never fewer."""
        if not present:
            return frozenset()
        hay = text.flat_exact if self.case_sensitive else text.flat
        return frozenset(p for p in present if p in self.always or self.flat[p] in hay)

    def pattern(self, present: frozenset[str] | None = None) -> str:
        """The alternation of the phrases (only those present, if given)."""
        chosen = [p for p in self.phrases if present is None or p in present]
        if not chosen:
            return ""
        body = "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in chosen)
        before, after = WHOLE_WORD
        return f"{before}(?:{body}){after}"


LIMIT = 64  # at most this many alternative strings are followed through a pattern


def required_strings(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Groups of case-folded strings such that every match of the pattern contains a string of each group,
    or None when the pattern names none (a rule without them is run on every text).

    Read from the parsed pattern: literal characters, small classes such as [Ss], groups, alternations and
    optional parts are followed as sets of strings; wildcards and large classes end a string."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - older Pythons
        import sre_parse
    try:
        parsed = sre_parse.parse(pattern, flags)
    except Exception:  # a pattern `re` cannot read (the `regex` module's syntax): no prefilter
        return None
    exact, required = _sequence(list(parsed))
    if exact is not None and "" not in exact:
        required = required + [exact]
    # Compared with Text.flat: case-folded, white space as single spaces; a group that allows an empty
    # string tells nothing.
    groups = {tuple(sorted({" ".join(s.casefold().split()) for s in group})) for group in required}
    return tuple(sorted(g for g in groups if "" not in g)) or None


def _sequence(items) -> tuple[set[str] | None, list[set[str]]]:
    """(the strings the sequence matches exactly, if few; groups of strings every match contains)."""
    required: list[set[str]] = []
    current: set[str] = {""}
    whole = True
    for op, arg in items:
        exact, inner = _item(str(op), arg)
        required += inner
        if exact is not None and len(current) * len(exact) <= LIMIT:
            current = {a + b for a in current for b in exact}
            continue
        if "" not in current:
            required.append(current)
        whole = False
        current = exact if exact is not None else {""}
    if whole:
        return current, required
    if "" not in current:
        required.append(current)
    return None, required


def _best(exact, required) -> set[str] | None:
    if exact is not None and "" not in exact:
        return exact
    return max(required, key=lambda g: min(map(len, g)), default=None)


def _item(name: str, arg) -> tuple[set[str] | None, list[set[str]]]:
    if name == "LITERAL":
        return {chr(arg)}, []
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {""}, []  # zero width: the text on either side is contiguous
    if name == "IN":
        if all(str(op) == "LITERAL" for op, _ in arg) and len(arg) <= 16:
            return {chr(c) for _, c in arg}, []
        return None, []
    if name == "SUBPATTERN":
        return _sequence(list(arg[-1]))
    if name == "ATOMIC_GROUP":
        return _sequence(list(arg))
    if name == "BRANCH":
        alts = [_sequence(list(alt)) for alt in arg[1]]
        if all(e is not None for e, _ in alts):
            union = set().union(*(e for e, _ in alts))
            if len(union) <= LIMIT:
                return union, []
        bests = [_best(e, r) for e, r in alts]
        return None, ([set().union(*bests)] if all(bests) else [])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = arg
        exact, inner = _sequence(list(sub))
        if low == high == 1:
            return exact, inner
        if low == 0 and high == 1 and exact is not None:
            return exact | {""}, []
        if low >= 1:
            return None, inner + ([exact] if exact is not None and "" not in exact else [])
        return None, []
    return None, []
