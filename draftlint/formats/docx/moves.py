"""A paragraph shown as moved, the way Word records a move (ECMA-376 §17.13.5.21-26): the draft's paragraph
is the move's destination (its runs and its mark in w:moveTo, between w:moveToRangeStart and End), and last
session's wording comes back where it stood as the move's source (w:moveFrom, between w:moveFromRangeStart
and End); the two range starts share a w:name, which is what ties source and destination together.

Words the draft added to the moved paragraph are a w:ins inside the destination range, so that "Accept All"
gives the draft and "Reject All" gives last session's paragraph in its old place. Words it dropped are not
shown at the destination: the source holds last session's wording whole.

Every w:id (the changes, the two ranges) comes from the document's Revisions, so none is used twice.
"""
from __future__ import annotations

from lxml import etree

from draftlint.formats.docx.marking import _revised, mark_paragraph, wrap_runs
from draftlint.formats.docx.names import AUTHOR, DATE, DEL, DELTEXT, ID, MOVEFROM, MOVETO, PPR, R, T, w
from draftlint.formats.docx.paragraphs import _deleted_paragraph

NAME = w("name")


def new_move(doc) -> str:
    """A name for one move, unique in the document (built from a fresh revision id)."""
    return f"draftlint-move-{doc.revisions.new_id()}"


def mark_moved_to(doc, index: int, name: str) -> None:
    """Paragraph `index` becomes the destination of move `name`: every run not already in a tracked change
    (words marked inserted before this stay inserted) and its paragraph mark."""
    elements = doc._para(index).elements
    for p in elements:
        wrap_runs(doc, [r for r in p.iter(R) if not _revised(r, p)], MOVETO)
        mark_paragraph(doc, p, MOVETO)
    _range(doc, elements[0], elements[-1], "moveTo", name)
    doc._changed()


def moved_from_paragraph(doc, text: str, model, name: str):
    """A new w:p holding `text` as the source of move `name`, with the paragraph properties of `model`."""
    p = _deleted_paragraph(doc, text, model)
    for el in p.iter(DEL):
        el.tag = MOVEFROM
    for el in p.iter(DELTEXT):
        el.tag = T  # moved text keeps w:t: only w:del holds w:delText
    _range(doc, p, p, "moveFrom", name)
    return p


def _range(doc, first, last, kind: str, name: str) -> None:
    rid = doc.revisions.new_id()
    start = etree.Element(w(f"{kind}RangeStart"))
    start.set(ID, rid)
    start.set(NAME, name)
    start.set(AUTHOR, doc.author)
    start.set(DATE, doc.date)
    end = etree.Element(w(f"{kind}RangeEnd"))
    end.set(ID, rid)
    ppr = first.find(PPR)
    first.insert(first.index(ppr) + 1 if ppr is not None else 0, start)
    last.append(end)
