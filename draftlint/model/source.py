"""What the readers produce and every check reads: paragraphs, runs, footnote marks, footnotes, comments.

Plain data: no XML. A writer finds a paragraph again by `Paragraph.index` (its place among the body's
paragraphs) and a span by offsets in its text, as the document layer (formats/docx/edit.py) addresses them.
"""
from __future__ import annotations

from dataclasses import dataclass, field



@dataclass(slots=True)
class Run:
    """Text of one formatting: whether it is in italics or in superscript."""

    text: str
    italic: bool
    superscript: bool = False


@dataclass(slots=True)
class Mark:
    """A footnote mark in a paragraph: `offset` is where it stands in the paragraph text."""

    offset: int
    key: str  # Word footnote id, or the typed number ("3") or "*"
    typed: bool
    symbol: str = ""  # a Word footnote with its own mark ("*") instead of a number


@dataclass(slots=True)
class Paragraph:
    """A paragraph as read: its runs, its automatic number and footnote marks, where it stands in the file."""

    runs: list[Run]
    number: str | None = None  # automatic number as printed ("1.", "(a)"); typed ones stay in the text
    level: int | None = None  # list level of an automatic number (0 = top)
    marks: list[Mark] = field(default_factory=list)
    index: int | None = None  # 1-based Word paragraph in the body
    line: int | None = None  # 1-based line in a text draft
    style: str | None = None
    comments: list[str] = field(default_factory=list)
    footnote_key: str | None = None  # set when the paragraph is itself a typed footnote ("¹ See …")
    text: str = ""

    def __post_init__(self):
        if not self.text:
            self.text = "".join(r.text for r in self.runs)

    def italic_mask(self) -> list[bool]:
        mask: list[bool] = []
        for r in self.runs:
            mask.extend([r.italic] * len(r.text))
        return mask


@dataclass(slots=True)
class Footnote:
    """A Word footnote: its key (the footnote's id in the file) and its paragraphs."""

    key: str
    paragraphs: list[Paragraph]

    @property
    def text(self) -> str:
        return " ".join(p.text.strip() for p in self.paragraphs).strip()


@dataclass(slots=True)
class Comment:
    """A Word comment in the draft: who wrote it and what it says."""

    id: str
    author: str
    text: str


@dataclass(eq=False, slots=True)
class Source:
    """A draft as read: the body paragraphs in order, Word footnotes and comments."""

    path: str
    format: str  # "docx" or "text"
    paragraphs: list[Paragraph]
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    comments: dict[str, Comment] = field(default_factory=dict)
    has_italics: bool = True  # False for a text copy that carries no formatting at all


def join_all(parts: list[Paragraph], sep: str = "") -> Paragraph:
    """The paragraphs as one, in one pass: joining them two at a time copies the growing paragraph again
    for each part, quadratic in a file of thousands of parts."""
    first = parts[0]
    if len(parts) == 1:
        return first
    runs, marks, comments, texts = list(first.runs), list(first.marks), list(first.comments), [first.text]
    seen = set(comments)
    shift = len(first.text)
    number, level, style = first.number, first.level, first.style
    for p in parts[1:]:
        shift += len(sep)
        if sep:
            runs.append(Run(text=sep, italic=False))
        runs.extend(p.runs)
        marks += [Mark(offset=m.offset + shift, key=m.key, typed=m.typed, symbol=m.symbol) for m in p.marks]
        comments += [c for c in p.comments if c not in seen]
        seen.update(p.comments)
        if number is None:
            number, level = p.number, p.level
        style = style or p.style
        texts += [sep, p.text]
        shift += len(p.text)
    return Paragraph(runs=runs, number=number, level=level, marks=marks, index=first.index, line=first.line,
                     style=style, comments=comments, footnote_key=first.footnote_key,
                     text="".join(texts))


def slice_runs(runs: list[Run], start: int, end: int | None = None) -> list[Run]:
    """The runs covering text[start:end], each keeping its formatting."""
    out, pos = [], 0
    for r in runs:
        a, b = max(start, pos), len(r.text) + pos if end is None else min(end, pos + len(r.text))
        if a < b:
            out.append(Run(text=r.text[a - pos:b - pos], italic=r.italic, superscript=r.superscript))
        pos += len(r.text)
    return out


def replace_span(para: Paragraph, start: int, end: int, text: str, italic: bool | None = None) -> None:
    """Put `text` in place of para.text[start:end], keeping runs, italics and footnote marks around it."""
    if italic is None:
        italic = bool(para.runs) and any(r.italic for r in slice_runs(para.runs, start, max(end, start + 1)))
    para.runs = slice_runs(para.runs, 0, start) + ([Run(text=text, italic=italic)] if text else []) + slice_runs(para.runs, end)
    delta = len(text) - (end - start)
    for m in para.marks:
        if m.offset >= end:
            m.offset += delta
        elif m.offset > start:
            m.offset = start + len(text)
    para.text = "".join(r.text for r in para.runs)
