"""Writes a read draft back in the text format (docs/text-drafts.md): the way into the .docx builder
(formats/docx/build.py) for drafts that start as .docx or as a copy from the Official Document System."""
from __future__ import annotations

from draftlint.model.source import Paragraph
from draftlint.model.patterns import TO_SUPERSCRIPT
from draftlint.model.resolution import Resolution


def paragraph_text(para: Paragraph, numbers: dict[tuple[int, int], str], italic=None) -> str:
    """Markdown for one paragraph: *italics*, footnote marks as superscript numbers."""
    mask = italic if italic is not None else para.italic_mask()
    text = para.text
    marks = {}
    for k, m in enumerate(para.marks):
        marks.setdefault(m.offset, []).append(numbers.get((id(para), k), m.key))
    out = []
    inside = False
    for pos in range(len(text) + 1):
        for number in marks.get(pos, []):
            if inside:
                out.append("*")
                inside = False
            out.append(number.translate(TO_SUPERSCRIPT) if number.isdigit() else number)
        if pos == len(text):
            break
        ch = text[pos]
        want = mask[pos] and not ch.isspace()
        if want and not inside:
            out.append("*")
            inside = True
        elif inside and not mask[pos]:
            out.append("*")
            inside = False
        elif inside and ch.isspace() and not any(mask[pos + 1:pos + 2]):
            out.append("*")
            inside = False
        out.append("\\*" if ch == "*" else ch)
    if inside:
        out.append("*")
    prefix = f"{para.number} " if para.number else ""
    return prefix + "".join(out).strip()


def lead_italics(node) -> list[bool]:
    """The italics of a paragraph as the conventions want them: the lead phrase, nothing else."""
    mask = [False] * len(node.para.text)
    if node.kind == "opening":
        return [True] * len(node.para.text)
    if node.lead is not None:
        mask[node.lead.start:node.lead.usual_end] = [True] * (node.lead.usual_end - node.lead.start)
    return mask


def to_text(res: Resolution, italic_leads: bool = False) -> str:
    """The draft in the text format; with italic_leads, lead phrases and opening set in italics as they should be."""
    numbers = {}
    for entry in res.footnotes:
        for node, mark in entry.marks:
            numbers[(id(node.para), node.para.marks.index(mark))] = entry.number
    blocks = [paragraph_text(n.para, numbers, lead_italics(n) if italic_leads and (n.lead or n.kind == "opening") else None)
              for n in res.nodes]
    for entry in res.footnotes:
        if entry.footnote is not None:
            number = entry.number.translate(TO_SUPERSCRIPT) if entry.number.isdigit() else entry.number
            blocks.append(f"{number} " + " ".join(paragraph_text(p, {}) for p in entry.footnote.paragraphs).strip())
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"
