"""A Redline written into a copy of the draft (.docx) as tracked changes by "draftlint".

Inside a paragraph kept from last session, the draft's new words are marked inserted where they stand (their
formatting untouched) and the previous words are put back as deleted text, so that "Reject All" in Word
gives last session's wording and "Accept All" gives the draft. A new paragraph is marked inserted whole,
paragraph mark included.

A paragraph that exists only in the previous text is put back where it stood, as a paragraph deleted
with its mark (draftlint.formats.docx.paragraphs), in the style and numbering of the draft's paragraph of the same
kind next to it; "Reject All" restores it. A moved paragraph is shown changed in its new place, with a
comment that names its old label (rejecting does not move it back). Footnote wording is not redlined
(footnotes live in a part of the package the document layer does not edit); a new Word footnote's mark is a
tracked insertion, and the text summary lists every footnote change.
"""
from __future__ import annotations

import os

from draftlint.writers.redline import Pair, Redline

AUTHOR = "draftlint"


def write(red: Redline, draft_path: str, out_path: str, date: str | None = None) -> int:
    """Write the redline; returns the number of tracked changes and comments made."""
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.marking import insert_deleted, mark_footnote_inserted, mark_inserted, mark_paragraph_inserted

    doc = Document(draft_path, author=AUTHOR, date=date)
    made = 0
    previous_name = os.path.basename(red.previous)
    for pair in red.paragraphs:
        if pair.status == "deleted":
            continue
        index = pair.new.index
        if pair.status == "new":
            mark_paragraph_inserted(doc, index)
            made += 1
            continue
        for edit in pair.edits:
            start = pair.new.offset + edit.b1
            mark_inserted(doc, index, start, pair.new.offset + edit.b2)
            insert_deleted(doc, index, start, edit.old, like=start if edit.b2 > edit.b1 else None)
            made += 1
        if pair.status == "moved":
            doc.add_comment(index, pair.new.offset, pair.new.offset,
                            f"Moved: this was {pair.old.label} in {previous_name}.", author=AUTHOR)
            made += 1
    for pair in red.footnotes:
        # A new footnote in a kept paragraph: its mark is the change (new paragraphs have theirs marked already).
        if pair.status == "new" and pair.new.key.startswith("word:"):
            made += mark_footnote_inserted(doc, pair.new.key[len("word:"):])
    made += _put_back_deleted(doc, red.paragraphs)
    doc.save(out_path)
    return made


def _put_back_deleted(doc, pairs: list[Pair]) -> int:
    """Each run of deleted paragraphs goes before the draft paragraph that now follows it (after the last
    one at the end); from the end up, because each insertion moves the index of every later paragraph."""
    from draftlint.formats.docx.paragraphs import insert_deleted_paragraphs

    groups: list[tuple[int, bool, list[Pair]]] = []
    pending: list[Pair] = []
    last = None
    for k, pair in enumerate(pairs):
        if pair.status == "deleted":
            pending.append(pair)
        elif pending:
            groups.append((k, False, pending))
            pending = []
        if pair.new is not None:
            last = k
    if pending and last is not None:
        groups.append((last, True, pending))
    for k, after, deleted in reversed(groups):
        where = pairs[k].new
        like = _like(pairs, k, deleted[0].old.label)
        typed = like.offset > 0  # the draft types its numbers: the deleted paragraph keeps its own
        texts = [(p.old.prefix if typed else "") + p.old.text for p in deleted]
        insert_deleted_paragraphs(doc, where.index, texts, after=after, like=like.index)
    return sum(len(g[2]) for g in groups)


def _like(pairs: list[Pair], k: int, label: str):
    """The draft paragraph nearest to position k of the same kind (PP, OP, OP(a)) as `label`."""
    kind = _kind(label)
    near = sorted((abs(j - k), j) for j, p in enumerate(pairs) if p.new is not None)
    return next((pairs[j].new for _, j in near if _kind(pairs[j].new.label) == kind), pairs[k].new)


def _kind(label: str) -> tuple:
    return (label.rstrip("0123456789()abcdefghijklmnopqrstuvwxyz")[:2], label.count("("))
