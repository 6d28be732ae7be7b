"""Footnote marks and footnotes: numbered in order, each mark with its footnote and each footnote with its mark."""
from __future__ import annotations

from draftlint.lint.rule import DRAFT_HEAD, Rule

D = DRAFT_HEAD

SEQUENCE = Rule(
    "footnotes.sequence", "footnotes", "error",
    summary="Typed footnote marks run 1, 2, 3 … in the order they appear.",
    why="A resolution has one consecutive footnote sequence; typed numbers do not renumber themselves when a "
        "paragraph with a footnote is moved or deleted.",
    wrong=D + "1. *Takes note* of the report;²\n\n2. *Welcomes* the study.¹\n\n¹ A/77/100.\n\n² A/77/200.",
    right=D + "1. *Takes note* of the report;¹\n\n2. *Welcomes* the study.²\n\n¹ A/77/200.\n\n² A/77/100.",
)
MISSING = Rule(
    "footnotes.missing", "footnotes", "error",
    summary="Every footnote mark has its footnote.",
    why="A mark without a footnote points the reader at nothing; it is usually a footnote lost when text was pasted.",
    wrong=D + "1. *Takes note* of the report;¹\n\n2. *Welcomes* the study.²\n\n¹ A/77/100.",
    right=D + "1. *Takes note* of the report;¹\n\n2. *Welcomes* the study.²\n\n¹ A/77/100.\n\n² A/77/200.",
)
UNREFERENCED = Rule(
    "footnotes.unreferenced", "footnotes", "error",
    summary="Every footnote has a mark in the text.",
    why="A footnote without a mark is left over from a deleted paragraph or a pasted list of footnotes.",
    wrong=D + "1. *Takes note* of the report;¹\n\n2. *Decides* to remain seized of the matter.\n\n¹ A/77/100.\n\n² A/77/200.",
    right=D + "1. *Takes note* of the report;¹\n\n2. *Decides* to remain seized of the matter.\n\n¹ A/77/100.",
)
EMPTY = Rule(
    "footnotes.empty", "footnotes", "error",
    summary="No footnote is empty.",
    why="An empty footnote prints a number with nothing beside it at the foot of the page.",
    wrong=D + "1. *Takes note* of the report;¹\n\n2. *Decides* to remain seized of the matter.\n\n¹",
    right=D + "1. *Takes note* of the report;¹\n\n2. *Decides* to remain seized of the matter.\n\n¹ A/77/100.",
)
REPEATED = Rule(
    "footnotes.repeated", "footnotes", "warning",
    summary="A footnote mark is not repeated; a second reference gets a new footnote with the same text.",
    why="UN Editorial Manual: numbered footnote indicators are no longer repeated in resolutions (older "
        "resolutions did repeat them, so this is a warning).",
    wrong=D + "1. *Takes note* of the report;¹\n\n2. *Welcomes* the report.¹\n\n¹ A/77/100.",
    right=D + "1. *Takes note* of the report;¹\n\n2. *Welcomes* the report.²\n\n¹ A/77/100.\n\n² A/77/100.",
)
RULES = [SEQUENCE, MISSING, UNREFERENCED, EMPTY, REPEATED]


def check(res):
    entries = res.footnotes
    highest = 0
    for entry in sorted((e for e in entries if e.marks), key=lambda e: (e.marks[0][0].order, e.marks[0][1].offset)):
        node, mark = entry.marks[0]
        if mark.typed and entry.number.isdigit():
            n = int(entry.number)
            if n != highest + 1:
                yield SEQUENCE.at(node, f"footnote mark {n} comes where {highest + 1} is expected "
                                        "(typed marks run 1, 2, 3 … in order of appearance)")
            highest = max(highest, n)
        if entry.footnote is None:
            yield MISSING.at(node, f"footnote mark {entry.number} has no footnote")
        elif not entry.footnote.text.strip():
            yield EMPTY.at(entry, f"footnote {entry.number} is empty")
        for other, _ in entry.marks[1:]:
            yield REPEATED.at(other, f"footnote {entry.number} is referred to again; in resolutions a repeated "
                                     "reference gets a new footnote with the same text")
    for entry in entries:
        if not entry.marks:
            if entry.footnote is not None and entry.footnote.text.strip():
                yield UNREFERENCED.at(entry, f"footnote {entry.number} has no mark in the text")
            else:
                yield EMPTY.at(entry, f"footnote {entry.number} is empty and has no mark")
