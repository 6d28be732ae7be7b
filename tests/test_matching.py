"""The pack prefilter (draftlint/lint/matching.py) never loses a finding: every rule of the built-in packs, and a
delegation's patterns, give with the prefilter exactly what a plain scan of every text with the rule's whole
regex gives, on the real texts and on texts built to sit at the edges (case, spacing, hyphens, exceptions)."""
from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from draftlint.lint.matching import Text, Words, leading_strings, required_strings
from draftlint.lint.packrules import units
from draftlint.lint.packpatterns import pattern_starts
from draftlint.lint.packs import builtin_rules, compile_pack
from draftlint.formats import read
from draftlint.model.resolution import build

RULES = [r for r in builtin_rules() if r.kind in ("forbid", "replace")]


def plain_scan(rule, res):
    """What the rule found before the prefilter: its whole regex over every text of its scope."""
    out = []
    if res.kind in rule.skip_kinds:
        return out
    for target, text in units(res, rule.scope):
        spans = ([m.span() for m in rule.exceptions and re.compile(rule.exceptions.pattern(), rule.regex.flags)
                  .finditer(text)] if rule.exceptions else [])
        for m in rule.regex.finditer(text):
            if any(s <= m.start() and m.end() <= e for s, e in spans):
                continue
            found = m.group(0)
            if rule.kind == "replace":
                key = " ".join(found.split())
                if not rule.swap.get(key if rule.case_sensitive else key.lower()):
                    continue
            out.append((getattr(target, "label", None), found))
    return out


def prefiltered(rule, res):
    return [(f.label if f.label != "document" else None, f.match) for f in rule.check(res)]


def draft_of(body: str):
    text = ("*The General Assembly*,\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n" + body
            + "\n\n2. *Decides* to remain seized of the matter.\n")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.md"
        path.write_text(text, encoding="utf-8")
        return build(read(str(path)))


def words_of_packs() -> list[str]:
    found = set()
    for rule in RULES:
        for w in (rule.words, rule.exceptions):
            if w is not None:
                found.update(w.phrases)
    return sorted(found)


PHRASES = words_of_packs()
EDGES = ["", " ", "  ", "\u00a0", "-", "’", "'", "(", ")", ",", ".", ";", "x", "s", "\n"]


def variants(phrase: str):
    yield phrase
    yield phrase.upper()
    yield phrase.title()
    yield phrase.replace(" ", "\u00a0")
    yield phrase.replace(" ", "  ")
    yield phrase.replace(" ", "-")
    yield phrase.replace("-", " ")


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.docx")), ids=lambda p: p.name)
def test_real_texts_same_findings_as_plain_scan(path):
    res = build(read(str(path)))
    for rule in RULES:
        assert prefiltered(rule, res) == plain_scan(rule, res), rule.id


def test_every_listed_word_in_every_form_same_findings_as_plain_scan():
    lines = []
    for k, phrase in enumerate(PHRASES):
        for v in variants(phrase):
            left, right = EDGES[k % len(EDGES)], EDGES[(k * 7 + 3) % len(EDGES)]
            lines.append(f"noted {left}{v}{right} here")
    body = "1. *Welcomes* " + "; ".join(lines) + ";"
    res = draft_of(body)
    total = 0
    for rule in RULES:
        expected = plain_scan(rule, res)
        assert prefiltered(rule, res) == expected, rule.id
        total += len(expected)
    assert total > 500  # the words were there to be found


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(EDGES + ["States", "member", "Heads of",
                                                                                "State", "%", "\"", "resolution 5"])),
                min_size=1, max_size=12))
def test_random_mixtures_same_findings_as_plain_scan(pieces):
    res = draft_of("1. *Welcomes* " + "".join(pieces) + ";")
    for rule in RULES:
        assert prefiltered(rule, res) == plain_scan(rule, res), rule.id


LEADING = sorted({s for rule in RULES if rule.patterns for s in pattern_starts(rule.spec) or ()})


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.one_of(st.sampled_from(LEADING), st.sampled_from(LEADING).map(str.title),
                          st.sampled_from(LEADING).map(str.upper),
                          st.sampled_from(EDGES + ["States", "Resolution 5", "resolution ", " 70/1", "S-1", "ß", "İ", "ı"])),
                min_size=1, max_size=12))
def test_patterns_tried_where_their_matches_start_same_findings_as_plain_scan(pieces):
    """A rule of patterns is tried only where a string that starts every match of them stands (Text.starts)."""
    res = draft_of("1. *Welcomes* " + "".join(pieces) + ";")
    for rule in RULES:
        assert prefiltered(rule, res) == plain_scan(rule, res), rule.id


@pytest.mark.parametrize("pattern,expected", [
    (r"(?<![\w-])(?i:general assembly|united nations)(?!\w)", {"general assembly", "united nations"}),
    (r"(?<=\s)(?:Resolutions?|Decisions?)(?=\s+\d)", {"resolution", "resolutions", "decision", "decisions"}),
    (r"[Ss]tates?\s+part(?:y|ies)", {"state", "states"}),
    (r"(?:a|b\d)", {"a", "b"}),
    (r"x?y", {"xy", "y"}),
    (r"x?\d", None),
    (r"\d+x", None),
    (r" x", None),  # a leading space: not as it stands in a flat text
])
def test_leading_strings_start_every_match(pattern, expected):
    assert leading_strings(pattern) == (frozenset(expected) if expected is not None else None)


@pytest.mark.parametrize("pattern,text", [
    (r"[Ss]tates?\s+part(?:y|ies)", "the States  Parties"),
    (r"heads of [Ss]tates? (?:and|or)\s[Gg]overnments?", "Heads of states and\u00a0Government"),
    (r"(?<![\w-])colou?r\b", "COLOR"),
    (r"(?:peace-?keep(?:ing|ers?))", "peacekeepers"),
    (r"a{2,}b", "aaab"),
    (r"x(?=y)", "xy"),
    (r"[Ss]tates [Pp]art(?:y|ies)", "States parties"),
])
def test_required_strings_are_in_every_match(pattern, text):
    groups = required_strings(pattern, re.IGNORECASE)
    assert groups, pattern
    assert re.search(pattern, text, re.IGNORECASE)
    flat = Text(text).flat
    assert all(any(s in flat for s in g) for g in groups)


@pytest.mark.parametrize("pattern", [r"\d+", r".*", r"[A-Z]\w+", r"(?:a|\d)", r"x?"])
def test_patterns_that_name_no_string_get_no_prefilter(pattern):
    assert required_strings(pattern) is None


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="abAB -s\u00a0", max_size=30))
@example("ab-b")
@example("bb a")
@example("bssb")
@example("aaa  b")
def test_required_strings_never_exclude_a_match(text):
    for pattern in (r"ab[ -]?b", r"(?:a|bb)s? a", r"b(?:a\s+a|ss)b", r"(?i:ab)A", r"a+ b"):
        groups = required_strings(pattern)
        if groups and re.search(pattern, text):
            flat = Text(text).flat
            assert all(any(s in flat for s in g) for g in groups), (pattern, text)


def test_words_are_found_as_phrases_whatever_the_case_and_spacing():
    w = Words(["capacity building", "UN"], case_sensitive=False)
    assert w.present(Text("Capacity\u00a0 BUILDING")) == ("capacity building",)
    assert w.present(Text("capacity and building")) == ()
    assert w.present(Text("capacity only")) == ()
    exact = Words(["UN"], True)
    assert exact.present(Text("the UN and un")) == ("UN",)
    assert exact.present(Text("the un")) == ()
    assert exact.narrow(("UN",), Text("under fund")) == frozenset()


def test_one_automaton_per_pack_finds_every_rules_strings():
    pack = {"pack": "house", "rules": [
        {"id": id_, "kind": "forbid", "category": "style", "severity": "warning", "scope": ["operative"],
         "tokens": tokens, "message": "Avoid {match}.", "doc": {"summary": "s", "why": "w", "wrong": "x", "right": "y"}}
        for id_, tokens in (("one", ["hereby"]), ("two", ["whereas", "inter alia"]))]}
    first, second = compile_pack(pack, "house.yaml")
    assert first.needles is second.needles
    res = draft_of("1. *Decides* hereby, inter  alia, to act;")
    assert [f.match for f in first.check(res)] == ["hereby"]
    assert [f.match for f in second.check(res)] == ["inter  alia"]


def test_dotless_i_is_tried_as_re_matches_it():
    """`re` under IGNORECASE takes the dotless ı for i, which str.casefold keeps: the prefilter folds it as `re`
    matches it (matching.fold), so a word or pattern spelled with ı is tried where it stands, alone or not."""
    res = draft_of("1. *Decides* that the Unıted Nations shall act;")
    for rule in RULES:
        assert prefiltered(rule, res) == plain_scan(rule, res), rule.id
    organs = next(r for r in RULES if r.id == "un-terms.organ-names")
    assert [m for _, m in prefiltered(organs, res)] == ["Unıted Nations"]
    pack = {"pack": "house", "rules": [{
        "id": "licence", "kind": "forbid", "category": "style", "severity": "warning", "scope": ["operative"],
        "tokens": ["licence"], "message": "Drop {match}.", "doc": {"summary": "s", "why": "w", "wrong": "x", "right": "y"}}]}
    rule = compile_pack(pack, "house.yaml")[0]
    res = draft_of("1. *Decides* that the lıcence holders and the licences shall be reviewed;")
    assert [f.match for f in rule.check(res)] == ["lıcence"]

def test_delegation_pattern_without_a_literal_still_runs():
    pack = {"pack": "house", "rules": [{
        "id": "figures", "kind": "forbid", "category": "style", "severity": "warning",
        "scope": ["operative"], "patterns": [r"\b\d{5,}\b"], "message": "Long figure {match}.",
        "doc": {"summary": "s", "why": "w", "wrong": "x", "right": "y"}}]}
    rule = compile_pack(pack, "house.yaml")[0]
    res = draft_of("1. *Welcomes* the 123456 pledges;")
    assert [f.match for f in rule.check(res)] == ["123456"]


def test_case_folding_neither_makes_nor_takes_white_space():
    """Text.flat is Text.flat_exact case-folded, and Needles finds a case-sensitive string through its folded
    form: both hold only while no character's case folding adds or removes white space."""
    import sys

    for code in range(sys.maxunicode + 1):
        c = chr(code)
        folded = c.casefold()
        assert folded and (folded == c if c.isspace() else not any(x.isspace() for x in folded)), hex(code)
    text = "Σ  ΣΑΣ\u00a0Straße\tİstanbul \u2003 ﬁnal  UN"
    assert Text(text).flat == " ".join(text.casefold().split())
