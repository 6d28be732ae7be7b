"""Finding a pack rule's words and patterns in a draft without scanning every paragraph with every regex.

A word list compiled as one alternation (the spelling pack has some 700 words) makes `re` try every word
at every position of every paragraph, and compiling it costs milliseconds in each new process. Instead every
string a pack's rules look for (the words and phrases of its lists, the strings read from its patterns) goes
into one Aho–Corasick automaton (pyahocorasick), which finds all of them in a text in one pass. A rule then
runs its regex only on the texts that contain what every one of its matches must contain; the regex itself
decides, so the findings are those of the plain scan. A listed word counts only where it stands as a whole word,
as its regex matches it; a pattern whose every match starts with one of a few strings is tried only where they
start (leading_strings, Text.starts).
"""
from __future__ import annotations

import re

import ahocorasick

def fold(s: str) -> str:
    """`s` case-folded as the prefilter compares texts and strings: str.casefold, and the dotless ı as i. `re`
    under IGNORECASE takes ı for i while casefold keeps it; of every character whose casefold has the same
    length, it is the only one `re` matches more widely (all were compared), so that a text folded here holds
    every string a case-insensitive match of a listed word or pattern holds, at the same place."""
    s = s.casefold()
    return s.replace("ı", "i") if "ı" in s else s


# The edges of a whole word: not next to a word character, an apostrophe (’ or ') or a hyphen. Two assertions
# on each side rather than one class [\w’'-]: a class that mixes ’ with two other characters makes `re` build
# a table of 65,536 entries when it compiles the pattern, about 0.2 ms in every new process.
WHOLE_WORD = (r"(?<![\w’-])(?<!')", r"(?![\w’-])(?!')")


class Needles:
    """The strings the rules of one pack look for, each in the form it has in a flat text (Text.flat, or
    Text.flat_exact for case-sensitive lists), found in a text by one pass of an automaton.

    A case-sensitive string goes into the automaton case-folded, and a text that holds its folded form is then
    asked for the string itself: a string in Text.flat_exact has its folded form in Text.flat (the same text
    case-folded), so one pass over Text.flat finds both kinds.

    A listed word or phrase (Words) matches only as a whole word (WHOLE_WORD), so it counts as found only where
    it stands as one: 'un' inside 'under' or 'program' inside 'programme' does not make a paragraph a candidate
    for the regex. A string that a pattern needs may stand anywhere and counts wherever it occurs."""

    __slots__ = ("_strings", "_exact", "_automaton", "version")

    def __init__(self):
        self._strings: dict[str, bool] = {}  # what the automaton looks for, case-folded -> only as a whole word
        self._exact: dict[str, set[str]] = {}  # folded form -> the case-sensitive strings with that form
        self._automaton = None
        self.version = 0  # what a text found is kept under: a string added later makes it stale

    def add(self, strings, exact: bool = False, whole: bool = False) -> None:
        """`whole`: the strings are looked for only as whole words (as long as no other rule wants them anywhere)."""
        for s in strings:
            if not s:
                continue
            key = fold(s) if exact else s
            if exact and s not in self._exact.get(key, ()):
                self._exact.setdefault(key, set()).add(s)
                self.version += 1
            whole_only = whole and self._strings.get(key, True)
            if self._strings.get(key) is not whole_only:
                self._strings[key] = whole_only
                self._automaton = None
                self.version += 1

    def find(self, flat: str, flat_exact: str) -> frozenset[str]:
        """The (case-folded) strings of this set that occur in `flat`, a Text.flat (`flat_exact`: the same text
        with its case kept, Text.flat_exact)."""
        automaton = self._automaton
        if automaton is None:
            if not self._strings:
                return frozenset()
            automaton = ahocorasick.Automaton()
            for s, whole in self._strings.items():
                automaton.add_word(s, (s, whole))
            automaton.make_automaton()
            self._automaton = automaton
        if len(flat) != len(flat_exact):
            # Case folding lengthened a character (ß -> ss): a position in `flat` is not that character's in the
            # text, so the edges of a word cannot be read there; every occurrence counts.
            return frozenset([s for _, (s, _) in automaton.iter(flat)])
        found = set()
        for end, (s, whole) in automaton.iter(flat):
            if s not in found and (not whole or _whole_at(flat_exact, end + 1 - len(s), end + 1)):
                found.add(s)
        return frozenset(found)

    def find_exact(self, folded: frozenset[str], flat_exact: str) -> frozenset[str]:
        """The case-sensitive strings that occur in `flat_exact`, given what find() found in the same text."""
        exact, strings = self._exact, self._strings
        return frozenset([s for key in folded if key in exact for s in exact[key]
                          if (_occurs_whole(s, flat_exact) if strings[key] else s in flat_exact)])


def _joins(c: str) -> bool:
    """Whether a character next to a word makes it part of a longer one, as [\\w’'-] in WHOLE_WORD (\\w: what
    str.isalnum() accepts, and the underscore)."""
    return c.isalnum() or c in "_’'-"


def _whole_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a whole word (WHOLE_WORD: nothing that joins it on either side)."""
    return not (start > 0 and _joins(text[start - 1]) or end < len(text) and _joins(text[end]))


def _occurs_whole(s: str, text: str) -> bool:
    """Whether `s` stands somewhere in `text` as a whole word (_whole_at)."""
    at = text.find(s)
    while at != -1:
        if _whole_at(text, at, at + len(s)):
            return True
        at = text.find(s, at + 1)
    return False


class Text:
    """One text as the prefilter sees it: case-folded, white space flattened, and the strings of each pack
    found in it, each computed once (a paragraph's Text is shared by every rule and scope that reads it)."""

    __slots__ = ("text", "flat_exact", "flat", "_found")

    def __init__(self, text: str):
        self.text = text
        # As `flat`, with the case kept (for case-sensitive word lists). A printable text has no white space but
        # the plain space (the others are control characters or separators), so most paragraphs are flat already.
        if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
            self.flat_exact = text
        else:
            self.flat_exact = " ".join(text.split())
        # Case-folded, each run of white space one space: where a phrase matched with \s+ is a plain substring.
        # (Case folding neither makes nor takes white space, so this is flat_exact case-folded.)
        self.flat = fold(self.flat_exact)
        self._found: dict = {}

    def starts(self, strings: frozenset[str] | None) -> list[int] | None:
        """Where in the text the (case-folded) strings start, in order; None when no strings are given or the
        positions of Text.flat are not those of the text (white space flattened, or a character that case folding
        lengthens: ß -> ss)."""
        flat = self.flat
        if strings is None or len(flat) != len(self.text) or self.flat_exact != self.text:
            return None
        at = set()
        for s in strings:
            k = flat.find(s)
            while k != -1:
                at.add(k)
                k = flat.find(s, k + 1)
        return sorted(at)

    def found(self, needles: Needles, exact: bool = False) -> frozenset[str]:
        """The strings of `needles` that occur in this text (flat, or flat_exact)."""
        return self.strings(needles)[2 if exact else 1]

    def strings(self, needles: Needles) -> tuple[int, frozenset[str], frozenset[str]]:
        """(needles.version, the strings found in flat, those found in flat_exact)."""
        kept = self._found.get(needles)
        if kept is None or kept[0] != needles.version:
            folded = needles.find(self.flat, self.flat_exact)
            kept = self._found[needles] = (needles.version, folded, needles.find_exact(folded, self.flat_exact))
        return kept


class Scope:
    """The parts of a draft a rule reads, (target, Text), with, for each string of a pack, the parts that
    contain it."""

    __slots__ = ("parts", "_index")

    def __init__(self, parts: list):
        self.parts = parts
        self._index: dict = {}

    def found(self, needles: Needles, exact: bool = False) -> dict[str, list[int]]:
        """String of `needles` -> indexes of the parts that contain it (only strings found in some part)."""
        kept = self._index.get(needles)
        if kept is None or kept[0] != needles.version:
            folded: dict[str, list[int]] = {}
            cased: dict[str, list[int]] = {}  # both at once: a scope has rules of either kind
            for k, (_, text) in enumerate(self.parts):
                _, in_flat, in_exact = text.strings(needles)
                for s in in_flat:
                    if s in folded:
                        folded[s].append(k)
                    else:
                        folded[s] = [k]
                for s in in_exact:
                    if s in cased:
                        cased[s].append(k)
                    else:
                        cased[s] = [k]
            kept = self._index[needles] = (needles.version, folded, cased)
        return kept[2] if exact else kept[1]

    def containing(self, s: str, needles: Needles, exact: bool = False) -> list[int]:
        """Indexes of the parts whose flat text (Text.flat, or Text.flat_exact) contains `s`, one of `needles`."""
        return self.found(needles, exact).get(s, [])


class Words:
    """Words and phrases matched whole (tokens, swap keys, exceptions), found through their flat forms.

    A whole-word match of a phrase, its spaces matched by \\s+, is the phrase's flat form in the text's flat
    form: a text whose flat form lacks it cannot match."""

    def __init__(self, phrases, case_sensitive: bool, needles: Needles | None = None):
        self.case_sensitive = case_sensitive
        self.needles = needles if needles is not None else Needles()
        self.phrases = sorted(set(phrases), key=len, reverse=True)  # longest first, as the alternation needs
        self.flat: dict[str, str] = {}
        self.by_flat: dict[str, list[str]] = {}
        self.always: list[str] = []  # phrases that do not start with a word character
        for p in self.phrases:
            if not (p[:1].isalnum() or p[:1] == "_"):  # not a \w first (`re`'s \w: str.isalnum() and "_")
                self.always.append(p)
            else:
                flat = " ".join((p if case_sensitive else fold(p)).split())
                self.flat[p] = flat
                self.by_flat.setdefault(flat, []).append(p)
        self.needles.add(self.by_flat, case_sensitive, whole=True)

    def present(self, where) -> tuple[str, ...]:
        """The phrases of this list that occur in `where` (a Text, or a Scope: in any of its parts), whatever
        the case and spacing, and those that do not start with a word character."""
        found = where.found(self.needles, self.case_sensitive)
        hits = [p for flat in self.by_flat.keys() & found for p in self.by_flat[flat]]
        return tuple(sorted(hits) + self.always)

    def narrow(self, present: tuple[str, ...], text: Text) -> frozenset[str]:
        """Of the phrases present in the rule's scope, those that occur in this part of it."""
        if not present:
            return frozenset()
        found = text.found(self.needles, self.case_sensitive)
        return frozenset(p for p in present if p in self.always or self.flat[p] in found)

    def pattern(self, present: frozenset[str] | None = None) -> str:
        """The alternation of the phrases (only those present, if given)."""
        chosen = [p for p in self.phrases if present is None or p in present]
        if not chosen:
            return ""
        body = "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in chosen)
        before, after = WHOLE_WORD
        return f"{before}(?:{body}){after}"


LIMIT = 64  # at most this many alternative strings are followed through a pattern


def _parse(pattern: str, flags: int):
    """The pattern as `re` reads it, or None (the `regex` module's syntax)."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - older Pythons
        import sre_parse
    try:
        return sre_parse.parse(pattern, flags)
    except Exception:
        return None


def required_strings(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Groups of case-folded strings such that every match of the pattern contains a string of each group,
    or None when the pattern names none (a rule without them is run on every text).

    Read from the parsed pattern: literal characters, small classes such as [Ss], groups, alternations and
    optional parts are followed as sets of strings; wildcards and large classes end a string."""
    parsed = _parse(pattern, flags)
    if parsed is None:  # a pattern `re` cannot read (the `regex` module's syntax): no prefilter
        return None
    exact, required = _sequence(list(parsed))
    if exact is not None and "" not in exact:
        required = required + [exact]
    # Compared with Text.flat: case-folded, white space as single spaces; a group that allows an empty
    # string tells nothing.
    groups = {tuple(sorted({" ".join(fold(s).split()) for s in group})) for group in required}
    return tuple(sorted(g for g in groups if "" not in g)) or None


def leading_strings(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Case-folded strings such that every match of the pattern starts with one of them, or None when the
    pattern names none: a match can then start only where one of them does (Text.starts)."""
    parsed = _parse(pattern, flags)
    found = _leading(list(parsed)) if parsed is not None else None
    if not found:
        return None
    found = {fold(s) for s in found}
    # As matched, not flattened: a string with white space other than single inner spaces is not in Text.flat
    # as it is (and "" starts every match).
    if any(not s or s != " ".join(s.split()) for s in found):
        return None
    return frozenset(found)


def _leading(items) -> set[str] | None:
    """The strings a match of the sequence starts with: the exact strings of its first items."""
    current: set[str] = {""}
    for op, arg in items:
        name = str(op)
        exact, _ = _item(name, arg)
        if exact is None:
            if name == "SUBPATTERN":
                exact = _leading(list(arg[-1]))
            elif name == "BRANCH":
                alts = [_leading(list(alt)) for alt in arg[1]]
                exact = set().union(*alts) if all(alts) else None
            if exact is not None and len(current) * len(exact) <= LIMIT:
                current = {a + b for a in current for b in exact}
            break
        if len(current) * len(exact) > LIMIT:
            break
        current = {a + b for a in current for b in exact}
    return None if "" in current else current


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
