"""A .docx opened for editing: text, italics and comments changed in place, each edit optionally tracked."""
from __future__ import annotations

import copy

from lxml import etree

from draftlint.formats.docx.comments import Comments
from draftlint.formats.docx.names import (CEND, FLDCHAR, R, CSTART, DEL, HYPERLINK, I_, ID, INS, MOVETO, P, PPR, PSTYLE, RPR,
                                  RPR_ORDER, RPRCHANGE, RSTYLE, SMARTTAG, T, VAL, insert_ordered, w)
from draftlint.formats.docx.package import Parts
from draftlint.formats.docx.revisions import Revisions, lift
from draftlint.formats.docx.runs import new_run, regroup, split_after, split_before, split_text
from draftlint.formats.docx.textmap import TextParagraph, _Walker, body_paragraphs
from draftlint.errors import InputError
from draftlint.formats.docx.styles import Styles
from draftlint.formats.docx.styles import on as is_on
from draftlint.formats.docx.marking import mark_paragraph

REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
# Containers that an untracked deletion may leave empty; an empty one is dropped with its last run.
PRUNABLE = {INS, DEL, MOVETO, HYPERLINK, SMARTTAG}


class Document:
    """A Word document opened for editing.

    Paragraphs are addressed by the reader's `Paragraph.index`, characters by offsets in the reader's
    paragraph text (tracked insertions in, deletions out, automatic numbers and footnote marks out).
    Offsets always refer to the text as it reads now, after the edits made so far.
    """

    def __init__(self, path: str, *, author: str = "draftlint", date: str | None = None):
        self.path = path
        self.parts = Parts(path)
        root = self.parts.xml(self.parts.main)
        if root.tag != w("document") or root.find(w("body")) is None:
            raise InputError("the main part is not a Word document body (Strict Open XML is not supported)")
        self.body = root.find(w("body"))
        styles = self.parts.related(self.parts.main, REL_STYLES)
        styles_root = self.parts.xml(styles) if styles and self.parts.has(styles) else None
        self.styles = Styles(styles_root)
        self.revisions = Revisions(self.parts, author, date)
        self.comments = Comments(self.parts, styles_root)
        self._map: dict[int, TextParagraph] | None = None
        self._editing: int | None = None  # the paragraph the current edit is in
        self._stale: set[int] = set()  # paragraphs edited since the map was made, to walk again
        self._local = False  # whether one paragraph can be walked again alone (no field spans paragraphs)

    @property
    def author(self) -> str:
        return self.revisions.author

    @property
    def date(self) -> str:
        return self.revisions.date

    # ---------------------------------------------------------------- reading

    def paragraphs(self) -> dict[int, TextParagraph]:
        if self._map is None:
            self._map = body_paragraphs(self.body, self.styles)
            self._stale.clear()
            self._local = _fields_within_paragraphs(self.body)
        elif self._stale:
            # An edit changes only its own paragraph: walking that one again is enough (a whole walk per
            # edit made a scaffold of 70 paragraphs several times slower).
            for index in self._stale:
                para = self._map[index]
                walker = _Walker(self.styles)
                para.slots = [slot for p in para.elements for slot in walker.paragraph(p)]
            self._stale.clear()
        return self._map

    def text(self, index: int) -> str:
        return self._para(index).text

    def _para(self, index: int) -> TextParagraph:
        self._editing = index
        para = self.paragraphs().get(index)
        if para is None:
            raise IndexError(f"no body paragraph {index} (the reader's Paragraph.index)")
        return para

    def _span(self, index: int, start: int, end: int) -> TextParagraph:
        para = self._para(index)
        if not 0 <= start <= end <= len(para.slots):
            raise IndexError(f"span {start}:{end} is outside paragraph {index} ({len(para.slots)} characters)")
        return para

    def _changed(self) -> None:
        self._invalidate()
        self.parts.touch(self.parts.main)

    def _restructured(self) -> None:
        """Paragraphs added, removed or joined: every index after them may move."""
        self._map = None
        self._changed()

    def _invalidate(self) -> None:
        if self._map is not None and self._local and self._editing in self._map:
            self._stale.add(self._editing)
        else:
            self._map = None

    # ---------------------------------------------------------------- cutting

    def _cut(self, index: int, offset: int) -> None:
        """Start a w:t at character `offset`, so that a span can begin or end there."""
        para = self._para(index)
        if 0 < offset < len(para.slots):
            slot = para.slots[offset]
            if slot.el.tag == T and slot.at > 0:
                split_text(slot.el, slot.at)
                self._changed()

    def _isolate(self, index: int, start: int, end: int) -> list:
        """The runs that hold exactly characters start:end, split off from their neighbours."""
        self._span(index, start, end)
        self._cut(index, end)
        self._cut(index, start)
        span = self._para(index).slots[start:end]
        inside = {s.el for s in span}
        runs = list(dict.fromkeys(s.run for s in span))
        out = []
        for run in runs:
            out.extend(piece for piece, flag in regroup(run, inside.__contains__) if flag)
        self._changed()
        return out

    def _point(self, index: int, offset: int):
        """Where new text at `offset` goes (parent, position) and the run whose formatting it takes.

        Text at an offset follows the character before it, so it stands before a footnote mark at the
        same offset ("text.¹"); at offset 0 it takes the formatting of the first character."""
        para = self._span(index, offset, offset)
        if not para.slots:
            p = para.elements[0]
            return p, len(p), None
        if offset > 0:
            slot = para.slots[offset - 1]
            if slot.el.tag == T and slot.at + 1 < len(slot.el.text or ""):
                split_text(slot.el, slot.at + 1)
            split_after(slot.run, slot.el)
            run = slot.run
            parent, k = run.getparent(), run.getparent().index(run) + 1
            # Text typed after a field's result belongs after the field: inside it, an update would erase it.
            while k < len(parent) and _field_end(parent[k]):
                k += 1
        else:
            slot = para.slots[0]
            el = split_text(slot.el, slot.at) if slot.el.tag == T and slot.at > 0 else slot.el
            run = split_before(slot.run, el)
            parent, k = run.getparent(), run.getparent().index(run)
        self._changed()
        parent, k = lift(parent, k, self.revisions)
        return parent, k, run

    # ---------------------------------------------------------------- edits

    def insert(self, index: int, offset: int, text: str, *, track: bool = True) -> None:
        if not text:
            return
        before = self._span(index, offset, offset).text
        parent, k, source = self._point(index, offset)
        run = new_run(text, source.find(RPR) if source is not None else None)
        parent.insert(k, run)
        if track:
            self.revisions.inserted(run)
        self._changed()
        self._expect(index, before[:offset] + text + before[offset:])

    def delete(self, index: int, start: int, end: int, *, track: bool = True) -> None:
        if start == end:
            self._span(index, start, end)
            return
        before = self._span(index, start, end).text
        runs = self._isolate(index, start, end)
        if track:
            self.revisions.deleted(runs)
        else:
            _remove(runs)
        self._changed()
        self._expect(index, before[:start] + before[end:])

    def replace(self, index: int, start: int, end: int, text: str, *, track: bool = True) -> None:
        if start == end:
            self.insert(index, start, text, track=track)
            return
        if not text:
            self.delete(index, start, end, track=track)
            return
        before = self._span(index, start, end).text
        runs = self._isolate(index, start, end)
        self._swap(runs, text, track)
        self._changed()
        self._expect(index, before[:start] + text + before[end:])

    def _swap(self, runs: list, text: str, track: bool) -> None:
        """`runs` give way to one run of `text` in the first one's formatting."""
        run = new_run(text, runs[0].find(RPR))
        if track:
            # Word's own order: the deletion, then the insertion that replaces it.
            last = self.revisions.deleted(runs)[-1]
            parent, k = lift(last.getparent(), last.getparent().index(last) + 1, self.revisions)
            parent.insert(k, run)
            self.revisions.inserted(run)
        else:
            first = runs[0]
            parent, k = lift(first.getparent(), first.getparent().index(first), self.revisions)
            parent.insert(k, run)
            _remove(runs)

    def set_italic(self, index: int, start: int, end: int, on: bool = True, *, track: bool = True) -> None:
        if start == end:
            self._span(index, start, end)
            return
        before = self._span(index, start, end).text
        for run in self._isolate(index, start, end):
            rpr = run.find(RPR)
            direct = rpr.find(I_) if rpr is not None else None
            rstyle = rpr.find(RSTYLE) if rpr is not None else None
            from_style = self.styles.italic(_pstyle(run), rstyle.get(VAL) if rstyle is not None else None)
            if (is_on(direct) if direct is not None else from_style) == on:
                continue  # already as asked: no change to record
            old = copy.deepcopy(rpr) if rpr is not None else None
            if rpr is None:
                rpr = etree.Element(RPR)
                run.insert(0, rpr)
            if direct is not None:
                rpr.remove(direct)
            if on != from_style:
                # Direct w:i overrides the styles; w:val="0" is needed only to undo a style's italics.
                direct = etree.Element(I_)
                if not on:
                    direct.set(VAL, "0")
                insert_ordered(rpr, direct, RPR_ORDER)
            if len(rpr) == 0:
                run.remove(rpr)
                rpr = None
            if track:
                if rpr is None:
                    rpr = etree.Element(RPR)
                    run.insert(0, rpr)
                self.revisions.format_changed(run, old)
                _drop_undone_change(run)
        self._changed()
        self._expect(index, before)

    def add_comment(self, index: int, start: int, end: int, text: str, author: str = "draftlint") -> str:
        """A comment on characters start:end (a point when equal); returns its w:id."""
        before = self._span(index, start, end).text
        cid = self.revisions.new_id()
        if start < end:
            runs = self._isolate(index, start, end)
            first, last = runs[0], runs[-1]
            parent, k = lift(first.getparent(), first.getparent().index(first), self.revisions)
            parent.insert(k, _marker(CSTART, cid))
            parent, k = lift(last.getparent(), last.getparent().index(last) + 1, self.revisions)
        else:
            parent, k, _ = self._point(index, start)
            parent.insert(k, _marker(CSTART, cid))
            k += 1
        parent.insert(k, _marker(CEND, cid))
        parent.insert(k + 1, self.comments.reference_run(cid))
        initials = "".join(part[:1] for part in author.split()).upper() or author[:2]
        self.comments.add(cid, text, author, self.date, initials)
        self._changed()
        self._expect(index, before)
        return cid

    # ---------------------------------------------------------------- whole paragraphs and footnotes

    def insert_paragraph(self, after: int, text: str, *, like: int | None = None, track: bool = True) -> int:
        """A new paragraph holding `text` after paragraph `after`, with the paragraph and run properties of
        paragraph `like` (default: `after`); returns its index. Indexes of later paragraphs move on by one."""
        ref = self._para(like if like is not None else after).elements[0]
        anchor = self._para(after).elements[-1]
        p = etree.Element(P)
        ppr = ref.find(PPR)
        if ppr is not None:
            ppr = copy.deepcopy(ppr)
            for change in ppr.findall(w("pPrChange")) + ppr.findall(w("sectPr")):
                ppr.remove(change)  # a section break stays where it was; the copy is a plain paragraph
            mark = ppr.find(RPR)
            if mark is not None:
                ppr.remove(mark)
            p.append(ppr)
        first = next((r for r in ref.iter(R) if r.find(T) is not None), None)
        rpr = first.find(RPR) if first is not None else None
        if rpr is not None:
            rpr = copy.deepcopy(rpr)
            for el in rpr.findall(w("vertAlign")) + rpr.findall(w("highlight")):
                rpr.remove(el)
        run = new_run(text, rpr)
        p.append(run)
        if track:
            if p.find(PPR) is None:
                p.insert(0, etree.Element(PPR))
            mark = etree.SubElement(p.find(PPR), RPR)
            mark.append(self.revisions.stamp(etree.Element(INS)))
            self.revisions.inserted(run)
        anchor.addnext(p)
        self._restructured()
        index = next(k for k, para in self.paragraphs().items() if p in para.elements)
        self._expect(index, text)
        return index

    def remove_paragraph(self, index: int, *, track: bool = True) -> None:
        """Paragraph `index` gone: tracked, its text and its paragraph mark are deletions (the reader then
        joins it to the next paragraph); untracked, the w:p is removed unless it ends a section."""
        para = self._para(index)
        text = para.text
        if text:
            self.delete(index, 0, len(text), track=track)
        for p in self._para(index).elements:
            ppr = p.find(PPR)
            if track:
                mark_paragraph(self, p, DEL)
            elif ppr is None or ppr.find(w("sectPr")) is None:
                p.getparent().remove(p)
        self._restructured()

    def footnote(self, key: str) -> "Document":
        """The Word footnote with w:id `key`, opened for the same edits: its paragraphs are numbered from 1
        and offsets count in the reader's text of each (revisions and comments shared with this document)."""
        part = self.parts.related(self.parts.main, REL_FOOTNOTES)
        root = self.parts.xml(part) if part and self.parts.has(part) else None
        found = None if root is None else next((fn for fn in root.iterchildren(w("footnote")) if fn.get(ID) == key), None)
        if found is None:
            raise IndexError(f"no footnote {key}")
        view = copy.copy(self)
        view.__class__ = _PartView
        view.body, view._map, view._part, view._stale = found, None, part, set()
        return view

    # ---------------------------------------------------------------- typed footnote marks

    def typed_marks(self, index: int) -> list[tuple[int, str]]:
        """The footnote marks typed in paragraph `index` as superscript numbers ("³", or a superscript run
        holding "3"): (offset in the paragraph text, the mark as typed). They are not characters of the text,
        so offsets cannot address them; `renumber_typed_mark` takes their place in this list."""
        return [(offset, "".join(s.char for s in slots)) for offset, slots in self._typed_mark_slots(index)]

    def _typed_mark_slots(self, index: int) -> list:
        from draftlint.formats.docx.textmap import _Walker, typed_marks

        walker, out, shift = _Walker(self.styles), [], 0
        for p in self._para(index).elements:
            kept = walker.paragraph(p)
            out += [(shift + offset, slots) for offset, slots in typed_marks(walker.runs)]
            shift += len(kept)
        return out

    def renumber_typed_mark(self, index: int, k: int, number: str, *, track: bool = True) -> None:
        """Mark k of `typed_marks(index)` becomes `number`, typed as it was (superscript digits stay digits
        of that kind; a superscript run keeps its formatting and its spaces)."""
        from draftlint.model.patterns import SUPERSCRIPTS, TO_SUPERSCRIPT

        before = self.text(index)
        marks = self._typed_mark_slots(index)
        if not 0 <= k < len(marks):
            raise IndexError(f"paragraph {index} has no typed footnote mark {k}")
        slots = marks[k][1]
        old = "".join(s.char for s in slots)
        core = old.strip()
        new = old.replace(core, number.translate(TO_SUPERSCRIPT) if all(c in SUPERSCRIPTS for c in core) else number)
        if new == old:
            return
        first, last = slots[0], slots[-1]
        if last.el.tag == T and last.at + 1 < len(last.el.text or ""):
            split_text(last.el, last.at + 1)
        if first.el.tag == T and first.at > 0:
            split_text(first.el, first.at)
            # The mark's own characters now start the w:t that split_text made.
            inside = {first.el.getnext()} | {s.el for s in slots[1:] if s.el is not first.el}
        else:
            inside = {s.el for s in slots}
        runs = [piece for piece, flag in regroup(first.run, inside.__contains__) if flag]
        self._swap(runs, new, track)
        self._changed()
        self._expect(index, before)
        if [m for _, m in self.typed_marks(index)][k] != new:
            raise RuntimeError(f"the typed footnote mark {k} of paragraph {index} did not take the number {number}")

    def _expect(self, index: int, text: str) -> None:
        # Cutting runs can change what the reader makes of a paragraph (a space-only run at the start of a
        # paragraph with typed footnote marks is dropped); better to stop than to shift every later offset.
        if self.text(index) != text:
            raise RuntimeError(f"the edit of paragraph {index} changed its text beyond the edited span")

    # ---------------------------------------------------------------- saving

    def save(self, path: str, *, in_place: bool = False, overwrite: bool = True) -> None:
        """Write atomically; the opened file is replaced only with in_place=True, and with overwrite=False a
        file that exists at `path` (or appears there meanwhile) is not replaced."""
        self.revisions.renumber_duplicates(self.body)
        self.parts.save(path, in_place=in_place, overwrite=overwrite)


class _PartView(Document):
    """A document view on another part (a footnote): edits mark that part as changed."""

    _part: str

    def _changed(self) -> None:
        self._invalidate()
        self.parts.touch(self._part)


def _fields_within_paragraphs(body) -> bool:
    """Whether every field begins and ends in one paragraph: then a paragraph reads the same walked alone."""
    kinds = w("fldCharType")
    for p in body.iter(P):
        depth = 0
        for el in p.iter(FLDCHAR):
            depth += {"begin": 1, "end": -1}.get(el.get(kinds), 0)
            if depth < 0:
                return False
        if depth:
            return False
    return True


def _drop_undone_change(run) -> None:
    """A formatting change that a later edit has undone is no change: Word would list it all the same."""
    rpr = run.find(RPR)
    change = rpr.find(RPRCHANGE)
    if change is None:
        return
    now = [c for c in rpr if c.tag != RPRCHANGE]
    was = change.find(RPR)
    if _shape_of(now) == _shape(was):
        rpr.remove(change)
        if len(rpr) == 0:
            run.remove(rpr)


def _field_end(el) -> bool:
    content = [c for c in el if c.tag != RPR] if el.tag == R else []
    return len(content) == 1 and content[0].tag == FLDCHAR and content[0].get(w("fldCharType")) == "end"


def _pstyle(run) -> str | None:
    for p in run.iterancestors(P):
        ppr = p.find(PPR)
        ps = ppr.find(PSTYLE) if ppr is not None else None
        return ps.get(VAL) if ps is not None else None
    return None


def _marker(tag: str, cid: str):
    el = etree.Element(tag)
    el.set(ID, cid)
    return el


def _shape(el):
    # Serialised forms differ with the namespace declarations in scope, so compare the structure.
    return () if el is None else _shape_of(list(el))


def _shape_of(children) -> tuple:
    return tuple((c.tag, tuple(sorted(c.attrib.items())), c.text, _shape(c)) for c in children)


def _remove(runs: list) -> None:
    for run in runs:
        parent = run.getparent()
        parent.remove(run)
        while parent.tag in PRUNABLE and len(parent) == 0:
            outer = parent.getparent()
            outer.remove(parent)
            parent = outer
