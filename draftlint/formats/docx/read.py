"""Reads a .docx into the model as it reads with all tracked changes accepted."""
from __future__ import annotations

from draftlint.errors import InputError
from draftlint.model.source import Comment, Footnote, Mark, Paragraph, Run, Source, join_all
from draftlint.formats.docx.limits import VAL, Package, w
from draftlint.formats.docx.numbering import Numbering
from draftlint.formats.docx.styles import Styles, on, on_attr
from draftlint.formats.docx.walk import block_paragraphs, child, children, follow_field, inline_runs, special_char
from draftlint.model.patterns import FROM_SUPERSCRIPT, SUPERSCRIPTS

P, R, T = w("p"), w("r"), w("t")
PPR, RPR, PSTYLE, RSTYLE = w("pPr"), w("rPr"), w("pStyle"), w("rStyle")
I_, VERT, VANISH = w("i"), w("vertAlign"), w("vanish")
NUMPR, NUMID, ILVL = w("numPr"), w("numId"), w("ilvl")
FNREF, FLDCHAR, INSTR = w("footnoteReference"), w("fldChar"), w("instrText")
CUSTOM_MARK = w("customMarkFollows")
DEL, MOVEFROM, SDT, SDTCONTENT = w("del"), w("moveFrom"), w("sdt"), w("sdtContent")
CSTART, CEND, CREF = w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")
BODY = w("body")
ID = w("id")


SUPERSCRIPT_SET = frozenset(SUPERSCRIPTS)

# A real resolution has under 2,000 paragraphs and a few tens of thousands of runs; these caps keep the
# model of a hostile file small however its parts are filled (footnotes and comments count too).
MAX_PARAGRAPHS = 20_000
MAX_RUNS = 200_000


def read_docx(path: str) -> Source:
    pkg = Package(path)
    try:
        return _DocxReader(pkg).source()
    finally:
        pkg.close()


class _DocxReader:
    def __init__(self, pkg: Package):
        self.pkg = pkg
        styles_part = pkg.related("styles")
        self.styles = Styles(pkg.xml(styles_part) if styles_part else None)
        self._numbering_part = pkg.related("numbering")
        self._numbering: Numbering | None = None
        self.open_comments: set[str] = set()
        self.field_stack: list[str] = []
        self.paragraphs = self.runs_read = 0

    def count(self, paragraphs: int = 0, runs: int = 0) -> None:
        self.paragraphs += paragraphs
        self.runs_read += runs
        if self.paragraphs > MAX_PARAGRAPHS:
            raise InputError(f"the document has more than {MAX_PARAGRAPHS:,} paragraphs, far more than a resolution")
        if self.runs_read > MAX_RUNS:
            raise InputError(f"the document has more than {MAX_RUNS:,} runs of text, far more than a resolution")

    @property
    def numbering(self) -> Numbering:
        if self._numbering is None:
            part = self._numbering_part
            self._numbering = Numbering(self.pkg.xml(part) if part else None, self.styles)
        return self._numbering

    def source(self) -> Source:
        root = self.pkg.xml(self.pkg.main)
        if root.tag != w("document"):
            if root.tag.startswith("{http://purl.oclc.org/ooxml/"):
                raise InputError("the .docx is saved as Strict Open XML; save it as a normal Word Document (.docx)")
            raise InputError("word/document.xml is not a Word document body")
        body = root.find(BODY)
        if body is None:
            raise InputError("the document has no body")
        paragraphs: list[Paragraph] = []
        pending: list[Paragraph] = []  # paragraphs whose mark was deleted, joined once with the next
        index = 0
        for p in block_paragraphs(body):
            index += 1
            self.count(paragraphs=1)
            para, deleted = self.paragraph(p, index)
            if deleted:
                # The paragraph's mark was deleted with tracking: accepted, it is one with the next.
                pending.append(para)
                continue
            paragraphs.append(join_all(pending + [para]) if pending else para)
            pending = []
        if pending:
            paragraphs.append(join_all(pending))
        return Source(path=self.pkg.path, format="docx", paragraphs=paragraphs, footnotes=self.footnotes(),
                      comments=self.comments())

    def paragraph(self, p, index: int) -> tuple[Paragraph, bool]:
        """The paragraph, and whether its mark is a tracked deletion (walk.mark_deleted)."""
        pstyle = None
        num_id = ilvl = None
        deleted = False
        ppr = child(p, PPR)
        if ppr is not None:
            # One pass over the paragraph properties (a style, a number and the mark's properties, rarely
            # more) instead of a search for each.
            ps, numpr, mark = children(ppr, (PSTYLE, NUMPR, RPR))
            if mark is not None:
                deleted = child(mark, DEL) is not None or child(mark, MOVEFROM) is not None
            if ps is not None:
                pstyle = ps.get(VAL)
            if numpr is not None:
                n, lv = children(numpr, (NUMID, ILVL))
                num_id = n.get(VAL) if n is not None else None
                ilvl = lv.get(VAL) if lv is not None else None
        if num_id is None or ilvl is None:
            s_num, s_lvl = self.styles.numpr(pstyle)
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
        number = level = None
        if num_id and num_id != "0":
            try:
                level = int(ilvl or 0)
            except ValueError:
                level = 0
            number = self.numbering.label(num_id, level)
            if number is None:
                level = None
        runs, text, marks, comments, superscript = self.runs(p, pstyle)
        para = Paragraph(runs=runs, number=number, level=level, marks=marks, index=index,
                         style=self.styles.name(pstyle), comments=comments, text=text)
        if superscript or _has_sup_chars(text):
            _typed_marks(para)
        return para, deleted

    def runs(self, parent, pstyle):
        """(runs, their text, footnote marks, comment ids, whether any run is in superscript)."""
        runs: list[Run] = []
        texts: list[str] = []  # the paragraph text, joined once here rather than again from the runs
        marks: list[Mark] = []
        comments: list[str] = list(self.open_comments)
        pos = 0
        custom_mark = any_superscript = False
        seen, room = 0, MAX_RUNS - self.runs_read
        field_stack = self.field_stack
        styles = self.styles
        # Most runs set neither italics nor a character style: their italics is the paragraph style's.
        plain_italic = styles.italic(pstyle, None)
        for r in inline_runs(parent):
            seen += 1
            if seen > room:
                self.count(runs=seen)  # raises
            tag = r.tag
            if tag != R:  # a comment range starts or ends
                if tag == CSTART:
                    cid = r.get(ID)
                    self.open_comments.add(cid)
                    if cid not in comments:
                        comments.append(cid)
                elif tag == CEND:
                    self.open_comments.discard(r.get(ID))
                continue
            # The children once as a list: each pass over an lxml element makes a Python object per child,
            # and a run is walked twice (its properties first, then its text). The properties come first.
            kids = list(r)
            rpr = None
            for el in kids:
                if el.tag == RPR:
                    rpr = el
                    break
            italic = superscript = hidden = None
            rstyle = None
            if rpr is not None:
                for el in rpr:
                    t = el.tag
                    if t == I_:
                        italic = on(el)
                    elif t == RSTYLE:
                        rstyle = el.get(VAL)
                    elif t == VERT:
                        superscript = el.get(VAL) == "superscript"
                    elif t == VANISH:
                        hidden = on(el)
                if hidden:
                    continue
            if rstyle is None:
                if italic is None:
                    italic = plain_italic
                superscript = bool(superscript)
            else:
                if italic is None:
                    italic = styles.italic(pstyle, rstyle)
                if superscript is None:
                    superscript = styles.superscript(rstyle)
            parts: list[str] = []
            for el in kids:
                t = el.tag
                if t == T:
                    if not field_stack or field_stack[-1] != "code":
                        parts.append(el.text or "")
                elif t == RPR:
                    continue  # read above; by far the most common child after the text
                elif t == FNREF:
                    marks.append(Mark(pos + sum(map(len, parts)), el.get(ID, ""), False))
                    custom_mark = on_attr(el.get(CUSTOM_MARK))
                elif t == FLDCHAR:
                    follow_field(el, field_stack)
                elif (ch := special_char(el)) is not None:
                    parts.append(ch)
                elif t == CREF:
                    cid = el.get(ID)
                    if cid not in comments:
                        comments.append(cid)
            text = "".join(parts)
            if custom_mark and text:
                # Word keeps a custom footnote mark ("*") as ordinary text in the run after the reference.
                marks[-1].symbol = text.strip()
                custom_mark = False
                continue
            if text:
                runs.append(Run(text, italic, superscript))
                texts.append(text)
                pos += len(text)
                if superscript:
                    any_superscript = True
        self.runs_read += seen  # within MAX_RUNS: the loop stops past `room`
        return runs, "".join(texts), marks, comments, any_superscript

    def footnotes(self) -> dict[str, Footnote]:
        part = self.pkg.related("footnotes")
        if not part:
            return {}
        root = self.pkg.xml(part)
        notes: dict[str, Footnote] = {}
        for fn in root.iterchildren(w("footnote")):
            if fn.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            key = fn.get(ID, "")
            paras = []
            for p in block_paragraphs(fn):
                self.count(paragraphs=1)
                ppr = child(p, PPR)
                ps = child(ppr, PSTYLE) if ppr is not None else None
                runs, text = self.runs(p, ps.get(VAL) if ps is not None else None)[:2]
                paras.append(Paragraph(runs=runs, text=text))
            notes[key] = Footnote(key=key, paragraphs=paras)
        return notes

    def comments(self) -> dict[str, Comment]:
        part = self.pkg.related("comments")
        if not part:
            return {}
        root = self.pkg.xml(part)
        found = {}
        for c in root.iterchildren(w("comment")):
            self.count(paragraphs=1)
            text = " ".join("".join(t.text or "" for t in p.iter(T)) for p in c.iter(P)).strip()
            cid = c.get(ID, "")
            found[cid] = Comment(id=cid, author=c.get(w("author"), ""), text=text)
        return found








def _typed_marks(para: Paragraph) -> None:
    """Footnote numbers typed as superscript digits become marks (or, at the start, a typed footnote). Called
    for a paragraph with a run in superscript or a superscript digit in its text."""
    new_runs: list[Run] = []
    pos = 0
    for run in para.runs:
        if run.superscript and (run.text.strip().isdigit() or run.text.strip() == "*"):
            chunks = [("mark", run.text.strip())]
        else:
            chunks = _split_sup_chars(run.text)
        for kind, chunk in chunks:
            if kind == "mark":
                key = chunk.translate(FROM_SUPERSCRIPT)
                if not para.footnote_key and not pos and not para.marks:
                    para.footnote_key = key
                else:
                    para.marks.append(Mark(offset=pos, key=key, typed=True))
            elif chunk:
                if not pos and not chunk.strip():
                    continue
                new_runs.append(Run(text=chunk, italic=run.italic, superscript=run.superscript))
                pos += len(chunk)
    para.runs = new_runs
    para.marks.sort(key=lambda m: m.offset)
    para.text = "".join(r.text for r in new_runs)


def _split_sup_chars(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ch in text:
        kind = "mark" if ch in SUPERSCRIPT_SET else "text"
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + ch)
        else:
            out.append((kind, ch))
    return out


def _has_sup_chars(text: str) -> bool:
    # Most paragraphs are plain ASCII, which holds no superscript digit; the others get ten searches in C
    # (a regex class of these digits would cost 0.4 ms to compile in every new process).
    return not text.isascii() and any(c in text for c in SUPERSCRIPTS)
