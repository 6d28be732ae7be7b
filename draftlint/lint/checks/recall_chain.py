"""The chain of recalled resolutions: order, punctuation, dates that fit their session, and (with --previous)
last session's resolution and everything it recalled."""
from __future__ import annotations

import re

from draftlint.model import sessions as identity
from draftlint.model.citations import ECOSOC, GA, cited_in, cited_lists, in_council_year, in_session, owner
from draftlint.model.ordinals import ordinal
from draftlint.model.patterns import written
from draftlint.lint.rule import DRAFT_HEAD, Rule, text_start

HEAD = "*The General Assembly,*\n\n"
END = "\n\n1. *Decides* to remain seized of the matter."

ORDER = Rule(
    "recall-chain.order", "recall-chain", "warning",
    summary="Cited resolutions and decisions are listed in chronological order, each once; a list announced as "
            "“the most recent of which …” may run from the newest back.",
    why="The chain of recalled resolutions is read as the history of the item; an entry out of order or twice is "
        "usually a paragraph copied forward and edited by hand.",
    wrong=HEAD + "*Recalling* its resolutions 71/72 of 5 December 2016 and 70/46 of 7 December 2015," + END,
    right=HEAD + "*Recalling* its resolutions 70/46 of 7 December 2015 and 71/72 of 5 December 2016," + END,
)
GRAMMAR = Rule(
    "recall-chain.list", "recall-chain", "warning",
    summary="“resolution” before one number, “resolutions” before several; items joined by commas with “and” "
            "before the last and no comma before “and”.",
    why="UN style has no serial comma, and the word must agree with the count (UN Editorial Manual, punctuation).",
    wrong=HEAD + "*Recalling* its resolution 70/46 of 7 December 2015, 71/72 of 5 December 2016, and 72/36 of "
                 "4 December 2017," + END,
    right=HEAD + "*Recalling* its resolutions 70/46 of 7 December 2015, 71/72 of 5 December 2016 and 72/36 of "
                 "4 December 2017," + END,
    fixable=True,  # the agreement of "resolution(s)" with the count
    unsafe_fix="the comma before “and” (a list whose last item opens a clause of its own may want it)",
)
DATES = Rule(
    "recall-chain.date", "recall-chain", "error",
    summary="Each cited General Assembly resolution is dated within its session (an Economic and Social Council "
            "one within its session year), with a real date; a Security Council year agrees with the date given. "
            "Other bodies' resolutions (“Human Rights Council resolution 52/3”) follow their own calendars and are "
            "left alone.",
    why="Session N of the General Assembly runs from September of 1945+N to September of 1946+N: resolution 71/72 "
        "cannot be dated 2015. A wrong date is almost always a typing slip in a copied chain.",
    wrong=HEAD + "*Recalling* its resolution 71/72 of 5 December 2015," + END,
    right=HEAD + "*Recalling* its resolution 71/72 of 5 December 2016," + END,
)
PREVIOUS = Rule(
    "recall-chain.previous", "recall-chain", "error",
    summary="With --previous: the chain recalls last session's resolution and everything that resolution recalled.",
    why="Each new text on a recurring item extends the chain of its predecessor with the predecessor itself; "
        "a missing link is the classic slip when last year's text is copied.",
    wrong=DRAFT_HEAD + "1. *Decides* to remain seized of the matter.",
    right=DRAFT_HEAD.replace("resolution 75/59 of 7 December 2020", "resolutions 75/59 of 7 December 2020 and "
                             "77/64 of 7 December 2022") + "1. *Decides* to remain seized of the matter.",
)
REPORT = Rule(
    "recall-chain.report", "recall-chain", "warning",
    summary="With --previous: when last session's resolution asked for a report for this session, the draft takes "
            "note of the report “submitted pursuant to resolution” of it.",
    why="The report requested a session ago is the reason the item is on the agenda; drafts copied forward often "
        "keep the old resolution number in that paragraph.",
    wrong=DRAFT_HEAD + "1. *Takes note* of the report of the Secretary-General submitted pursuant to resolution 73/67;\n\n"
                       "2. *Decides* to remain seized of the matter.",
    right=DRAFT_HEAD + "1. *Takes note* of the report of the Secretary-General submitted pursuant to resolution 77/64;\n\n"
                       "2. *Decides* to remain seized of the matter.",
)
RULES = [ORDER, GRAMMAR, DATES, PREVIOUS, REPORT]

RECENT = re.compile(r"\b(?:most recent|latest|most recently)\b")  # "the most recent of which being resolutions 77/227, …"
# "resolutions 1514 (XV) and other relevant resolutions": the plural covers words that follow the number.
MORE_IN_WORDS = re.compile(r"[ \u00a0]*,?[ \u00a0]+(?:and|as well as|or)[ \u00a0]+(?:[a-z]+[ \u00a0]+){0,4}?(?:resolutions|decisions)\b")
CLAUSE_END = re.compile(r"[ \u00a0\u00b9\u00b2\u00b3\u2070-\u2079]*(?:[;.]|,?[ \u00a0]*$)")


def check(res):
    if not res.has_structure:
        return
    sc = res.security_council
    organ = identity.organ(res)
    for node in res.of_kind("pp", "op", "sub"):
        text = node.text
        for lst in cited_in(res, text):
            yield from _check_list(node, text, lst, sc, owner(text, lst, organ))
    if res.previous is not None:
        yield from _against_previous(res, res.previous)


def _check_list(node, text, lst, sc, who: str):
    yield from _order(node, text, lst)
    yield from _grammar(node, text, lst, sc)
    for item in lst.items:
        yield from _date(node, item, who)


def _day(item):
    return (item.date.year, item.date.month, item.date.day) if item.date else None


def _earlier(a, b) -> bool | None:
    """Whether `a` comes before `b` (None: the same, or nothing says). Within a series the number decides: the
    UN lists "194 (III) of 11 December 1948, 212 (III) of 19 November 1948" by number. Between series the dates
    do ("3263 (XXIX)" before "31/71", "S-29/1" among the Council's numbered texts)."""
    if a.kind == b.kind and a.kind in ("ga", "sc", "old", "annual"):
        return None if a.key == b.key else a.key < b.key
    if a.date and b.date and _day(a) != _day(b):
        return _day(a) < _day(b)
    return None


def _order(node, text, lst):
    """Each run of numbers in order of adoption. Items after an item's own words ("70/1 on …, 71/313") are
    grouped by subject, and the groups are not compared; a list announced as "the most recent of which …"
    may run from the newest back."""
    items = lst.items
    for a, b in zip(items, items[1:]):
        if a.key == b.key and a.kind == b.kind and a.symbol == b.symbol:
            yield ORDER.at(node, f"{b.symbol} is cited twice in a row", match=b.symbol)
    pairs = [(a, b, _earlier(a, b)) for a, b in zip(items, items[1:]) if a.group == b.group]
    backwards = [(a, b) for a, b, up in pairs if up is False]
    if not backwards:
        return
    forwards = [(a, b) for a, b, up in pairs if up]
    newest_first = RECENT.search(text, 0, lst.start) is not None and len(backwards) > len(forwards)
    for a, b in forwards if newest_first else backwards:
        way = "newest first, as announced" if newest_first else "chronological order"
        yield ORDER.at(node, f"{b.symbol} is listed after {a.symbol}; list cited texts in {way}", match=b.symbol)


def _grammar(node, text, lst, sc):
    items = lst.items
    count = sum(2 if i.plural_letters else 1 for i in items)
    word = lst.word.lower()
    at = text_start(node) + lst.start if text == node.text else None
    span = {"start": at, "end": at + len(lst.word)} if at is not None else {}
    if word in ("resolution", "decision") and count > 1:
        yield GRAMMAR.at(node, f"“{lst.word}” before {count} numbers; write “{lst.word}s”", match=lst.word,
                         fix=lst.word + "s", **span)
    if word in ("resolutions", "decisions") and count == 1 and not MORE_IN_WORDS.match(text, lst.end):
        yield GRAMMAR.at(node, f"“{lst.word}” before one number; write “{lst.word[:-1]}”", match=lst.word,
                         fix=lst.word[:-1], **span)
    if sc:
        return
    for sep, before, item in zip(lst.separators, items, items[1:]):
        # After an item's own words a comma may close them ("64/292, in which it recognized …, and 76/153").
        if sep.startswith(",") and "and" in sep:
            # The separator follows the item before it directly: its comma is the first character.
            comma = {"start": at - lst.start + before.end, "end": at - lst.start + before.end + 1} if at is not None else {}
            yield GRAMMAR.at(node, f"no comma before “and {item.symbol}” (UN style has no serial comma)",
                             match=item.symbol, fix="", unsafe=True, **comma)
    # ", 72/36," at the end of the clause lacks its "and"; a list that goes on in words ("…, 77/179 and all other
    # resolutions", "…, 72/266 B, section III of its resolution 72/262 C and …") has it further on.
    if len(items) >= 2 and lst.separators[-1] == ", " and CLAUSE_END.match(text, lst.end):
        yield GRAMMAR.at(node, "join the last two items with “and”, not a comma", match=items[-1].symbol)


def _date(node, item, who: str):
    if item.bad_date:
        yield DATES.at(node, f"“{item.date_text}” is not a real date ({item.symbol})", match=item.symbol)
    elif item.date and item.session and item.kind in ("ga", "old") and who == GA and _numbered_by_ga(item) \
            and not in_session(item.session, item.date):
        yield DATES.at(node, f"resolution {item.symbol} cannot be dated {item.date_text}: session {item.session} "
                             f"ran from {_opened(item.session)} to September {1946 + item.session}",
                       match=item.symbol)
    elif item.kind == "annual" and item.date and who == ECOSOC and not in_council_year(item.year, item.date):
        yield DATES.at(node, f"{item.symbol} cannot be dated {item.date_text}: the Economic and Social Council "
                             f"numbers its acts by the year of its session", match=item.symbol)
    elif item.security_council and item.date and item.year and item.date.year != item.year:
        yield DATES.at(node, f"{item.symbol} is dated {item.date_text}: the year in brackets is the year of "
                             "adoption", match=item.symbol)


def _numbered_by_ga(item) -> bool:
    """Whether the Assembly ever numbered a text so: "70/46" since its thirty-first session, "3363 (XXX)"
    before it. A number it never used ("resolution 5/14" in an Assembly text) belongs to a body the sentence
    names in a way the linter cannot read, and is left alone."""
    return item.session >= 31 if item.kind == "ga" else item.session <= 30


def _opened(session: int) -> str:
    return "January 1946" if session == 1 else f"September {1945 + session}"


def _against_previous(res, prev):
    pps = res.preamble
    if not pps:
        return
    reversed_pair = _reversed(res, prev)
    if reversed_pair:
        yield PREVIOUS.at(pps[0], reversed_pair)
        return
    have = {i.symbol.split(" ")[0] for lst in cited_lists(pps[0].text) for i in lst.items}
    prev_symbol = identity.symbol(prev)
    wanted = [i.symbol.split(" ")[0] for i in identity.chain(prev)]
    if prev_symbol:
        wanted.append(prev_symbol)
    missing = [s for s in wanted if s not in have]
    if missing:
        when = identity.adoption_date(prev)
        extra = f" (add “{prev_symbol} of {written(when)}”)" if prev_symbol in missing and when else ""
        yield PREVIOUS.at(pps[0], f"the chain of recalled resolutions lacks {', '.join(missing)}{extra}",
                          match=", ".join(missing))
    if prev_symbol and res.has_structure:
        current = identity.session(res)
        asked = identity.report_session(prev)
        if current and asked == current:
            needle = f"pursuant to resolution {prev_symbol}"
            if not any(needle in n.text for n in res.of_kind("pp", "op", "sub")):
                target = next((n for n in res.operative if "pursuant to resolution" in n.text), res.operative[0] if res.operative else pps[0])
                yield REPORT.at(target, f"resolution {prev_symbol} asked for a report at this session: take note of "
                                        f"the report “submitted pursuant to resolution {prev_symbol}”", match=prev_symbol)


def _reversed(res, prev) -> str | None:
    """Why `prev` cannot be last session's text for `res`: it is of the same or a later session, or it recalls
    `res` itself. The files were most likely given the wrong way round; the other --previous checks would
    then only list noise."""
    own, theirs = identity.symbol(res), identity.symbol(prev)
    if own and own in {i.symbol.split(" ")[0] for i in identity.chain(prev)}:
        return (f"the previous resolution ({theirs or 'given with --previous'}) recalls this one ({own}): it is "
                "the newer text; give the older one with --previous")
    now, then = identity.session(res), identity.session(prev)
    if now and then and then >= now:
        what = "the same session" if then == now else "a later session"
        return (f"the text given with --previous is of {what} ({ordinal(then)}) than this one ({ordinal(now)}); "
                "give last session's resolution, or swap the two files")
    return None
