"""What a resolution says about itself: session, symbol, adoption date, agenda-item title, own chain."""
from __future__ import annotations

import re
from datetime import date

from draftlint.model.citations import _date, cited_lists
from draftlint.model.ordinals import value
from draftlint.model.patterns import MONTH_RE

SESSION_LINE = re.compile(r"^(?P<ord>[A-Z][a-z]+(?:[-\u2010\u2011 \u00a0][a-z]+)?) session\b")
SYMBOL = re.compile(r"\b(?:A/RES/(?P<res>\d{1,3})/(?P<n>\d{1,4})|A/C\.\d/(?P<c>\d{1,3})/L\.\d+|A/(?P<p>\d{1,3})/L\.\d+)")
TITLE = re.compile(r"^(?P<s>\d{1,3})/(?P<n>\d{1,4})(?:\s+[A-Z](?:\s*[-–]\s*[A-Z])?)?\.\s")
DATE = re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<m>{MONTH_RE}) (?P<y>\d{{4}})\b")  # for --previous and scaffold


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
        if re.match(r"^(?:Provisional )?[Aa]genda item\b|^Item \d+", t) and k + 1 < len(lines):
            return lines[k + 1]
    return None


def chain(res) -> list:
    """The resolutions and decisions the first preambular paragraph recalls (the recall chain)."""
    pps = res.preamble
    return [item for lst in cited_lists(pps[0].text) for item in lst.items if not item.security_council] if pps else []
