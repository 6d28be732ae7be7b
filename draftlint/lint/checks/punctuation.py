"""End punctuation of paragraphs, and footnote marks after the punctuation they follow."""
from __future__ import annotations

import re

from draftlint.lint.rule import DRAFT_HEAD, Rule

D = DRAFT_HEAD
QUOTES = "”\"’ \t"

PP_END = Rule(
    "punctuation.pp-end", "punctuation", "error",
    summary="Every preambular paragraph, the last one included, ends with a comma.",
    why="The preamble is one long sentence whose subject is the opening line; a full stop or semicolon cuts it.",
    wrong="*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020.\n\n1. *Decides* to remain seized of the matter.",
    right=D + "1. *Decides* to remain seized of the matter.",
    fixable=True,
)
OP_END = Rule(
    "punctuation.op-end", "punctuation", "error",
    summary="Every operative paragraph ends with a semicolon, the last one with a full stop.",
    why="The operative part continues the sentence begun by the opening line; the final full stop closes it.",
    wrong=D + "1. *Takes note* of the report.\n\n2. *Decides* to remain seized of the matter;",
    right=D + "1. *Takes note* of the report;\n\n2. *Decides* to remain seized of the matter.",
    fixable=True,
)
SUB_END = Rule(
    "punctuation.sub-end", "punctuation", "warning",
    summary="A paragraph that introduces sub-paragraphs ends with a colon; each sub-paragraph ends with a "
            "semicolon, the last one with the end of its paragraph.",
    why="Sub-paragraphs continue the sentence of their paragraph (UN Editorial Manual, paragraphs and sub-paragraphs).",
    wrong=D + "1. *Requests* the Secretary-General\n\n(a) To report.\n\n(b) To consult States;\n\n2. *Decides* to remain seized of the matter.",
    right=D + "1. *Requests* the Secretary-General:\n\n(a) To report;\n\n(b) To consult States;\n\n2. *Decides* to remain seized of the matter.",
    fixable=True,
)
MARK_POSITION = Rule(
    "punctuation.mark-position", "punctuation", "warning",
    summary="A footnote mark stands after the punctuation it follows (“recipients,¹ which”).",
    why="In English UN documents the footnote indicator follows the comma, semicolon or full stop.",
    wrong=D + "1. *Takes note* of the report¹;\n\n2. *Decides* to remain seized of the matter.\n\n¹ A/77/100.",
    right=D + "1. *Takes note* of the report;¹\n\n2. *Decides* to remain seized of the matter.\n\n¹ A/77/100.",
)
RULES = [PP_END, OP_END, SUB_END, MARK_POSITION]


def end_char(node) -> str:
    text = node.text.rstrip(QUOTES)
    if text.endswith(("; and", "; or")):
        return ";"
    return text[-1:] if text else ""


# A full stop that ends an abbreviation ("etc.", "U.S.") is part of the word: no safe replacement.
ABBREVIATION_END = re.compile(r"(?:\betc|\b[A-Z]|\bNo|\bpara|\bparas|\bvol|\bp|\bpp)\.$")


def mend(node, want: str) -> dict:
    """The span and text that give the paragraph `want` as its end punctuation, or {} where no change is
    certainly right ("; and", "!", an abbreviation's full stop)."""
    text = node.para.text
    core = text.rstrip(QUOTES)
    got = core[-1:]
    if not core or core.endswith(("; and", "; or")):
        return {}
    if got in ",;:" or (got == "." and not ABBREVIATION_END.search(core)):
        return {"start": len(core) - 1, "end": len(core), "fix": want}
    if got.isalnum() or got in ")]":
        # No punctuation at all: it goes after any closing quote ("entitled “X”;").
        end = len(text.rstrip())
        return {"start": end, "end": end, "fix": want}
    return {}


def _say(ch: str) -> str:
    return {",": "a comma", ";": "a semicolon", ".": "a full stop", ":": "a colon"}.get(ch, f"“{ch}”" if ch else "no punctuation")


def check(res):
    if not res.has_structure:
        return
    for node in res.preamble:
        if node.children:
            yield from _lead_in(node)
            yield from _subs(node, last_end=",")
        elif end_char(node) != ",":
            yield PP_END.at(node, f"ends with {_say(end_char(node))}; a preambular paragraph ends with a comma",
                            **mend(node, ","))
    parts: dict[int, list] = {}
    for node in res.operative:
        parts.setdefault(node.part, []).append(node)
    for ops in parts.values():
        for k, node in enumerate(ops):
            last = k == len(ops) - 1
            want = "." if last else ";"
            if node.children:
                yield from _lead_in(node)
                yield from _subs(node, last_end=want)
                continue
            got = end_char(node)
            if node.clause and got in (";", ".") and not last:
                continue  # clauses under "Resolves that:" may be full sentences
            if got != want:
                where = "the last operative paragraph ends" if last else "an operative paragraph ends"
                yield OP_END.at(node, f"ends with {_say(got)}; {where} with {_say(want)}", **mend(node, want))
    for node in res.nodes:
        for mark in node.para.marks:
            nxt = node.para.text[mark.offset:mark.offset + 1]
            if nxt in (",", ";", ":", ".") and mark.offset > 0:
                yield MARK_POSITION.at(node, f"the footnote mark stands before “{nxt}”; put it after the punctuation")


def _lead_in(node):
    if end_char(node) != ":":
        yield SUB_END.at(node, f"introduces sub-paragraphs but ends with {_say(end_char(node))}; end it with a colon",
                         **mend(node, ":"))


def _subs(parent, last_end: str):
    leaves = list(parent.leaves())
    for sub in [n for n in _walk(parent) if n is not parent]:
        if sub.children:
            yield from _lead_in(sub)
            continue
        want = last_end if sub is leaves[-1] else ";"
        got = end_char(sub)
        if got == "," and want == ";" and parent.kind == "pp":
            continue  # adopted texts end a preambular paragraph's sub-paragraphs with commas too (A/RES/78/228 PP9)
        if got != want:
            rule = OP_END if (sub is leaves[-1] and parent.kind == "op") else SUB_END
            yield rule.at(sub, f"ends with {_say(got)}; this sub-paragraph ends with {_say(want)}", **mend(sub, want))


def _walk(node):
    yield node
    for c in node.children:
        yield from _walk(c)
