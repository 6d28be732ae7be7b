"""WordprocessingML names and the ECMA-376 child order of the elements the editor adds children to."""
from __future__ import annotations

from draftlint.formats.docx.limits import PKG_REL, VAL, W, w

__all__ = ["W", "w", "VAL", "PKG_REL", "XML_SPACE", "RPR_ORDER", "insert_ordered"]

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"

P, R, T, DELTEXT = w("p"), w("r"), w("t"), w("delText")
INSTR, DELINSTR = w("instrText"), w("delInstrText")
TAB, PTAB, BR, CR, NBH = w("tab"), w("ptab"), w("br"), w("cr"), w("noBreakHyphen")
PPR, RPR, PSTYLE, RSTYLE = w("pPr"), w("rPr"), w("pStyle"), w("rStyle")
INS, DEL, MOVEFROM, MOVETO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
RPRCHANGE, I_ = w("rPrChange"), w("i")
CSTART, CEND, CREF = w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")
HYPERLINK, SMARTTAG, FLDCHAR = w("hyperlink"), w("smartTag"), w("fldChar")
ID, AUTHOR, DATE = w("id"), w("author"), w("date")

# CT_RPr (EG_RPrBase, then rPrChange): Word and the schema refuse any other order.
RPR_ORDER = [w(t) for t in (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange")]


def insert_ordered(parent, child, order: list[str]) -> None:
    """Put `child` where `order` says among `parent`'s children (after every child that comes before it)."""
    rank = {tag: k for k, tag in enumerate(order)}
    mine = rank.get(child.tag, len(order))
    for k, existing in enumerate(parent):
        if rank.get(existing.tag, len(order)) > mine:
            parent.insert(k, child)
            return
    parent.append(child)
