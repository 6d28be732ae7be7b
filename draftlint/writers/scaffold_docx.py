"""The scaffold of a .docx previous resolution, written as edits of a copy of it.

What changes is decided in writers/scaffold.py; here each decision becomes an edit through the document
layer (formats/docx/edit.py), so that the new draft keeps the previous document's styles, page setup,
headers, footers and every footnote. With track=True each edit is a tracked change dated now.
"""
from __future__ import annotations

import difflib
import re

from draftlint.errors import InputError

# Words with their inner punctuation ("A/RES/77/64", "(kk)") change whole; commas, colons and quotes alone.
TOKEN = re.compile(r"[^\s,;:“”\"]+|\s+|[,;:“”\"]")


def write_docx(s, previous: str, output: str, *, track: bool, overwrite: bool) -> None:
    from draftlint.formats.docx.edit import Document

    doc = Document(previous)
    s.edit()
    changed, added = s.heading_edits()
    # Edits inside paragraphs first, while every paragraph still has the index the reader gave it.
    for node, new in changed.items():
        if new is not None and new != node.text:
            full = node.para.text
            lead = len(full) - len(full.lstrip())
            _retext(doc, node.para.index, full, full[:lead] + new + full[lead + len(full.strip()):], track)
    for node, old, new, italics in s.changed_paragraphs():
        if node.para.index is None or node.kind in ("heading", "title"):
            continue
        _retext(doc, node.para.index, old, new, track)
        _italics(doc, node.para.index, italics, track)
    _footnotes(s, doc, track)
    # Then whole paragraphs, from the end backwards, so that the indexes still to come stay valid.
    structural = []
    for node, new in changed.items():
        if new is None:
            structural.append((node.para.index, 1, lambda i=node.para.index: doc.remove_paragraph(i, track=track)))
    for node in s.prev.of_kind("closing"):
        structural.append((node.para.index, 1, lambda i=node.para.index: doc.remove_paragraph(i, track=track)))
    removed = [node for node, new in changed.items() if new is None]
    for k, (node, text) in enumerate(added):
        after, like = _placed(doc, s, node, text, removed)
        # Lines added after the same line go in reverse, each right after it, to come out in order.
        structural.append((after, 2 + k, lambda i=after, t=text, l=like: doc.insert_paragraph(i, t, like=l, track=track)))
    new_pps = [n for n in s.prev.preamble if n.para.index is None]
    if new_pps:
        after = next((n for n in s.prev.nodes if n.kind == "opening"), None)
        like = next((n for n in s.prev.preamble if n.para.index is not None), after)
        if after is None or like is None:
            raise InputError("the previous resolution has no opening line (“The General Assembly,”) to recall it after")
        for node in new_pps:
            structural.append((after.para.index, 0, lambda a=after.para.index, n=node, l=like.para.index:
                               _new_paragraph(doc, a, n, l, track)))
    for _, _, apply in sorted(structural, key=lambda x: (x[0], x[1]), reverse=True):
        apply()
    doc.save(output, overwrite=overwrite)


def _placed(doc, s, node, text: str, removed: list) -> tuple[int, int]:
    """(paragraph to add the line after, paragraph whose formatting it takes) for a heading line the scaffold adds.
    The sponsors' line takes the place and the look of the last adoption line it replaces ("[on the report …]",
    indented like the title): not the bold of an agenda item's title, nor a place beside the organ's name where
    the heading is laid out in a table or frames. "Original: English" looks like the distribution line it
    follows; a committee line like the plain line under the session line it follows. Each `like` is a paragraph
    no earlier edit has moved: the edits are applied from the end backwards (write_docx)."""
    after = like = node.para.index
    if text == s.sponsors_line and removed:
        after = like = removed[-1].para.index
    elif not text.startswith("Original:") and not _in_table(doc, after):
        # A committee line after the session line looks like the agenda item line under it, not the session
        # line, which may carry the space under the masthead's rule.
        nxt = next((n for n in s.prev.of_kind("heading") if n.para.index == after + 1), None)
        if nxt is not None and nxt not in removed and not _in_table(doc, after + 1):
            like = after + 1
    return after, like


def _in_table(doc, index: int) -> bool:
    from draftlint.formats.docx.names import w

    return doc.paragraphs()[index].elements[0].getparent().tag == w("tc")


def _spans(old: str, new: str):
    """(start, end, replacement) in `old`, word by word, so that a tracked change marks only what changed."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    starts = [0]
    for tok in a:
        starts.append(starts[-1] + len(tok))
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append((starts[a1], starts[a2], "".join(b[b1:b2])))
    return out


def _retext(doc, index: int, old: str, new: str, track: bool) -> None:
    if old == new:
        return
    if doc.text(index) != old:
        raise InputError(f"paragraph {index} of the previous resolution does not read the same to the editor; "
                         "save it again in Word and try once more")
    for start, end, text in reversed(_spans(old, new)):
        doc.replace(index, start, end, text, track=track)


def _italics(doc, index: int, italics: list[bool], track: bool) -> None:
    """The italics the scaffold decided, set where the text's effective italics differ (no-op elsewhere)."""
    k = 0
    while k < len(italics):
        j = k
        while j < len(italics) and italics[j] == italics[k]:
            j += 1
        doc.set_italic(index, k, j, italics[k], track=track)
        k = j


def _footnotes(s, doc, track: bool) -> None:
    for entry in s.prev.footnotes:
        if entry.footnote is None or entry.footnote.key not in s.notes_before:
            continue
        before = s.notes_before[entry.footnote.key]
        after = [p.text for p in entry.footnote.paragraphs]
        if before == after:
            continue
        view = doc.footnote(entry.footnote.key)
        for k, old in enumerate(before, 1):
            new = after[k - 1] if k <= len(after) else ""
            if k == len(before) and len(after) > len(before):
                new = " ".join(after[k - 1:])
            now = view.text(k)
            # The footnote's own text may start after a space that follows its number.
            lead = len(now) - len(now.lstrip()) if now.strip() == old.strip() else 0
            if now.strip() != old.strip():
                raise InputError(f"footnote {entry.number} of the previous resolution does not read the same to "
                                 "the editor; save it again in Word and try once more")
            _retext(view, k, now, now[:lead] + new.strip() if new.strip() else "", track)


def _new_paragraph(doc, after: int, node, like: int, track: bool) -> None:
    index = doc.insert_paragraph(after, node.para.text, like=like, track=track)
    _italics(doc, index, node.para.italic_mask(), track=False)  # the new runs are an insertion already
