"""Internal cross-references: "paragraph 12 above", "paragraphs 3 to 5 below", "paragraph 4 (b) of the present
resolution" must point at paragraphs that exist, on the side they say, and (with --previous) at the paragraph
they pointed at before the text was renumbered."""
from __future__ import annotations

import re

from draftlint.patterns import Lazy
from draftlint.rule import DRAFT_HEAD, Rule

REF = Lazy(  # only for paragraphs that mention a paragraph
    r"\bparagraphs?\s+(?P<first>\d{1,3})(?:\s*\((?P<sub>[a-z]{1,4})\))?"
    r"(?:\s*(?:,|and|to|-|–)\s*(?P<last>\d{1,3})(?:\s*\((?P<sub2>[a-z]{1,4})\))?)?"
    r"(?P<tail>\s+(?:above|below)|\s+of\s+(?:the\s+)?present\s+resolution|\s+(?:of|thereof|therein)\b|)")

MISSING = Rule(
    "references.internal", "references", "error",
    summary="A reference to another paragraph of the resolution points at one that exists, on the side it says "
            "(“above” before, “below” after), and not at itself.",
    why="Paragraph numbers move whenever a paragraph is inserted or deleted in negotiation; references such as "
        "“as requested in paragraph 12 above” then break silently.",
    wrong=DRAFT_HEAD + "1. *Requests* the Secretary-General to report on the measures referred to in paragraph 3 "
                       "below;\n\n2. *Decides* to remain seized of the matter.",
    right=DRAFT_HEAD + "1. *Encourages* States to take measures;\n\n2. *Requests* the Secretary-General to report on "
                       "the measures referred to in paragraph 1 above;\n\n3. *Decides* to remain seized of the matter.",
)
MOVED = Rule(
    "references.moved", "references", "warning",
    summary="With --previous: a reference keeps pointing at the same paragraph after renumbering.",
    why="When a paragraph is inserted, “paragraph 1 above” may now point at a new paragraph while the words it "
        "referred to sit under another number. (The examples assume last session's text had “1. Encourages States "
        "to take measures;” and “2. Requests … paragraph 1 above;”.)",
    wrong=DRAFT_HEAD + "1. *Welcomes* the report;\n\n2. *Encourages* States to take measures;\n\n3. *Requests* the "
                       "Secretary-General to report on the measures referred to in paragraph 1 above;\n\n"
                       "4. *Decides* to remain seized of the matter.",
    right=DRAFT_HEAD + "1. *Welcomes* the report;\n\n2. *Encourages* States to take measures;\n\n3. *Requests* the "
                       "Secretary-General to report on the measures referred to in paragraph 2 above;\n\n"
                       "4. *Decides* to remain seized of the matter.",
)
RULES = [MISSING, MOVED]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"\bparagraphs?\s+\d+", "paragraph #", text).lower().split())


def references(text: str):
    """(first, last, sub, side) for each internal reference in a paragraph's text."""
    if "aragraph" not in text:  # what REF needs; most paragraphs refer to none
        return
    for m in REF.finditer(text):
        tail = m.group("tail").strip()
        if tail in ("of", "thereof", "therein"):
            continue  # "paragraph 96 of the report", "paragraph 5 of resolution 70/46": points elsewhere
        side = "above" if tail == "above" else "below" if tail == "below" else None
        first = int(m.group("first"))
        last = int(m.group("last")) if m.group("last") else first
        yield m, first, last, m.group("sub"), side


def check(res):
    if not res.has_structure:
        return
    ops = [n for n in res.operative if n.value is not None]
    by_number = {}
    for n in ops:
        by_number.setdefault(n.value, n)
    position = {n: k for k, n in enumerate(res.nodes)}
    for node in res.of_kind("pp", "op", "sub", "text"):
        top = node
        while top.parent is not None:
            top = top.parent
        for m, first, last, sub, side in references(node.text):
            for number in range(first, last + 1) if last - first < 50 else (first, last):
                target = by_number.get(number)
                if target is None:
                    # A bare "paragraph 5" may cite a text named earlier in the sentence: only a warning.
                    yield MISSING.at(node, f"“{m.group(0).strip()}” refers to paragraph {number}, which the "
                                           "resolution does not have", match=m.group(0).strip(),
                                     severity=None if side or "present" in m.group("tail") else "warning")
                    break
                if target is top and first == last:
                    yield MISSING.at(node, f"“{m.group(0).strip()}” refers to the paragraph it stands in",
                                     severity="warning", match=m.group(0).strip())
                    break
                if side == "above" and position[target] > position[top] or side == "below" and position[target] < position[top]:
                    where = "after" if side == "above" else "before"
                    yield MISSING.at(node, f"“{m.group(0).strip()}”: paragraph {number} comes {where} this one",
                                     match=m.group(0).strip())
                    break
                if sub and number == first and not any(c.number and c.number.strip("().") == sub for c in target.children):
                    yield MISSING.at(node, f"“{m.group(0).strip()}”: paragraph {number} has no sub-paragraph ({sub})",
                                     match=m.group(0).strip())
                    break
    if res.previous is not None:
        yield from _moved(res, res.previous, by_number)


def _moved(res, prev, by_number):
    prev_ops = {n.value: n for n in prev.operative if n.value is not None}
    current = list(by_number.items())
    for node in res.operative:
        old = _best(node.text, prev.operative)
        if old is None:
            continue
        for m, first, last, _, _ in references(node.text):
            old_refs = [r for r in references(old.text)]
            if not any(r[1] == first for r in old_refs) or first != last:
                continue
            pointed = prev_ops.get(first)
            if pointed is None:
                continue
            now = _best(pointed.text, [n for _, n in current])
            if now is not None and now.value != first:
                yield MOVED.at(node, f"“{m.group(0).strip()}” pointed at the paragraph that is now paragraph "
                                     f"{now.value} (“{now.text[:50]}…”)", match=m.group(0).strip())


def _best(text: str, candidates):
    from difflib import SequenceMatcher  # only for a reference whose target is missing

    key = _norm(text)
    best, score = None, 0.0
    for c in candidates:
        other = _norm(c.text)
        if other == key:
            return c
        matcher = SequenceMatcher(None, key, other, autojunk=False)
        if matcher.real_quick_ratio() < 0.9 or matcher.quick_ratio() < 0.9:
            continue
        ratio = matcher.ratio()
        if ratio > score:
            best, score = c, ratio
    return best if score >= 0.9 else None
