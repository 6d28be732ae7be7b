"""`draftlint fix`: every finding that carries a fix (a span and its replacement or italics) applied to a
copy of the draft through the document layer, as tracked changes by "draftlint", round after round until
a check finds nothing more to fix.

Imported by the fix command and `check --diff` only: the plain check never loads the document layer.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field

from draftlint.errors import InputError
from draftlint.writers.target import check_target

# A fix can reveal the next one: the check reports only the first of a run of shifted typed numbers, so
# each round renumbers one more paragraph. Every round must apply an edit not made before, and the rounds
# are bounded, so fix always ends.
ROUNDS = 100


@dataclass(slots=True)
class Edit:
    paragraph: int
    start: int
    end: int
    fix: str | None  # replacement text, or None for an italics change
    italic: bool | None
    rule: str
    label: str
    mark: str | None = None  # the number a typed footnote mark takes: all are renumbered together

    @property
    def key(self) -> tuple:
        return (self.paragraph, self.start, self.end, self.fix, self.italic, self.rule, self.mark)


@dataclass(slots=True)
class Outcome:
    written: str | None
    applied: list[Edit] = field(default_factory=list)
    left: list = field(default_factory=list)  # findings still there that fix does not handle
    rounds: int = 0


def default_output(path: str) -> str:
    stem, _ = os.path.splitext(path)
    return stem + "-fixed.docx"


def mended(f, unsafe: bool = False) -> bool:
    """Whether `fix` mends finding f: a fixable one, or with --unsafe one whose fix is unsafe."""
    return f.fixable or (unsafe and f.unsafe)


def edits_of(findings, unsafe: bool = False) -> list[Edit]:
    """The findings fix mends, as edits, one per span: where two overlap, the first stands and the other
    waits for the next round, when the check has looked at the text again."""
    edits = [Edit(f.paragraph, f.start, f.end, f.fix, f.italic, f.rule, f.label, f.mark)
             for f in findings if mended(f, unsafe)]
    edits.sort(key=lambda e: (e.paragraph, e.start, e.end))
    kept: list[Edit] = []
    for e in edits:
        prev = kept[-1] if kept and kept[-1].paragraph == e.paragraph else None
        if prev is not None and (e.start < prev.end or (e.start == prev.start and e.start == e.end)):
            continue
        kept.append(e)
    return kept


def _apply(doc, edits: list[Edit], track: bool) -> None:
    # From the end of each paragraph backwards: a replacement shifts only the offsets after it.
    for e in sorted(edits, key=lambda e: (e.paragraph, -e.start, -e.end)):
        if e.fix is not None:
            doc.replace(e.paragraph, e.start, e.end, e.fix, track=track)
        else:
            doc.set_italic(e.paragraph, e.start, e.end, e.italic, track=track)


def _reader_texts(path: str) -> dict[int, str]:
    from draftlint.formats import read

    out: dict[int, str] = {}
    for p in read(path).paragraphs:
        if p.index is not None:
            # A paragraph the reader joined (a page-break split) is not one Word paragraph: its offsets
            # would not address the document, so it is left out.
            out[p.index] = p.text if p.index not in out else None
    return out


def _one_round(current: str, target: str, edits: list[Edit], track: bool) -> list[Edit]:
    """Apply what can be applied to `current`, save to `target`; an edit the layer refuses is left out."""
    from draftlint.formats.docx.edit import Document

    texts = _reader_texts(current)
    blocked: set[tuple] = set()
    while True:
        doc = Document(current)
        todo = []
        for e in edits:
            if e.key in blocked:
                continue
            try:
                same = texts.get(e.paragraph) is not None and doc.text(e.paragraph) == texts[e.paragraph]
            except IndexError:
                same = False
            if same:
                todo.append(e)
        try:
            _apply(doc, todo, track)
        except (RuntimeError, IndexError) as exc:  # the layer refused an edit: try again without it
            bad = _failing(todo, track, current)
            if bad is None:
                raise InputError(f"cannot apply a fix ({exc})") from exc
            blocked.add(bad.key)
            continue
        doc.save(target)
        return todo


def renumber_footnotes(current: str, target: str, track: bool) -> bool:
    """Typed footnote marks and lines renumbered as footnotes.sequence's plan says, saved to `target`; False
    (nothing written) when there is no plan or the document layer cannot place a change exactly."""
    from draftlint.formats import read
    from draftlint.formats.docx.edit import Document
    from draftlint.lint.checks.footnotes import renumbering
    from draftlint.model.patterns import FROM_SUPERSCRIPT
    from draftlint.model.resolution import build

    plan = renumbering(build(read(current)))
    if plan is None:
        return False
    doc = Document(current)
    try:
        for m in plan.marks:
            k = next(k for k, (offset, typed) in enumerate(doc.typed_marks(m.paragraph))
                     if offset == m.offset and typed.strip().translate(FROM_SUPERSCRIPT) == m.old)
            doc.renumber_typed_mark(m.paragraph, k, m.number, track=track)
        for line in plan.lines:
            typed = doc.typed_marks(line.paragraph)
            if typed and typed[0][0] == 0 and typed[0][1].strip().translate(FROM_SUPERSCRIPT) != line.number:
                doc.renumber_typed_mark(line.paragraph, 0, line.number, track=track)
            if doc.text(line.paragraph)[line.start:line.end] != line.text:
                doc.replace(line.paragraph, line.start, line.end, line.text, track=track)
    except (StopIteration, RuntimeError, IndexError):
        return False
    doc.save(target)
    return True


def _failing(todo, track, current) -> Edit | None:
    """The first edit that the layer refuses on its own, each tried on a fresh copy."""
    from draftlint.formats.docx.edit import Document

    for e in sorted(todo, key=lambda e: (e.paragraph, -e.start, -e.end)):
        try:
            _apply(Document(current), [e], track)
        except (RuntimeError, IndexError):
            return e
    return None


def fix_file(path: str, output: str | None, *, options=None, track: bool = True, in_place: bool = False,
             force: bool = False, write: bool = True, unsafe: bool = False) -> Outcome:
    """Fix `path` into `output` (default: beside it, "-fixed.docx"). With write=False nothing is written
    and the outcome names the fixed copy in a temporary folder that the caller removes (outcome.written).
    With unsafe, the fixes a rule calls unsafe are applied too."""
    from draftlint.lint.engine import Options, check_file

    if not path.lower().endswith(".docx"):
        # A text draft has no tracked changes to offer, so its findings are never marked fixable either.
        raise InputError("fix works on Word documents (.docx) only; `draftlint check` lists what to change "
                         "in a text draft")
    options = options or Options()
    out = path if in_place else (output or default_output(path))
    if write and not in_place:
        check_target(out, path, force, "the output", "use --in-place to fix the draft itself")
    work = tempfile.mkdtemp(prefix="draftlint-fix-")
    outcome = Outcome(written=None)
    try:
        current, done = path, set()
        result = _checked(check_file(path, options), path)
        for k in range(ROUNDS):
            edits = [e for e in edits_of(result.findings, unsafe) if e.key not in done]
            marks = [e for e in edits if e.mark is not None]
            if marks:
                # Typed footnotes are renumbered all at once, in a round of their own: the numbers of the
                # marks and the words of the footnote lines move together.
                done.update(e.key for e in marks)
                target = os.path.join(work, f"round{k + 1}.docx")
                if renumber_footnotes(current, target, track):
                    outcome.applied += marks
                    outcome.rounds = k + 1
                    current = target
                    result = _checked(check_file(current, options), path)
                    continue
                edits = [e for e in edits if e.mark is None]
            if not edits:
                break
            target = os.path.join(work, f"round{k + 1}.docx")
            applied = _one_round(current, target, edits, track)
            if not applied:
                break
            outcome.applied += applied
            done.update(e.key for e in applied)
            outcome.rounds = k + 1
            current = target
            result = _checked(check_file(current, options), path)
        outcome.left = [f for f in result.findings if not mended(f, unsafe)]
        if not write:
            final = os.path.join(work, "fixed.docx")
            shutil.copyfile(current, final)
            outcome.written = final
            work = None  # the caller removes it
            return outcome
        from draftlint.files import atomic_write

        with open(current, "rb") as fh:
            atomic_write(out, fh.read(), overwrite=in_place or force)
        outcome.written = out
        return outcome
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def _checked(result, path: str):
    if result.error:
        raise InputError(result.error)
    return result


def describe(before: str, after: str) -> list[str]:
    """What changed between two copies of a draft, paragraph by paragraph, as lines a drafter reads:
    "PP2: “… of 7 December 2020.” → “… of 7 December 2020,”" and "OP2: italics on “Recognizes”"."""
    import difflib

    from draftlint.formats import read
    from draftlint.model.resolution import build

    old, new = read(before), read(after)
    labels = {}
    for node in build(old).nodes:
        labels.setdefault(node.para.index, node.label)
    new_by_index = {p.index: p for p in new.paragraphs if p.index is not None}
    lines = []
    for p in old.paragraphs:
        q = new_by_index.get(p.index)
        if q is None:
            continue
        label = labels.get(p.index) or (f"footnote {p.footnote_key}" if p.footnote_key else f"paragraph {p.index}")
        typed = [[m.key for m in x.marks if m.typed] + ([x.footnote_key] if x.footnote_key else []) for x in (p, q)]
        if typed[0] != typed[1]:
            lines.append(f"{label}: footnote marks {', '.join(typed[0])} → {', '.join(typed[1])}")
        was, now = p.italic_mask(), q.italic_mask()
        if p.text != q.text:
            spans: list[list[int]] = []
            opcodes = difflib.SequenceMatcher(None, p.text, q.text, autojunk=False).get_opcodes()
            # Italics compared on the text both copies share.
            kept = [(i1 + k, j1 + k) for tag, i1, i2, j1, j2 in opcodes if tag == "equal" for k in range(i2 - i1)]
            lines += _italics(label, "".join(p.text[i] for i, _ in kept), [was[i] for i, _ in kept],
                              [now[j] for _, j in kept])
            for tag, i1, i2, j1, j2 in opcodes:
                # Changes a few words apart read better as one ("“dark web”" is two quote swaps).
                if tag != "equal":
                    if spans and i1 - spans[-1][1] <= 40:
                        spans[-1][1], spans[-1][3] = i2, j2
                    else:
                        spans.append([i1, i2, j1, j2])
            for i1, i2, j1, j2 in spans:
                lines.append(f"{label}: “{_context(p.text, i1, i2)}” → “{_context(q.text, j1, j2)}”")
        elif was != now:
            lines += _italics(label, p.text, was, now)
    return lines


def _context(text: str, start: int, end: int, width: int = 24) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")


def _italics(label: str, text: str, was: list[bool], now: list[bool]) -> list[str]:
    out, k = [], 0
    while k < len(text):
        if was[k] == now[k]:
            k += 1
            continue
        j = k
        while j < len(text) and was[j] != now[j] and now[j] == now[k]:
            j += 1
        words = text[k:j].strip()
        if words:
            out.append(f"{label}: italics {'on' if now[k] else 'off'} “{words}”")
        k = j
    return out
