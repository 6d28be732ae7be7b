"""Opening a .docx safely and resolving what Word leaves implicit: styles and automatic numbers.

This is the only module (with readers/docx.py) that touches OOXML. Everything that can go wrong with a
file a drafter received by e-mail is turned into an InputError with a one-line reason.
"""
from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

from draftlint.errors import InputError
from draftlint.safeio import open_regular

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


VAL = w("val")

# Limits that keep a hostile file from exhausting memory: real drafts are far below them.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_RATIO = 400  # uncompressed / compressed, for parts larger than 1 MB
# Limits on what a part holds, so that time and memory stay bounded too: a real resolution has under 2,000
# paragraphs, a few hundred styles, lists nine levels deep and numbers under 10,000.
MAX_ELEMENTS = 1_000_000
MAX_STYLES = 20_000
MAX_LEVEL = 8  # w:ilvl runs 0-8 in Word
MAX_NUMBER = 100_000

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
    remove_comments=True, remove_pis=True,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_not_docx(head: bytes, data_for_ole: bytes | None = None) -> str | None:
    """A plain-words reason why bytes that should be a .docx are not one, or None if they may be."""
    if not head:
        return "the file is empty"
    if head.startswith(OLE_MAGIC):
        blob = data_for_ole or head
        if "EncryptedPackage".encode("utf-16-le") in blob or "EncryptionInfo".encode("utf-16-le") in blob:
            return "the document is password-protected; remove the password in Word and save it again"
        return "this is an old Word 97-2003 (.doc) file; open it in Word and save it as .docx"
    if head.startswith(b"{\\rtf"):
        return "this is an RTF file, not a .docx; save it as a Word document (.docx)"
    if not head.startswith(b"PK"):
        return "this is not a Word .docx file (it is not a zip package)"
    return None


class Package:
    """The parts of a .docx, read with size limits."""

    def __init__(self, path: str):
        self.path = path
        self._file = open_regular(path)
        try:
            self._open()
        except BaseException:
            self._file.close()
            raise

    def _open(self) -> None:
        fh = self._file
        try:
            head = fh.read(8)
            ole = None
            if head.startswith(OLE_MAGIC):
                fh.seek(0)
                ole = fh.read(8 * 1024 * 1024)
            fh.seek(0)
        except OSError as exc:
            raise InputError(f"cannot be read ({exc.strerror or exc})") from None
        reason = sniff_not_docx(head, ole)
        if reason:
            raise InputError(reason)
        try:
            self.zip = zipfile.ZipFile(fh)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
            raise InputError("the .docx is damaged (the zip package cannot be opened); it may be truncated") from None
        if len(infos) > MAX_ENTRIES:
            raise InputError(f"the .docx holds {len(infos)} parts, more than a real document ({MAX_ENTRIES})")
        self.infos = {i.filename: i for i in infos}
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise InputError("the .docx is too large when unpacked (it may be a zip bomb)")
        names = set(self.infos)
        if "mimetype" in names and "content.xml" in names:
            raise InputError("this is an OpenDocument (.odt) file; save it as a Word document (.docx)")
        self.main = self._main_part()
        self.rels = self._relationships(self.main)

    def close(self) -> None:
        self.zip.close()
        self._file.close()

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        info = self.infos.get(name)
        if info is None:
            raise InputError(f"the .docx has no {name} part")
        if info.file_size > MAX_PART_BYTES or (
            info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise InputError(f"{name} is too large when unpacked (it may be a zip bomb)")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
            if "encrypted" in str(exc).lower():
                raise InputError("the document is password-protected; remove the password and save it again") from None
            raise InputError(f"the .docx is damaged ({name} cannot be unpacked)") from None
        except Exception:  # zlib.error and other codec failures of a corrupt member
            raise InputError(f"the .docx is damaged ({name} cannot be unpacked)") from None
        if len(data) > MAX_PART_BYTES:
            raise InputError(f"{name} is too large when unpacked (it may be a zip bomb)")
        return data

    def xml(self, name: str):
        return parse_xml(self.read(name), name)

    def _main_part(self) -> str:
        main = "word/document.xml"
        if self.has("_rels/.rels"):
            try:
                root = self.xml("_rels/.rels")
            except InputError:
                root = None
            if root is not None:
                for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
                    if rel.get("Type", "").endswith("/officeDocument"):
                        target = rel.get("Target", "").lstrip("/")
                        if target:
                            main = posixpath.normpath(target)
                        break
        if not self.has(main):
            if self.has("word/document.xml"):
                return "word/document.xml"
            raise InputError("the .docx has no main document part (word/document.xml is missing)")
        return main

    def _relationships(self, part: str) -> dict[str, str]:
        """Relationship type (last path segment) -> part name, for the parts the reader needs."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        found: dict[str, str] = {}
        if self.has(rels_name):
            try:
                root = self.xml(rels_name)
            except InputError:
                return found
            for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
                if rel.get("TargetMode") == "External":
                    continue
                kind = rel.get("Type", "").rsplit("/", 1)[-1]
                target = rel.get("Target", "")
                name = posixpath.normpath(posixpath.join(folder, target)) if not target.startswith("/") else target[1:]
                found.setdefault(kind, name)
        return found

    def related(self, kind: str) -> str | None:
        """The part of the given relationship kind ("styles", "numbering", "footnotes", "comments")."""
        name = self.rels.get(kind) or f"word/{kind}.xml"
        return name if self.has(name) else None


# Bytes that spell a DTD in the encodings an XML file may declare without a byte-order mark.
_DTD_MARKERS = tuple(m.encode(codec) for m in ("<!DOCTYPE", "<!ENTITY")
                     for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


def parse_xml(data: bytes, name: str):
    # Word never writes a DTD; refusing one outright rules out entity expansion and external fetches.
    dtd = InputError(f"{name} contains a DOCTYPE or entity declarations, which a real Word file never has")
    if b"!" in data and any(m in data for m in _DTD_MARKERS):  # every marker holds the byte of "!"
        raise dtd
    # Each element costs libxml2 some 200 bytes: counting the tags first keeps a small part full of empty
    # elements (9 million <w:p/> in 56 MB) from taking gigabytes before the paragraph cap is reached.
    if data.count(b"<") > MAX_ELEMENTS:
        raise InputError(f"{name} holds more than {MAX_ELEMENTS:,} XML elements, far more than a real document")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise InputError(f"{name} is not well-formed XML (the .docx is damaged)") from None
    if root is None:
        raise InputError(f"{name} is empty")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # an encoding the byte markers above do not spell
        raise dtd
    return root


def on(el) -> bool:
    """The value of an OOXML on/off property element (w:i, w:vanish …)."""
    v = el.get(VAL)
    return v is None or v.lower() not in ("0", "false", "off", "none")


class Styles:
    """Effective italics and superscript through paragraph and character styles (basedOn chains)."""

    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        self.names: dict[str, str] = {}
        self.default_para: str | None = None
        self.default_italic = False
        self._cache: dict[tuple, object] = {}
        if root is None:
            return
        for count, st in enumerate(root.iterchildren(w("style"))):
            if count >= MAX_STYLES:
                raise InputError(f"word/styles.xml defines more than {MAX_STYLES:,} styles, far more than a real document")
            sid = st.get(w("styleId"))
            if not sid:
                continue
            self.by_id[sid] = st
            name = st.find(w("name"))
            self.names[sid] = name.get(VAL) if name is not None else sid
            if st.get(w("type")) == "paragraph" and on_attr(st.get(w("default"))):
                self.default_para = sid
        rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        if rpr is not None:
            i = rpr.find(w("i"))
            self.default_italic = i is not None and on(i)

    def name(self, sid: str | None) -> str | None:
        return self.names.get(sid, sid) if sid else None

    def _resolved(self, sid: str | None, own, table: dict):
        """table[sid] = own(style) merged over its basedOn parent's, for `sid` and the chain above it. Each
        style is resolved once, so that a chain of thousands of styles costs linear time, not quadratic;
        a basedOn cycle ends the chain where it closes."""
        path, seen = [], set()
        while sid and sid not in table and sid not in seen and sid in self.by_id:
            seen.add(sid)
            path.append(sid)
            based = self.by_id[sid].find(w("basedOn"))
            sid = based.get(VAL) if based is not None else None
        inherited = table.get(sid) if sid in table else None
        for s in reversed(path):
            inherited = table[s] = own(self.by_id[s], inherited)
        return inherited

    def _rpr_value(self, sid: str | None, prop: str):
        if not sid:
            return None
        table = self._cache.setdefault(("rpr", prop), {})
        if sid in table:
            return table[sid]

        def own(st, parent):
            rpr = st.find(w("rPr"))
            el = rpr.find(w(prop)) if rpr is not None else None
            if el is None:
                return parent
            return el.get(VAL) if prop == "vertAlign" else on(el)

        return self._resolved(sid, own, table)

    def italic(self, pstyle: str | None, rstyle: str | None) -> bool:
        """Italics a run gets from its styles when it sets none itself (w:i is a toggle property)."""
        key = ("it", pstyle, rstyle)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        p = self._rpr_value(pstyle or self.default_para, "i")
        c = self._rpr_value(rstyle, "i") if rstyle else None
        result = self.default_italic if p is None and c is None else bool(p) != bool(c)
        self._cache[key] = result
        return result

    def superscript(self, rstyle: str | None) -> bool:
        return self._rpr_value(rstyle, "vertAlign") == "superscript" if rstyle else False

    def numpr(self, pstyle: str | None):
        """(numId, ilvl) a paragraph style carries, following basedOn."""
        sid = pstyle or self.default_para
        if not sid:
            return None, None
        table = self._cache.setdefault(("num",), {})
        if sid in table:
            return table[sid]

        def own(st, parent):
            num_id, ilvl = parent or (None, None)
            numpr = st.find(f"{w('pPr')}/{w('numPr')}")
            if numpr is not None:
                n = numpr.find(w("numId"))
                lv = numpr.find(w("ilvl"))
                num_id = n.get(VAL) if n is not None else num_id
                ilvl = lv.get(VAL) if lv is not None else ilvl
            return num_id, ilvl

        return self._resolved(sid, own, table) or (None, None)


def on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def _start(value) -> int:
    """A list's start value; one no real document reaches is refused, since a label of letters or roman
    numerals grows with the number (2,000,000,000 in letters is 77 million characters)."""
    n = _int(value, 1)
    if not 0 <= n <= MAX_NUMBER:
        raise InputError(f"word/numbering.xml starts a list at {n}, beyond what a resolution numbers "
                         f"(up to {MAX_NUMBER:,})")
    return n


def _int(value, default=0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """Word's lowerLetter: a … z, then aa, bb … zz, then aaa."""
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class Numbering:
    """Turns w:numPr into the number Word prints, counting through the document in order."""

    def __init__(self, root, styles: Styles):
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, dict]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[tuple[str, int]] = set()
        if root is None:
            return
        links: dict[str, str] = {}
        for an in root.iterchildren(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            self.abstract[aid] = self._levels(an)
            link = an.find(w("numStyleLink"))
            if link is not None:
                links[aid] = link.get(VAL)
        style_num = {}
        for aid, style in links.items():
            num_id, _ = styles.numpr(style)
            if num_id:
                style_num[aid] = num_id
        raw_nums = {}
        for num in root.iterchildren(w("num")):
            nid = num.get(w("numId"))
            ref = num.find(w("abstractNumId"))
            raw_nums[nid] = (ref.get(VAL) if ref is not None else None, num)
        resolved: dict = {}
        for nid, (aid, num) in raw_nums.items():
            aid = self._follow(aid, style_num, raw_nums, resolved)
            starts: dict[int, int] = {}
            overrides: dict[int, dict] = {}
            for ov in num.iterchildren(w("lvlOverride")):
                lvl = _int(ov.get(w("ilvl")))
                so = ov.find(w("startOverride"))
                if so is not None:
                    starts[lvl] = _start(so.get(VAL))
                full = ov.find(w("lvl"))
                if full is not None:
                    overrides[lvl] = self._level(full)
            self.nums[nid] = (aid, starts, overrides)

    @staticmethod
    def _follow(aid, style_num: dict, raw_nums: dict, resolved: dict):
        """The list definition a numbering style link leads to, following links through numbering styles;
        each definition is resolved once (a chain of thousands stays linear) and a loop ends where it closes."""
        path, seen = [], set()
        while aid in style_num and aid not in resolved and aid not in seen:
            seen.add(aid)
            target = raw_nums.get(style_num[aid])
            if not target:
                break
            path.append(aid)
            aid = target[0]
        end = resolved.get(aid, aid)
        for a in path:
            resolved[a] = end
        return end

    @staticmethod
    def _level(lvl) -> dict:
        def val(tag, default):
            el = lvl.find(w(tag))
            return el.get(VAL, default) if el is not None else default

        return {"start": _start(val("start", "1")), "fmt": val("numFmt", "decimal"), "text": val("lvlText", ""),
                "legal": lvl.find(w("isLgl")) is not None}

    def _levels(self, an) -> dict[int, dict]:
        return {_int(lv.get(w("ilvl"))): self._level(lv) for lv in an.iterchildren(w("lvl"))
                if 0 <= _int(lv.get(w("ilvl"))) <= MAX_LEVEL}

    def label(self, num_id: str | None, ilvl: int) -> str | None:
        """The printed number of the next paragraph in list `num_id` at level `ilvl`, or None."""
        if not num_id or num_id == "0" or num_id not in self.nums or not 0 <= ilvl <= MAX_LEVEL:
            return None
        aid, starts, overrides = self.nums[num_id]
        levels = dict(self.abstract.get(aid, {}))
        levels.update(overrides)
        if ilvl not in levels:
            return None
        # Lists that share a definition count on together; a list restarted with startOverride resets the count
        # the first time it is used (Word and LibreOffice then continue it under other list ids).
        counters = self.counters.setdefault(f"a{aid}", {})
        if ilvl in starts and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = levels[ilvl]["start"]
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        lvl = levels[ilvl]
        if lvl["fmt"] == "bullet":
            return None
        text = lvl["text"]
        for k in range(ilvl + 1):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                level_k = levels.get(k, {"fmt": "decimal", "start": 1})
                n = counters.get(k, starts.get(k, level_k["start"]))
                fmt = "decimal" if lvl["legal"] else level_k["fmt"]
                text = text.replace(placeholder, format_number(n, fmt))
        return text
