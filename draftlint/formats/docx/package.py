"""The zip parts of a .docx kept as read, so that a save rewrites only the parts an edit touched."""
from __future__ import annotations

import io
import os
import posixpath
import zipfile

from lxml import etree

from draftlint.formats.docx.names import CT, PKG_REL
from draftlint.errors import InputError
from draftlint.files import atomic_write
from draftlint.formats.docx.limits import Package, parse_xml


class Parts:
    """Every entry of the package in its original order; XML parts parsed on demand, bytes kept otherwise."""

    def __init__(self, path: str):
        self.path = path
        # ooxml.Package applies the size and zip-bomb limits and turns a bad file into a one-line InputError.
        pkg = Package(path)
        try:
            self.main = pkg.main
            self.infos = list(pkg.infos.values())
            self.data = {info.filename: pkg.read(info.filename) for info in self.infos if not info.is_dir()}
        finally:
            pkg.close()
        self.trees: dict[str, etree._Element] = {}
        self.dirty: set[str] = set()

    def has(self, name: str) -> bool:
        return name in self.data or name in self.trees

    def xml(self, name: str):
        if name not in self.trees:
            self.trees[name] = parse_xml(self.data[name], name)
        return self.trees[name]

    def touch(self, name: str) -> None:
        self.dirty.add(name)

    def add(self, name: str, root) -> None:
        self.trees[name] = root
        self.dirty.add(name)

    def rels_name(self, part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    def related(self, part: str, rel_type: str) -> str | None:
        """The part that `part` points to with a relationship of the full type `rel_type`."""
        rels = self.rels_name(part)
        if not self.has(rels):
            return None
        for rel in self.xml(rels).iterchildren(f"{{{PKG_REL}}}Relationship"):
            if rel.get("Type") == rel_type and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                if target.startswith("/"):
                    return target[1:]
                return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
        return None

    def relate(self, part: str, target: str, rel_type: str) -> None:
        """Add a relationship from `part` to the part `target` (both package names)."""
        rels = self.rels_name(part)
        if self.has(rels):
            root = self.xml(rels)
        else:
            root = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
            self.add(rels, root)
        taken = {rel.get("Id") for rel in root}
        n = 1
        while f"rId{n}" in taken:
            n += 1
        etree.SubElement(root, f"{{{PKG_REL}}}Relationship", Id=f"rId{n}", Type=rel_type,
                         Target=posixpath.relpath(target, posixpath.dirname(part) or "."))
        self.touch(rels)

    def declare(self, name: str, content_type: str) -> None:
        """A content-type override for a new part in [Content_Types].xml."""
        root = self.xml("[Content_Types].xml")
        for el in root.iterchildren(f"{{{CT}}}Override"):
            if el.get("PartName") == "/" + name:
                el.set("ContentType", content_type)
                break
        else:
            etree.SubElement(root, f"{{{CT}}}Override", PartName="/" + name, ContentType=content_type)
        self.touch("[Content_Types].xml")

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        written = set()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for info in self.infos:
                if info.is_dir() or info.filename in written:
                    continue
                written.add(info.filename)
                zf.writestr(_copy_info(info), self._payload(info.filename))
            for name in sorted(set(self.trees) - written):
                written.add(name)
                zf.writestr(name, self._payload(name), compress_type=zipfile.ZIP_DEFLATED)
        return buffer.getvalue()

    def _payload(self, name: str) -> bytes:
        if name in self.dirty:
            return etree.tostring(self.trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
        return self.data[name]

    def save(self, path: str, *, in_place: bool = False, overwrite: bool = True) -> None:
        if not in_place and os.path.exists(path) and os.path.samefile(path, self.path):
            raise InputError("refusing to write over the document that was opened (pass in_place=True)")
        atomic_write(path, self.to_bytes(), overwrite=overwrite)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    # The entry keeps its name, time stamp and compression; sizes and CRC are recomputed by writestr.
    out = zipfile.ZipInfo(info.filename, date_time=max(info.date_time, (1980, 1, 1, 0, 0, 0)))
    out.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
        else zipfile.ZIP_DEFLATED
    out.external_attr = info.external_attr
    out.create_system = info.create_system
    return out
