"""Internal cross-references: "paragraph 12 above", "paragraphs 3 to 5 below", "paragraph 4 (b) of the present
resolution" must point at paragraphs that exist, on the side they say, and (with --previous) at the paragraph
they pointed at before the text was renumbered."""
from __future__ import annotations

import re

from draftlint.lint.rule import DRAFT_HEAD, Rule

# What names the present text is internal: "paragraph 12 above", "paragraphs 3 (a) to (f) below", "paragraph 5
# of the present resolution" (conventions CIT-09). A bare "paragraph 9" is read as internal too, unless the
# paragraph cites another text's paragraphs: "paragraphs 1 to 10 of the annex thereto …, as well as paragraphs
# 13 and 14", "Article 13, paragraph 1 (a), of the Charter", "section IV, paragraphs 22 and 26, … thereof".
REF = re.compile(  # paragraphs that mention a paragraph
    r"\bparagraphs?\s+(?P<list>\d{1,3}(?:\s*\([a-z]{1,4}\))?"
    r"(?:(?:\s*,\s*|\s+and\s+|\s+to\s+|\s*[-–]\s*)(?:\d{1,3}(?:\s*\([a-z]{1,4}\))?|\([a-z]{1,4}\)))*)"
    r"(?P<tail>\s+(?:above|below)\b|\s+of\s+(?:the\s+)?present\s+resolution\b|)")
TOKEN = re.compile(r"(?P<n>\d{1,3})?\s*(?:\((?P<sub>[a-z]{1,4})\))?(?P<to>\s+to\s+|\s*[-–]\s*)?")
OF_ANOTHER = re.compile(r"[.\d]\d|(?:\s*\(\d+\))?,?\s+(?:of|thereof|therein|in)\b")  # after: "4.1", "187 (35) of"
IN_ANOTHER = re.compile(r"(?:\b(?:[Aa]rticle|[Ss]ection|[Cc]hapter|[Rr]ule|[Pp]art|[Aa]nnex|[Ss]tatute)\b[^,;]{0,12},|\bits)\s*$")

MISSING = Rule(
    "references.internal", "references", "error",
    summary="A reference to another paragraph of the resolution (“paragraph 3 above”, “paragraph 4 (b) of the "
            "present resolution”) points at one that exists, on the side it says (“above” before, “below” after), "
            "and not at itself. Paragraphs of other texts (“Article 13, paragraph 1 (a), of the Charter”) are left "
            "alone.",
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


def _targets(listed: str):
    """(number, sub-paragraph letter or None) for each paragraph a reference lists: "3 (a) to (f)" gives
    (3, "a") and (3, "f"); "5 to 7" gives 5, 6 and 7."""
    out: list[tuple[int, str | None]] = []
    pending = None  # the first number of a range "5 to 7"
    for m in TOKEN.finditer(listed):
        if not (m.group("n") or m.group("sub")):
            continue
        number = int(m.group("n")) if m.group("n") else (out[-1][0] if out else None)
        if number is None:
            continue
        if pending is not None and m.group("n") and not m.group("sub") and 0 < number - pending < 50:
            out.extend((k, None) for k in range(pending + 1, number))
        out.append((number, m.group("sub")))
        pending = number if m.group("to") and not m.group("sub") else None
    return out


def references(text: str):
    """(match, [(number, sub)], side, bare) for each internal reference in a paragraph's text."""
    if "aragraph" not in text:  # what REF needs; most paragraphs refer to none
        return
    found, elsewhere = [], False
    for m in REF.finditer(text):
        tail = m.group("tail").strip()
        if not tail and (OF_ANOTHER.match(text, m.end("list"))
                         or IN_ANOTHER.search(text, max(0, m.start() - 30), m.start())):
            elsewhere = True
            continue
        found.append((m, tail))
    for m, tail in found:
        if tail or not elsewhere:
            side = tail if tail in ("above", "below") else None
            yield m, _targets(m.group("list")), side, not tail


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
        for m, targets, side, bare in references(node.text):
            said = m.group(0).strip()
            for number, sub in targets:
                problem = _problem(node, top, by_number.get(number), number, sub, side, position)
                if problem:
                    message, severity = problem
                    # A bare "paragraph 5" may still cite a text named earlier in the sentence: only a warning.
                    yield MISSING.at(node, f"“{said}”{message}", match=said, severity="warning" if bare else severity)
                    break
    if res.previous is not None:
        yield from _moved(res, res.previous, by_number)


def _problem(node, top, target, number, sub, side, position):
    """What is wrong with a reference to paragraph `number` (`sub`), or None."""
    if target is None:
        return f" refers to paragraph {number}, which the resolution does not have", None
    if sub:
        child = next((c for c in target.children if c.number and c.number.strip("().") == sub), None)
        if child is None:
            return f": paragraph {number} has no sub-paragraph ({sub})", None
        target, here = child, node
    else:
        here = top
    if target is here:
        return " refers to the paragraph it stands in", "warning"
    if side == "above" and position[target] > position[here] or side == "below" and position[target] < position[here]:
        return f": paragraph {number}{f' ({sub})' if sub else ''} comes {'after' if side == 'above' else 'before'} this one", None
    return None


def _moved(res, prev, by_number):
    prev_ops = {n.value: n for n in prev.operative if n.value is not None}
    current = list(by_number.items())
    for node in res.operative:
        old = _best(node.text, prev.operative)
        if old is None:
            continue
        for m, targets, _, _ in references(node.text):
            if len(targets) != 1:
                continue
            first = targets[0][0]
            if not any(t and t[0][0] == first for _, t, _, _ in references(old.text)):
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
