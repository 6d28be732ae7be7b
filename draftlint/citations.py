"""Lists of cited resolutions and decisions: "its resolutions 70/46 of 7 December 2015, 71/72 of 5 December
2016 and 72/36 of 4 December 2017, and its decision 76/516 of 6 December 2021", "resolution 2365 (2017)"."""
from __future__ import annotations

import re

from draftlint import regexcache
from draftlint.days import Day
from draftlint.patterns import MONTHS, MONTH_RE, Lazy
from draftlint.records import field, record

SP = r"[ \u00a0]"  # Word drafts often join "7 December 2022" with non-breaking spaces
DATE = rf"{SP}of{SP}(?P<{{name}}>(?P<{{d}}>\d{{{{1,2}}}}){SP}(?P<{{m}}>{MONTH_RE}){SP}(?P<{{y}}>\d{{{{4}}}}))"
LETTERS = rf"(?:{SP}[A-Z](?:{SP}(?:and|to){SP}[A-Z])?)"
# One pattern for each way of citing a text, tried in this order where a citation may start (as the
# alternatives of one pattern would be): all four begin with a digit, or "ES-"/"S-". The rarer forms compile
# only when a draft reaches them; one pattern of all four took 1 ms to compile in every new process.
SESSION_FORM = regexcache.compile(
    rf"(?P<sym>(?P<prefix>ES-|S-)?(?P<session>\d{{1,3}})/(?P<number>\d{{1,4}})(?P<letters>{LETTERS})?)"
    rf"(?:{DATE.format(name='date', d='day', m='month', y='year')})?")
SC_FORM = Lazy(rf"(?P<sc>(?P<scnum>\d{{3,4}}){SP}?\((?P<scyear>\d{{4}})\))"
               rf"(?:{DATE.format(name='scdate', d='sd', m='sm', y='sy')})?")
OLD_FORM = Lazy(rf"\d{{1,4}}{LETTERS}?{SP}?\((?:ES-|S-)?[IVXL]+\)")  # before the thirty-first session: 3363 (XXX)
BARE_FORM = Lazy(rf"\d{{3,4}}(?![\d/.,]\d)(?!{SP}?\()")  # a number without its year or session
HEAD = regexcache.compile(rf"\b(?P<word>[Rr]esolutions?|[Dd]ecisions?){SP}+")
SEP = regexcache.compile(rf",{SP}+and{SP}+|{SP}+and{SP}+|,{SP}+")


@record
class Cited:
    symbol: str  # "70/46", "2365 (2017)"
    start: int
    end: int
    security_council: bool
    # "ga" (70/46), "special" (ES-10/25, S-30/1: numbered apart from the regular sessions), "sc" (2365 (2017)),
    # "old" (3363 (XXX)) or "bare" (2370, no year)
    kind: str = "ga"
    session: int | None = None
    number: int | None = None
    plural_letters: bool = False  # "31/6 A and B" names two texts
    date: Day | None = None
    date_text: str = ""
    bad_date: bool = False
    year: int | None = None  # the year of a Security Council resolution

    @property
    def key(self):
        return (self.session, self.number) if not self.security_council else (0, self.number)


@record
class CitedList:
    word: str  # "resolution", "resolutions", "decision" …
    start: int
    end: int
    items: list[Cited] = field(default_factory=list)
    separators: list[str] = field(default_factory=list)

    @property
    def decision(self) -> bool:
        return self.word.lower().startswith("decision")


def _date(day: str, month: str, year: str):
    try:
        return Day(int(year), MONTHS.index(month) + 1, int(day)), False
    except ValueError:
        return None, True


def _cited(text: str, pos: int) -> Cited | None:
    """The text cited at `pos`, in whichever form it is cited."""
    if not (text[pos:pos + 1].isdigit() or text.startswith(("ES-", "S-"), pos)):
        return None
    m = SESSION_FORM.match(text, pos)
    if m:
        c = Cited(symbol=m.group("sym"), start=m.start(), end=m.end(), security_council=False,
                  kind="special" if m.group("prefix") else "ga",
                  session=None if m.group("prefix") else int(m.group("session")), number=int(m.group("number")),
                  plural_letters=bool(m.group("letters") and " " in m.group("letters").strip()))
        if m.group("date"):
            c.date, c.bad_date = _date(m.group("day"), m.group("month"), m.group("year"))
            c.date_text = m.group("date")
        return c
    m = SC_FORM.match(text, pos)
    if m:
        c = Cited(symbol=m.group("sc"), start=m.start(), end=m.end(), security_council=True, kind="sc",
                  number=int(m.group("scnum")), year=int(m.group("scyear")))
        if m.group("scdate"):
            c.date, c.bad_date = _date(m.group("sd"), m.group("sm"), m.group("sy"))
            c.date_text = m.group("scdate")
        return c
    for kind, form in (("old", OLD_FORM), ("bare", BARE_FORM)):
        m = form.match(text, pos)
        if m:
            token = m.group(0)
            return Cited(symbol=token, start=m.start(), end=m.end(), security_council=False, kind=kind,
                         number=int(re.match(r"\d+", token).group(0)))
    return None


def cited_lists(text: str) -> list[CitedList]:
    out = []
    if "esolution" not in text and "ecision" not in text:  # what HEAD needs; most paragraphs cite nothing
        return out
    for head in HEAD.finditer(text):
        item = _cited(text, head.end())
        if item is None:
            continue
        lst = CitedList(word=head.group("word"), start=head.start(), end=item.end, items=[item])
        pos = item.end
        while True:
            sep = SEP.match(text, pos)
            if not sep:
                break
            nxt = _cited(text, sep.end())
            if nxt is None:
                break
            lst.separators.append(sep.group(0))
            lst.items.append(nxt)
            pos = lst.end = nxt.end
        out.append(lst)
    return out


def in_session(session: int, day: Day) -> bool:
    """A regular session N runs from September of 1945+N to September of 1946+N."""
    start, end = 1945 + session, 1946 + session
    return (day.year == start and day.month >= 9) or (day.year == end and day.month <= 9)
