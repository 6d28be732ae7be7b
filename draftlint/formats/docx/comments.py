"""The comments part: created with its relationship and content type when a document has none."""
from __future__ import annotations

from lxml import etree

from draftlint.formats.docx.names import AUTHOR, DATE, ID, P, PPR, PSTYLE, R, RPR, RSTYLE, VAL, W, XML_SPACE, T, w

REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


class Comments:
    def __init__(self, parts, styles_root):
        self.parts = parts
        self.name = parts.related(parts.main, REL_COMMENTS)
        self._styles = set()
        if styles_root is not None:
            self._styles = {st.get(w("styleId")) for st in styles_root.iterchildren(w("style"))}

    def root(self):
        if self.name is None:
            self.name = "word/comments.xml"
            n = 1
            while self.parts.has(self.name):  # a stray part of that name that nothing points to
                n += 1
                self.name = f"word/comments{n}.xml"
            self.parts.add(self.name, etree.Element(w("comments"), nsmap={"w": W}))
            self.parts.relate(self.parts.main, self.name, REL_COMMENTS)
            self.parts.declare(self.name, CT_COMMENTS)
        self.parts.touch(self.name)
        return self.parts.xml(self.name)

    def style(self, sid: str) -> str | None:
        """A style id only when styles.xml defines it: a dangling reference is a fault Word reports."""
        return sid if sid in self._styles else None

    def add(self, cid: str, text: str, author: str, date: str, initials: str) -> None:
        comment = etree.SubElement(self.root(), w("comment"))
        comment.set(ID, cid)
        comment.set(AUTHOR, author)
        comment.set(DATE, date)
        comment.set(w("initials"), initials)
        for k, line in enumerate(text.split("\n") or [""]):
            p = etree.SubElement(comment, P)
            if self.style("CommentText"):
                etree.SubElement(etree.SubElement(p, PPR), PSTYLE).set(VAL, "CommentText")
            if k == 0:
                # Word shows the comment's number or initials where this mark stands.
                r = etree.SubElement(p, R)
                self._reference_style(r)
                etree.SubElement(r, w("annotationRef"))
            r = etree.SubElement(p, R)
            t = etree.SubElement(r, T)
            t.text = line
            t.set(XML_SPACE, "preserve")

    def reference_run(self, cid: str):
        r = etree.Element(R)
        self._reference_style(r)
        etree.SubElement(r, w("commentReference")).set(ID, cid)
        return r

    def _reference_style(self, r) -> None:
        if self.style("CommentReference"):
            etree.SubElement(etree.SubElement(r, RPR), RSTYLE).set(VAL, "CommentReference")
