"""The chain of recalled resolutions: order, punctuation, dates that fit their session, and (with --previous)
last session's resolution and everything it recalled."""
from __future__ import annotations

import re

from draftlint import identity
from draftlint.citations import cited_lists, in_session
from draftlint.rule import DRAFT_HEAD, Rule

HEAD = "*The General Assembly,*\n\n"
END = "\n\n1. *Decides* to remain seized of the matter."

ORDER = Rule(
    "recall-chain.order", "recall-chain", "warning",
    summary="Cited resolutions and decisions are listed in chronological order, each once.",
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
)
DATES = Rule(
    "recall-chain.date", "recall-chain", "error",
    summary="Each cited resolution is dated within its session, with a real date; a Security Council year agrees "
            "with the date given.",
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


def check(res):
    if not res.has_structure:
        return
    sc = res.security_council
    for node in res.of_kind("pp", "op", "sub"):
        for lst in cited_lists(node.text):
            yield from _check_list(node, lst, sc, _general_assembly(res, node.text[:lst.start]))
    if res.previous is not None:
        yield from _against_previous(res, res.previous)


def _general_assembly(res, before: str) -> bool:
    """Whether a cited list is of General Assembly texts (whose numbers follow the Assembly's sessions)."""
    owner = re.search(r"(General Assembly|Council|Commission|Conference|Committee|Board)(?:'s)?\s+$", before)
    if owner:
        return owner.group(1) == "General Assembly"
    return res.organ == "General Assembly" or res.kind.startswith("ga")


def _check_list(node, lst, sc, assembly: bool):
    items = lst.items
    for a, b in zip(items, items[1:]):
        if a.key == b.key:
            yield ORDER.at(node, f"{b.symbol} is cited twice in a row", match=b.symbol)
        elif a.kind == b.kind and a.kind in ("ga", "sc") and b.key < a.key and (a.session or a.kind == "sc"):
            yield ORDER.at(node, f"{b.symbol} is listed after {a.symbol}; list cited texts in chronological order",
                           match=b.symbol)
    count = sum(2 if i.plural_letters else 1 for i in items)
    word = lst.word.lower()
    if word in ("resolution", "decision") and count > 1:
        yield GRAMMAR.at(node, f"“{lst.word}” before {count} numbers; write “{lst.word}s”", match=lst.word)
    if word in ("resolutions", "decisions") and count == 1:
        yield GRAMMAR.at(node, f"“{lst.word}” before one number; write “{lst.word[:-1]}”", match=lst.word)
    if not sc:
        for sep, item in zip(lst.separators, items[1:]):
            if sep.startswith(",") and "and" in sep:
                yield GRAMMAR.at(node, f"no comma before “and {item.symbol}” (UN style has no serial comma)",
                                 match=item.symbol)
        if len(items) >= 2 and lst.separators[-1] == ", ":
            yield GRAMMAR.at(node, f"join the last two items with “and”, not a comma", match=items[-1].symbol)
    for item in items:
        if item.bad_date:
            yield DATES.at(node, f"“{item.date_text}” is not a real date ({item.symbol})", match=item.symbol)
        elif item.date and item.session and assembly and not in_session(item.session, item.date):
            yield DATES.at(node, f"resolution {item.symbol} cannot be dated {item.date_text}: session {item.session} "
                                 f"ran from September {1945 + item.session} to September {1946 + item.session}",
                           match=item.symbol)
        elif item.security_council and item.date and item.year and item.date.year != item.year:
            yield DATES.at(node, f"{item.symbol} is dated {item.date_text}: the year in brackets is the year of "
                                 "adoption", match=item.symbol)


def _against_previous(res, prev):
    pps = res.preamble
    if not pps:
        return
    have = {i.symbol.split(" ")[0] for lst in cited_lists(pps[0].text) for i in lst.items}
    prev_symbol = identity.symbol(prev)
    wanted = [i.symbol.split(" ")[0] for i in identity.chain(prev)]
    if prev_symbol:
        wanted.append(prev_symbol)
    missing = [s for s in wanted if s not in have]
    if missing:
        when = identity.adoption_date(prev)
        extra = f" (add “{prev_symbol} of {when}”)" if prev_symbol in missing and when else ""
        yield PREVIOUS.at(pps[0], f"the chain of recalled resolutions lacks {', '.join(missing)}{extra}",
                          match=", ".join(missing))
    if prev_symbol and res.has_structure:
        current = identity.session(res)
        asked = _report_session(prev)
        if current and asked == current:
            needle = f"pursuant to resolution {prev_symbol}"
            if not any(needle in n.text for n in res.of_kind("pp", "op", "sub")):
                target = next((n for n in res.operative if "pursuant to resolution" in n.text), res.operative[0] if res.operative else pps[0])
                yield REPORT.at(target, f"resolution {prev_symbol} asked for a report at this session: take note of "
                                        f"the report “submitted pursuant to resolution {prev_symbol}”", match=prev_symbol)


def _report_session(res) -> int | None:
    from draftlint.checks.agenda import report_session

    return report_session(res)
