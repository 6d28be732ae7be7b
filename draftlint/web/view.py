"""A checked draft as the page shows it: its paragraphs with their labels (PP1, OP1, OP1(a), footnote 3), cut into
pieces of text that carry their italics and the findings on them, and the findings each tied to the paragraph
they name.

The words a finding is on are those `check --annotate` puts its comment on (writers/annotate.anchor), so
the page and the annotated copy always agree."""
from __future__ import annotations

from draftlint.model.source import join_all
from draftlint.writers.annotate import anchor


def findings_data(findings) -> list[dict]:
    return [{"id": k, "rule": f.rule, "category": f.category, "severity": f.severity, "message": f.message,
             "label": f.label, "fixable": f.fixable} for k, f in enumerate(findings)]


def draft_view(res, findings) -> dict:
    """The draft `res` (model.resolution.Resolution) and its findings, as the page's JSON: {"blocks": [...],
    "footnotes": [...], "findings": [...], "unplaced": [ids of findings on no paragraph shown]}."""
    blocks, by_para, by_label = [], {}, {}
    notes_at = {id(mark): entry.number for entry in res.footnotes for _, mark in entry.marks}
    for node in res.nodes:
        para = node.para
        block = {"kind": node.kind, "label": node.label,
                 "depth": _depth(node), "number": para.number if para.number and not node.typed else None,
                 "_text": para.text, "_mask": para.italic_mask(), "_marks": [(m.offset, notes_at.get(id(m), m.key))
                                                                           for m in para.marks],
                 "_spans": []}
        blocks.append(block)
        by_para.setdefault(_key(para.index, para.line), block)
        by_label.setdefault(node.label, []).append(block)
    footnotes = []
    for entry in res.footnotes:
        if entry.footnote is None or not entry.footnote.paragraphs:
            continue
        para = join_all(entry.footnote.paragraphs, " ")
        text = para.text.strip()
        lead = len(para.text) - len(para.text.lstrip())
        note = {"kind": "footnote", "label": entry.label, "depth": 0, "number": entry.number,
                "_text": text, "_mask": para.italic_mask()[lead:lead + len(text)], "_marks": [], "_spans": []}
        footnotes.append(note)
        by_label.setdefault(entry.label, []).append(note)
    unplaced = []
    for k, f in enumerate(findings):
        block = _place(f, by_para, by_label)
        if block is None:
            unplaced.append(k)
            continue
        start, end = anchor(f, block["_text"], block["_mask"])
        block["_spans"].append((start, end, k))
    return {"blocks": [_finish(b) for b in blocks], "footnotes": [_finish(n) for n in footnotes],
            "findings": findings_data(findings), "unplaced": unplaced}


def _key(index, line):
    return ("p", index) if index is not None else ("l", line)


def _place(f, by_para, by_label):
    """The paragraph a finding is on: the one it addresses (Word paragraph or line), else the only one with its
    label (a footnote, the title); a finding on the draft as a whole has none."""
    if f.paragraph is not None or (f.line is not None and not f.label.startswith("footnote")):
        block = by_para.get(_key(f.paragraph, f.line))
        if block is not None:
            return block
    same = by_label.get(f.label, [])
    return same[0] if len(same) == 1 else None


def _depth(node) -> int:
    depth, parent = 0, node.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


def _finish(block: dict) -> dict:
    """Cut the text where italics, a finding or a footnote mark begins or ends: pieces {"text", "italic",
    "findings"} and {"note": number} in reading order."""
    text, mask, marks, spans = block.pop("_text"), block.pop("_mask"), block.pop("_marks"), block.pop("_spans")
    cuts = {0, len(text)} | {max(0, min(len(text), o)) for o, _ in marks}
    for start, end, _ in spans:
        cuts |= {start, end}
    cuts |= {k for k in range(1, len(text)) if k < len(mask) and mask[k] != mask[k - 1]}
    edges = sorted(cuts)
    notes = sorted(marks, key=lambda m: m[0])
    pieces, n = [], 0
    for a, b in zip(edges, edges[1:] + [None]):
        while n < len(notes) and notes[n][0] <= a:
            pieces.append({"note": str(notes[n][1])})
            n += 1
        if b is None:
            break
        on = [k for s, e, k in spans if s <= a < e]
        piece = {"text": text[a:b], "italic": bool(a < len(mask) and mask[a]), "findings": on}
        pieces.append(piece)
    # A finding on no letters (an empty span at the end of a paragraph) still shows where it points.
    for s, e, k in spans:
        if s == e and not any(k in p.get("findings", ()) for p in pieces):
            pieces.append({"text": "", "italic": False, "findings": [k]})
    block["pieces"] = pieces
    block["findings"] = sorted({k for _, _, k in spans})
    return block
