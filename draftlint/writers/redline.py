"""What changed between last session's text and the draft, as plain data: paragraphs and footnotes aligned
(kept, changed, new, deleted, moved) and, inside a changed one, the words that differ.

Paragraphs come from the structure model, so each is named by the label a drafter uses (PP4, OP12(b),
footnote 3) in both texts. The heading block, the title line and the closing lines (meeting, date) are left
out: they name the document and its session, so they differ every time and a redline of them is noise.
Wording is compared after folding curly and straight quotes, spaces and dashes together (a text copy of a
resolution has the plain ones); italics are not compared.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

SKIPPED_KINDS = {"heading", "title", "closing", "trailer", "footnote"}
PAIR_AT = 0.5  # word similarity from which two paragraphs in the same gap are one paragraph, changed
MOVE_AT = 0.6  # a paragraph found elsewhere must be closer to count as moved rather than deleted and new
TOKEN = re.compile(r"\s+|\w+(?:[-'’]\w+)*|[^\w\s]")
FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2011": "-", "–": "-"})


@dataclass(slots=True)
class Item:
    """One paragraph (or footnote) of one text."""

    label: str
    text: str
    index: int | None = None  # the reader's Paragraph.index (None for footnotes and text drafts' lines)
    offset: int = 0  # where `text` starts in the reader's paragraph text
    prefix: str = ""  # what stands before it there: a typed number ("3.\t"), never the label
    key: str = ""  # a footnote's key in the reader ("word:17" for Word's footnote 17)
    order: int = 0  # its place in its own text: the redline puts back last session's items in this order
    marks: list[tuple[str, int]] = field(default_factory=list)  # a footnote's marks: paragraph label, offset in its text

    def as_dict(self) -> dict:
        # "paragraph" as in check's JSON: the Word paragraph in the body, null for footnotes and text drafts.
        return {"label": self.label, "paragraph": self.index, "text": self.text}


@dataclass(slots=True)
class Edit:
    """Words previous[a1:a2] became draft[b1:b2] (offsets in the two Items' texts; one side may be empty)."""

    a1: int
    a2: int
    b1: int
    b2: int
    old: str
    new: str


@dataclass(slots=True)
class Pair:
    status: str  # same, changed, new, deleted, moved
    old: Item | None
    new: Item | None
    edits: list[Edit] = field(default_factory=list)

    @property
    def names(self) -> str:
        if self.old is None or self.new is None:
            return (self.old or self.new).label
        if self.old.label == self.new.label:
            return self.new.label
        return f"{self.old.label} → {self.new.label}"


@dataclass(slots=True)
class Redline:
    previous: str
    draft: str
    paragraphs: list[Pair]
    footnotes: list[Pair]

    def changes(self) -> list[Pair]:
        return [p for p in self.paragraphs + self.footnotes if p.status != "same"]


# ------------------------------------------------------------------ items from the model

def items(res) -> tuple[list[Item], list[Item]]:
    """The paragraphs and the footnotes of a built Resolution, in order."""
    paras = []
    starts = {}
    for node in res.nodes:
        if node.kind in SKIPPED_KINDS:
            continue
        raw = node.para.text[node.body:]
        start = node.body + len(raw) - len(raw.lstrip())
        starts[id(node)] = start
        index = node.para.index if res.source.format == "docx" else None
        paras.append(Item(node.label, node.text, index, start, node.para.text[:start], order=len(paras)))
    notes = []
    for e in res.footnotes:
        if e.footnote is None:
            continue
        marks = [(node.label, mark.offset - starts[id(node)]) for node, mark in e.marks if id(node) in starts]
        notes.append(Item(e.label, e.footnote.text, key=e.key, order=len(notes), marks=marks))
    return paras, notes


def compare(previous, draft) -> Redline:
    """The Redline of two built Resolutions."""
    old_paras, old_notes = items(previous)
    new_paras, new_notes = items(draft)
    return Redline(previous.source.path, draft.source.path, align(old_paras, new_paras),
                   align(old_notes, new_notes, _marks))


# ------------------------------------------------------------------ alignment

def fold(text: str) -> str:
    # A text copy has straight quotes and plain spaces where Word has curly ones: not a change of wording.
    return " ".join(unicodedata.normalize("NFKC", text).translate(FOLD).split())


def similarity(a: str, b: str) -> float:
    return _scores([_words(a)], [_words(b)], 0.0)[0, 0]


def _words(text: str) -> list[str]:
    return fold(text).lower().split()


def _marks(text: str) -> list[str]:
    """Words and marks of punctuation apart: a footnote is a few words, a symbol and its punctuation
    ("A/79/100." and "A/79/100, annex." are one footnote changed, not two unrelated ones)."""
    return [fold(text[a:b]).lower() for a, b in tokens(text) if text[a:b].strip()]


def _scores(rows: list[list[str]], cols: list[list[str]], floor: float) -> dict[tuple[int, int], float]:
    """Word similarity of every row with every column; below `floor` a score is 0. The cheap upper bounds
    come first and the matcher keeps each column's index: two unrelated resolutions of 300 paragraphs make
    tens of thousands of pairs."""
    out = {}
    matcher = SequenceMatcher(None, autojunk=False)
    for j, wb in enumerate(cols):
        matcher.set_seq2(wb)
        for i, wa in enumerate(rows):
            if not wa and not wb:
                out[i, j] = 1.0
                continue
            matcher.set_seq1(wa)
            if floor and (matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor):
                out[i, j] = 0.0
                continue
            out[i, j] = matcher.ratio()
    return out


def align(old: list[Item], new: list[Item], split=_words) -> list[Pair]:
    """Pairs in the draft's order; deleted items stand where they stood, before the draft's next kept item."""
    keys_old, keys_new = [fold(i.text) for i in old], [fold(i.text) for i in new]
    match: dict[int, int] = {}  # old position -> new position
    moved: set[int] = set()
    gaps = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes():
        if tag == "equal":
            match.update((i1 + k, j1 + k) for k in range(i2 - i1))
        else:
            gaps.append((i1, i2, j1, j2))
    for i1, i2, j1, j2 in gaps:
        match.update(_pair_in_gap(old, new, range(i1, i2), range(j1, j2), split))
    # What is left on both sides: a paragraph that went elsewhere is deleted here and new there.
    left_old = [i for i in range(len(old)) if i not in match]
    taken = set(match.values())
    left_new = [j for j in range(len(new)) if j not in taken]
    found = _scores([split(old[i].text) for i in left_old], [split(new[j].text) for j in left_new], MOVE_AT)
    scored = sorted(((s, left_old[a], left_new[b]) for (a, b), s in found.items()), reverse=True)
    for score, i, j in scored:
        if score < MOVE_AT:
            break
        if i in match or j in taken:
            continue
        match[i] = j
        taken.add(j)
        moved.add(i)

    by_new = {j: i for i, j in match.items()}
    pairs: list[Pair] = []
    unmatched_old = [i for i in range(len(old)) if i not in match]
    for j, item in enumerate(new):
        i = by_new.get(j)
        if i is not None and i not in moved:
            # A deleted item goes before the first kept item that followed it in the previous text.
            while unmatched_old and unmatched_old[0] < i:
                pairs.append(Pair("deleted", old[unmatched_old.pop(0)], None))
        if i is None:
            pairs.append(Pair("new", None, item))
            continue
        edits = word_edits(old[i].text, item.text)
        status = "moved" if i in moved else ("changed" if edits else "same")
        pairs.append(Pair(status, old[i], item, edits))
    pairs.extend(Pair("deleted", old[i], None) for i in unmatched_old)
    return pairs


def _pair_in_gap(old, new, rows: range, cols: range, split=_words) -> dict[int, int]:
    """The order-keeping pairing of a gap's items with the greatest total similarity (each pair ≥ PAIR_AT)."""
    if not rows or not cols:
        return {}
    found = _scores([split(old[i].text) for i in rows], [split(new[j].text) for j in cols], PAIR_AT)
    score = {(rows[a], cols[b]): s for (a, b), s in found.items()}
    n, m = len(rows), len(cols)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            s = score[rows[a], cols[b]]
            take = s + best[a + 1][b + 1] if s >= PAIR_AT else -1.0
            best[a][b] = max(take, best[a + 1][b], best[a][b + 1])
    out, a, b = {}, 0, 0
    while a < n and b < m:
        s = score[rows[a], cols[b]]
        if s >= PAIR_AT and best[a][b] == s + best[a + 1][b + 1]:
            out[rows[a]] = cols[b]
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return out


# ------------------------------------------------------------------ words

def _wordy(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


def word_edits(a: str, b: str) -> list[Edit]:
    """The words that differ, each run of changes merged with its neighbours when only a space or a mark of
    punctuation separates them ('Encourages' → 'Also encourages' rather than two edits)."""
    ta, tb = tokens(a), tokens(b)
    ka = [fold(a[s:e]) or " " for s, e in ta]
    kb = [fold(b[s:e]) or " " for s, e in tb]
    raw = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag != "equal":
            raw.append([i1, i2, j1, j2])
    merged: list[list[int]] = []
    for op in raw:
        if merged:
            last = merged[-1]
            gap = ka[last[1]:op[0]]
            # A space or a lone comma between two edits is read with them: "2018," → "2018 and 75/59 …, and
            # its decision …," is one change to a drafter, not two with a comma kept between.
            if len(gap) <= 2 and all(not k.strip() or not _wordy(k) for k in gap):
                last[1], last[3] = op[1], op[3]
                continue
        merged.append(op)
    out = []
    for i1, i2, j1, j2 in merged:
        a1 = ta[i1][0] if i1 < len(ta) else len(a)
        a2 = ta[i2 - 1][1] if i2 > i1 else a1
        b1 = tb[j1][0] if j1 < len(tb) else len(b)
        b2 = tb[j2 - 1][1] if j2 > j1 else b1
        out.append(Edit(a1, a2, b1, b2, a[a1:a2], b[b1:b2]))
    return out
