"""Tracked changes: w:ins, w:del and w:rPrChange with the author, the date and ids unique in the document."""
from __future__ import annotations

import copy
import re
from datetime import datetime, timezone

from lxml import etree

from draftlint.formats.docx.names import (AUTHOR, DATE, DEL, DELINSTR, DELTEXT, ID, INS, INSTR, RPR, RPR_ORDER,
                                  RPRCHANGE, T, insert_ordered, w)

REVISION_TAGS = tuple(w(t) for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange",
                                      "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange",
                                      "tblPrExChange", "numberingChange"))
_ID_ATTR = re.compile(rb':id="(-?\d+)"')  # any prefix; relationship ids (rId5) never match


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Revisions:
    """Stamps new revision marks; ids continue after the highest w:id anywhere in the word/ parts, so that no
    id of a change, comment or bookmark is used twice."""

    def __init__(self, parts, author: str, date: str | None = None):
        self.author = author
        self.date = date or utc_now()
        top = 0
        for name, data in parts.data.items():
            if name.startswith("word/") and name.endswith(".xml"):
                top = max([top] + [int(m) for m in _ID_ATTR.findall(data)])
        self._next = top + 1

    def new_id(self) -> str:
        n = self._next
        self._next += 1
        return str(n)

    def stamp(self, el, author: str | None = None):
        el.set(ID, self.new_id())
        el.set(AUTHOR, author or self.author)
        el.set(DATE, self.date)
        return el

    def inserted(self, run):
        """`run` wrapped in a new w:ins, which takes its place."""
        ins = self.stamp(etree.Element(INS))
        run.addprevious(ins)
        ins.append(run)
        return ins

    def deleted(self, runs: list) -> list:
        """The runs (in document order) marked deleted: neighbours under one parent share one w:del."""
        wrappers = []
        current = None
        for run in runs:
            if current is not None and current.getnext() is run:
                current.append(run)
                continue
            current = self.stamp(etree.Element(DEL))
            run.addprevious(current)
            current.append(run)
            wrappers.append(current)
        for wrapper in wrappers:
            for el in wrapper.iter(T, INSTR):
                el.tag = DELTEXT if el.tag == T else DELINSTR
        return wrappers

    def format_changed(self, run, rpr_before) -> None:
        """Record the run's properties as they were before a change, unless an earlier change already holds
        the original ones."""
        rpr = run.find(RPR)
        if rpr is None or rpr.find(RPRCHANGE) is not None:
            return
        change = self.stamp(etree.Element(RPRCHANGE))
        old = etree.SubElement(change, RPR)
        if rpr_before is not None:
            for el in rpr_before:
                if el.tag != RPRCHANGE:
                    old.append(copy.deepcopy(el))
        insert_ordered(rpr, change, RPR_ORDER)


    def renumber_duplicates(self, root) -> None:
        """Give a fresh id to every revision mark whose id an earlier one already has.

        Cutting a run copies its w:rPrChange, and cutting a w:ins copies the insertion; each copy is a change
        of its own for Word, which wants one id per change."""
        seen: set[str] = set()
        for el in root.iter(REVISION_TAGS):
            cid = el.get(ID)
            if cid in seen:
                el.set(ID, self.new_id())
            else:
                seen.add(cid)


def split_revision(container, k: int, revisions: Revisions):
    """Cut a w:ins before its k-th child; the second half is a new w:ins with the same author and date."""
    rest = etree.Element(container.tag, dict(container.attrib))
    rest.set(ID, revisions.new_id())
    for child in list(container)[k:]:
        rest.append(child)
    container.addnext(rest)
    return rest


def lift(parent, k: int, revisions: Revisions):
    """A place equal to "before parent[k]" that is not inside a tracked insertion.

    New text put inside someone's w:ins would count as theirs; splitting the insertion keeps each change
    with its own author."""
    while parent.tag == INS:
        outer = parent.getparent()
        at = outer.index(parent)
        if k == 0:
            k = at
        elif k >= len(parent):
            k = at + 1
        else:
            split_revision(parent, k, revisions)
            k = at + 1
        parent = outer
    return parent, k
