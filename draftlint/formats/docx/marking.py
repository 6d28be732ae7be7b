"""Marking text that is already in the document as a tracked change, for a redline: the draft's own words
are shown as inserted (their runs and formatting untouched) and last session's words come back as deleted
text. Accepting every change then gives the draft exactly; rejecting gives the previous wording.

Offsets are those of `Document` (the reader's paragraph text); neither operation changes that text, so
offsets taken before an edit stay valid after it.
"""
from __future__ import annotations

from lxml import etree

from draftlint.formats.docx.names import DEL, ID, INS, MOVEFROM, MOVETO, PPR, R, RPR, w
from draftlint.formats.docx.runs import new_run

REVISED = {INS, DEL, MOVEFROM, MOVETO}
# CT_PPr: the paragraph mark's properties come after every other property but these.
AFTER_PARA_RPR = {w("sectPr"), w("pPrChange")}
FNREF = w("footnoteReference")


def mark_inserted(doc, index: int, start: int, end: int) -> None:
    """Characters start:end of paragraph `index` become a tracked insertion, with any footnote reference
    that stands among them."""
    if start == end:
        return
    runs = doc._isolate(index, start, end)
    first, last = runs[0], runs[-1]
    if first.getparent() is last.getparent():
        parent = first.getparent()
        # Footnote references are not characters of the reader's text, so _isolate does not return them.
        runs = [el for el in parent[parent.index(first):parent.index(last) + 1] if el.tag == R]
    wrap_runs(doc, runs)
    doc._changed()


def mark_footnote_inserted(doc, footnote_id: str) -> bool:
    """The mark of Word footnote `footnote_id` in the body becomes a tracked insertion (rejecting it removes
    the footnote), unless it is in a tracked change already. False when the body has no such mark."""
    for ref in doc.body.iter(FNREF):
        if ref.get(ID) == footnote_id:
            run = ref.getparent()
            if run.tag == R and not _revised(run, None):
                wrap_runs(doc, [run])
                doc._changed()
            return True
    return False


def insert_deleted(doc, index: int, offset: int, text: str, *, like: int | None = None, after_marks: bool = False):
    """`text` put back at `offset` as a tracked deletion, in the formatting of character `like` (default:
    the character before it). A redline passes the first new character when words were replaced: an old
    lead phrase then stays italic beside the new one, and not in the plain formatting of a typed number.
    With after_marks, it goes after the footnote marks that stand at `offset` (text at an offset otherwise
    goes before them), for words that followed the mark in the previous text. Returns the w:del that holds
    it (None for no text)."""
    if not text:
        return None
    slots = doc._para(index).slots
    model = slots[like].run if like is not None and 0 <= like < len(slots) else None
    rpr = model.find(RPR) if model is not None else None
    parent, k, source = doc._point(index, offset)
    if after_marks:
        k = past_marks(parent, k)
    if model is None and source is not None:
        rpr = source.find(RPR)
    run = new_run(text, rpr)
    parent.insert(k, run)
    wrapper = doc.revisions.deleted([run])[0]
    doc._changed()
    return wrapper


def past_marks(parent, k: int) -> int:
    """The place after the footnote marks that stand at parent[k] (runs holding a mark and no text)."""
    while k < len(parent) and parent[k].tag == R and parent[k].find(FNREF) is not None \
            and not "".join(parent[k].itertext()).strip():
        k += 1
    return k


def mark_paragraph_inserted(doc, index: int) -> None:
    """The whole paragraph as a tracked insertion: every run and the paragraph mark, so that rejecting it
    removes the paragraph and does not leave an empty one."""
    for p in doc._para(index).elements:
        runs = [r for r in p.iter(R) if not _revised(r, p)]
        wrap_runs(doc, runs)
        mark_paragraph(doc, p)
    doc._changed()


def _revised(run, p) -> bool:
    for el in run.iterancestors():
        if el is p:
            return False
        if el.tag in REVISED:
            return True
    return False


def wrap_runs(doc, runs, tag: str = INS) -> None:
    """Neighbouring runs under one parent share one change (w:ins, w:moveTo); a run already in someone's
    change keeps it."""
    current = None
    for run in runs:
        if run.getparent().tag in REVISED:
            current = None
            continue
        if current is not None and current.getnext() is run:
            current.append(run)
            continue
        current = doc.revisions.stamp(etree.Element(tag))
        run.addprevious(current)
        current.append(run)


def mark_paragraph(doc, p, tag: str = INS) -> None:
    ppr = p.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    rpr = ppr.find(RPR)
    if rpr is None:
        rpr = etree.Element(RPR)
        later = [c for c in ppr if c.tag in AFTER_PARA_RPR]
        if later:
            later[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    if tag == DEL:
        # A paragraph someone inserted can still be deleted: CT_ParaRPr wants w:ins, then w:del, first.
        if rpr.find(DEL) is None:
            at = 1 if len(rpr) and rpr[0].tag == INS else 0
            rpr.insert(at, doc.revisions.stamp(etree.Element(DEL)))
        return
    if any(c.tag in REVISED for c in rpr):
        return
    rpr.insert(0, doc.revisions.stamp(etree.Element(tag)))  # CT_ParaRPr: the revision marks come first
