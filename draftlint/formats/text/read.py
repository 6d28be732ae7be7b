"""Reads .txt and .md drafts (docs/text-drafts.md) into the same model as a .docx."""
from __future__ import annotations

import re
from bisect import bisect_right

from draftlint.errors import InputError
from draftlint.model.source import Comment, Mark, Paragraph, Run, Source, join_all, slice_runs
from draftlint.model.patterns import MONTH_RE, OPENING
from draftlint.formats.text import inline
from draftlint.formats.text.markup import accept_changes, html_comments
from draftlint.safeio import read_regular

MAX_TEXT_BYTES = 32 * 1024 * 1024
# A real resolution has under 2,000 paragraphs; the caps keep time and memory bounded for any file.
MAX_LINES = 400_000
MAX_PARAGRAPHS = 20_000

# Furniture of documents copied from the Official Document System: job numbers, page numbers, barcodes.
FURNITURE = re.compile(
    r"^(?:\[Start\d*\].*|.*<<ODS .*|[_\-=]{3,}|\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d+/\d+)?|\d+/\d+(?:\s+\d{2}-\d{5})?"
    r"|\*\d{6,}\*.*|.*Please recycle.*|\d{1,2}|A/RES/\d+/\d+\S.*|.*\S(?<!/)A/RES/\d+/\d+)$"
)
# What starts a new paragraph even without a blank line before it.
BODY_LEAD = re.compile(r"\*[A-Z][a-z]")  # "*Recalling* …": a preambular paragraph, not a heading line
NEW_PARAGRAPH = re.compile(r"^(?:\t|-\s+\d{1,3}\.\s|\d{1,3}\.\s|\([a-z]{1,4}\)\s|[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s|\*\s)")
LIST_DASH = re.compile(r"^-\s+(?=\d{1,3}\.\s)")
GLUED_BLOCKS = re.compile(r"(?<=\S)\*{2,3}(?=\S)")
PLAIN_FOOTNOTE = re.compile(rf"^(?P<n>\d{{1,3}})\s+(?!(?:{MONTH_RE})\b)(?!(?:st|nd|rd|th)\b)(?=[\w“\"(*])")
# A footnote number glued after a word or punctuation in a copy from PDF: "recipients,1 which", "II)4 and".
GLUED_MARK = re.compile(r"(?:(?<=[A-Za-z)\]”\"’])|(?<=[A-Za-z)\]”\"’][,;:.])|(?<=\d[,;]))(?P<n>\d{1,3})(?=[\s,;:]|$)"
                        r"|(?<=[,;:] )(?P<s>\d{1,3})(?= [a-z])")
DATE_START = re.compile(rf"^\d{{1,2}} (?:{MONTH_RE}) \d{{4}}")


def read_text(path: str) -> Source:
    text = _decode(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    comments: dict[str, Comment] = {}
    text = accept_changes(text)
    comment_lines: dict[int, list[str]] = {}

    def keep_comment(body: str, line: int) -> None:
        cid = f"c{len(comments) + 1}"
        comments[cid] = Comment(id=cid, author="", text=body.strip())
        comment_lines.setdefault(line, []).append(cid)

    text = html_comments(text, keep_comment)
    if text.count("\n") > MAX_LINES:
        raise InputError(f"the file has more than {MAX_LINES:,} lines, far more than a resolution")
    blocks = _paragraph_lines(text.split("\n"))
    paragraphs: list[Paragraph] = []
    for line_no, raw in blocks:
        for piece in _split_glued(raw):
            para = _inline(piece, line_no)
            if para is not None:
                paragraphs.append(para)
                if len(paragraphs) > MAX_PARAGRAPHS:
                    raise InputError(f"the file has more than {MAX_PARAGRAPHS:,} paragraphs, far more than a resolution")
    _attach_comments(paragraphs, comment_lines)
    _plain_footnotes(paragraphs)
    paragraphs = _join_page_splits(paragraphs)
    has_italics = any(r.italic for p in paragraphs for r in p.runs)
    return Source(path=path, format="text", paragraphs=paragraphs, comments=comments, has_italics=has_italics)


def _decode(path: str) -> str:
    data = read_regular(path, MAX_TEXT_BYTES, "the file is too large for a draft (over 32 MB)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("the text is not valid UTF-16 although it starts as UTF-16") from None
    if not data.strip():
        raise InputError("the file is empty")
    if b"\x00" in data:
        raise InputError("this is not a text file (it holds binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"the text is not UTF-8 (line {line}); save it as UTF-8 (Unicode)") from None


def _paragraph_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Group lines into paragraphs: (first line number, text)."""
    long_lines = sum(1 for ln in lines if len(ln) > 100)
    short_lines = sum(1 for ln in lines if 0 < len(ln.strip()) <= 100)
    # Hard-wrapped text (every line short) joins all lines of a block; long-line text also breaks on punctuation.
    wrapped = long_lines == 0 and short_lines > 20
    out: list[tuple[int, str]] = []
    cur: list[str] = []
    start = 0
    for i, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or FURNITURE.match(stripped):
            if cur and not stripped:
                out.append((start, " ".join(cur)))
                cur = []
            continue
        if cur and (NEW_PARAGRAPH.match(line) or (not wrapped and not _continues_line(stripped)
                                                   and not _wrapped_body(cur))):
            out.append((start, " ".join(cur)))
            cur = []
        if not cur:
            start = i
        cur.append(LIST_DASH.sub("", stripped))
    if cur:
        out.append((start, " ".join(cur)))
    return out


def _continues_line(line: str) -> bool:
    """In long-line text a line break ends the paragraph, unless the line goes on with a small letter or a date."""
    return line[:1].islower() or bool(DATE_START.match(line))


def _wrapped_body(cur: list[str]) -> bool:
    """A numbered or lead paragraph whose line stops without punctuation goes on in the next line: drafters wrap
    "… the item entitled" before "“Countering the threat …”". Heading lines, which also end without
    punctuation, start neither with a number nor with an italic lead."""
    return cur[-1][-1:].isalnum() and bool(NEW_PARAGRAPH.match(cur[0]) or BODY_LEAD.match(cur[0]))



def _split_glued(raw: str) -> list[str]:
    """Blocks of a heading that a converter glued together with bold markers ("devices**Resolution …")."""
    if not GLUED_BLOCKS.search(raw):
        return [raw]
    pieces = []
    for piece in GLUED_BLOCKS.split(raw):
        piece = piece.strip()
        if piece.count("*") % 2:
            piece = "*" + piece if piece.endswith("*") else piece + "*"
        if piece.strip("* "):
            pieces.append(piece)
    return pieces


def _inline(raw: str, line_no: int) -> Paragraph | None:
    runs: list[Run] = []
    marks: list[Mark] = []
    buf: list[str] = []
    italic = False
    pos = 0
    footnote_key = None
    skip_blanks = False  # after a footnote's own number: the blanks before its text
    checked = 0  # items of buf known to be blank

    def blank_start() -> bool:
        """Nothing but blanks before this point of the paragraph (buf is checked from where the last call
        stopped, not joined again at every mark)."""
        nonlocal checked
        if pos:
            return False
        while checked < len(buf):
            if buf[checked].strip():
                return False
            checked += 1
        return True

    def flush():
        nonlocal pos
        if buf:
            chunk = "".join(buf)
            runs.append(Run(text=chunk, italic=italic))
            pos += len(chunk)
            buf.clear()

    for kind, value in inline.pieces(raw):
        if kind == inline.TEXT or kind == inline.PLACEHOLDER:
            if skip_blanks:
                value = value.lstrip(" ")
            if value:
                buf.append(value)
        elif kind == inline.ITALIC:
            flush()
            italic = value
        elif kind == inline.BOLD:  # bold is not kept, but ends a run as Word's would
            flush()
        elif kind == inline.SUP:
            if footnote_key is None and not marks and blank_start():
                footnote_key = value
                buf.clear()
                skip_blanks = True
                continue
            flush()
            marks.append(Mark(offset=pos, key=value, typed=True))
        else:  # inline.STARS
            stars, blank_before, blank_after = value
            # A star that opens and closes nothing is a footnote mark: "Uganda:* draft" or "* On behalf of".
            if footnote_key is None and blank_after and blank_start():
                footnote_key = "*"
                buf.clear()
            elif not blank_before:
                flush()
                marks.append(Mark(offset=pos, key="*", typed=True))
            else:
                buf.append("*" * stars)
        skip_blanks = False
    flush()
    text = "".join(r.text for r in runs)
    if not text.strip() and footnote_key is None:
        return None
    # Leading and trailing blanks are not part of the paragraph.
    lead = len(text) - len(text.lstrip())
    if lead:
        runs = slice_runs(runs, lead)
        for m in marks:
            m.offset = max(0, m.offset - lead)
    text = "".join(r.text for r in runs)
    stripped = text.rstrip()
    if len(stripped) < len(text):
        runs = slice_runs(runs, 0, len(stripped))
        for m in marks:
            m.offset = min(m.offset, len(stripped))
    return Paragraph(runs=runs, marks=marks, line=line_no, footnote_key=footnote_key)


def _attach_comments(paragraphs: list[Paragraph], comment_lines: dict[int, list[str]]) -> None:
    """An HTML comment belongs to the paragraph it stands in or, on its own line, to the next one."""
    if not comment_lines:
        return
    starts = [p.line for p in paragraphs]  # in order: found by bisection, not by a pass per comment
    for line, ids in comment_lines.items():
        k = bisect_right(starts, line)
        target = k - 1 if k else None
        after = k if k < len(starts) else None
        if target is None or (after is not None and _gap_before(paragraphs, target, line)):
            target = after
        if target is not None:
            paragraphs[target].comments.extend(ids)


def _gap_before(paragraphs: list[Paragraph], k: int, line: int) -> bool:
    """Whether `line` comes after the end of paragraph k (so the comment stands alone before the next)."""
    p = paragraphs[k]
    return (p.line or 0) + p.text.count("\n") < line and k + 1 < len(paragraphs)


def _plain_footnotes(paragraphs: list[Paragraph]) -> None:
    """Footnotes typed with plain numbers ("1 See resolution …"), and their glued marks, in a copy from PDF."""
    expected = 1
    found: set[str] = set()
    for p in paragraphs:
        if p.footnote_key is not None:
            if p.footnote_key.isdigit():
                expected = max(expected, int(p.footnote_key) + 1)
            continue
        m = PLAIN_FOOTNOTE.match(p.text)
        if m and int(m.group("n")) == expected and not p.marks:
            p.footnote_key = m.group("n")
            cut = m.end()
            p.runs = slice_runs(p.runs, cut)
            p.text = p.text[cut:]
            found.add(p.footnote_key)
            expected += 1
    if not found:
        return
    next_mark, seen = 1, set()
    for p in paragraphs:
        if p.footnote_key is not None:
            continue
        for m in GLUED_MARK.finditer(p.text):
            key = m.group("n") or m.group("s")
            if key not in found or (int(key) != next_mark and key not in seen):
                continue
            seen.add(key)
            next_mark = max(next_mark, int(key) + 1)
            p.marks.append(Mark(offset=m.start(), key=key, typed=True))
        if p.marks:
            _remove_mark_digits(p)


def _remove_mark_digits(p: Paragraph) -> None:
    """Take glued mark digits out of the text, keeping run boundaries and mark offsets right."""
    cuts = []  # (start, end) of the digits, plus a preceding space for the "73/67, 13 including" form
    for m in sorted(p.marks, key=lambda m: m.offset):
        if m.offset < len(p.text) and p.text[m.offset:m.offset + len(m.key)] == m.key:
            start = m.offset - 1 if m.offset and p.text[m.offset - 1] == " " and p.text[m.offset - 2:m.offset - 1] in ",;:" else m.offset
            cuts.append((start, m.offset + len(m.key), m))
    removed = 0
    chars = list(p.text)
    keep = [True] * len(chars)
    for start, end, mark in cuts:
        for k in range(start, end):
            keep[k] = False
        mark.offset = start - removed
        removed += end - start
    runs, pos = [], 0
    for r in p.runs:
        piece = "".join(ch for k, ch in enumerate(r.text, pos) if keep[k])
        pos += len(r.text)
        if piece:
            runs.append(Run(text=piece, italic=r.italic))
    p.runs = runs
    p.text = "".join(r.text for r in runs)
    p.marks.sort(key=lambda m: m.offset)


def _join_page_splits(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A body paragraph cut by a page break (footnotes and page furniture in between) is one paragraph again."""
    out: list[list[Paragraph]] = []  # the parts of each paragraph, joined once at the end
    last_body: int | None = None
    in_body = False
    for p in paragraphs:
        if p.footnote_key is not None:
            out.append([p])
            continue
        if in_body and last_body is not None and _continues(out[last_body], p):
            out[last_body].append(p)
            continue
        if OPENING.match(p.text.strip()):
            in_body = True
        out.append([p])
        last_body = len(out) - 1
    return [join_all(parts, " ") for parts in out]


def _continues(parts: list[Paragraph], p: Paragraph) -> bool:
    """Whether `p` goes on with the paragraph made of `parts` (joined with spaces)."""
    first = p.text.lstrip()[:1]
    if not first or NEW_PARAGRAPH.match(p.text) or re.match(r"(?:\d{1,3}[.)]|[a-z]{1,4}\.)\s", p.text):
        return False
    if first.islower():
        return True
    # Read from the last parts only: the whole, joined again for each part, made this quadratic. (A last part
    # of nothing but closing quotes leaves a tail ending in the space between parts: no punctuation either way.)
    tail = parts[-1].text.rstrip().rstrip("”\"’)")
    starts_italic = bool(p.runs) and p.runs[0].italic
    return _longer_than(parts, 150) and not tail.endswith((".", ",", ";", ":")) and not starts_italic


def _longer_than(parts: list[Paragraph], n: int) -> bool:
    """Whether the parts joined with spaces are longer than n characters, reading at most n of them."""
    total = -1
    for q in reversed(parts):
        total += len(q.text) + 1
        if total > n:
            return True
    return False
