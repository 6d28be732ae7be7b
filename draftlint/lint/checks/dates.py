"""Dates written the UN way: “7 December 2022” (conventions DT-01).

The day without a leading zero or ordinal suffix, the month in full, the year in four figures, no comma.
Ranges (“from 2 to 4 September 2015”) are right. A date that cannot exist (“31 November 2022”) is an error.
"""
from __future__ import annotations

import datetime
import re

from draftlint.model.citations import cited_lists
from draftlint.model.patterns import MONTHS, MONTH_RE
from draftlint.lint.rule import DRAFT_HEAD, Rule, text_start

D = DRAFT_HEAD
LAST = "\n\n2. *Decides* to remain seized of the matter."

ORDER = Rule(
    "dates.order", "dates", "error",
    summary="A date is written day, month, year: “7 December 2022”, never “December 7, 2022”.",
    why="UN documents in English put the day first and use no comma in a date (UN Editorial Manual, numbers and "
        "dates; every adopted resolution). The month-first order is American usage.",
    wrong=D + "1. *Welcomes* the meeting held in Geneva on December 7, 2022;" + LAST,
    right=D + "1. *Welcomes* the meeting held in Geneva on 7 December 2022;" + LAST,
    fixable=True,
)
FORM = Rule(
    "dates.form", "dates", "warning",
    summary="The day has no leading zero or ordinal suffix, the month is in full and no comma precedes the year: "
            "“7 December 2022”, not “07 December 2022”, “7th December 2022”, “7 Dec. 2022” or “7 December, 2022”.",
    why="UN Editorial Manual (numbers and dates) and every adopted resolution write dates in one form; other "
        "forms come from word processors and national habits and are changed by the editors.",
    wrong=D + "1. *Welcomes* the meeting held in Geneva on 7th Dec. 2022;" + LAST,
    right=D + "1. *Welcomes* the meeting held in Geneva on 7 December 2022;" + LAST,
    fixable=True,
)
INVALID = Rule(
    "dates.invalid", "dates", "error",
    summary="A date exists: no “31 November” and no “29 February” outside a leap year.",
    why="An impossible date is a typing slip that a reader cannot resolve; it must be checked against the source.",
    wrong=D + "1. *Welcomes* the meeting held in Geneva on 31 November 2022;" + LAST,
    right=D + "1. *Welcomes* the meeting held in Geneva on 30 November 2022;" + LAST,
)
RULES = [ORDER, FORM, INVALID]

ABBREV = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
          "nov": 11, "dec": 12}
ABBREV_RE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
ANY_MONTH = rf"(?:{MONTH_RE}|{ABBREV_RE})"
SP = r"[ \u00a0]+"

# A day of one or two figures, not part of a longer number ("2022/13", "3.14", "1,500"). Written as a figure
# first and the look-behind after it (the character before the first figure is not a figure, "/", "." or
# ","), not as (?<![\d/.,])\d{1,2}: a pattern that opens with a character class lets `re` skip straight to
# the next figure, instead of trying the look-behind at every position of the paragraph (three times faster
# on the drafts; the same matches, held by tests/test_pattern_forms.py).
DAY = r"(?P<day>\d(?<![\d/.,]\d)\d?)"

# "December 7, 2022", "Dec. 7 2022", "December 7th, 2022"
US = re.compile(rf"\b(?P<month>{ANY_MONTH}){SP}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|/|\.\d)(?P<comma>,?){SP}"
                rf"(?P<year>\d{{4}})\b")
# "7 December 2022" and its wrong forms: "07 December 2022", "7th December 2022", "7th of December", "7 Dec. 2022",
# "7 December, 2022"; the year may be missing ("from 30 November to 2 December 2022").
DMY = re.compile(rf"{DAY}(?P<suffix>st|nd|rd|th)?(?P<of>{SP}of)?{SP}(?P<month>{ANY_MONTH})(?![A-Za-z])"
                 rf"(?:(?P<comma>,?){SP}(?P<year>\d{{4}})\b(?!/))?")
# "2 to 4 September 2015", "2 and 3 May 2020", "2-4 May": the first day of a range
RANGE_FIRST = re.compile(rf"{DAY}(?P<suffix>st|nd|rd|th)?(?:{SP}(?:to|and){SP}|\s*[-–]\s*)(?=\d{{1,2}}(?:st|nd|rd|th)?(?:{SP}of)?{SP}{ANY_MONTH}(?![A-Za-z]))")
MONTHISH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# The same for the first figure, which is not part of a word, a path or a longer number.
NUMERIC = re.compile(r"(?P<a>\d(?<![\w/.-]\d)\d?)/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d{2})(?![\w/])")


def _month(word: str) -> int:
    word = word.rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return ABBREV[word.lower()]


def _right(day: int, month: int, year: str | None) -> str:
    text = f"{day} {MONTHS[month - 1]}"
    return f"{text} {year}" if year else text


def _valid(day: int, month: int, year: str | None) -> bool:
    # Without a year, 29 February may be right: read as 2000, a leap year. A year outside datetime's range
    # (1 to 9999) is read as the year at the same place in the Gregorian calendar's 400-year cycle.
    try:
        datetime.date(2000 + int(year) % 400 if year else 2000, month, day)
    except ValueError:
        return False
    return True


def _cited_bad_dates(node) -> list[tuple[int, int]]:
    """Spans of cited resolutions whose date the recall-chain check already reports as not real."""
    if node is None or node.kind not in ("pp", "op", "sub"):
        return []
    return [(i.start, i.end) for lst in cited_lists(node.text) for i in lst.items if i.bad_date]


def _month_first(text: str, month):
    """US.finditer(text), `month` being MONTHISH's first match in `text`. Every way of writing a month begins with
    one of MONTHISH's three letters, so a month-first date can begin only where MONTHISH matches: US is tried
    there, not at every position of the paragraph as finditer would (tests/test_fast_paths.py holds the two equal)."""
    return filter(None, (US.match(text, m.start()) for m in MONTHISH.finditer(text, month.start())))


def dates_in(text: str, node=None):
    """(rule, message, match, span in `text`, the right form or None) for each date in `text` not written
    “7 December 2022”."""
    first_month = MONTHISH.search(text)  # US, DMY and RANGE_FIRST need a month, NUMERIC a slash
    if first_month is None and "/" not in text:
        return
    months = first_month is not None
    taken: list[tuple[int, int]] = []
    skip = None
    for m in (_month_first(text, first_month) if months else ()):
        day, month, year = int(m.group("day")), _month(m.group("month")), m.group("year")
        if day > 31:
            continue
        taken.append(m.span())
        if not _valid(day, month, year):
            yield INVALID, f"“{m.group(0)}” is not a real date: {MONTHS[month - 1]} {year} has no day {day}", m.group(0), m.span(), None
            continue
        yield ORDER, f"“{m.group(0)}” puts the month first; write “{_right(day, month, year)}”", m.group(0), m.span(), \
            _right(day, month, year)
    for m in DMY.finditer(text) if months else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        day, month, year = int(m.group("day")), _month(m.group("month")), m.group("year")
        word = m.group("month")
        if word not in MONTHS and not (year or m.group("suffix")):
            continue  # “3 Mar” without a year may be anything; “3 Mar 2022” and “3rd Mar” are dates
        if day > 31:
            continue  # not a day: “45 May” is something else
        if not _valid(day, month, year):
            skip = _cited_bad_dates(node) if skip is None else skip
            if any(a <= m.start() < b for a, b in skip):
                continue
            when = f"{MONTHS[month - 1]} {year}" if year else MONTHS[month - 1]
            yield INVALID, f"“{m.group(0)}” is not a real date: {when} has no day {day}", m.group(0), m.span(), None
            continue
        faults = []
        if m.group("day").startswith("0"):
            faults.append("no leading zero")
        if m.group("suffix"):
            faults.append(f"no “{m.group('suffix')}” after the day")
        if m.group("of"):
            faults.append("no “of”")
        if word not in MONTHS:
            faults.append("the month in full")
        if m.group("comma"):
            faults.append("no comma before the year")
        if faults:
            yield FORM, f"write “{_right(day, month, year)}” ({', '.join(faults)})", m.group(0), m.span(), \
                _right(day, month, year)
    for m in RANGE_FIRST.finditer(text) if months else ():
        day = int(m.group("day"))
        rest = DMY.search(text, m.end())
        if rest is None:
            continue
        month, year = _month(rest.group("month")), rest.group("year")
        if not _valid(day, month, year):
            when = f"{MONTHS[month - 1]} {year}" if year else MONTHS[month - 1]
            yield INVALID, f"“{text[m.start():rest.end()]}” begins on a day that does not exist: {when} has no day {day}", \
                text[m.start():rest.end()], (m.start(), rest.end()), None
        elif m.group("day").startswith("0") or m.group("suffix"):
            yield FORM, f"write the first day of the range as “{day}”", m.group(0).strip(), \
                (m.start("day"), m.end("suffix") if m.group("suffix") else m.end("day")), str(day)
    for m in NUMERIC.finditer(text) if "/" in text else ():
        a, b, year = int(m.group("a")), int(m.group("b")), m.group("year")
        if a > 31 or b > 31 or (a > 12 and b > 12) or 0 in (a, b):
            continue
        # Only a day above 12 says which figure is the month; "3/4/2022" is left to the drafter.
        mended = None
        if a > 12:
            fix = f"write “{_right(a, b, year)}”" if _valid(a, b, year) else "write the day, the month in full and the year"
            mended = _right(a, b, year) if _valid(a, b, year) else None
        elif b > 12:
            fix = f"write “{_right(b, a, year)}”" if _valid(b, a, year) else "write the day, the month in full and the year"
            mended = _right(b, a, year) if _valid(b, a, year) else None
        else:
            fix = f"write the month in full, day first: “{_right(a, b, year)}” or “{_right(b, a, year)}”"
        yield FORM, f"“{m.group(0)}” is a date in figures; {fix}", m.group(0), m.span(), mended


def check(res):
    for node in res.nodes:
        for rule, message, match, (start, end), fix in dates_in(node.text, node):
            base = text_start(node)
            yield rule.at(node, message, match=match, start=base + start, end=base + end, fix=fix)
    for entry in res.footnotes:
        if entry.footnote is None:
            continue
        for rule, message, match, _, _ in dates_in(entry.footnote.text):
            yield rule.at(entry, message, match=match)
