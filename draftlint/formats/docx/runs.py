"""Cutting runs at character offsets while each piece keeps the run's formatting."""
from __future__ import annotations

import copy

from lxml import etree

from draftlint.formats.docx.names import BR, RPR, RPRCHANGE, T, TAB, XML_SPACE, R


def split_text(t, at: int):
    """Cut the w:t `t` before character `at`; returns the new w:t that holds the rest."""
    text = t.text or ""
    rest = copy.copy(t)
    rest.tail = None
    rest.text = text[at:]
    t.text = text[:at]
    for el in (t, rest):
        el.set(XML_SPACE, "preserve")  # a cut can leave a space at either edge
    t.addnext(rest)
    return rest


def empty_like(run):
    """A run with `run`'s attributes and a copy of its properties, and no content."""
    new = etree.Element(run.tag, dict(run.attrib))
    rpr = run.find(RPR)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    return new


def regroup(run, inside) -> list[tuple[object, bool]]:
    """Split `run` so that the content children for which `inside(child)` holds sit in runs of their own.

    Returns the resulting runs in order, each with the predicate's value for its content."""
    content = [c for c in run if c.tag != RPR]
    groups: list[tuple[bool, list]] = []
    for c in content:
        flag = bool(inside(c))
        if groups and groups[-1][0] == flag:
            groups[-1][1].append(c)
        else:
            groups.append((flag, [c]))
    if len(groups) <= 1:
        return [(run, groups[0][0] if groups else False)]
    out = [(run, groups[0][0])]
    anchor = run
    for flag, children in groups[1:]:
        new = empty_like(run)
        for c in children:
            new.append(c)
        anchor.addnext(new)
        anchor = new
        out.append((new, flag))
    return out


def split_after(run, child):
    """Split `run` after its content child `child`; the run that follows it (or None) is returned."""
    content = [c for c in run if c.tag != RPR]
    k = content.index(child)
    if k == len(content) - 1:
        return None
    parts = regroup(run, lambda c: content.index(c) <= k)
    return parts[1][0]


def split_before(run, child):
    """Split `run` before its content child `child`; returns the run that starts with `child`."""
    content = [c for c in run if c.tag != RPR]
    k = content.index(child)
    if k == 0:
        return run
    parts = regroup(run, lambda c: content.index(c) >= k)
    return parts[1][0]


def new_run(text: str, rpr=None):
    """A run holding `text` (tabs and line breaks as w:tab and w:br), with a copy of the properties `rpr`.

    A tracked formatting change belongs to the text it was made on, so the copy drops it."""
    r = etree.Element(R)
    if rpr is not None:
        props = copy.deepcopy(rpr)
        for change in props.findall(RPRCHANGE):
            props.remove(change)
        if len(props):
            r.append(props)
    buf = ""
    for ch in text + "\0":
        if ch in "\t\n\0":
            if buf:
                t = etree.SubElement(r, T)
                t.text = buf
                t.set(XML_SPACE, "preserve")
                buf = ""
            if ch == "\t":
                etree.SubElement(r, TAB)
            elif ch == "\n":
                etree.SubElement(r, BR)
        else:
            buf += ch
    return r
