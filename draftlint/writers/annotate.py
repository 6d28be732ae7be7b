"""`check --annotate`: a copy of the draft with each finding as a Word comment by "draftlint" on the words at
fault, for a drafter to pass on as it is. Imported by that option only."""
from __future__ import annotations


from draftlint.errors import InputError


def anchor(f, text: str, mask: list[bool]) -> tuple[int, int]:
    """The words a comment goes on: for italics, the letters of the span in the wrong style ("note" of a
    half-italic "Takes note"); the words the rule names inside its span, else the span, else the words it
    names anywhere in the paragraph, else the whole paragraph."""
    if f.start is not None and f.end is not None and 0 <= f.start <= f.end <= len(text):
        wrong = [k for k in range(f.start, f.end) if f.italic is not None and mask[k] != f.italic and not text[k].isspace()]
        if wrong:
            return wrong[0], wrong[-1] + 1
        if f.match and f.end > f.start:
            k = text.find(f.match, f.start, f.end)
            if k >= 0:
                return k, k + len(f.match)
        if f.end > f.start:
            return f.start, f.end
    if f.match:
        k = text.find(f.match)
        if k >= 0:
            return k, k + len(f.match)
    lead = len(text) - len(text.lstrip())
    return lead, max(lead, len(text.rstrip()))


def annotate_file(path: str, output: str, *, options=None, force: bool = False) -> tuple[int, int]:
    """Write the annotated copy; returns (comments written, findings with no body paragraph to carry one,
    such as a footnote's)."""
    from draftlint.formats.docx.edit import Document
    from draftlint.lint.engine import Options, check_file
    from draftlint.writers.fix import _reader_texts
    from draftlint.formats import read
    from draftlint.writers.target import check_target

    if not path.lower().endswith(".docx"):
        raise InputError("--annotate writes Word comments into a .docx draft; this draft is not one")
    check_target(output, path, force, "the annotated copy")
    result = check_file(path, options or Options())
    if result.error:
        raise InputError(result.error)
    texts = _reader_texts(path)
    masks = {p.index: p.italic_mask() for p in read(path).paragraphs if p.index is not None}
    doc = Document(path)
    written = unplaced = 0
    for f in result.findings:
        text = texts.get(f.paragraph) if f.paragraph is not None else None
        if text is None or doc.text(f.paragraph) != text:
            unplaced += 1
            continue
        start, end = anchor(f, text, masks[f.paragraph])
        doc.add_comment(f.paragraph, start, end, f"{f.message} [{f.rule}]")
        written += 1
    doc.save(output)
    return written, unplaced
