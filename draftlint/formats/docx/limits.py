"""Opening a .docx safely: the zip package and its XML parts within limits a real document never reaches.

Everything that can go wrong with a file a drafter received by e-mail is turned into an InputError with a
one-line reason. Styles and automatic numbers are resolved in styles.py and numbering.py.
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
        self._rels_folder = posixpath.dirname(self.main)  # what the main part's relationship targets are relative to
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
        """Relationship type (last path segment) -> target as the part's relationships spell it. A part has a
        dozen relationships and the reader follows four: related() resolves only the ones asked for."""
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
                found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", ""))
        return found

    def related(self, kind: str) -> str | None:
        """The part of the given relationship kind ("styles", "numbering", "footnotes", "comments")."""
        target = self.rels.get(kind)
        name = None
        if target is not None:
            name = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(self._rels_folder, target))
        name = name or f"word/{kind}.xml"
        return name if self.has(name) else None


def _spells_dtd(data: bytes) -> bool:
    """Whether the bytes spell a DTD in any encoding an XML file may declare without a byte-order mark. Asked only
    of a part with a "!" in it (every such spelling holds that byte), which a Word part almost never has: the
    codecs are not loaded for nothing."""
    return any(m.encode(codec) in data for m in ("<!DOCTYPE", "<!ENTITY")
               for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


def _dtd(name: str) -> InputError:
    return InputError(f"{name} contains a DOCTYPE or entity declarations, which a real Word file never has")


def parse_xml(data: bytes, name: str):
    # Word never writes a DTD; refusing one outright rules out entity expansion and external fetches.
    if b"!" in data and _spells_dtd(data):
        raise _dtd(name)
    # Each element costs libxml2 some 200 bytes: counting the tags first keeps a small part full of empty
    # elements (9 million <w:p/> in 56 MB) from taking gigabytes before the paragraph cap is reached. A part
    # of fewer bytes than that cap cannot hold more tags: the count is skipped for it (every real part).
    if len(data) > MAX_ELEMENTS and data.count(b"<") > MAX_ELEMENTS:
        raise InputError(f"{name} holds more than {MAX_ELEMENTS:,} XML elements, far more than a real document")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise InputError(f"{name} is not well-formed XML (the .docx is damaged)") from None
    if root is None:
        raise InputError(f"{name} is empty")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # an encoding the byte markers above do not spell
        raise _dtd(name)
    return root
