"""Patterns rewritten so that `re` can skip to where a match may start (a character class first, the
look-behind after it) find exactly what their plain form finds."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from draftlint.lint.checks import dates

ROOT = Path(__file__).resolve().parent.parent
SP, ANY_MONTH = dates.SP, dates.ANY_MONTH

# The plain forms, with the look-behind before the figures.
PLAIN = {
    "DMY": re.compile(rf"(?<![\d/.,])(?P<day>\d{{1,2}})(?P<suffix>st|nd|rd|th)?(?P<of>{SP}of)?{SP}"
                      rf"(?P<month>{ANY_MONTH})(?![A-Za-z])(?:(?P<comma>,?){SP}(?P<year>\d{{4}})\b(?!/))?"),
    "RANGE_FIRST": re.compile(rf"(?<![\d/.,])(?P<day>\d{{1,2}})(?P<suffix>st|nd|rd|th)?(?:{SP}(?:to|and){SP}"
                              rf"|\s*[-–]\s*)(?=\d{{1,2}}(?:st|nd|rd|th)?(?:{SP}of)?{SP}{ANY_MONTH}(?![A-Za-z]))"),
    "NUMERIC": re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d{2})(?![\w/])"),
}
PIECES = ["1", "12", "123", "٣", "/", ".", ",", "-", "–", " ", "\u00a0", "of", "to", "and", "x", "_", "Dec",
          "December", "Sept.", "May", "st", "nd", "th", "2022", "1999", "A/77/"]


def _texts():
    rnd = random.Random(16)
    texts = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 20))) for _ in range(20_000)]
    for md in sorted((ROOT / "examples").glob("*.md")):
        texts += md.read_text(encoding="utf-8").split("\n")
    return texts


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_rewritten_date_patterns_find_what_the_plain_ones_find(name):
    fast, plain = getattr(dates, name), PLAIN[name]
    for text in _texts():
        got = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
        assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text
