"""Placeholders and bracketed text left in a draft: “[..]”, “[Sponsors]”, “A/79/[..]”, “[strongly]”."""
from __future__ import annotations

import re

from draftlint.lint.rule import DRAFT_HEAD, Rule

PLACEHOLDER = re.compile(r"\[(?:\.{2,}|…|[A-Za-z][A-Za-z -]{0,30})\]")

OPEN = Rule(
    "placeholders.open", "placeholders", "warning",
    summary="No placeholder or bracketed text is left: “[..]”, “[Sponsors]”, “A/79/[..]”.",
    why="Square brackets mark what is still to be filled in or agreed; a draft is not tabled half-filled.",
    wrong=DRAFT_HEAD + "1. *Takes note* of the report of the Secretary-General;¹\n\n2. *Decides* to remain seized "
                       "of the matter.\n\n¹ A/79/[..].",
    right=DRAFT_HEAD + "1. *Takes note* of the report of the Secretary-General;¹\n\n2. *Decides* to remain seized "
                       "of the matter.\n\n¹ A/79/157.",
)
RULES = [OPEN]


def check(res):
    for node in res.nodes:
        if node.kind in ("annex", "trailer"):
            continue
        for m in _placeholders(node.text):
            yield OPEN.at(node, f"“{m.group(0)}” is still to be filled in", match=m.group(0))
    for entry in res.footnotes:
        if entry.footnote is not None:
            for m in _placeholders(entry.footnote.text):
                yield OPEN.at(entry, f"“{m.group(0)}” in footnote {entry.number} is still to be filled in",
                              match=m.group(0))


def _placeholders(text: str):
    return PLACEHOLDER.finditer(text) if "[" in text else ()  # most paragraphs have no bracket: no iterator made
