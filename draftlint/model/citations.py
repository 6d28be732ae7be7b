"""Lists of cited resolutions and decisions: "its resolutions 70/46 of 7 December 2015, 71/72 of 5 December
2016 and 72/36 of 4 December 2017, and its decision 76/516 of 6 December 2021", "resolution 2365 (2017)",
and whose they are: a General Assembly text cites the acts of many bodies, and only the Assembly's own are
numbered and dated by its sessions."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from draftlint.model.patterns import MONTHS, MONTH_RE, WORD_CHARS

SP = r"[ \u00a0]"  # Word drafts often join "7 December 2022" with non-breaking spaces
# ", of 2 June 2016" after a pair ("resolutions 2016/7 and 2016/8, of 2 June 2016") takes a comma.
DATE = rf",?{SP}of{SP}(?P<{{name}}>(?P<{{d}}>\d{{{{1,2}}}}){SP}(?P<{{m}}>{MONTH_RE}){SP}(?P<{{y}}>\d{{{{4}}}}))"
# Texts adopted together under one number carry letters, up to two once a series passes Z: "53/77 AA".
LETTERS = rf"(?:{SP}[A-Z]{{1,2}}(?:{SP}(?:and|to){SP}[A-Z]{{1,2}})?(?![\w/-]))"
# One pattern for each way of citing a text, tried in this order where a citation may start (as the
# alternatives of one pattern would be): all four begin with a digit, or "ES-"/"S-".
# The first holds "70/46" and also the forms of other bodies that look like it: "2016/7" (the Economic and
# Social Council numbers by year) and "3/2023" (the FAO Conference puts the year last).
SESSION_FORM = re.compile(
    rf"(?P<sym>(?P<prefix>ES-|S-)?(?P<session>\d{{1,4}})/(?P<number>\d{{1,4}})(?P<letters>{LETTERS})?)"
    rf"(?:{DATE.format(name='date', d='day', m='month', y='year')})?")
SC_FORM = re.compile(rf"(?P<sc>(?P<scnum>\d{{3,4}}){SP}?\((?P<scyear>\d{{4}})\))"
                     rf"(?:{DATE.format(name='scdate', d='sd', m='sm', y='sy')})?")


@lru_cache(maxsize=None)
def old_form() -> re.Pattern:
    """Before the thirty-first session: "3363 (XXX)", "364 B (IV) of 1 December 1949". Compiled when first
    needed (about 0.4 ms): a citation that is in neither of the usual forms is rare."""
    return re.compile(rf"(?P<old>\d{{1,4}}{LETTERS}?{SP}?\((?P<oldprefix>ES-|S-)?(?P<roman>[IVXL]+)\))"
                      rf"(?:{DATE.format(name='olddate', d='od', m='om', y='oy')})?")


BARE_FORM = re.compile(rf"\d{{3,4}}(?![\d/.,]\d)(?!{SP}?\()")  # a number without its year or session
HEAD = re.compile(rf"\b(?P<word>[Rr]esolutions?|[Dd]ecisions?){SP}+")
SEP = re.compile(rf",{SP}+and{SP}+|{SP}+and{SP}+|,{SP}+")
# A list goes on after an item's own words ("70/1 on the 2030 Agenda, 71/313 of …", "64/292, in which it
# recognized …, and 76/153"): the next separator that is followed by a number.
FURTHER = re.compile(rf"(?:,?{SP}+as{SP}+well{SP}+as{SP}+|,{SP}+and{SP}+|{SP}+and{SP}+|,{SP}+)(?=(?:ES-|S-)?\d)")
# Where those words end: a new list, a new clause or sentence.
WORDS_END = re.compile(r";|\b[Rr]esolutions?\b|\b[Dd]ecisions?\b|\.(?:\s|$)")
DESCRIBED = 400  # characters of an item's own words at most
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
FAMILY = {"ga": "ga", "old": "ga", "special": "ga", "sc": "sc", "annual": "annual", "bare": "bare",
          "other": "other"}


@dataclass(slots=True)
class Cited:
    """One resolution or decision cited in a paragraph: its symbol, where it stands and what kind it is."""

    symbol: str  # "70/46", "2365 (2017)"
    start: int
    end: int
    security_council: bool
    # "ga" (70/46), "special" (ES-10/25, S-30/1: numbered apart from the regular sessions), "sc" (2365 (2017)),
    # "old" (3363 (XXX)), "annual" (2016/7, numbered by year), "other" (3/2023) or "bare" (2370, no year)
    kind: str = "ga"
    session: int | None = None  # the General Assembly session, for "ga" and "old"
    number: int | None = None
    letters: str = ""  # "A", "AA", "A and B"
    plural_letters: bool = False  # "31/6 A and B" names two texts
    date: date | None = None
    date_text: str = ""
    bad_date: bool = False
    year: int | None = None  # the year of a Security Council resolution, or of an "annual" number
    group: int = 0  # items after an item's own words ("70/1 on …, 71/313") start a new group

    @property
    def key(self):
        """Sorts texts of one kind in the order they were adopted."""
        if self.security_council:
            return (0, self.number or 0, "")
        return (self.session or self.year or 0, self.number or 0, self.letters)


@dataclass(slots=True)
class CitedList:
    """A list of cited resolutions after one word ("resolutions 70/46, 71/56 and 72/42"), with what separates them."""

    word: str  # "resolution", "resolutions", "decision" …
    start: int
    end: int
    items: list[Cited] = field(default_factory=list)
    separators: list[str] = field(default_factory=list)  # before items[1:]; "" where an item's own words came

    @property
    def decision(self) -> bool:
        return self.word.lower().startswith("decision")


def _date(day: str, month: str, year: str):
    try:
        return date(int(year), MONTHS.index(month) + 1, int(day)), False
    except ValueError:
        return None, True


def _roman(token: str) -> int:
    values = [ROMAN[c] for c in token]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _dated(c: Cited, m, name: str, d: str, mo: str, y: str) -> Cited:
    if m.group(name):
        c.date, c.bad_date = _date(m.group(d), m.group(mo), m.group(y))
        c.date_text = m.group(name)
    return c


def _session_form(m) -> Cited:
    session, number = int(m.group("session")), int(m.group("number"))
    letters = (m.group("letters") or "").strip()
    c = Cited(symbol=m.group("sym"), start=m.start(), end=m.end(), security_council=False, number=number,
              letters=letters, plural_letters=" " in letters)
    if m.group("prefix"):
        c.kind = "special"
    elif len(m.group("session")) == 4:
        c.kind, c.year = ("annual", session) if 1946 <= session <= 2099 else ("other", None)
    elif number >= 1000:
        c.kind = "other"  # no session of the Assembly reaches a thousand texts: "3/2023" puts the year last
    else:
        c.session = session
    return _dated(c, m, "date", "day", "month", "year")


def _cited(text: str, pos: int) -> Cited | None:
    """The text cited at `pos`, in whichever form it is cited."""
    if not (text[pos:pos + 1].isdigit() or text.startswith(("ES-", "S-"), pos)):
        return None
    m = SESSION_FORM.match(text, pos)
    if m:
        return _session_form(m)
    m = SC_FORM.match(text, pos)
    if m:
        c = Cited(symbol=m.group("sc"), start=m.start(), end=m.end(), security_council=True, kind="sc",
                  number=int(m.group("scnum")), year=int(m.group("scyear")))
        return _dated(c, m, "scdate", "sd", "sm", "sy")
    m = old_form().match(text, pos)
    if m:
        c = Cited(symbol=m.group("old"), start=m.start(), end=m.end(), security_council=False, kind="old",
                  number=int(re.match(r"\d+", m.group("old")).group(0)))
        if not m.group("oldprefix"):  # "(ES-I)" and "(S-V)" are special sessions, numbered apart
            c.session = _roman(m.group("roman"))
        return _dated(c, m, "olddate", "od", "om", "oy")
    m = BARE_FORM.match(text, pos)
    if m:
        token = m.group(0)
        return Cited(symbol=token, start=m.start(), end=m.end(), security_council=False, kind="bare",
                     number=int(token))
    return None


def _after_words(text: str, pos: int, last: Cited) -> tuple[int, Cited] | None:
    """The next item of the list after `last`'s own words, if the list goes on; the same kind of text only, so
    that a year or a paragraph number further on is not taken for one."""
    stop = WORDS_END.search(text, pos, pos + DESCRIBED)
    end = stop.start() if stop else min(len(text), pos + DESCRIBED)
    sep = FURTHER.search(text, pos, end)
    if sep is None:
        return None
    nxt = _cited(text, sep.end())
    if nxt is None or FAMILY[nxt.kind] != FAMILY[last.kind]:
        return None
    return sep.end(), nxt


def cited_in(res, text: str) -> list[CitedList]:
    """cited_lists(text) of a paragraph of the draft `res`, read once per draft: several checks read the
    citations of the same paragraph. The lists are shared: read them, never change them."""
    memo = res.memo.setdefault("cited", {})
    found = memo.get(text)
    if found is None:
        found = memo[text] = cited_lists(text)
    return found


def _heads(text: str):
    """HEAD.finditer(text), tried only where a head can start: one letter before "esolution" or "ecision", which
    each has (finditer would try HEAD's \\b and words at every position of the paragraph)."""
    pos = 0
    while True:
        r, d = text.find("esolution", pos), text.find("ecision", pos)
        if r < 0 and d < 0:
            return
        at = (d if r < 0 else r if d < 0 else min(r, d)) - 1
        m = HEAD.match(text, at) if at >= 0 else None
        if m is None:
            pos = at + 2  # past this word
            continue
        yield m
        pos = m.end()


def cited_lists(text: str) -> list[CitedList]:
    out = []
    if "esolution" not in text and "ecision" not in text:  # what HEAD needs; most paragraphs cite nothing
        return out
    for head in _heads(text):
        item = _cited(text, head.end())
        if item is None:
            continue
        lst = CitedList(word=head.group("word"), start=head.start(), end=item.end, items=[item])
        pos = item.end
        while True:
            sep = SEP.match(text, pos)
            nxt = _cited(text, sep.end()) if sep else None
            if nxt is not None:
                lst.separators.append(sep.group(0))
            else:
                further = _after_words(text, pos, lst.items[-1])
                if further is None:
                    break
                nxt = further[1]
                nxt.group = lst.items[-1].group + 1
                lst.separators.append("")
            nxt.group = max(nxt.group, lst.items[-1].group)
            lst.items.append(nxt)
            pos = lst.end = nxt.end
        out.append(lst)
    return out


def in_session(session: int, day: date) -> bool:
    """A regular session N runs from September of 1945+N to September of 1946+N; the first opened in London
    in January 1946."""
    start, end = 1945 + session, 1946 + session
    if session == 1:
        return day.year == 1946 or (day.year == 1947 and day.month <= 9)
    return (day.year == start and day.month >= 9) or (day.year == end and day.month <= 9)


def in_council_year(year: int, day: date) -> bool:
    """The Economic and Social Council numbers its acts by session year; since 2014 the "2017 session" opens
    in July 2016, so decision 2017/206 of 5 October 2016 is right."""
    return day.year == year or (day.year == year - 1 and day.month >= 7)


# --- whose texts a list cites ---------------------------------------------------------------------------------
GA = "General Assembly"
ECOSOC = "Economic and Social Council"
SC = "Security Council"
# A body that adopts resolutions and holds sessions, named in the text, or "its", which may stand for it.
BODY = re.compile(r"\b(?:(?P<ga>General Assembly)|(?P<sc>Security Council)|(?P<ecosoc>Economic and Social Council)"
                  r"|(?P<noun>Assembly|Council|Commission|Conference|Committee|Board|Parties|Forum|Organization"
                  r"|Union|Summit|Congress|Meeting|Parliament)|(?P<its>its))\b")
# The rest of a body's name after its noun ("Conference of the Parties to the … Convention against Corruption"),
# and the agent before it ("by the United Nations Environment Assembly").
NAME_REST = re.compile(rf"(?:{SP}+(?:(?:of|on|for|and|the|to|against|in){SP}+)*[A-Z]{WORD_CHARS})*")
AGENT = re.compile(rf"\bby{SP}+(?:the{SP}+)?(?:[A-Z]{WORD_CHARS}{SP}+(?:(?:of|on|for|and|the|to|against|in){SP}+)*)*$")
ADVERBS = {"also", "further", "again", "once", "furthermore"}
PREPOSITIONS = {"in", "at", "through", "by", "under", "with", "during", "of", "to", "from"}
# Words in -ing that are prepositions, not the organ's own participle: "during its session", "including its".
NOT_VERBS = {"during", "including", "concerning", "regarding", "following", "pending", "according", "notwithstanding"}
# The owner named after the list: "resolution 5/5 of 2 March 2022 of the United Nations Environment Assembly",
# "resolution 3/2023 …, entitled “…”, adopted by the Conference of …", "decision 15/4 … at the fifteenth
# meeting of the Conference of the Parties".
AFTER = re.compile(rf"(?:,?{SP}+entitled{SP}+“[^”]*”,?)?{SP}*(?:adopted{SP}+)?(?:by|of|at){SP}+the{SP}+"
                   rf"(?:[a-z-]+{SP}+(?:session|meeting){SP}+of{SP}+the{SP}+)?"
                   rf"(?P<name>[A-Z]{WORD_CHARS}(?:{SP}+(?:(?:of|on|for|and|the|to|against|in){SP}+)*[A-Z]{WORD_CHARS})*)")
# "through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted …": "its" looks forward
# to the subject of the clause.
SUBJECT = re.compile(rf",{SP}+the{SP}+(?P<name>[A-Z]{WORD_CHARS}(?:{SP}+(?:(?:of|on|for|and|the|to|against|in){SP}+)*"
                     rf"[A-Z]{WORD_CHARS})*){SP}+(?:[a-z]+ed|has|have|had)\b")
NOUN = re.compile(r"\b(?:Assembly|Council|Commission|Conference|Committee|Board|Parties|Forum|Organization|Programme"
                  r"|Union|Agency|Summit|Congress|Court|Meeting|Bureau|Parliament)\b")


def _named(name: str, organ: str = "") -> str:
    """The owner a body's name stands for; "" if the words name no body ("the Charter", "the Agenda")."""
    for full in (GA, SC, ECOSOC, organ or GA):
        if name.endswith(full):
            return full
    if name == "Assembly":
        return GA  # "the Assembly", "Assembly resolution 37/78 H"
    return "other" if NOUN.search(name) else ""


class _Mentions:
    """Reads the bodies a text names, in order, and what "its" stands for at each point. "its" is the body
    named as the agent ("by the Human Rights Council in its resolution 22/13") or just before it ("the
    Conference of the Parties …, in particular its resolution 10/4"), else the organ itself: "Recalling its
    resolution 76/203, in which it decided to organize the fourth International Conference on Small Island
    Developing States …, as well as its resolutions 77/245 …" are the Assembly's."""

    def __init__(self, organ: str):
        self.organ = organ
        self.current = organ  # the owner of an unqualified number: the body named last, or the organ
        self.agent = None  # (owner, end of its name, named as the agent)
        self.named = False

    def read(self, text: str, m) -> None:
        if m.group("its"):
            self.current = self._its(text, m)
            return
        self.named = True
        owner = self._owner(text, m)
        rest = NAME_REST.match(text, m.end())
        self.current = owner
        self.agent = (owner, rest.end(), AGENT.search(text, max(0, m.start() - 120), m.start()) is not None)

    def _owner(self, text: str, m) -> str:
        for group, name in (("ga", GA), ("sc", SC), ("ecosoc", ECOSOC)):
            if m.group(group):
                return name
        words = text[max(0, m.start() - 40):m.start()].split()
        if m.group("noun") == "Assembly" and not (words and words[-1][:1].isupper()):
            return GA  # "the Assembly"; not the Environment, Habitat or World Health Assembly
        if self.organ and text[:m.end()].endswith(self.organ):
            return self.organ  # a Human Rights Council text naming the Council
        return "other"  # "the Council" in an Assembly text may be any of three

    def _its(self, text: str, m) -> str:
        said = text[max(0, m.start() - 60):m.start()].split()
        words = [w for w in said[-3:] if w.lower() not in ADVERBS]
        verb = words[-1].strip(",") if words else ""
        lead = m.start() < 40 and len(text[:m.start()].split()) <= 2 and verb.endswith("s")  # "Recalls its"
        if verb.endswith("ing") and verb.lower() not in NOT_VERBS or lead:
            return self.organ  # "recalling also its resolution": the organ's own verb
        if self.agent:
            # The agent's own act follows a preposition ("by the Council, in its resolution", "at its session");
            # after "and" or "as well as" the text has gone back to its own subject, unless the body is right there.
            owner, end, agent = self.agent
            if agent and verb.lower() in PREPOSITIONS or len(text[end:m.start()].split()) <= 3:
                return owner
        return self.organ


def _mentions(text: str, organ: str) -> _Mentions:
    seen = _Mentions(organ)
    for m in BODY.finditer(text):
        seen.read(text, m)
    return seen


def owner(text: str, lst: CitedList, organ: str | None) -> str:
    """Whose texts `lst` cites: GA, SC, ECOSOC, `organ` (for "its" and for an unqualified number), "other"
    (another body), or "" when nothing says and the organ is not known. A name just before the list wins, then
    one just after it ("of the Conference of the Parties"), then the last body the text named before it, which
    is also what "its" stands for ("by the Human Rights Council in its resolution 22/13")."""
    before = text[:lst.start]
    named = _named_before(before, organ or "")
    if named:
        return named
    after = AFTER.match(text, lst.end) if " the " in text[lst.end:lst.end + 120] else None
    if after and _named(after.group("name"), organ or ""):
        return _named(after.group("name"), organ or "")
    seen = _mentions(before, organ or "")
    if not seen.named and before.rstrip().endswith("its"):
        subject = SUBJECT.match(text, lst.end)
        if subject and _named(subject.group("name"), organ or ""):
            return _named(subject.group("name"), organ or "")
    return seen.current


def _named_before(before: str, organ: str = "") -> str:
    """The owner named right before "resolution(s)": "General Assembly resolution", "Human Rights Council
    resolutions", "Commission on Narcotic Drugs resolution"; "" for "its", for none, and for the lead word
    ("Recalling resolution 70/1")."""
    stripped = before.rstrip()
    words = stripped.split()
    if len(words) < 2 or stripped.endswith(","):
        return ""
    last = words[-1]
    for mark in ("’s", "'s"):
        last = last[:-2] if last.endswith(mark) else last
    if not last[:1].isupper():
        return ""
    tail = " ".join(words[-4:-1] + [last])
    if last == "Assembly" and not words[-2][:1].isupper():
        return GA  # "of Assembly resolution 37/78 H"
    # Any other name or acronym before the word owns the text: "ESCAP resolution 79/8", "FAO Conference …".
    return _named(tail, organ) or "other"


# "the seventy-ninth session of the General Assembly", "at its 103rd session" (of the body named before "its")
SESSION_OF = re.compile(rf"{SP}+of{SP}+the{SP}+(?P<name>[A-Z]{WORD_CHARS}(?:{SP}+(?:(?:of|on|for|and|the|to|against|in)"
                        rf"{SP}+)*[A-Z]{WORD_CHARS})*)")


def session_owner(text: str, start: int, end: int, organ: str | None) -> str:
    """Whose session text[start:end] ("103rd session") is: the body named after it ("of the International
    Labour Conference"), the body "its" stands for, or `organ` when nothing says."""
    after = SESSION_OF.match(text, end) if "of the" in text[end:end + 8] else None
    if after and _named(after.group("name"), organ or ""):
        return _named(after.group("name"), organ or "")
    before = text[:start]
    if not before.rstrip().endswith("its"):
        return organ or ""
    return _mentions(before, organ or "").current
