"""The session numbers and the agenda-item sentence: heading, symbol and title agree; the agenda paragraph
and the report request name a later session, spelled as the UN spells ordinals."""
from __future__ import annotations

import re

from draftlint import identity, regexcache
from draftlint.ordinals import ORDINAL_RE, ordinal, value
from draftlint.rule import DRAFT_HEAD, Rule

GA = ("Seventy-seventh session\n\nFirst Committee\n\nAgenda item 99 (kk)\n\nGeneral and complete disarmament: "
      "countering the threat posed by improvised explosive devices\n\nAustria and Brazil: draft resolution\n\n"
      "Countering the threat posed by improvised explosive devices\n\n" + DRAFT_HEAD)
AGENDA_OP = ("*Decides* to include in the provisional agenda of its {} session, under the item entitled “General and "
             "complete disarmament”, the sub-item entitled “Countering the threat posed by improvised explosive devices”.")
AGENDA = regexcache.compile(r"provisional agenda of its (?P<ord>[A-Za-z]+(?:[- ][A-Za-z]+)?|\d+(?:st|nd|rd|th)) session")
REPORT = regexcache.compile(r"\bRequests the Secretary-General to (?:report|submit)\b.*?\bat its (?P<ord>[A-Za-z]+(?:[- ][A-Za-z]+)?|\d+(?:st|nd|rd|th)) session",
                    re.S)
ITEMS = regexcache.compile(r"under the item entitled “(?P<item>[^”]+)”, the sub-item entitled “(?P<sub>[^”]+)”"
                   r"|the item entitled “(?P<only>[^”]+)”")
FIGURES = regexcache.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th) (?:regular |special )?session\b")

SESSIONS = Rule(
    "agenda.sessions", "agenda", "error",
    summary="The session in the heading, in the symbol and in the title number agree.",
    why="A resolution of the seventy-seventh session is numbered 77/…; a mismatch means a heading copied from "
        "another year.",
    wrong="United Nations A/RES/77/64\n\nSeventy-sixth session\n\n77/64. Countering the threat\n\n" + DRAFT_HEAD
          + "1. *Decides* to remain seized of the matter.\n\n46th plenary meeting\n\n7 December 2022",
    right="United Nations A/RES/77/64\n\nSeventy-seventh session\n\n77/64. Countering the threat\n\n" + DRAFT_HEAD
          + "1. *Decides* to remain seized of the matter.\n\n46th plenary meeting\n\n7 December 2022",
)
LATER = Rule(
    "agenda.later-session", "agenda", "error",
    summary="The agenda paragraph and the report request name a session after the current one.",
    why="“Decides to include in the provisional agenda of its seventy-seventh session” in a text of the "
        "seventy-seventh session is a paragraph copied forward without moving the session on.",
    wrong=GA + "1. " + AGENDA_OP.format("seventy-seventh"),
    right=GA + "1. " + AGENDA_OP.format("seventy-ninth"),
)
SPELLING = Rule(
    "agenda.ordinal", "agenda", "error",
    summary="Sessions are named in words, lower case and hyphenated: “seventy-ninth session”.",
    why="UN resolutions spell session numbers as ordinal words (meetings are in figures: “46th plenary meeting”).",
    wrong=GA + "1. " + AGENDA_OP.format("79th"),
    right=GA + "1. " + AGENDA_OP.format("seventy-ninth"),
    fixable=True,
)
ITEM = Rule(
    "agenda.item", "agenda", "warning",
    summary="The item and sub-item named in the agenda paragraph are those of the heading.",
    why="The agenda paragraph puts the item on a future agenda; a title that differs from the heading creates "
        "a different item.",
    wrong=GA + "1. " + AGENDA_OP.format("seventy-ninth").replace("improvised explosive devices”", "explosive devices”"),
    right=GA + "1. " + AGENDA_OP.format("seventy-ninth"),
)
SEIZED = Rule(
    "agenda.seized", "agenda", "info",
    summary="A Security Council resolution ends with “Decides to remain (actively) seized of the matter.”",
    why="The closing formula keeps the question on the Council's agenda.",
    wrong="*The Security Council,*\n\n*Recalling* its resolution 2365 (2017),\n\n1. *Requests* the Secretary-General to report.",
    right="*The Security Council,*\n\n*Recalling* its resolution 2365 (2017),\n\n1. *Decides* to remain seized of the matter.",
)
MISMATCH = Rule(
    "agenda.report-session", "agenda", "info",
    summary="The report request and the agenda paragraph name the same session.",
    why="Usually they do; but a resolution may ask for the report later than the next debate (71/72 asks for it at "
        "the seventy-third session and puts the item on the seventy-second), so this is only information.",
    wrong=GA + "1. *Requests* the Secretary-General to report to the General Assembly at its eightieth session;\n\n2. "
          + AGENDA_OP.format("seventy-ninth"),
    right=GA + "1. *Requests* the Secretary-General to report to the General Assembly at its seventy-ninth session;\n\n2. "
          + AGENDA_OP.format("seventy-ninth"),
)
RULES = [SESSIONS, LATER, SPELLING, ITEM, SEIZED, MISMATCH]


def _session_value(word: str) -> int | None:
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else value(word)


def _report(text: str):
    return REPORT.search(text) if "Requests the Secretary-General" in text else None  # a cheap test first


def report_session(res) -> int | None:
    for node in res.operative:
        m = _report(node.text)
        if m:
            return _session_value(m.group("ord"))
    return None


def check(res):
    if not res.has_structure:
        return
    found = identity.sessions(res)
    if len(set(found.values())) > 1:
        target = next((n for n in res.nodes if n.kind in ("heading", "title")), None)
        said = ", ".join(f"{k} {v}" for k, v in found.items())
        yield SESSIONS.at(target, f"the heading does not agree on the session: {said}", label="heading")
    current = identity.session(res)
    agenda_session = None
    for node in res.of_kind("pp", "op", "sub"):
        yield from _spelling(node)
        m = AGENDA.search(node.text) if node.kind == "op" and "provisional agenda" in node.text else None
        if m:
            agenda_session = _session_value(m.group("ord"))
            yield from _later(node, agenda_session, current, m.group("ord"), "the agenda paragraph")
            yield from _items(res, node)
        r = _report(node.text) if node.kind == "op" else None
        if r:
            yield from _later(node, _session_value(r.group("ord")), current, r.group("ord"), "the report request")
    asked = report_session(res)
    if asked and agenda_session and asked != agenda_session:
        node = next(n for n in res.operative if _report(n.text))
        yield MISMATCH.at(node, f"the report is asked for the {ordinal(asked)} session and the item is put on the "
                                f"agenda of the {ordinal(agenda_session)} session")
    if res.security_council and res.operative:
        last = res.operative[-1]
        if not re.search(r"\bDecides to remain (?:actively )?seized of the matter\b", last.text):
            yield SEIZED.at(last, "a Security Council resolution usually ends with “Decides to remain seized of the matter.”")


def _later(node, named, current, word, what):
    if named is None or current is None:
        return
    if named <= current:
        yield LATER.at(node, f"{what} names the {word} session, which is not after the current ({ordinal(current)}) "
                             "session", match=word)


def _spelling(node):
    if "session" not in node.text.lower():  # both patterns need the word; most paragraphs lack it
        return
    for m in FIGURES.finditer(node.text):
        n = int(m.group("n"))
        if 0 < n < 200:
            yield SPELLING.at(node, f"write “{ordinal(n)} session”, not “{m.group(0)}”", match=m.group(0))
    for m in ORDINAL_RE.finditer(node.text):
        word = m.group(0)
        n = value(word)
        if n is not None and word != ordinal(n) and not (m.start() == 0 and word == ordinal(n).capitalize()):
            yield SPELLING.at(node, f"write “{ordinal(n)}”, not “{word}”", match=word)


def _items(res, node):
    m = ITEMS.search(node.text)
    title = identity.agenda_title(res)
    if not m or not title:
        return
    if m.group("item"):
        named = f"{m.group('item')}: {m.group('sub')}"
    else:
        named = m.group("only")
    if _norm(named) != _norm(title):
        yield ITEM.at(node, f"the agenda paragraph names “{named}”, the heading “{title}”", match=named)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())
