"""The inline markup of text drafts that has an opener and a closer: HTML comments, CriticMarkup and
Markdown links, each found by one pass over the text.

A regex such as <!--(.*?)--> looks for the closer again from every opener, so a text of 40,000 unclosed
openers takes minutes. Here the closer found for one opener serves every opener before it: a closer
found at position p is also the first one after any earlier position that is past the previous search."""
from __future__ import annotations

import re


class Finder:
    """text.find(needle, start) for starts that only grow, each part of the text searched once."""

    __slots__ = ("text", "needle", "searched_from", "found")

    def __init__(self, text: str, needle: str):
        self.text, self.needle = text, needle
        self.searched_from, self.found = 0, -2  # -2: not searched yet

    def at_or_after(self, start: int) -> int:
        if self.found == -1 or (self.found >= start and self.searched_from <= start):
            return self.found
        self.searched_from, self.found = start, self.text.find(self.needle, start)
        return self.found


def html_comments(text: str, keep) -> str:
    """The text without its <!-- comments -->, each given to keep(comment, line it starts on) and replaced
    by its line breaks; an unclosed <!-- stays as it is."""
    if "<!--" not in text:
        return text
    out, i, line = [], 0, 1
    closer = Finder(text, "-->")
    while True:
        s = text.find("<!--", i)
        if s < 0:
            break
        e = closer.at_or_after(s + 4)
        if e < 0:
            break  # no comment after this one can close either
        line += text.count("\n", i, s)
        body = text[s + 4:e]
        keep(body, line)
        breaks = body.count("\n")
        out += [text[i:s], "\n" * breaks]
        line += breaks
        i = e + 3
    out.append(text[i:])
    return "".join(out)


# CriticMarkup: what each change becomes when it is accepted. {~~old~>new~~} is handled apart.
_CRITIC = {"{--": ("--}", lambda body: "\n" * body.count("\n")),
           "{++": ("++}", lambda body: body),
           "{==": ("==}", lambda body: body),
           "{>>": ("<<}", lambda body: "\n" * body.count("\n"))}


def accept_changes(text: str) -> str:
    """The text with every CriticMarkup change accepted: deletions and comments leave only their line
    breaks, insertions and highlights their text, a substitution its new text."""
    if "{" not in text:
        return text
    finders = {opener: Finder(text, closer) for opener, (closer, _) in _CRITIC.items()}
    arrow, sub_end = Finder(text, "~>"), Finder(text, "~~}")
    out, i, pos = [], 0, 0
    while True:
        s = text.find("{", pos)
        if s < 0:
            break
        opener = text[s:s + 3]
        pos = s + 1
        if opener in finders:
            e = finders[opener].at_or_after(s + 3)
            if e < 0:
                continue
            out += [text[i:s], _CRITIC[opener][1](text[s + 3:e])]
            i = pos = e + 3
        elif opener == "{~~":
            a = arrow.at_or_after(s + 3)
            e = sub_end.at_or_after(a + 2) if a >= 0 else -1
            if e < 0:
                continue
            old, new = text[s + 3:a], text[a + 2:e]
            out += [text[i:s], new + "\n" * old.count("\n")]
            i = pos = e + 3
    out.append(text[i:])
    return "".join(out)


_LINK_TEXT = re.compile(r"(?:[^\]\\]|\\.)*")
_LINK_TARGET = re.compile(r"\((?:[^()\\\s]|\\.)*\)")


def strip_links(raw: str) -> str:
    """[text](target) becomes text, as the regex \\[((?:[^\\]\\\\]|\\\\.)*)\\]\\((?:[^()\\\\\\s]|\\\\.)*\\) would
    replace it. The text of a link ends at the first "]" not escaped, the same for every "[" before it, so
    it is looked for once for all of them."""
    if "[" not in raw:
        return raw
    out, i, pos = [], 0, 0
    scanned = target_end = -1  # where the last scan for "]" stopped; the end of its link, or -1
    while True:
        s = raw.find("[", pos)
        if s < 0:
            break
        pos = s + 1
        if s >= scanned:
            scanned = _LINK_TEXT.match(raw, s + 1).end()
            m = _LINK_TARGET.match(raw, scanned + 1) if raw[scanned:scanned + 1] == "]" else None
            target_end = m.end() if m else -1
        if target_end < 0:
            continue
        out += [raw[i:s], raw[s + 1:scanned]]
        i = pos = target_end
        scanned = target_end = -1
    out.append(raw[i:])
    return "".join(out)
