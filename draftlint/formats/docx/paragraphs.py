"""Whole paragraphs put back as tracked deletions: a paragraph of last session's text that the draft dropped
becomes a new w:p whose text is deleted and whose paragraph mark is deleted too (w:pPr/w:rPr/w:del), as
Word records a paragraph deleted with its mark. Rejecting the deletion brings the paragraph back; accepting
it leaves no empty paragraph behind.

The reader joins a paragraph whose mark is deleted with the one after it, so the reader's text is unchanged,
but every later paragraph's index moves on by one: make these insertions last, from the end of the document
up.
"""
from __future__ import annotations

import copy

from lxml import etree

from draftlint.formats.docx.names import DEL, INS, MOVEFROM, MOVETO, P, PPR, R, RPR, T, w
from draftlint.formats.docx.runs import new_run

REVISED = {INS, DEL, MOVEFROM, MOVETO}
DROPPED_FROM_COPY = {w("sectPr"), w("pPrChange")}  # a section break or someone's change is not the deleted text's


def insert_deleted_paragraphs(doc, index: int, texts: list[str], *, after: bool = False, like: int | None = None) -> None:
    """`texts` as deleted paragraphs, in order, before paragraph `index` (after it with after=True), each
    with the paragraph properties (style, numbering, indents) of paragraph `like` (default: `index`)."""
    if not texts:
        return
    target = doc._para(index).elements
    model = doc._para(like if like is not None else index).elements[-1]
    anchor = target[-1] if after else target[0]
    made = [_deleted_paragraph(doc, text, model) for text in texts]
    for p in made if not after else reversed(made):
        if after:
            anchor.addnext(p)
        else:
            anchor.addprevious(p)
    doc._changed()


def _deleted_paragraph(doc, text: str, model):
    p = etree.Element(P)
    ppr = model.find(PPR)
    ppr = copy.deepcopy(ppr) if ppr is not None else etree.Element(PPR)
    for el in [c for c in ppr if c.tag in DROPPED_FROM_COPY]:
        ppr.remove(el)
    mark = ppr.find(RPR)
    if mark is None:
        mark = etree.SubElement(ppr, RPR)
    for el in [c for c in mark if c.tag in REVISED or c.tag == w("rPrChange")]:
        mark.remove(el)
    mark.insert(0, doc.revisions.stamp(etree.Element(DEL)))  # CT_ParaRPr: the revision marks come first
    p.append(ppr)
    run = new_run(text, _text_rpr(model))
    p.append(run)
    doc.revisions.deleted([run])
    return p


def _text_rpr(model):
    """The formatting of the model paragraph's body text: its last run with text (the first is often the
    italic lead phrase or a typed number)."""
    runs = [r for r in model.iter(R) if r.find(T) is not None]
    return runs[-1].find(RPR) if runs else None
