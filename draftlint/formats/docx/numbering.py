"""Automatic numbers as Word prints them (numbering.xml): lists, levels, starts and overrides."""
from __future__ import annotations

from draftlint.errors import InputError
from draftlint.formats.docx.limits import MAX_LEVEL, MAX_NUMBER, VAL, w
from draftlint.formats.docx.styles import Styles
from draftlint.formats.docx.walk import children
from draftlint.model.labels import letters, roman

ILVL = w("ilvl")
# What a list level says, found in one pass over its children (a level has a dozen or so).
LEVEL_TAGS = (w("start"), w("numFmt"), w("lvlText"), w("isLgl"))


def _start(value) -> int:
    """A list's start value; one no real document reaches is refused, since a label of letters or roman
    numerals grows with the number (2,000,000,000 in letters is 77 million characters)."""
    n = _int(value, 1)
    if not 0 <= n <= MAX_NUMBER:
        raise InputError(f"word/numbering.xml starts a list at {n}, beyond what a resolution numbers "
                         f"(up to {MAX_NUMBER:,})")
    return n


def _int(value, default=0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class Numbering:
    """Turns w:numPr into the number Word prints, counting through the document in order."""

    def __init__(self, root, styles: Styles):
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, dict]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[tuple[str, int]] = set()
        self._levels_of: dict[str, dict[int, dict]] = {}  # a list's levels, its overrides over its definition's
        if root is None:
            return
        links: dict[str, str] = {}
        for an in root.iterchildren(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            self.abstract[aid] = self._levels(an)
            link = an.find(w("numStyleLink"))
            if link is not None:
                links[aid] = link.get(VAL)
        style_num = {}
        for aid, style in links.items():
            num_id, _ = styles.numpr(style)
            if num_id:
                style_num[aid] = num_id
        raw_nums = {}
        for num in root.iterchildren(w("num")):
            nid = num.get(w("numId"))
            ref = num.find(w("abstractNumId"))
            raw_nums[nid] = (ref.get(VAL) if ref is not None else None, num)
        resolved: dict = {}
        for nid, (aid, num) in raw_nums.items():
            aid = self._follow(aid, style_num, raw_nums, resolved)
            starts: dict[int, int] = {}
            overrides: dict[int, dict] = {}
            for ov in num.iterchildren(w("lvlOverride")):
                lvl = _int(ov.get(w("ilvl")))
                so = ov.find(w("startOverride"))
                if so is not None:
                    starts[lvl] = _start(so.get(VAL))
                full = ov.find(w("lvl"))
                if full is not None:
                    overrides[lvl] = self._level(full)
            self.nums[nid] = (aid, starts, overrides)

    @staticmethod
    def _follow(aid, style_num: dict, raw_nums: dict, resolved: dict):
        """The list definition a numbering style link leads to, following links through numbering styles;
        each definition is resolved once (a chain of thousands stays linear) and a loop ends where it closes."""
        path, seen = [], set()
        while aid in style_num and aid not in resolved and aid not in seen:
            seen.add(aid)
            target = raw_nums.get(style_num[aid])
            if not target:
                break
            path.append(aid)
            aid = target[0]
        end = resolved.get(aid, aid)
        for a in path:
            resolved[a] = end
        return end

    @staticmethod
    def _level(lvl) -> dict:
        start, fmt, text, legal = children(lvl, LEVEL_TAGS)
        return {"start": _start(start.get(VAL, "1") if start is not None else "1"),
                "fmt": fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                "text": text.get(VAL, "") if text is not None else "",
                "legal": legal is not None}

    def _levels(self, an) -> dict[int, dict]:
        levels = {}
        for lv in an.iterchildren(w("lvl")):
            ilvl = _int(lv.get(ILVL))
            if 0 <= ilvl <= MAX_LEVEL:
                levels[ilvl] = self._level(lv)
        return levels

    def label(self, num_id: str | None, ilvl: int) -> str | None:
        """The printed number of the next paragraph in list `num_id` at level `ilvl`, or None."""
        if not num_id or num_id == "0" or num_id not in self.nums or not 0 <= ilvl <= MAX_LEVEL:
            return None
        aid, starts, overrides = self.nums[num_id]
        levels = self._levels_of.get(num_id)
        if levels is None:
            levels = self._levels_of[num_id] = {**self.abstract.get(aid, {}), **overrides}
        if ilvl not in levels:
            return None
        # Lists that share a definition count on together; a list restarted with startOverride resets the count
        # the first time it is used (Word and LibreOffice then continue it under other list ids).
        counters = self.counters.setdefault(f"a{aid}", {})
        if ilvl in starts and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = levels[ilvl]["start"]
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        lvl = levels[ilvl]
        if lvl["fmt"] == "bullet":
            return None
        text = lvl["text"]
        for k in range(ilvl + 1):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                level_k = levels.get(k, {"fmt": "decimal", "start": 1})
                n = counters.get(k, starts.get(k, level_k["start"]))
                fmt = "decimal" if lvl["legal"] else level_k["fmt"]
                text = text.replace(placeholder, format_number(n, fmt))
        return text
