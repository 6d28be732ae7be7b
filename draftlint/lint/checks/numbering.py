"""Operative paragraphs numbered 1, 2, 3 … and sub-paragraphs (a), (b) … then (i), (ii) …"""
from __future__ import annotations

import re

from draftlint.model.labels import letters, roman
from draftlint.lint.rule import DRAFT_HEAD, Rule

D = DRAFT_HEAD

OP_SEQUENCE = Rule(
    "numbering.op-sequence", "numbering", "error",
    summary="Operative paragraphs are numbered 1, 2, 3 … without gap or repeat.",
    why="Paragraph numbers are how delegations cite, amend and vote on the text; a gap or a repeated number "
        "(often from a paragraph deleted or pasted with typed numbers) breaks every reference to the text.",
    wrong=D + "1. *Takes note* of the report;\n\n3. *Decides* to remain seized of the matter.",
    right=D + "1. *Takes note* of the report;\n\n2. *Decides* to remain seized of the matter.",
    fixable=True,
)
OP_FORM = Rule(
    "numbering.op-form", "numbering", "error",
    summary="Operative paragraph numbers are written “1.”, not “1)” or “(1)”.",
    why="Resolutions number operative paragraphs with an arabic figure and a full stop.",
    wrong=D + "1) *Takes note* of the report;\n\n2) *Decides* to remain seized of the matter.",
    right=D + "1. *Takes note* of the report;\n\n2. *Decides* to remain seized of the matter.",
    fixable=True,
)
SUB_SEQUENCE = Rule(
    "numbering.sub-sequence", "numbering", "error",
    summary="Sub-paragraphs run (a), (b), (c) … (z), (aa), (bb) …, and inside them (i), (ii), (iii) …",
    why="Sub-paragraphs are cited as “paragraph 4 (b)”; a skipped or repeated letter breaks those citations.",
    wrong=D + "1. *Requests* the Secretary-General:\n\n(a) To report;\n\n(c) To consult States;\n\n2. *Decides* to remain seized of the matter.",
    right=D + "1. *Requests* the Secretary-General:\n\n(a) To report;\n\n(b) To consult States;\n\n2. *Decides* to remain seized of the matter.",
    fixable=True,
)
SUB_FORM = Rule(
    "numbering.sub-form", "numbering", "error",
    summary="Sub-paragraphs are labelled “(a)” and, inside them, “(i)”, with parentheses.",
    why="UN Editorial Manual: sub-paragraphs (a), (b) …, then (i), (ii) …; “a.” and “i.” are for a third and "
        "fourth level only. Lists converted from other formats often lose the parentheses.",
    wrong=D + "1. *Requests* the Secretary-General:\n\na. To report;\n\nb. To consult States;\n\n2. *Decides* to remain seized of the matter.",
    right=D + "1. *Requests* the Secretary-General:\n\n(a) To report;\n\n(b) To consult States;\n\n2. *Decides* to remain seized of the matter.",
    fixable=True,
)
RULES = [OP_SEQUENCE, OP_FORM, SUB_SEQUENCE, SUB_FORM]
WELL_FORMED = re.compile(r"\d{1,3}\.")  # an operative paragraph's number as it should be: every draft reads it


def check(res):
    if not res.has_structure:
        return
    ops = [n for n in res.operative if n.number is not None]
    expected = 1
    prev = None
    for node in ops:
        if prev is not None and node.part != prev.part:
            expected = 1
        restart = prev is not None and node.value == 1 and _section_between(res, prev, node)
        if restart:
            expected = 1
        if node.value != expected:
            why = "repeats the number before it" if prev is not None and node.value == prev.value else f"expected {expected}"
            yield OP_SEQUENCE.at(node, f"numbered {node.value}, {why} (operative paragraphs run 1, 2, 3 … "
                                       "without gap or repeat)", **_typed(node, f"{expected}{node.number[len(str(node.value)):]}"
                                                                   if re.fullmatch(r"\d{1,3}[.)]", node.number) else None))
        if not WELL_FORMED.fullmatch(node.number):
            yield OP_FORM.at(node, f"numbered “{node.number}”; write “{node.value}.”", **_typed(node, f"{node.value}."))
        expected = (node.value or expected) + 1
        prev = node
    for parent in res.nodes:
        if parent.children:
            yield from _check_subs(parent)


def _typed(node, number: str | None) -> dict:
    """The span of a typed number and what replaces it; an automatic number is Word's list, not text."""
    if not node.typed or number is None:
        return {}
    start = node.para.text.find(node.number, 0, node.body)
    return {"start": start, "end": start + len(node.number), "fix": number} if start >= 0 else {}


def _section_between(res, a, b) -> bool:
    return any(n.kind in ("section", "opening") and a.order < n.order < b.order for n in res.nodes)


def _depth(node) -> int:
    depth = 0
    while node is not None and node.kind == "sub":
        depth += 1
        node = node.parent
    return depth


def _check_subs(parent):
    subs = [c for c in parent.children if c.kind == "sub"]
    if subs and _depth(subs[0]) <= 2 and not subs[0].number.startswith("("):
        token = subs[0].number.strip(".")
        yield SUB_FORM.at(subs[0], f"sub-paragraph labelled “{subs[0].number}”; write “({token})”",
                          **_typed(subs[0], f"({token})"))
    for k, node in enumerate(subs, 1):
        style = node.style or "letter"
        want = roman(k) if style == "roman" else letters(k)
        token = node.number.strip("().")
        if token != want:
            form = f"({want})" if node.number.startswith("(") or _depth(node) <= 2 else f"{want}."
            yield SUB_SEQUENCE.at(node, f"sub-paragraph ({token}) should be ({want}) here", **_typed(node, form))
            break
