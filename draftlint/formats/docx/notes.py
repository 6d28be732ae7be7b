"""Word footnotes (word/footnotes.xml) marked as tracked changes for a redline, with the same operations as body
paragraphs (draftlint.formats.docx.marking): words of a changed footnote, a new footnote's text, and a
footnote of last session's text that the draft dropped, put back as a deleted footnote with a deleted mark.

Offsets are in the footnote's text as the reader gives it (model.source.Footnote.text): its paragraphs'
texts, stripped, joined by one space.
"""
from __future__ import annotations

import copy

from lxml import etree

from draftlint.formats.docx.edit import Document
from draftlint.formats.docx.marking import _revised, past_marks, wrap_runs
from draftlint.formats.docx.names import DEL, DELTEXT, ID, P, PPR, R, RPR, T, W, XML_SPACE, w
from draftlint.formats.docx.runs import empty_like, split_text

REL_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE, FNREF, FNREF_MARK = w("footnote"), w("footnoteReference"), w("footnoteRef")


def footnotes_part(doc) -> str | None:
    part = doc.parts.related(doc.parts.main, REL_FOOTNOTES)
    return part if part and doc.parts.has(part) else None


class FootnoteText(Document):
    """One Word footnote of an open Document, addressed as the Document addresses the body: paragraphs
    numbered from 1 inside the footnote, offsets in the reader's text. Edits share the Document's revision
    ids and are saved with it."""

    def __init__(self, doc: Document, key: str):  # noqa: super().__init__ would read the package again
        self.__dict__.update(doc.__dict__)
        self.part = footnotes_part(doc)
        root = self.parts.xml(self.part) if self.part else None
        note = None if root is None else next((f for f in root.iterchildren(FOOTNOTE) if f.get(ID) == key), None)
        if note is None:
            raise IndexError(f"no footnote {key}")
        self.body = note
        self._map = None

    def _changed(self) -> None:
        self._map = None
        self.parts.touch(self.part)

    def pieces(self) -> list[tuple[int, int, int]]:
        """(paragraph, where its stripped text starts in the paragraph, where in the footnote's text)."""
        out, at = [], 0
        for index, para in sorted(self.paragraphs().items()):
            text = para.text
            out.append((index, len(text) - len(text.lstrip()), at))
            at += len(text.strip()) + 1
        return out

    def text_of_note(self) -> str:
        return " ".join(p.text.strip() for _, p in sorted(self.paragraphs().items())).strip()

    def locate(self, start: int, end: int) -> tuple[int, int] | None:
        """The paragraph and the paragraph offset of footnote characters start:end, None when they cross
        from one paragraph into the next."""
        for index, lead, at in reversed(self.pieces()):
            if start >= at:
                length = len(self.text(index).strip())
                return (index, lead + start - at) if end - at <= length else None
        return None

    def mark_all_inserted(self) -> None:
        """Every run of the footnote's text as a tracked insertion. Its number (w:footnoteRef) stays out:
        the footnote comes and goes with its mark in the body, and LibreOffice shows none of a change that
        begins with the number."""
        for p in self.body.iter(P):
            wrap_runs(self, [r for r in p.iter(R) if not _revised(r, p) and r.find(FNREF_MARK) is None])
        self._changed()


def add_deleted_footnote(doc, text: str) -> str:
    """A new footnote holding `text` as deleted text, shaped like the draft's first footnote (a footnotes
    part is made when the draft has none); returns its id."""
    part = footnotes_part(doc) or _new_footnotes_part(doc)
    root = doc.parts.xml(part)
    model = next((f for f in root.iterchildren(FOOTNOTE) if f.get(w("type")) in (None, "normal")
                  and f.find(f".//{FNREF_MARK}") is not None), None)
    p_model = model.find(P) if model is not None else None
    note = etree.SubElement(root, FOOTNOTE)
    note.set(ID, doc.revisions.new_id())
    p = etree.SubElement(note, P)
    ppr = p_model.find(PPR) if p_model is not None else None
    if ppr is not None:
        p.append(copy.deepcopy(ppr))
    ref_run = next((r for r in p_model.iter(R) if r.find(FNREF_MARK) is not None), None) \
        if p_model is not None else None
    number = etree.SubElement(p, R)
    number.append(copy.deepcopy(ref_run.find(RPR)) if ref_run is not None and ref_run.find(RPR) is not None
                  else _superscript())
    etree.SubElement(number, FNREF_MARK)
    words = etree.SubElement(p, R)
    t = etree.SubElement(words, T)
    t.text = " " + text
    t.set(XML_SPACE, "preserve")
    doc.revisions.deleted([words])  # the number stays out, as in FootnoteText.mark_all_inserted
    doc.parts.touch(part)
    return note.get(ID)


def _superscript():
    rpr = etree.Element(RPR)
    etree.SubElement(rpr, w("vertAlign")).set(w("val"), "superscript")
    return rpr


def _new_footnotes_part(doc) -> str:
    """word/footnotes.xml with the two separators Word writes, related to the document and declared."""
    name = "word/footnotes.xml"
    root = etree.Element(w("footnotes"), nsmap={"w": W})
    for fid, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        note = etree.SubElement(root, FOOTNOTE)
        note.set(w("type"), kind)
        note.set(ID, fid)
        etree.SubElement(etree.SubElement(etree.SubElement(note, P), R), w(kind))
    doc.parts.add(name, root)
    doc.parts.relate(doc.parts.main, name, REL_FOOTNOTES)
    doc.parts.declare(name, CT_FOOTNOTES)
    return name


def deleted_reference(doc, footnote_id: str):
    """A run with the mark of footnote `footnote_id`, in a tracked deletion, formatted as the draft's marks."""
    model = next(doc.body.iter(FNREF), None)
    run = etree.Element(R)
    if model is not None and model.getparent().find(RPR) is not None:
        run.append(copy.deepcopy(model.getparent().find(RPR)))
    else:
        run.append(_superscript())
    ref = etree.SubElement(run, FNREF)
    ref.set(ID, footnote_id)
    wrapper = doc.revisions.stamp(etree.Element(DEL))
    wrapper.append(run)
    return wrapper


def put_reference_in(doc, index: int, offset: int, footnote_id: str) -> None:
    """The deleted mark of footnote `footnote_id` at `offset` of body paragraph `index`, after the marks the
    draft has there (footnotes are numbered in order, so a mark dropped from a run of marks was the later)."""
    parent, k, _ = doc._point(index, offset)
    parent.insert(past_marks(parent, k), deleted_reference(doc, footnote_id))
    doc._changed()


def put_reference_in_deleted(doc, p, offset: int, footnote_id: str) -> None:
    """The same in a paragraph put back as deleted (or as a move's source): `p` holds one run of its text in
    a w:del or w:moveFrom; the run is cut at character `offset` and the mark goes between, in the same
    wrapper, so that it goes and comes back with the words around it."""
    run = next((r for r in p.iter(R)), None)
    if run is None:
        return
    content = [c for c in run if c.tag != RPR]
    at, cut = 0, len(content)
    for k, child in enumerate(content):
        size = len(child.text or "") if child.tag in (T, DELTEXT) else 1
        if at + size > offset:
            if child.tag in (T, DELTEXT) and offset > at:
                split_text(child, offset - at)
                k += 1
            cut = k
            break
        at += size
    content = [c for c in run if c.tag != RPR]
    rest = empty_like(run)
    for child in content[cut:]:
        rest.append(child)
    mark = deleted_reference(doc, footnote_id)[0]
    run.addnext(mark)
    if len(rest) > (rest.find(RPR) is not None):
        mark.addnext(rest)


def order_like_references(doc) -> None:
    """The footnotes numbered and ordered as their marks stand in the body (ids 2, 3, 4 … after the
    separators, the part in that order), marks included.

    Word finds a footnote by its id, whatever the order; LibreOffice (7.4) gives the marks, in the order of
    the body, the footnotes in the order of their ids, so a footnote put back with a new, higher id would
    give its words to the last mark of the document and shift every footnote after its own mark by one."""
    part = footnotes_part(doc)
    if part is None:
        return
    root = doc.parts.xml(part)
    notes = {f.get(ID): f for f in root.iterchildren(FOOTNOTE) if f.get(w("type")) in (None, "normal")}
    refs = [ref for ref in doc.body.iter(FNREF) if ref.get(ID) in notes]
    order = list(dict.fromkeys(ref.get(ID) for ref in refs))
    order += [k for k in notes if k not in order]
    first = 1 + max([int(f.get(ID)) for f in root.iterchildren(FOOTNOTE)
                     if f.get(ID) not in notes and f.get(ID, "").lstrip("-").isdigit()] or [0])
    new = {old: str(first + k) for k, old in enumerate(order)}
    if list(notes) == order and all(old == now for old, now in new.items()):
        return
    for old in order:
        note = notes[old]
        note.set(ID, new[old])
        root.append(note)  # moves it: each goes to the end in turn
    for ref in refs:
        ref.set(ID, new[ref.get(ID)])
    doc.parts.touch(part)
    doc._changed()
