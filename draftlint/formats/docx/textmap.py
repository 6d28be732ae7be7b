"""Where each character of the reader's paragraph text lives in the XML.

This mirrors the walk of `draftlint.formats.docx.read` (paragraph order, tracked insertions kept and deletions
dropped, hidden runs and field codes skipped, custom footnote marks, typed superscript footnote marks taken
out, paragraphs joined over a deleted paragraph mark), so that an edit at offset k of paragraph n lands
where the reader puts character k of paragraph n. tests/test_docx_edit.py holds the two walks together.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from draftlint.formats.docx.names import R, RPR, RSTYLE, T, VAL, w
from draftlint.formats.docx.styles import Styles, on, on_attr
from draftlint.formats.docx.walk import block_paragraphs, follow_field, inline_runs, mark_deleted, special_char
from draftlint.model.patterns import SUPERSCRIPTS

FNREF, FLDCHAR = w("footnoteReference"), w("fldChar")
I_, VERT, VANISH = w("i"), w("vertAlign"), w("vanish")
SUPERSCRIPT_SET = frozenset(SUPERSCRIPTS)


@dataclass
class Slot:
    """One character of the paragraph text: the element that holds it (w:t, w:tab …), its place in the
    element's text (0 for the one-character elements) and the run around it."""

    el: object
    at: int
    run: object
    char: str


@dataclass
class TextParagraph:
    index: int
    elements: list  # the w:p elements (more than one where a deleted paragraph mark joins them)
    slots: list[Slot] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.char for s in self.slots)


def body_paragraphs(body, styles: Styles) -> dict[int, TextParagraph]:
    """The reader's paragraphs by their `Paragraph.index`."""
    walker = _Walker(styles)
    found: dict[int, TextParagraph] = {}
    pending: TextParagraph | None = None
    for index, p in enumerate(block_paragraphs(body), 1):
        para = TextParagraph(index=index, elements=[p], slots=walker.paragraph(p))
        if pending is not None:
            pending.elements.append(p)
            pending.slots.extend(para.slots)
            para, pending = pending, None
        if mark_deleted(p):
            pending = para
            continue
        found[para.index] = para
    if pending is not None:
        found[pending.index] = pending
    return found








class _Walker:
    def __init__(self, styles: Styles):
        self.styles = styles
        self.field_stack: list[str] = []  # the reader keeps field state across paragraphs

    def paragraph(self, p) -> list[Slot]:
        # Unlike the reader, no paragraph style: italics do not decide what is text.
        runs: list[tuple[list[Slot], bool]] = []
        custom_mark = False
        for r in inline_runs(p):
            if r.tag != R:
                continue
            rpr = r.find(RPR)
            superscript = hidden = None
            rstyle = None
            if rpr is not None:
                for el in rpr:
                    if el.tag == RSTYLE:
                        rstyle = el.get(VAL)
                    elif el.tag == VERT:
                        superscript = el.get(VAL) == "superscript"
                    elif el.tag == VANISH:
                        hidden = on(el)
            if hidden:
                continue
            if superscript is None:
                superscript = self.styles.superscript(rstyle)
            slots: list[Slot] = []
            for el in r:
                t = el.tag
                if t == T:
                    if not self.field_stack or self.field_stack[-1] != "code":
                        slots.extend(Slot(el, k, r, ch) for k, ch in enumerate(el.text or ""))
                elif t == FNREF:
                    custom_mark = on_attr(el.get(w("customMarkFollows")))
                elif t == FLDCHAR:
                    follow_field(el, self.field_stack)
                elif (ch := special_char(el)) is not None:
                    slots.append(Slot(el, 0, r, ch))
            if custom_mark and slots:
                custom_mark = False  # the reader takes this run's text as the footnote's own mark
                continue
            if slots:
                runs.append((slots, bool(superscript)))
        self.runs = runs  # for typed_marks: the marks are not slots of the text
        return _without_typed_marks(runs)


def _without_typed_marks(runs: list[tuple[list[Slot], bool]]) -> list[Slot]:
    """The reader's _typed_marks: superscript numbers and superscript digits are marks, not text."""
    if not any(sup or not SUPERSCRIPT_SET.isdisjoint(s.char for s in slots) for slots, sup in runs):
        return [s for slots, _ in runs for s in slots]
    kept: list[Slot] = []
    for slots, sup in runs:
        text = "".join(s.char for s in slots).strip()
        if sup and (text.isdigit() or text == "*"):
            continue
        for is_mark, chunk in _chunks(slots):
            if is_mark or (not kept and not "".join(s.char for s in chunk).strip()):
                continue
            kept.extend(chunk)
    return kept


def _chunks(slots: list[Slot]):
    out: list[tuple[bool, list[Slot]]] = []
    for s in slots:
        is_mark = s.char in SUPERSCRIPT_SET
        if out and out[-1][0] == is_mark:
            out[-1][1].append(s)
        else:
            out.append((is_mark, [s]))
    return out


def typed_marks(runs: list[tuple[list[Slot], bool]]) -> list[tuple[int, list[Slot]]]:
    """The typed footnote marks that _without_typed_marks leaves out: (offset in the kept text, the mark's
    slots). A superscript number run is one mark, its spaces included; superscript digits are one mark per run
    of them."""
    if not any(sup or not SUPERSCRIPT_SET.isdisjoint(s.char for s in slots) for slots, sup in runs):
        return []
    out: list[tuple[int, list[Slot]]] = []
    kept = 0
    for slots, sup in runs:
        text = "".join(s.char for s in slots).strip()
        if sup and (text.isdigit() or text == "*"):
            out.append((kept, slots))
            continue
        for is_mark, chunk in _chunks(slots):
            if is_mark:
                out.append((kept, chunk))
            elif kept or "".join(s.char for s in chunk).strip():
                kept += len(chunk)
    return out
