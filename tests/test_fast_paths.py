"""Where a check tries a pattern only at the places a match can start (found with str.find or a smaller pattern),
it must find exactly what the pattern's finditer over the whole text finds. Each such place is held here to its
plain scan on random texts built from the pieces that matter to it, so that a change to the pattern that the
fast path does not follow fails a test instead of losing findings. (A pattern that learns new words needs them
among its test's pieces too.)"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from draftlint.lint.checks import dates
from draftlint.lint.checks.references import symbols
from draftlint.model import citations

SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, database=None)


def texts(pieces: list[str]):
    return st.lists(st.sampled_from(pieces), min_size=0, max_size=14).map("".join)


def spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0)) for m in matches]


COMMON = [" ", "\u00a0", "  ", ",", ".", ";", "-", "/", "a", "x", "é", "_", "1", "12", "2022", "(", ")", "\n"]


@SETTINGS
@given(texts(COMMON + ["Resolution", "resolutions", "Decision", "decisions", "esolution", "ecision", "R", "d",
                       "its ", " 70/1", "ES-10/2", "irresolution", "indecision", "resolution 70/1", "Resolutions\u00a0",
                       "decision 76/516", "résolution ", "Resolution-", "RESOLUTION "]))
def test_citation_heads_are_what_the_head_pattern_finds(text):
    assert spans(citations._heads(text)) == spans(citations.HEAD.finditer(text))


@SETTINGS
@given(texts(COMMON + ["A", "S", "E", "UNEP", "E.CN", ".6", "/RES/", "//", "///", "Add.1", "Rev", "77", "C.1",
                       "L.", "@", ":", "http:", "and/or", "PV", "AB12", "ABCDEFGHIJ", "A/77/100", "A /77/ 100",
                       "a/77/100", "E/CN.6/2022/3", "E.CN.6/2022", "UNEP/EA.5/Res.1", "S/RES/2365 (2017)",
                       "A/C.1/77/L.5", "A//77", "ABCDEFGH/1", "ABCDEFGHI/1", "x.y/1", "A\u00a0/77", "ES-10/2"]))
def test_symbol_candidates_are_what_the_candidate_pattern_finds(text):
    assert spans(symbols._candidates(text)) == spans(symbols.CANDIDATE.finditer(text))


@SETTINGS
@given(texts(COMMON + ["December", "Dec", "Dec.", "May", "Mayor", "Sept", "Sept.", "September", "Jun", "June",
                       "7", "07", "31", "7th", "1st", ", ", "2022", "19", "Decembers", "Marc", "December 7, 2022",
                       "Sept. 7 2022", "September 30, 2022", "May 1st, 2020", "Jan 07 2021", "Feb. 29, 2023",
                       "March 3 2022", "April 31, 2022", "Oct 1 1999", "November 11th 2011", "July 4,2022"]))
def test_month_first_dates_are_what_the_month_first_pattern_finds(text):
    first = dates.MONTHISH.search(text)
    found = spans(dates._month_first(text, first)) if first is not None else []
    assert found == spans(dates.US.finditer(text))
