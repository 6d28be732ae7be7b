"""How a document's XML is walked into paragraphs and runs: one walk for the reader and the editor, so that
the editor's offsets are the reader's."""
from __future__ import annotations

from draftlint.formats.docx.limits import w

P, R, PPR, RPR = w("p"), w("r"), w("pPr"), w("rPr")
DEL, MOVEFROM, SDT, SDTCONTENT = w("del"), w("moveFrom"), w("sdt"), w("sdtContent")
CSTART, CEND = w("commentRangeStart"), w("commentRangeEnd")
# Elements whose children are body paragraphs (tables, content controls, custom XML).
BLOCK_CONTAINERS = {w("tbl"), w("tr"), w("tc"), SDTCONTENT, w("customXml"), w("ins"), w("moveTo")}
# Elements inside a paragraph whose children are runs (tracked insertions are kept, deletions are not).
INLINE_CONTAINERS = {w("hyperlink"), w("ins"), w("moveTo"), w("smartTag"), w("customXml"), w("fldSimple"),
                     w("bdo"), w("dir"), SDTCONTENT}


def block_paragraphs(parent):
    """The w:p elements under `parent` in reading order, through tables, content controls and insertions."""
    for el in parent:
        tag = el.tag
        if tag == P:
            yield el
        elif tag in BLOCK_CONTAINERS:
            yield from block_paragraphs(el)
        elif tag == SDT:
            content = el.find(SDTCONTENT)
            if content is not None:
                yield from block_paragraphs(content)


def inline_runs(parent):
    """The runs (and comment range marks) of a paragraph in reading order; deleted text is left out."""
    for el in parent:
        tag = el.tag
        if tag == R or tag == CSTART or tag == CEND:
            yield el
        elif tag in INLINE_CONTAINERS:
            yield from inline_runs(el)
        elif tag == SDT:
            content = el.find(SDTCONTENT)
            if content is not None:
                yield from inline_runs(content)


def child(el, tag: str):
    """The first child of `el` with this tag, or None. What `el.find(tag)` returns, several times faster on the
    reader's path: lxml's find() reads its argument as a path each time."""
    for c in el:
        if c.tag == tag:
            return c
    return None


def children(el, tags: tuple) -> list:
    """The first child of `el` with each tag of `tags` (None where there is none), in one pass over them."""
    found = [None] * len(tags)
    for c in el:
        tag = c.tag
        if tag in tags:
            k = tags.index(tag)
            if found[k] is None:
                found[k] = c
    return found


def mark_deleted(p, ppr=False) -> bool:
    """Whether the paragraph's mark is a tracked deletion: the reader joins it to the next paragraph. `ppr`:
    the paragraph's w:pPr (or None), when the caller has it already."""
    if ppr is False:
        ppr = child(p, PPR)
    rpr = child(ppr, RPR) if ppr is not None else None
    return rpr is not None and (child(rpr, DEL) is not None or child(rpr, MOVEFROM) is not None)


TAB, PTAB, BR, CR, NBH = w("tab"), w("ptab"), w("br"), w("cr"), w("noBreakHyphen")


def special_char(el) -> str | None:
    """The character a run's non-text child stands for: a tab, a line break (a page or column break is layout,
    not text), a non-breaking hyphen; None for anything else."""
    t = el.tag
    if t == TAB or t == PTAB:
        return "\t"
    if t == BR or t == CR:
        return None if el.get(w("type")) in ("page", "column") else "\n"
    if t == NBH:
        return "-"
    return None


def follow_field(el, stack: list[str]) -> None:
    """Keep `stack` on the fields a w:fldChar opens and closes: the text of a field's code is not text of the
    paragraph, the text of its result is. Fields span runs and paragraphs, so the stack lives as long as the walk."""
    kind = el.get(w("fldCharType"))
    if kind == "begin":
        stack.append("code")
    elif kind == "separate" and stack:
        stack[-1] = "result"
    elif kind == "end" and stack:
        stack.pop()
