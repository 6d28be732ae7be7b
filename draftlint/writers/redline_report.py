"""A Redline as words a delegate can paste into an e-mail, or as JSON data."""
from __future__ import annotations

import os

from draftlint.writers.redline import Pair, Redline

QUOTE_AT = 70  # longer quoted wording is cut with an ellipsis: the e-mail names the change, the redline shows it
SHOWN_EDITS = 4


def _cut(text: str, limit: int = QUOTE_AT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _edit_words(pair: Pair, edit) -> tuple[str, str]:
    """The two sides of an edit; an insertion or deletion is shown with the word next to it, so that
    'Encourages' → 'Also encourages' reads as wording and not as a bare "+Also"."""
    old, new = pair.old.text, pair.new.text
    a1, a2, b1, b2 = edit.a1, edit.a2, edit.b1, edit.b2
    if not (_wordy(old[a1:a2]) and _wordy(new[b1:b2])):
        changed = (old[a1:a2] or new[b1:b2])
        # Words typed before a word read with that word ("Also encourages"); a comma or a tail after one
        # reads with the word before it ("2018, and 75/59").
        if changed[:1].isalnum() and _next_word(old, a2) and _next_word(new, b2):
            a2, b2 = a2 + _next_word(old, a2), b2 + _next_word(new, b2)
        else:
            a1, b1 = a1 - _previous_word(old, a1), b1 - _previous_word(new, b1)
    return old[a1:a2].strip(), new[b1:b2].strip()


def _wordy(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _next_word(text: str, at: int) -> int:
    rest = text[at:]
    stripped = rest.lstrip()
    if not stripped:
        return 0
    word = stripped.split()[0]
    return len(rest) - len(stripped) + len(word)


def _previous_word(text: str, at: int) -> int:
    head = text[:at]
    stripped = head.rstrip()
    if not stripped:
        return 0
    word = stripped.split()[-1]
    return len(head) - len(stripped) + len(word)


def describe(pair: Pair) -> str:
    if pair.status == "new":
        return f"{pair.names} new: '{_cut(pair.new.text, 60)}'"
    if pair.status == "deleted":
        return f"{pair.names} deleted: '{_cut(pair.old.text, 60)}'"
    shown = []
    for edit in pair.edits[:SHOWN_EDITS]:
        old, new = _edit_words(pair, edit)
        shown.append(f"'{_cut(old)}' → '{_cut(new)}'" if old else f"added '{_cut(new)}'" if new else "")
    if len(pair.edits) > SHOWN_EDITS:
        more = len(pair.edits) - SHOWN_EDITS
        shown.append(f"and {more} more change{'s' if more != 1 else ''}")
    head = f"{pair.names} moved" if pair.status == "moved" else f"{pair.names} changed"
    if pair.status == "moved" and shown:
        head += " and changed"
    return head + (": " + ", ".join(s for s in shown if s) if shown else "")


def counts(red: Redline) -> dict:
    out = {}
    for kind, pairs in (("paragraphs", red.paragraphs), ("footnotes", red.footnotes)):
        out[kind] = {s: sum(p.status == s for p in pairs) for s in ("new", "changed", "moved", "deleted")}
    return out


def text(red: Redline) -> str:
    changes = red.changes()
    name = os.path.basename
    if not changes:
        return f"{name(red.draft)} against {name(red.previous)}: no changes\n"
    c = counts(red)
    parts = [f"{n} {s}" for s, n in c["paragraphs"].items() if n]
    notes = [f"{n} {s}" for s, n in c["footnotes"].items() if n]
    head = f"{name(red.draft)} against {name(red.previous)}: paragraphs {', '.join(parts) or 'unchanged'}" + \
           (f"; footnotes {', '.join(notes)}" if notes else "")
    lines = [describe(p) for p in changes]
    return head + "\n" + ";\n".join(lines) + ".\n"


def data(red: Redline) -> dict:
    def entries(pairs):
        return [{
            "status": p.status,
            "previous": p.old.as_dict() if p.old else None,
            "draft": p.new.as_dict() if p.new else None,
            "edits": [{"previous": e.old, "draft": e.new, "previous_span": [e.a1, e.a2], "draft_span": [e.b1, e.b2]}
                      for e in p.edits],
        } for p in pairs if p.status != "same"]

    return {"previous": red.previous, "draft": red.draft, "counts": counts(red),
            "summary": [describe(p) for p in red.changes()],
            "paragraphs": entries(red.paragraphs), "footnotes": entries(red.footnotes)}
