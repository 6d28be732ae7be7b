"""Independent looks at a written .docx for the document layer's tests: rejecting tracked changes as Word
does, the parts of the package, and the OOXML validator's findings (openxml-audit)."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def document_xml(path):
    return etree.fromstring(parts(path)["word/document.xml"])


def unwrap(change) -> None:
    """A tracked change's content kept in its place, deleted text made text again, the change gone."""
    for t in change.iter(q("delText")):
        t.tag = q("t")
    for t in change.iter(q("delInstrText")):
        t.tag = q("instrText")
    for child in list(change):
        change.addprevious(child)
    change.getparent().remove(change)


def reject(src, dst, author: str = "draftlint") -> None:
    """Reject `author`'s tracked changes: insertions removed, deletions unwrapped, old run formatting back."""
    files = parts(src)
    root = etree.fromstring(files["word/document.xml"])
    for ins in [el for el in root.iter(q("ins")) if el.get(q("author")) == author]:
        ins.getparent().remove(ins)
    for dele in [el for el in root.iter(q("del")) if el.get(q("author")) == author]:
        unwrap(dele)
    for change in [el for el in root.iter(q("rPrChange")) if el.get(q("author")) == author]:
        rpr = change.getparent()
        old = change.find(q("rPr"))
        for child in list(rpr):
            rpr.remove(child)
        for child in list(old if old is not None else []):
            rpr.append(child)
    write_with_document(dst, files, root)


def write_with_document(dst, files: dict[str, bytes], root) -> None:
    """The package `files` written to `dst` with `root` as its word/document.xml."""
    files = dict(files, **{"word/document.xml": etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                              standalone=True)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    with open(dst, "wb") as fh:
        fh.write(buffer.getvalue())


def audit(path) -> list:
    """openxml-audit's findings for one file.

    A fresh validator each time: openxml-audit 0.8.0 caches cross-part id lists by id() of the package
    object, so a second file validated by the same validator can be checked against the first file's
    footnote ids."""
    from openxml_audit import OpenXmlValidator

    return list(OpenXmlValidator().validate(str(path)).errors)
