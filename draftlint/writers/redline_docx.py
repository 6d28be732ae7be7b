"""A Redline written into a copy of the draft (.docx) as tracked changes by "draftlint".

Inside a paragraph kept from last session, the draft's new words are marked inserted where they stand (their
formatting untouched) and the previous words are put back as deleted text, so that "Reject All" in Word
gives last session's wording and "Accept All" gives the draft. A new paragraph is marked inserted whole,
paragraph mark included.

A paragraph that exists only in the previous text is put back where it stood, as a paragraph deleted
with its mark (draftlint.formats.docx.paragraphs), in the style and numbering of the draft's paragraph of the same
kind next to it; "Reject All" restores it. A moved paragraph is a Word move (draftlint.formats.docx.moves):
the draft's paragraph is the destination, last session's wording the source where it stood.

Word footnotes are redlined in the footnotes part (draftlint.formats.docx.notes): a changed footnote word by
word, a new one's text inserted with its mark, and a mark of last session's that "Reject All" would lose (a
dropped footnote, or one the draft moved) put back deleted where it stood, with a deleted copy of the
footnote as it read then. Footnotes typed in the text are listed in the summary only.
"""
from __future__ import annotations

from draftlint.writers.redline import Pair, Redline

AUTHOR = "draftlint"


def write(red: Redline, draft_path: str, out_path: str, date: str | None = None) -> int:
    """Write the redline; returns the number of tracked changes made."""
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.marking import mark_footnote_inserted, mark_paragraph_inserted
    from draftlint.formats.docx.moves import mark_moved_to, new_move
    from draftlint.formats.docx.notes import add_deleted_footnote, order_like_references, put_reference_in

    doc = Document(draft_path, author=AUTHOR, date=date)
    made = 0
    moves: dict[int, str] = {}  # id() of a moved Pair -> the name of its move
    old_marks, marks_inserted = _old_marks(red)
    stood: dict[str, set[int]] = {}  # where every mark of last session's stood, by paragraph label
    for note in red.footnotes:
        for label, offset in note.old.marks if note.old is not None else []:
            stood.setdefault(label, set()).add(offset)
    marks_back: dict[int, list[tuple[int, str]]] = {}  # id() of a put-back paragraph's Pair -> its marks
    for pair in red.paragraphs:
        marks = old_marks.get(pair.old.label, []) if pair.old is not None else []
        if pair.status == "new":
            mark_paragraph_inserted(doc, pair.new.index)
            made += 1
        elif pair.status == "deleted":
            marks_back[id(pair)] = [(o, add_deleted_footnote(doc, note.text)) for o, note in marks]
        else:
            made += len(pair.edits)
            marks = _words(doc, pair, marks, stood.get(pair.old.label, set()))
            if pair.status == "moved":
                moves[id(pair)] = new_move(doc)
                mark_moved_to(doc, pair.new.index, moves[id(pair)])
                made += 1
                marks_back[id(pair)] = [(o, add_deleted_footnote(doc, note.text)) for o, note in marks]
                continue
            made += _typed_number(doc, pair)
            # Marks that stood in words the draft kept: a deleted mark where it stood.
            for offset, note in marks:
                put_reference_in(doc, pair.new.index, pair.new.offset + _map_offset(pair, offset),
                                 add_deleted_footnote(doc, note.text))
    made += _footnotes(doc, red)
    for pair in red.footnotes:
        # A new footnote in a kept paragraph: its mark is the change (new paragraphs have theirs marked already).
        if pair.status == "new" and pair.new.key.startswith("word:"):
            made += mark_footnote_inserted(doc, pair.new.key[len("word:"):])
    for word_id in sorted(marks_inserted):
        made += mark_footnote_inserted(doc, word_id)
    made += _put_back(doc, red.paragraphs, moves, marks_back)
    order_like_references(doc)
    doc.save(out_path)
    return made


def _words(doc, pair: Pair, marks: list, stood: set[int]) -> list:
    """A kept or moved paragraph's changed words: the draft's marked inserted, last session's put back
    deleted beside them (not in a moved paragraph: its move's source holds them), with the marks of
    `marks` that stood among them. Returns the marks not placed."""
    from draftlint.formats.docx.marking import insert_deleted, mark_inserted
    from draftlint.formats.docx.notes import add_deleted_footnote, put_reference_in_deleted

    index = pair.new.index
    for edit in pair.edits:
        start = pair.new.offset + edit.b1
        mark_inserted(doc, index, start, pair.new.offset + edit.b2)
        if pair.status == "moved":
            continue
        # Words dropped right after a mark of last session's (kept by the draft) went after that mark.
        after = edit.a1 > 0 and edit.a1 in stood and edit.b1 == edit.b2
        old = insert_deleted(doc, index, start, edit.old, like=start if edit.b2 > edit.b1 else None,
                             after_marks=after)
        # A mark after the last dropped word belongs to it; from the end, as each cuts the deleted run in two.
        inside = [m for m in marks if edit.a1 < m[0] <= edit.a2]
        for offset, note in sorted(inside, key=lambda m: m[0], reverse=True):
            if old is not None:
                put_reference_in_deleted(doc, old, offset - edit.a1, add_deleted_footnote(doc, note.text))
        marks = [m for m in marks if m not in inside]
    return marks


def _typed_number(doc, pair: Pair) -> int:
    """A kept paragraph whose typed number changed ("2." now "3."): the new number tracked as inserted, the old
    one put back deleted before it, so that rejecting gives last session's numbers too. (The summary names
    renumbering by the labels of both texts; it is not a change of wording.)"""
    from draftlint.formats.docx.marking import insert_deleted, mark_inserted

    old, new = pair.old.prefix.split(), pair.new.prefix.split()
    if not old or not new or old[0] == new[0]:
        return 0
    start = len(pair.new.prefix) - len(pair.new.prefix.lstrip())
    mark_inserted(doc, pair.new.index, start, start + len(new[0]))
    insert_deleted(doc, pair.new.index, start, old[0], like=start)
    return 1


def _old_marks(red: Redline) -> tuple[dict[str, list], set[str]]:
    """Last session's Word footnote marks that "Reject All" would lose, by paragraph label: (offset in its
    text, the footnote's Item); and the Word ids of the draft's footnotes whose mark must be marked inserted.

    A mark of last session's is kept when the draft's mark for the same footnote stands in the same
    paragraph, in words the draft kept. Otherwise it comes back where it stood, deleted, with a deleted copy
    of its footnote as it read then, and the draft's mark (if any) is shown inserted, so that rejecting
    takes it away and leaves the footnote where it was."""
    by_new = {p.new.label: p for p in red.paragraphs if p.new is not None}

    def kept(old_label: str, new_label: str, offset: int) -> bool:
        pair = by_new.get(new_label)
        return pair is not None and pair.status in ("same", "changed") and pair.old.label == old_label and \
            not any(e.b1 < offset < e.b2 for e in pair.edits)

    restore: dict[str, list] = {}
    inserted: set[str] = set()
    numbered = [p for p in red.footnotes if (p.new or p.old).key != "typed:*"]  # a sponsor footnote is no change
    if any(p.new is not None and not p.new.key.startswith("word:") for p in numbered):
        return restore, inserted  # the draft types its footnotes: they are in the summary only
    for pair in numbered:
        if pair.old is None:
            continue  # last session's footnotes may be typed (a text copy): they come back as Word ones
        new_marks = pair.new.marks if pair.new is not None else []
        for k, (label, offset) in enumerate(pair.old.marks):
            if k < len(new_marks) and kept(label, *new_marks[k]):
                continue
            restore.setdefault(label, []).append((offset, pair.old))
            if k < len(new_marks) and pair.new.key.startswith("word:"):
                inserted.add(pair.new.key[len("word:"):])
    return restore, inserted


def _footnotes(doc, red: Redline) -> int:
    """Word footnotes the draft kept or added: a changed one's words tracked inside it, a new one's text
    inserted. Footnotes typed in the text (typed marks, typed footnote lines) are in the summary only."""
    from draftlint.formats.docx.marking import insert_deleted, mark_inserted
    from draftlint.formats.docx.notes import FootnoteText

    made = 0
    for pair in red.footnotes:
        if pair.new is None or not pair.new.key.startswith("word:"):
            continue
        try:
            note = FootnoteText(doc, pair.new.key[len("word:"):])
        except IndexError:
            continue
        if pair.status == "new":
            note.mark_all_inserted()
            made += 1
        elif pair.edits and note.text_of_note() == pair.new.text:
            for edit in pair.edits:
                place = note.locate(edit.b1, edit.b2)
                if place is None:
                    continue  # words across two paragraphs of one footnote: listed in the summary only
                index, start = place
                mark_inserted(note, index, start, start + edit.b2 - edit.b1)
                insert_deleted(note, index, start, edit.old, like=start if edit.b2 > edit.b1 else None)
                made += 1
    return made


def _map_offset(pair: Pair, offset: int) -> int:
    """Where character `offset` of the previous paragraph stands in the draft's: shifted by the edits before
    it, at the start of an edit it falls in."""
    new = offset
    for edit in pair.edits:
        if edit.a2 <= offset:
            new = offset - edit.a2 + edit.b2
        elif edit.a1 < offset:
            new = edit.b1
    return new


def _put_back(doc, pairs: list[Pair], moves: dict[int, str], marks_back: dict) -> int:
    """Last session's paragraphs that are not in the draft where they stood, put back there: a deleted one
    as a deleted paragraph, a moved one as its move's source. Each stands before the draft paragraph of the
    next previous paragraph kept in place (after the last paragraph at the end), in last session's order;
    from the end up, because each insertion moves the index of every later paragraph."""
    from draftlint.formats.docx.moves import moved_from_paragraph
    from draftlint.formats.docx.notes import put_reference_in_deleted
    from draftlint.formats.docx.paragraphs import _deleted_paragraph

    # align() keeps each Item's place: the previous text's order is that of the old Items' positions.
    by_old = [p for p in pairs if p.old is not None]
    by_old.sort(key=lambda p: p.old.order)
    place = {id(p): k for k, p in enumerate(pairs)}
    last = max((k for k, p in enumerate(pairs) if p.new is not None), default=None)
    if last is None:
        return 0
    groups: list[tuple[int, bool, list[Pair]]] = []
    pending: list[Pair] = []
    for pair in by_old:
        if pair.status in ("deleted", "moved"):
            pending.append(pair)
        elif pending:
            groups.append((place[id(pair)], False, pending))
            pending = []
    if pending:
        groups.append((last, True, pending))
    for k, after, back in sorted(groups, key=lambda g: (g[0], g[1]), reverse=True):
        # Models and anchor first: each paragraph put back moves the index of every later one.
        made = []
        for pair in back:
            like = _like(pairs, k, pair.old.label)
            model = doc._para(like.index).elements[-1]
            text = (pair.old.prefix if like.offset > 0 else "") + pair.old.text  # typed numbers stay typed
            made.append(moved_from_paragraph(doc, text, model, moves[id(pair)]) if pair.status == "moved"
                        else _deleted_paragraph(doc, text, model))
            typed = len(text) - len(pair.old.text)
            for offset, fid in sorted(marks_back.get(id(pair), []), reverse=True):
                put_reference_in_deleted(doc, made[-1], typed + offset, fid)
        target = doc._para(pairs[k].new.index).elements
        cursor = target[-1] if after else None
        for p in made:
            if after:
                cursor.addnext(p)
                cursor = p
            else:
                target[0].addprevious(p)
        doc._changed()
    return sum(p.status == "deleted" for g in groups for p in g[2])


def _like(pairs: list[Pair], k: int, label: str):
    """The draft paragraph nearest to position k of the same kind (PP, OP, OP(a)) as `label`."""
    kind = _kind(label)
    near = sorted((abs(j - k), j) for j, p in enumerate(pairs) if p.new is not None)
    return next((pairs[j].new for _, j in near if _kind(pairs[j].new.label) == kind), pairs[k].new)


def _kind(label: str) -> tuple:
    return (label.rstrip("0123456789()abcdefghijklmnopqrstuvwxyz")[:2], label.count("("))
