"""What Word leaves implicit in run and paragraph properties: on/off values, and italics and superscript
inherited through paragraph and character styles."""
from __future__ import annotations

from draftlint.errors import InputError
from draftlint.formats.docx.limits import MAX_STYLES, VAL, w
from draftlint.formats.docx.walk import child

STYLE, STYLE_ID, NAME, BASED_ON, TYPE, DEFAULT, RPR = (
    w("style"), w("styleId"), w("name"), w("basedOn"), w("type"), w("default"), w("rPr"))
PPR, NUMPR, NUMID, ILVL = w("pPr"), w("numPr"), w("numId"), w("ilvl")


def on(el) -> bool:
    """The value of an OOXML on/off property element (w:i, w:vanish …)."""
    v = el.get(VAL)
    return v is None or v.lower() not in ("0", "false", "off", "none")


class Styles:
    """Effective italics and superscript through paragraph and character styles (basedOn chains)."""

    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        self.names: dict[str, str | None] = {}  # display name by style id, read as the reader asks (name())
        self.default_para: str | None = None
        self.default_italic = False
        # What the reader asked, resolved once per draft: a property of a style by style id (through basedOn),
        # the italics of a run by (paragraph style, character style), the number a paragraph style carries.
        self._rpr: dict[str, dict] = {"i": {}, "vertAlign": {}}  # the two run properties the reader asks for
        self._italic: dict[tuple, bool] = {}
        self._numpr: dict[str, tuple] = {}
        if root is None:
            return
        # A styles part holds a hundred styles or more (164 in a UN resolution) and a draft uses a dozen: only
        # what every style must be asked is read here (an attribute read costs lxml a namespace parse), the
        # rest when a paragraph or run names the style.
        for count, st in enumerate(root.iterchildren(STYLE)):
            if count >= MAX_STYLES:
                raise InputError(f"word/styles.xml defines more than {MAX_STYLES:,} styles, far more than a real document")
            sid = st.get(STYLE_ID)
            if not sid:
                continue
            self.by_id[sid] = st
            if on_attr(st.get(DEFAULT)) and st.get(TYPE) == "paragraph":
                self.default_para = sid
        rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        if rpr is not None:
            i = rpr.find(w("i"))
            self.default_italic = i is not None and on(i)

    def name(self, sid: str | None) -> str | None:
        """The style's display name (w:name), or its id when it has none or is not defined."""
        if not sid:
            return None
        try:
            return self.names[sid]
        except KeyError:
            pass
        st = self.by_id.get(sid)
        if st is None:
            return sid
        # child() rather than find(): lxml's find() reads its argument as a path on every call.
        el = child(st, NAME)
        name = self.names[sid] = el.get(VAL) if el is not None else sid
        return name

    def _resolved(self, sid: str | None, own, table: dict):
        """table[sid] = own(style) merged over its basedOn parent's, for `sid` and the chain above it. Each
        style is resolved once, so that a chain of thousands of styles costs linear time, not quadratic;
        a basedOn cycle ends the chain where it closes."""
        path, seen = [], set()
        while sid and sid not in table and sid not in seen and sid in self.by_id:
            seen.add(sid)
            path.append(sid)
            based = child(self.by_id[sid], BASED_ON)
            sid = based.get(VAL) if based is not None else None
        inherited = table.get(sid) if sid in table else None
        for s in reversed(path):
            inherited = table[s] = own(self.by_id[s], inherited)
        return inherited

    def _rpr_value(self, sid: str | None, prop: str):
        if not sid:
            return None
        table = self._rpr[prop]
        if sid in table:
            return table[sid]
        tag = w(prop)

        def own(st, parent):
            rpr = child(st, RPR)
            el = child(rpr, tag) if rpr is not None else None
            if el is None:
                return parent
            return el.get(VAL) if prop == "vertAlign" else on(el)

        return self._resolved(sid, own, table)

    def italic(self, pstyle: str | None, rstyle: str | None) -> bool:
        """Italics a run gets from its styles when it sets none itself (w:i is a toggle property)."""
        key = (pstyle, rstyle)
        hit = self._italic.get(key)
        if hit is not None:
            return hit
        p = self._rpr_value(pstyle or self.default_para, "i")
        c = self._rpr_value(rstyle, "i") if rstyle else None
        result = self.default_italic if p is None and c is None else bool(p) != bool(c)
        self._italic[key] = result
        return result

    def superscript(self, rstyle: str | None) -> bool:
        return self._rpr_value(rstyle, "vertAlign") == "superscript" if rstyle else False

    def numpr(self, pstyle: str | None):
        """(numId, ilvl) a paragraph style carries, following basedOn."""
        sid = pstyle or self.default_para
        if not sid:
            return None, None
        table = self._numpr
        if sid in table:
            return table[sid]

        def own(st, parent):
            num_id, ilvl = parent or (None, None)
            numpr = None
            for ppr in st:  # the first w:numPr of any w:pPr, as find("pPr/numPr") has it
                if ppr.tag == PPR:
                    numpr = child(ppr, NUMPR)
                    if numpr is not None:
                        break
            if numpr is not None:
                n = child(numpr, NUMID)
                lv = child(numpr, ILVL)
                num_id = n.get(VAL) if n is not None else num_id
                ilvl = lv.get(VAL) if lv is not None else ilvl
            return num_id, ilvl

        return self._resolved(sid, own, table) or (None, None)


def on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")
