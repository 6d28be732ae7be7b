"""Document symbols and citations: well-formed symbols (“A/77/385”, “S/RES/2365 (2017)”), Security Council
resolutions cited with their year (CIT-02), and “Ibid.” in footnotes (FN-08)."""
from __future__ import annotations

import re

from draftlint.model.citations import cited_in, cited_lists
from draftlint.lint.rule import DRAFT_HEAD, Rule

D = DRAFT_HEAD
LAST = "\n\n2. *Decides* to remain seized of the matter."

SYMBOL = Rule(
    "references.symbol", "references", "warning",
    summary="A document symbol is written as issued: capitals, single slashes, no spaces (“A/77/385”, "
            "“A/C.1/77/L.23/Rev.1”, “S/RES/2365 (2017)”).",
    why="A symbol is an identifier: the Official Document System and undocs.org find “A/77/385” but not "
        "“A/ 77/385” or “a/77/385”. Only Rev., Corr., Add. and Amend. are written with a capital and small letters.",
    wrong=D + "1. *Takes note* of the report of the Secretary-General;¹" + LAST + "\n\n¹ A/ 77/385.",
    right=D + "1. *Takes note* of the report of the Secretary-General;¹" + LAST + "\n\n¹ A/77/385.",
)
SC_YEAR = Rule(
    "references.sc-year", "references", "error",
    summary="A Security Council resolution is cited with its year in parentheses: “resolution 2370 (2017)”. "
            "(A bare four-digit number after “resolution” whose owner is not clear is a warning.)",
    why="Security Council resolutions are numbered in one series across the years and are always cited with the "
        "year of adoption (UN Dag Hammarskjöld Library, citing Security Council resolutions; conventions CIT-02).",
    wrong=D + "1. *Recalls* Security Council resolution 2370 on preventing terrorists from acquiring weapons;" + LAST,
    right=D + "1. *Recalls* Security Council resolution 2370 (2017) on preventing terrorists from acquiring weapons;"
        + LAST,
)
IBID = Rule(
    "references.ibid", "references", "error",
    summary="“Ibid.” repeats the source of the footnote just before it, so it cannot stand in the first footnote, "
            "and the footnote before it cites exactly one source.",
    why="“Ibid.” (“in the same place”) points at the preceding footnote. In footnote 1 it points at nothing; after "
        "a footnote that lists several documents the reader cannot tell which one is meant (conventions FN-08). "
        "Footnotes are renumbered when paragraphs move, which is how a stale “Ibid.” arises.",
    wrong=D + "1. *Calls upon* States to become parties to the Convention;¹" + LAST
        + "\n\n¹ *Ibid.*, vol. 2399, No. 22495.",
    right=D + "1. *Calls upon* States to become parties to the Convention¹ and its Protocol;²" + LAST
        + "\n\n¹ United Nations, *Treaty Series*, vol. 2048, No. 22495.\n\n² *Ibid.*, vol. 2399, No. 22495.",
)
RULES = [SYMBOL, SC_YEAR, IBID]

# --- document symbols -------------------------------------------------------------------------------------
SEG = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*(?:\(\d+\))?"
CANDIDATE = re.compile(rf"(?<![\w/.\-@:])(?P<sym>[A-Za-z]{{1,8}}(?:\.[A-Za-z0-9]+)*(?:[ \u00a0]?/{{1,3}}[ \u00a0]?{SEG})+)")
NUMERIC_SEG = re.compile(r"^(?:(?:ES|S)-)?\d+$", re.I)
SERIES_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.")  # a symbol's first part
CAPITALIZED = {"rev": "Rev", "corr": "Corr", "add": "Add", "amend": "Amend", "sub": "Sub", "summary": "Summary"}
MAIN_SERIES = {"A", "S", "E"}


def _fix_segment(seg: str, series: str) -> str:
    m = re.match(r"[A-Za-z]+", seg)
    if not m:
        return seg
    alpha, rest = m.group(0), seg[m.end():]
    low = alpha.lower()
    if low in CAPITALIZED:
        return seg if alpha in (CAPITALIZED[low], alpha.upper()) else CAPITALIZED[low] + rest
    if low == "res" and series.upper() not in MAIN_SERIES and alpha == "Res":
        return seg  # UNEP/EA.5/Res.14
    if alpha.islower() or (series.upper() in MAIN_SERIES and alpha != alpha.upper()):
        return seg.upper()
    return seg


def _candidates(text: str):
    """CANDIDATE.finditer(text), tried only where a symbol can start: each has a slash, and before its first slash
    only a series ("A", "UNEP", "E.CN") and perhaps a space; where that begins is the one place a candidate with that
    slash can start, as CANDIDATE's look-behind excludes a start inside it. (finditer would try the look-behind and
    the series at every letter of the paragraph.)"""
    pos = 0
    while (slash := text.find("/", pos)) >= 0:
        start = slash
        if start > pos and text[start - 1] in " \u00a0":
            start -= 1
        while start > pos and text[start - 1] in SERIES_CHARS:
            start -= 1
        m = CANDIDATE.match(text, start)
        if m is None:
            pos = slash + 1
            continue
        yield m
        pos = m.end()


def symbol_faults(text: str):
    """(symbol as written, corrected symbol, what is wrong) for each malformed document symbol."""
    for m in _candidates(text):
        written = m.group("sym")
        parts = re.split(r"[ \u00a0]?/+[ \u00a0]?", written)
        series = parts[0]
        if not any(NUMERIC_SEG.match(p) for p in parts[1:]):
            continue
        if not (series.isupper() or series.split(".")[0].isupper()):
            if series.lower() not in ("a", "s", "e"):
                continue  # a word or an address, not a symbol
        faults = []
        if re.search(r"[ \u00a0]/|/[ \u00a0]", written):
            faults.append("no spaces inside a symbol")
        if "//" in written:
            faults.append("a single slash between its parts")
        fixed_parts = [series.upper() if series.lower() in ("a", "s", "e") else series]
        fixed_parts += [_fix_segment(p, series) for p in parts[1:]]
        if fixed_parts != parts:
            faults.append("capitals as issued")
        if faults:
            yield written, "/".join(fixed_parts), faults


# --- Security Council resolutions without their year ---------------------------------------------------------
def missing_years(text: str, security_council: bool, lists=None):
    """(number, council) for each resolution number cited without a year or session; `council` when it is
    known to be a Security Council resolution (“Security Council resolution 2370”, a Council text, or a list
    whose other items carry their year). `lists`: cited_lists(text), when the caller has it."""
    for lst in cited_lists(text) if lists is None else lists:
        if lst.decision:
            continue
        council = (security_council or "Security Council" in text[max(0, lst.start - 20):lst.start]
                   or any(i.kind == "sc" for i in lst.items))
        for item in lst.items:
            if item.kind == "bare" and (len(item.symbol) == 4 or council):
                yield item.symbol, council


# --- Ibid. ----------------------------------------------------------------------------------------------------
# The Ibid. that repeats the previous footnote opens the note ("Ibid., vol. 2399", "See ibid."); one inside a
# note ("…; and ibid., Supplement No. 13A") repeats the reference before it in the same note.
OPENING_IBID = re.compile(r"(?:See[ \u00a0]+)?\*?[Ii]bid\b\.?")
SOURCE = re.compile(
    rf"(?<![\w/.\-])[A-Z]{{1,8}}(?:\.[A-Za-z0-9]+)*(?:/{SEG})+"  # a document symbol
    r"|(?<![\d/])\d{1,4}/\d{1,4}(?![\d/])"  # a General Assembly resolution
    r"|\b\d{1,4} \(\d{4}\)"  # a Security Council resolution
)
PARENS = re.compile(r"\([^()]*\)")
# A corrigendum, addendum or revision is part of the document it amends: "A/ES-10/273 and A/ES-10/273/Corr.1"
# is one source.
PART = re.compile(r"/(?:Corr|Add|Rev|Amend)\.\d+$")


def _several(text: str) -> bool:
    """Whether a footnote cites several sources (“See resolution 69/51, A/71/187 and …”, “A; B”), so that an
    Ibid. after it is ambiguous. One publication counts once however it is given: "Official Records …,
    Supplement No. 53A and corrigenda (A/69/53/Add.1, A/69/53/Add.1/Corr.1 …)" names its issues in parentheses,
    and "…; ibid., Seventieth Session …" goes on in the same publication."""
    if OPENING_IBID.match(text.strip()):
        return False  # an Ibid. chain: the source is that of the footnote it repeats
    entries = [e for k, e in enumerate(re.split(r";\s*(?:and\s+)?", text))
               if k == 0 or not OPENING_IBID.match(e.strip())]
    if len(entries) > 1:
        return True
    bare = text
    while "(" in bare and PARENS.search(bare):
        bare = PARENS.sub("", bare)
    roots = set()
    for symbol in SOURCE.findall(bare):
        while PART.search(symbol):
            symbol = PART.sub("", symbol)
        roots.add(symbol)
    return len(roots) >= 2 and (" and " in bare or "," in bare)


def _ibid(res):
    by_number = {e.number: e for e in res.footnotes if e.footnote is not None}
    numbered = [e for e in res.footnotes if e.footnote is not None and e.number.isdigit()]
    first = min((int(e.number) for e in numbered), default=None)
    for entry in numbered:
        text = entry.footnote.text
        m = OPENING_IBID.match(text.strip()) if "bid" in text else None
        if not m:
            continue
        n = int(entry.number)
        if n == first and n == 1:
            yield IBID.at(entry, "“Ibid.” in the first footnote repeats nothing; give the full reference",
                          match=m.group(0))
            continue
        prev = by_number.get(str(n - 1))
        if prev is None:
            continue
        if _several(prev.footnote.text):
            yield IBID.at(entry, f"“Ibid.” follows footnote {prev.number}, which cites several sources; repeat the "
                                 "reference in full", severity="warning", match=m.group(0))


def check(res):
    sc = res.security_council
    targets = [(node, node.text) for node in res.nodes]
    targets += [(e, e.footnote.text) for e in res.footnotes if e.footnote is not None]
    for target, text in targets:
        if "/" in text:  # every symbol has one; most paragraphs have none
            for written, fixed, faults in symbol_faults(text):
                yield SYMBOL.at(target, f"the symbol “{written}” is malformed ({', '.join(faults)}); write “{fixed}”",
                                match=written)
        if getattr(target, "kind", None) == "heading":
            continue
        lists = cited_in(res, text)
        for number, council in missing_years(text, sc, lists) if lists else ():
            if council:
                yield SC_YEAR.at(target, f"Security Council resolution {number} is cited without its year; write "
                                         f"“{number} (<year>)”", match=number)
            else:
                yield SC_YEAR.at(target, f"resolution {number} is cited without its year or session; a Security "
                                         f"Council resolution is cited “Security Council resolution {number} (<year>)”",
                                 severity="warning", match=number)
    yield from _ibid(res)
