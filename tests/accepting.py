"""Accepting every tracked change of a .docx the way Word does, with lxml alone: deletions removed,
insertions unwrapped, the old run formatting of a formatting change dropped."""
from __future__ import annotations

from ooxml_checks import parts, q, write_with_document
from lxml import etree


def accept(src, dst) -> None:
    files = parts(src)
    root = etree.fromstring(files["word/document.xml"])
    for dele in list(root.iter(q("del"))):
        dele.getparent().remove(dele)
    for ins in list(root.iter(q("ins"))):
        parent = ins.getparent()
        if parent.tag == q("rPr"):  # an inserted paragraph mark: the mark stays
            parent.remove(ins)
            continue
        for child in list(ins):
            ins.addprevious(child)
        parent.remove(ins)
    for change in list(root.iter(q("rPrChange"))):
        change.getparent().remove(change)
    write_with_document(dst, files, root)


def revisions(path, author: str = "draftlint") -> dict[str, int]:
    root = etree.fromstring(parts(path)["word/document.xml"])
    return {kind: sum(1 for el in root.iter(q(kind)) if el.get(q("author")) == author)
            for kind in ("ins", "del", "rPrChange")}
