"""A Redline written into a copy of the draft (.docx) as tracked changes by "draftlint".

Inside a paragraph kept from last session, the draft's new words are marked inserted where they stand (their
formatting untouched) and the previous words are put back as deleted text, so that "Reject All" in Word
gives last session's wording and "Accept All" gives the draft. A new paragraph is marked inserted whole,
paragraph mark included.

A paragraph that exists only in the previous text has no place in the draft's XML; rather than build
paragraphs from nothing (their numbering and style would be guesses), it is listed in a comment on the
paragraph that now follows where it stood. A moved paragraph is shown changed in its new place, with a
comment that names its old label. Footnote wording is not redlined (footnotes live in a part of their own);
a new footnote's mark is inserted with the words around it, and the text summary lists every footnote change.
"""
from __future__ import annotations

import os

from draftlint.redline import Pair, Redline

AUTHOR = "draftlint"


def write(red: Redline, draft_path: str, out_path: str, date: str | None = None) -> int:
    """Write the redline; returns the number of tracked changes and comments made."""
    from draftlint.docx import Document
    from draftlint.docx.marking import insert_deleted, mark_inserted, mark_paragraph_inserted

    doc = Document(draft_path, author=AUTHOR, date=date)
    made = 0
    previous_name = os.path.basename(red.previous)
    notes: dict[int, list[str]] = {}
    pending: list[Pair] = []
    last_index = None
    for pair in red.paragraphs:
        if pair.status == "deleted":
            pending.append(pair)
            continue
        index = pair.new.index
        if pending:
            notes.setdefault(index, []).extend(_deleted_note(p, previous_name) for p in pending)
            pending = []
        last_index = index
        if pair.status == "new":
            mark_paragraph_inserted(doc, index)
            made += 1
            continue
        for edit in pair.edits:
            start = pair.new.offset + edit.b1
            mark_inserted(doc, index, start, pair.new.offset + edit.b2)
            insert_deleted(doc, index, start, edit.old)
            made += 1
        if pair.status == "moved":
            notes.setdefault(index, []).append(f"Moved: this was {pair.old.label} in {previous_name}.")
    if pending and last_index is not None:
        notes.setdefault(last_index, []).extend(_deleted_note(p, previous_name) for p in pending)
    for index, lines in notes.items():
        offset = next(p.new.offset for p in red.paragraphs if p.new is not None and p.new.index == index)
        doc.add_comment(index, offset, offset, "\n".join(lines), author=AUTHOR)
        made += 1
    doc.save(out_path)
    return made


def _deleted_note(pair: Pair, previous_name: str) -> str:
    return f"Deleted: {pair.old.label} of {previous_name}: {pair.old.text}"
