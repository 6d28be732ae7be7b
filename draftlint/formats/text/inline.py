"""The inline markup of the text format (docs/text-drafts.md), read in one place: Markdown links (their text
kept), backslash escapes, *italics* and **bold** by the star rules, superscript footnote marks, lone stars,
placeholders ([..], [Name]) and, for the .docx builder, CriticMarkup. The reader (read.py) and the builder (formats/docx/build.py) both take the
typed pieces of `pieces`; each decides what a piece becomes (a run, a footnote mark, a Word revision).

Every step is linear in the text: the last closing star is found once, not searched again from each star,
and the closer of a change is found by markup.Finder (a regex such as \\{\\+\\+(.*?)\\+\\+\\} is quadratic
on a text of unclosed openers)."""
from __future__ import annotations

import re

from draftlint.formats.text.markup import Finder, strip_links
from draftlint.model.patterns import FROM_SUPERSCRIPT, SUPERSCRIPTS

# The kinds of piece; each piece is (kind, value).
TEXT = "text"  # value: the characters, escapes resolved
ITALIC = "italic"  # value: True where italics start, False where they end
BOLD = "bold"  # the same for bold
SUP = "sup"  # a superscript number: value, its digits ("12")
STARS = "stars"  # stars that open and close nothing: (how many, blank before, blank after)
PLACEHOLDER = "placeholder"  # value: "[..]", "[…]", "[Name]", a blank the drafter fills in
INSERTED = "inserted"  # {++ … ++}: True where the insertion starts, False where it ends (pieces between)
DELETED = "deleted"  # {-- … --}: value, the deleted text as typed
COMMENT = "comment"  # {>> … <<}: value, the comment

ESCAPABLE = frozenset("\\`*_{}[]()#+-.!<>")
PLACEHOLDER_RE = re.compile(r"\[(?:\.{2,}|…|[A-Z][A-Za-z ]{0,24})\]")
CLOSING_STAR = re.compile(r"(?<=\S)\*")
CLOSING_STARS = re.compile(r"(?<=\S)(?=\*\*)")
_SPECIAL = re.compile(rf"[\\*\[{SUPERSCRIPTS}]")
_SPECIAL_OR_CHANGE = re.compile(rf"[\\*\[{{{SUPERSCRIPTS}]")
# The changes the builder writes as Word revisions, with their closers.
CHANGES = {"{++": ("++}", INSERTED), "{--": ("--}", DELETED), "{>>": ("<<}", COMMENT)}


def pieces(raw: str, changes: bool = False):
    """The typed pieces of one paragraph of the text format. `changes`: CriticMarkup is read as changes
    (the builder); the reader has accepted every change in the whole text before (markup.accept_changes)."""
    raw = strip_links(raw)
    n = len(raw)
    # Whether a star that opens italics (or bold) is closed later in the paragraph: the last closing star is
    # found once, since a search of the rest from every star is quadratic in a paragraph full of stars.
    last_close = max((m.start() for m in CLOSING_STAR.finditer(raw)), default=-1) if "*" in raw else -1
    last_close2 = max((m.start() for m in CLOSING_STARS.finditer(raw)), default=-1) if "**" in raw else -1
    special = _SPECIAL_OR_CHANGE if changes else _SPECIAL
    finders = {opener: Finder(raw, closer) for opener, (closer, _) in CHANGES.items()} if changes else {}
    italic = bold = False
    end = n  # the end of the insertion being read, else of the text
    i = 0
    while i < n:
        if i == end:  # the closer of an insertion
            yield INSERTED, False
            i, end = end + 3, n
            continue
        m = special.search(raw, i, end)
        stop = m.start() if m else end
        if stop > i:
            yield TEXT, raw[i:stop]
            i = stop
            continue
        c = raw[i]
        if c == "\\":
            if i + 1 < end and raw[i + 1] in ESCAPABLE:
                yield TEXT, raw[i + 1]
                i += 2
            else:
                yield TEXT, c
                i += 1
        elif c == "*":
            j = i
            while j < end and raw[j] == "*":
                j += 1
            stars = j - i
            prev = raw[i - 1] if i else " "
            nxt = raw[j] if j < n else " "
            if not prev.isspace():
                if stars >= 2 and bold:
                    yield BOLD, False
                    bold = False
                    stars -= 2
                if stars and italic:
                    yield ITALIC, False
                    italic = False
                    stars -= 1
            if stars and not nxt.isspace():
                if stars >= 2 and not bold and last_close2 > j:
                    yield BOLD, True
                    bold = True
                    stars -= 2
                if stars and not italic and last_close > j:
                    yield ITALIC, True
                    italic = True
                    stars -= 1
            if stars:
                yield STARS, (stars, prev.isspace(), nxt.isspace())
            i = j
        elif c == "[":
            p = PLACEHOLDER_RE.match(raw, i, end)
            if p:
                yield PLACEHOLDER, p.group(0)
                i = p.end()
            else:
                yield TEXT, c
                i += 1
        elif c == "{":
            opener = raw[i:i + 3]
            closer, kind = CHANGES.get(opener, (None, None))
            e = finders[opener].at_or_after(i + 3) if closer else -1
            if e < 0 or e + 3 > end or (kind == INSERTED and end < n):  # no change here (none nested in another)
                yield TEXT, c
                i += 1
            elif kind == INSERTED:
                yield INSERTED, True
                i, end = i + 3, e
            else:
                yield kind, raw[i + 3:e]
                i = e + 3
        else:  # a superscript number
            j = i
            while j < end and raw[j] in SUPERSCRIPTS:
                j += 1
            yield SUP, raw[i:j].translate(FROM_SUPERSCRIPT)
            i = j
