"""Footnote marks and footnotes: numbered in order, each mark with its footnote and each footnote with its mark."""
from __future__ import annotations

from dataclasses import dataclass, field

from draftlint.lint.rule import DRAFT_HEAD, Rule

D = DRAFT_HEAD

SEQUENCE = Rule(
    "footnotes.sequence", "footnotes", "error",
    summary="Typed footnote marks run 1, 2, 3 … in the order they appear.",
    why="A resolution has one consecutive footnote sequence; typed numbers do not renumber themselves when a "
        "paragraph with a footnote is moved or deleted. `fix` renumbers the marks in order of appearance and "
        "puts each footnote's text on the typed footnote line of its new number, when every mark has "
        "exactly one typed footnote of one paragraph and every typed footnote has a mark.",
    wrong=D + "1. *Takes note* of the report;²\n\n2. *Welcomes* the study.¹\n\n¹ A/77/100.\n\n² A/77/200.",
    right=D + "1. *Takes note* of the report;¹\n\n2. *Welcomes* the study.²\n\n¹ A/77/200.\n\n² A/77/100.",
    fixable=True,
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
    plan = renumbering(res)
    new_number = {(m.paragraph, m.offset): m.number for m in plan.marks} if plan else {}
    highest = 0
    for entry in sorted((e for e in entries if e.marks), key=lambda e: (e.marks[0][0].order, e.marks[0][1].offset)):
        node, mark = entry.marks[0]
        if mark.typed and entry.number.isdigit():
            n = int(entry.number)
            if n != highest + 1:
                mark_to = new_number.get((node.para.index, mark.offset))
                yield SEQUENCE.at(node, f"footnote mark {n} comes where {highest + 1} is expected "
                                        "(typed marks run 1, 2, 3 … in order of appearance)",
                                  start=mark.offset if mark_to else None, end=mark.offset if mark_to else None,
                                  mark=mark_to)
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


@dataclass(slots=True)
class MarkChange:
    """A typed footnote mark that `fix` renumbers."""

    paragraph: int  # the reader's Paragraph.index
    offset: int  # where the mark stands in the paragraph text
    old: str
    number: str


@dataclass(slots=True)
class LineChange:
    """A typed footnote line that `fix` renumbers or rewrites."""

    paragraph: int  # a typed footnote line ("¹ A/77/100.")
    number: str  # the number it carries, changed when not this
    start: int  # its words (with the space before them): a span of the paragraph text
    end: int
    text: str  # what it takes, when not that


@dataclass(slots=True)
class Renumbering:
    """Every change `fix` makes to renumber typed footnotes."""

    marks: list[MarkChange] = field(default_factory=list)
    lines: list[LineChange] = field(default_factory=list)


def renumbering(res) -> Renumbering | None:
    """What `fix` does for footnotes.sequence in a .docx with typed footnotes: the marks numbered 1, 2, 3 …
    in order of first appearance (a repeated mark takes its first one's number), and the typed footnote
    lines, in their order, numbered 1, 2, 3 … each with the words of the footnote that now has its number.
    None when that is not certain: a mark without its footnote line, a line without a mark, a footnote of
    more than one paragraph, or Word footnotes among the typed ones; or nothing to change."""
    if res.source.format != "docx":
        return None
    typed = [e for e in res.footnotes if e.key.startswith("typed:") and e.number != "*"]
    if not typed or any(e.key.startswith("word:") for e in res.footnotes):
        return None
    if any(not e.number.isdigit() or not e.marks or e.footnote is None or len(e.footnote.paragraphs) != 1
           or e.footnote.paragraphs[0].index is None for e in typed):
        return None
    marks = sorted(((node, mark) for e in typed for node, mark in e.marks),
                   key=lambda nm: (nm[0].order, nm[1].offset))
    to: dict[str, str] = {}
    for _, mark in marks:
        to.setdefault(mark.key, str(len(to) + 1))
    if all(old == new for old, new in to.items()):
        return None
    plan = Renumbering()
    for node, mark in marks:
        if to[mark.key] != mark.key:
            plan.marks.append(MarkChange(node.para.index, mark.offset, mark.key, to[mark.key]))
    words = {to[e.number]: e.footnote.paragraphs[0].text.strip() for e in typed}
    lines = sorted((e.footnote.paragraphs[0] for e in typed), key=lambda p: p.index)
    for k, para in enumerate(lines, 1):
        text = para.text
        # The space after the number goes with the words: cut from them, a paragraph's leading space-only
        # run is no text to the reader, and the edit would shift every offset after it.
        lead = text[:len(text) - len(text.lstrip())]
        plan.lines.append(LineChange(para.index, str(k), 0, len(text.rstrip()), lead + words[str(k)]))
    return plan
