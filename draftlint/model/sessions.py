"""What a resolution says about itself and its sessions: session, symbol, adoption date, own chain, the agenda
item of its heading, the session its agenda paragraph puts the item on and the session its report request names.
The checks and scaffold read these here so that a draft and the scaffold of the next one agree on them."""
from __future__ import annotations

import re
from datetime import date

from draftlint.model.citations import _date, cited_in
from draftlint.model.ordinals import value
from draftlint.model.patterns import AGENDA_LINE, MONTH_RE

SESSION_LINE = re.compile(r"^(?P<ord>[A-Z][a-z]+(?:[-\u2010\u2011 \u00a0][a-z]+)?) session\b")
SYMBOL = re.compile(r"\b(?:A/RES/(?P<res>\d{1,3})/(?P<n>\d{1,4})|A/C\.\d/(?P<c>\d{1,3})/L\.\d+|A/(?P<p>\d{1,3})/L\.\d+)")
TITLE = re.compile(r"^(?P<s>\d{1,3})/(?P<n>\d{1,4})(?:\s+[A-Z](?:\s*[-–]\s*[A-Z])?)?\.\s")
DATE = re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<m>{MONTH_RE}) (?P<y>\d{{4}})\b")  # for --previous and scaffold
# Word drafts may join the words of an ordinal with a non-breaking hyphen (U+2011) or space.
ORD = r"(?P<ord>[A-Za-z]+(?:[-\u2010\u2011 \u00a0][A-Za-z]+)?|\d+(?:st|nd|rd|th))"
AGENDA = re.compile(rf"provisional agenda of its {ORD} session")
# "to report to the General Assembly at its seventy-ninth session", "to submit a report … to the General
# Assembly at its eightieth session": the session of the body named before "at its", within the clause (a
# report for another body's session, "the Working Group at its eighth session", is not this one's).
# "Secretary General" without its hyphen is still the Secretary-General.
REPORT = re.compile(rf"\b[Rr]equests the Secretary[-\u2010\u2011 \u00a0]General to (?:report|submit)\b[^;]*?"
                    rf"\bto the (?P<body>General Assembly|Assembly|Human Rights Council|Economic and Social "
                    rf"Council|Council) at its {ORD} session")
ITEMS = re.compile(r"under the item entitled “(?P<item>[^”]+)”, (?:the|a) sub-item entitled “(?P<sub>[^”]+)”"
                   r"|(?:the|a) sub-item entitled “(?P<sub2>[^”]+)” of the item entitled “(?P<item2>[^”]+)”"
                   r"|the item entitled “(?P<only>[^”]+)”")
# The sessions scaffold moves on: lower-case words only, narrower than ORD (a session in figures or joined
# with a non-breaking hyphen stays as the previous text wrote it).
SESSION_WORD = r"(?P<ord>[a-z]+(?:-[a-z]+)?) session"
REPORT_AT = re.compile(r"(?:report|submit)\b[^;.]*?\bat its " + SESSION_WORD)
AGENDA_AT = re.compile(r"provisional agenda of its " + SESSION_WORD)


def heading_text(res) -> list[str]:
    return [n.text for n in res.nodes if n.kind in ("heading", "title")]


def sessions(res) -> dict[str, int]:
    """The session as the heading line, the symbol and the title number give it."""
    found: dict[str, int] = {}
    for t in heading_text(res):
        m = SESSION_LINE.match(t)
        if m and "session" not in found and value(m.group("ord")) is not None:
            found["session line"] = value(m.group("ord"))
        s = SYMBOL.search(t)
        if s and "symbol" not in found:
            found["symbol"] = int(s.group("res") or s.group("c") or s.group("p"))
        tm = TITLE.match(t)
        if tm and "title" not in found:
            found["title number"] = int(tm.group("s"))
    return found


def session(res) -> int | None:
    found = sessions(res)
    for key in ("session line", "symbol", "title number"):
        if key in found:
            return found[key]
    return None


def symbol(res) -> str | None:
    """"77/64" for an adopted General Assembly resolution."""
    for t in heading_text(res):
        s = SYMBOL.search(t)
        if s and s.group("res"):
            return f"{s.group('res')}/{s.group('n')}"
    for t in heading_text(res):
        tm = TITLE.match(t)
        if tm:
            return f"{tm.group('s')}/{tm.group('n')}"
    return None


def adoption_date(res) -> date | None:
    """From the closing lines, or from "Resolution adopted by the General Assembly on …"."""
    texts = [n.text for n in res.nodes if n.kind == "closing"]
    texts += [t for t in heading_text(res) if t.startswith(("Resolution adopted", "Adopted by"))]
    for t in texts:
        m = DATE.search(t)
        if m:
            d, bad = _date(m.group("d"), m.group("m"), m.group("y"))
            if d and not bad:
                return d
    return None


def agenda_title(res) -> str | None:
    """The agenda-item title line of the heading (the line after "Agenda item 99 (kk)")."""
    lines = heading_text(res)
    for k, t in enumerate(lines):
        if AGENDA_LINE.match(t) and k + 1 < len(lines):
            return lines[k + 1]
    return None


def chain(res) -> list:
    """The resolutions and decisions the first preambular paragraph recalls (the recall chain)."""
    pps = res.preamble
    return [item for lst in cited_in(res, pps[0].text) for item in lst.items if not item.security_council] if pps else []


def organ(res) -> str:
    """The organ whose sessions the text counts; an Assembly draft may say so only in its symbol."""
    return "General Assembly" if res.organ == "General Assembly" or res.kind.startswith("ga") else res.organ or ""


def session_value(word: str) -> int | None:
    """The session an ordinal names, in words or, wrongly, in figures ("79th")."""
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else value(word)


def agenda_match(text: str):
    return AGENDA.search(text) if "provisional agenda" in text else None  # a cheap test first


def agenda_session(res) -> int | None:
    """The session the last agenda paragraph puts the item on."""
    for node in reversed(res.operative):
        m = agenda_match(node.text)
        if m:
            return session_value(m.group("ord"))
    return None


def own_report(text: str, res):
    """The report request in `text` when it is for the organ's own session ("the Assembly" in an Assembly
    text), not another body's."""
    m = REPORT.search(text) if "equests the Secretary" in text else None  # a cheap test first
    if m is None:
        return None
    here = organ(res)
    return m if here and (m.group("body") == here or here.endswith(" " + m.group("body"))) else None


def agenda_items(text: str) -> tuple[str | None, str | None] | None:
    """The item and the sub-item (or the only item) an agenda paragraph names, in either order of writing."""
    m = ITEMS.search(text)
    return (m.group("item") or m.group("item2"), m.group("sub") or m.group("sub2") or m.group("only")) if m else None


def report_request(res):
    """The first operative paragraph asking for a report at the organ's own session, and the match."""
    for node in res.operative:
        m = own_report(node.text, res)
        if m:
            return node, m
    return None


def report_session(res) -> int | None:
    found = report_request(res)
    return session_value(found[1].group("ord")) if found else None


def next_agenda_title(res) -> str | None:
    """The item (and sub-item) the agenda paragraph puts on the next agenda, written as the heading writes it
    ("Item: sub-item"); without one, the heading's own."""
    for node in reversed(res.operative):
        m = re.search(r"under the item entitled “(?P<item>[^”]+)”, the sub-item entitled “(?P<sub>[^”]+)”", node.text)
        if m:
            sub = m.group("sub")
            return f"{m.group('item')}: {sub[:1].lower()}{sub[1:]}"
        m = re.search(r"the item entitled “(?P<item>[^”]+)”", node.text)
        if m:
            return m.group("item")
    return agenda_title(res)
