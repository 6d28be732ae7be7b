"""Faulty copies of the corpus resolutions, one fault a copy, to prove draftlint still finds real mistakes.

The calibration corpus (``../shared/corpus``, see its README) holds 282 adopted resolutions, each with its ground
truth in ``spec/`` and two .docx builds: ``word/`` (typed numbers, direct italics) and ``libreoffice/``
(automatic numbering, italics through the Emphasis character style). Each builder below takes a :class:`Doc`
(one unzipped build, its paragraphs named as draftlint names them) and returns an :class:`Injected` copy with
one mistake a drafter makes, and the label of the paragraph where draftlint must report it, or None when the
text offers no place for that mistake (no dated citation, a single operative paragraph …).

Only ``word/document.xml`` (and, for automatic numbering, ``word/numbering.xml``) is edited, with lxml, the way
Word or LibreOffice would save the edit; the corpus is never written to.

    doc = Doc.load(corpus / "word" / "A_RES_78_10.docx", corpus / "spec" / "A_RES_78_10.json")
    injected = lead_in_roman(doc)
    injected.doc.save(tmp / "A_RES_78_10.docx")   # and expect a finding at injected.label

``run_text`` does the whole round for one text and build (clean copy, every fault, findings diffed against the
clean run); ``python tests/faults.py [--all] [NAME …]`` prints the detection rates and the misses.
"""
from __future__ import annotations

import copy
import functools
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DOCUMENT, NUMBERING = "word/document.xml", "word/numbering.xml"
BUILDS = ("word", "libreoffice")
SP = "[ \u00a0]"  # the corpus has plain spaces; a drafter's copy may join a date with non-breaking ones
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH_RE = "|".join(MONTHS)


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# --------------------------------------------------------------------------------------------------------------
# The document: parts, paragraphs, and the spec's names for them


@dataclass
class Slot:
    """One paragraph of the body as draftlint labels it: PP3, OP5, OP5(a), OP5(a)(i)."""
    label: str
    kind: str  # "pp", "op" or "sub"
    p: etree._Element
    spec: dict
    start: int  # where the paragraph's own words begin in text_of(p), after a typed number

    @property
    def lead(self) -> str:
        return self.spec.get("lead", "")

    @property
    def has_sub(self) -> bool:
        return bool(self.spec.get("sub"))


class Doc:
    """An unzipped .docx build of a corpus text; edits go to the parsed trees, ``save`` writes a new .docx."""

    def __init__(self, parts: dict[str, bytes], spec: dict, name: str, corpus: Path | None = None):
        self.parts, self.spec, self.name, self.corpus = parts, spec, name, corpus
        self.root = etree.fromstring(parts[DOCUMENT])
        self.numbering = etree.fromstring(parts[NUMBERING]) if NUMBERING in parts else None
        self.body = self.root.find(w("body"))
        # The LibreOffice build italicizes through a character style; an edit made there uses the same means.
        self.styled = self.root.find(f".//{w('rStyle')}[@{w('val')}='Emphasis']") is not None
        self.opening, self.slots = _map_body(self.body, spec)

    @classmethod
    def load(cls, docx: Path, spec: Path) -> "Doc":
        with zipfile.ZipFile(docx) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()}
        corpus = spec.parent.parent if spec.parent.name == "spec" else None
        return cls(parts, json.loads(spec.read_text(encoding="utf-8")), docx.stem, corpus)

    def copy(self) -> "Doc":
        """A fresh copy to put one fault in (parsed again: cheaper than a deep copy, and the slots follow)."""
        return Doc(self._parts(), self.spec, self.name, self.corpus)

    def _parts(self) -> dict[str, bytes]:
        parts = dict(self.parts)
        parts[DOCUMENT] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.numbering is not None:
            parts[NUMBERING] = etree.tostring(self.numbering, xml_declaration=True, encoding="UTF-8",
                                              standalone=True)
        return parts

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self._parts().items():  # [Content_Types].xml stays first, as Word expects
                z.writestr(name, data)
        return path

    def of_kind(self, *kinds: str) -> list[Slot]:
        return [s for s in self.slots if s.kind in kinds]


def _strip_footnotes(text: str) -> str:
    """The spec's text without its {fn:…} notes (they live in footnotes.xml; braces may nest inside)."""
    out, i = [], 0
    while True:
        j = text.find("{fn:", i)
        if j < 0:
            return "".join(out) + text[i:]
        out.append(text[i:j])
        depth, k = 0, j
        while k < len(text):
            depth += {"{": 1, "}": -1}.get(text[k], 0)
            k += 1
            if depth == 0:
                break
        i = k


def _flatten(spec: dict):
    """(label, kind, entry) in reading order, labelled as draftlint's structure labels them."""
    def subs(entries, path):
        for e in entries:
            label = f"{path}({e['label'].strip('().')})"
            yield label, "sub", e
            yield from subs(e.get("sub", []), label)

    for part, prefix in (("preamble", "PP"), ("operative", "OP")):
        for n, e in enumerate(spec[part], 1):
            yield f"{prefix}{n}", prefix.lower(), e
            yield from subs(e.get("sub", []), f"{prefix}{n}")


def _map_body(body, spec: dict):
    """The opening paragraph and a Slot for each paragraph after it, checked word for word against the spec: an
    expected label is then the one draftlint gives that paragraph, not a guess from counting."""
    paragraphs = list(body.iter(w("p")))
    texts = [text_of(p) for p in paragraphs]
    opening = next(i for i, t in enumerate(texts) if t.strip() == spec["opening"])
    slots, i = [], opening + 1
    for label, kind, e in _flatten(spec):
        want = _strip_footnotes(e.get("lead", "") + e["text"]).strip()
        typed = e.get("label", "")
        # A build may drop a typed number into the paragraph's text (Word) or print it from numPr (LibreOffice).
        start = len(typed) if typed and texts[i].startswith(typed) else 0
        if texts[i][start:].strip() != want:
            raise ValueError(f"{label}: the .docx paragraph does not read as the spec: {texts[i][:60]!r}")
        slots.append(Slot(label, kind, paragraphs[i], e, start))
        i += 1
    return paragraphs[opening], slots


# --------------------------------------------------------------------------------------------------------------
# Editing runs: text, run boundaries, italics


def _ts(p) -> list:
    return list(p.iter(w("t")))


def text_of(p) -> str:
    """The paragraph's typed characters (footnote marks and tabs are not text)."""
    return "".join(t.text or "" for t in _ts(p))


def _locate(p, offset: int):
    """(w:t, offset inside it) for a character offset of text_of(p); the w:t that starts there if one does."""
    pos = 0
    for t in _ts(p):
        n = len(t.text or "")
        if pos <= offset < pos + n:
            return t, offset - pos
        pos += n
    raise IndexError(offset)


def _split_at(p, offset: int) -> None:
    """Make a run boundary at `offset`, so formatting can change there (Word splits runs the same way)."""
    if offset >= len(text_of(p)):
        return
    t, k = _locate(p, offset)
    if k == 0:
        return
    run = t.getparent()
    tail = copy.deepcopy(run)
    run.addnext(tail)
    where = list(run).index(t)
    for el in list(run)[where + 1:]:
        run.remove(el)
    for el in list(tail)[:where]:
        if el.tag != w("rPr"):
            tail.remove(el)
    t2 = tail.find(w("t"))
    t.text, t2.text = t.text[:k], t.text[k:]
    t.set(XML_SPACE, "preserve")
    t2.set(XML_SPACE, "preserve")


def _runs_between(p, start: int, end: int) -> list:
    _split_at(p, start)
    _split_at(p, end)
    runs, pos = [], 0
    for t in _ts(p):
        n = len(t.text or "")
        if start <= pos and pos + n <= end and n:
            runs.append(t.getparent())
        pos += n
    return runs


def set_italic(doc: Doc, p, start: int, end: int, on: bool) -> None:
    """Italics on or off for characters start..end, by the means the build uses (direct w:i or Emphasis)."""
    for run in _runs_between(p, start, end):
        rpr = run.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            run.insert(0, rpr)
        for el in list(rpr):
            if el.tag in (w("i"), w("iCs")) or (el.tag == w("rStyle") and el.get(w("val")) == "Emphasis"):
                rpr.remove(el)
        if on and doc.styled:
            style = etree.Element(w("rStyle"))
            style.set(w("val"), "Emphasis")
            rpr.insert(0, style)  # rStyle comes first in rPr
        elif on:
            etree.SubElement(rpr, w("i"))


def replace_text(p, start: int, end: int, new: str) -> bool:
    """Replace characters start..end when they lie in one w:t (a span across a footnote mark is left alone)."""
    if end <= start:
        return False
    t, k = _locate(p, start)
    if k + (end - start) > len(t.text):
        return False
    t.text = t.text[:k] + new + t.text[k + end - start:]
    t.set(XML_SPACE, "preserve")
    return True


# --------------------------------------------------------------------------------------------------------------
# The faults


@dataclass
class Injected:
    doc: Doc
    label: str  # where draftlint must report the fault
    where: str  # what was changed, for a report of misses
    also: tuple[str, ...] = ()  # other labels draftlint may rightly give the same paragraph

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.also)


def _middle(items: list):
    """The candidate in the middle: a check that reads only the first paragraphs (or the first citation) must not
    pass for one that reads them all, and the same text gives the same place on every run."""
    return items[len(items) // 2] if items else None


def _lead_span(slot: Slot) -> tuple[int, int]:
    return slot.start, slot.start + len(slot.lead)


def lead_in_roman(doc: Doc) -> Injected | None:
    """The whole lead phrase of a paragraph set in roman."""
    doc = doc.copy()
    slot = _middle(doc.of_kind("pp", "op"))
    set_italic(doc, slot.p, *_lead_span(slot), on=False)
    return Injected(doc, slot.label, f"“{slot.lead}” in roman")


@functools.lru_cache(maxsize=None)
def single_word_leads(spec_dir: Path) -> frozenset[str]:
    """Words the UN prints in italics as a whole lead on their own somewhere in the corpus (“Noting”)."""
    words = set()
    for path in spec_dir.glob("*.json"):
        spec = json.loads(path.read_text(encoding="utf-8"))
        words.update(e["lead"] for e in spec["preamble"] + spec["operative"] if " " not in e["lead"].strip())
    return frozenset(words)


def half_lead(doc: Doc) -> Injected | None:
    """Only the first word of a multi-word lead in italics: “*Takes* note”, “*Also* requests”.

    Only leads whose first word never stands alone as a UN lead: “*Noting* with concern” or “*Recalling* also”
    may be read as a complete lead plus roman words (issue 14 item 2), so they would prove nothing."""
    alone = single_word_leads(doc.corpus / "spec") if doc.corpus else frozenset()
    doc = doc.copy()
    slots = [s for s in doc.of_kind("pp", "op") if " " in s.lead.strip() and s.lead.split()[0] not in alone]
    slot = _middle(slots)
    if slot is None:
        return None
    first = slot.lead.split()[0]
    start, end = _lead_span(slot)
    set_italic(doc, slot.p, start + len(first), end, on=False)
    return Injected(doc, slot.label, f"only “{first}” of “{slot.lead}” in italics")


WORDS = re.compile(r"\S+")
SPILL_WORDS = 5  # beyond any formula's usual objects (“Expresses its intention”): plainly the substance


def italics_spill(doc: Doc) -> Injected | None:
    """The italics of the lead run on over the next words of the paragraph."""
    doc = doc.copy()
    slots = []
    for s in doc.of_kind("pp", "op"):
        words = list(WORDS.finditer(text_of(s.p), _lead_span(s)[1]))
        if len(words) > SPILL_WORDS:
            slots.append((s, words[SPILL_WORDS - 1].end()))
    if not slots:
        return None
    slot, end = _middle(slots)
    set_italic(doc, slot.p, _lead_span(slot)[0], end, on=True)
    return Injected(doc, slot.label, f"italics run on into “{text_of(slot.p)[_lead_span(slot)[1]:end].strip()}”")


def _numbering(doc: Doc, shift: int, what: str) -> Injected | None:
    """From the middle operative paragraph on, every number moved by `shift` (+1 a gap, -1 a repeat)."""
    doc = doc.copy()
    ops = doc.of_kind("op")
    if len(ops) < 2:
        return None
    k = max(1, len(ops) // 2)  # index of the first renumbered paragraph: never OP1
    slot = ops[k]
    if slot.p.find(f"{w('pPr')}/{w('numPr')}") is not None:
        _restart_list(doc, slot.p, k + 1 + shift)
    else:
        for n, s in enumerate(ops[k:], k + 1):
            typed = s.spec["label"]
            replace_text(s.p, 0, len(typed), typed.replace(str(n), str(n + shift), 1))
    return Injected(doc, slot.label, f"{what}: OP{k + 1} numbered {k + 1 + shift}")


def _restart_list(doc: Doc, first, value: int) -> None:
    """LibreOffice's “Restart numbering” with a start value at `first`: a new list instance (w:num) of the same
    definition with a startOverride, which this paragraph and the rest of its list then use. This is how a gap or a
    repeat gets into an automatic list; a typed number replacing the automatic one would put in a second fault
    (a paragraph outside the list, its neighbours renumbered around it)."""
    num_id = first.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(w("val"))
    old = doc.numbering.find(f"{w('num')}[@{w('numId')}='{num_id}']")
    new_id = str(1 + max(int(n.get(w("numId"))) for n in doc.numbering.iter(w("num"))))
    num = etree.SubElement(doc.numbering, w("num"))
    num.set(w("numId"), new_id)
    etree.SubElement(num, w("abstractNumId")).set(w("val"), old.find(w("abstractNumId")).get(w("val")))
    override = etree.SubElement(num, w("lvlOverride"))
    override.set(w("ilvl"), "0")
    etree.SubElement(override, w("startOverride")).set(w("val"), str(value))
    paragraphs = list(doc.body.iter(w("p")))
    for p in paragraphs[paragraphs.index(first):]:
        ref = p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        if ref is not None and ref.get(w("val")) == num_id:
            ref.set(w("val"), new_id)


def numbering_gap(doc: Doc) -> Injected | None:
    """A paragraph deleted without renumbering: 1, 2, 3, 5, 6 …"""
    return _numbering(doc, +1, "gap")


def numbering_repeat(doc: Doc) -> Injected | None:
    """A paragraph added without renumbering: 1, 2, 3, 3, 4 …"""
    return _numbering(doc, -1, "repeat")


def pp_after_op1(doc: Doc) -> Injected | None:
    """A preambular paragraph (one without sub-paragraphs) moved to just after OP1 and OP1's sub-paragraphs.

    draftlint counts preambular paragraphs in reading order, so the moved one is the last PP; if it takes it for an
    unnumbered operative paragraph instead, it names it OP2."""
    doc = doc.copy()
    pps = doc.of_kind("pp")
    slot = _middle([s for s in pps if not s.has_sub])
    if slot is None:
        return None
    after = [s for s in doc.slots if s.label == "OP1" or s.label.startswith("OP1(")][-1]
    after.p.addnext(slot.p)
    return Injected(doc, f"PP{len(pps)}", f"{slot.label} “{slot.lead}” moved after OP1", also=("OP2",))


def _end_punctuation(doc: Doc, pick: Callable[[Doc], list[Slot]], old: str, new: str, what: str) -> Injected | None:
    doc = doc.copy()
    slot = _middle([s for s in pick(doc) if not s.has_sub and text_of(s.p).rstrip().endswith(old)])
    if slot is None:
        return None
    end = len(text_of(slot.p).rstrip())
    replace_text(slot.p, end - 1, end, new)
    return Injected(doc, slot.label, what)


def pp_end(doc: Doc) -> Injected | None:
    """A preambular paragraph (not the last) ending with a semicolon, as an operative one does."""
    return _end_punctuation(doc, lambda d: d.of_kind("pp")[:-1], ",", ";", "PP ends with “;”")


def last_pp_end(doc: Doc) -> Injected | None:
    """The last preambular paragraph ending with a full stop, as if the preamble were a sentence."""
    return _end_punctuation(doc, lambda d: d.of_kind("pp")[-1:], ",", ".", "last PP ends with “.”")


def op_end(doc: Doc) -> Injected | None:
    """An operative paragraph (not the last) ending with a comma."""
    return _end_punctuation(doc, lambda d: d.of_kind("op")[:-1], ";", ",", "OP ends with “,”")


# A General Assembly citation: “its resolution(s) …” or “General Assembly resolution(s) …”, then its items.
ITEM = (rf"(?P<sym>(?P<session>\d{{1,2}})/(?P<number>\d{{1,3}})(?:{SP}[A-Z](?:{SP}(?:and|to){SP}[A-Z])?)?)"
        rf"(?:{SP}of{SP}(?P<date>\d{{1,2}}{SP}(?:{MONTH_RE}){SP}(?P<year>\d{{4}})))?")
ITEM_RE = re.compile(ITEM)
SEP_RE = re.compile(rf",{SP}and{SP}|{SP}and{SP}|,{SP}")
GA_LIST = re.compile(rf"\b(?:its|General{SP}Assembly){SP}resolutions?{SP}")


OTHER_BODY = re.compile(r"\b(?:Council|Commission|Conference|Committee|Board|Parties|Forum|Organization)\b")


def _ga_items(text: str):
    """Lists of cited General Assembly resolutions, as lists of item matches.

    “its resolution” may be another body's (“the Human Rights Council in its resolution 42/23 of 27 September
    2019”): a dated item must fit its Assembly session as printed, and an undated list must not follow another
    body's name closely."""
    for head in GA_LIST.finditer(text):
        items, pos = [], head.end()
        while (m := ITEM_RE.match(text, pos)) and not re.match(r"[\d/]", text[m.end():m.end() + 1]):
            items.append(m)
            sep = SEP_RE.match(text, m.end())
            if not sep:
                break
            pos = sep.end()
        dated = [m for m in items if m.group("year")]
        if any(not _fits_session(m) for m in dated):
            continue
        near = text[max(0, head.start() - 100):head.start()]
        if len(dated) < len(items) and head.group(0).startswith("its") and OTHER_BODY.search(near):
            continue
        if items:
            yield items


def _fits_session(m) -> bool:
    """Session N of the General Assembly runs from September 1945 + N to September 1946 + N."""
    return int(m.group("year")) - 1945 - int(m.group("session")) in (0, 1)


def _key(m) -> tuple[int, int]:
    return int(m.group("session")), int(m.group("number"))


def recall_out_of_order(doc: Doc) -> Injected | None:
    """Two resolutions of a chain swapped: “resolutions 71/72 of 5 December 2016 and 70/46 of 7 December 2015”."""
    doc = doc.copy()
    found = []
    for slot in doc.of_kind("pp", "op", "sub"):
        text = text_of(slot.p)
        for items in _ga_items(text):
            found += [(slot, a, b) for a, b in zip(items, items[1:]) if _key(a) < _key(b)]
    for slot, a, b in found[len(found) // 2:] + found[:len(found) // 2]:
        text = text_of(slot.p)
        swapped = b.group(0) + text[a.end():b.start()] + a.group(0)
        if replace_text(slot.p, a.start(), b.end(), swapped):
            return Injected(doc, slot.label, f"{a.group('sym')} and {b.group('sym')} swapped")
    return None


def wrong_year(doc: Doc) -> Injected | None:
    """A cited General Assembly resolution dated three years before its session began (71/72 of … 2013)."""
    doc = doc.copy()
    found = [(slot, m) for slot in doc.of_kind("pp", "op", "sub") for items in _ga_items(text_of(slot.p))
             for m in items if m.group("year")]
    for slot, m in found[len(found) // 2:] + found[:len(found) // 2]:
        year = int(m.group("year"))
        if replace_text(slot.p, m.start("year"), m.end("year"), str(year - 3)):
            return Injected(doc, slot.label, f"{m.group('sym')} dated {year - 3}")
    return None


AGENDA = re.compile(rf"provisional{SP}agenda{SP}of{SP}its{SP}(?P<ord>[a-z]+(?:[-\u2011][a-z]+)?){SP}session")
PAST_SESSION = "seventy-seventh"  # the corpus is of the seventy-eighth session


def agenda_past_session(doc: Doc) -> Injected | None:
    """The agenda paragraph puts the item on a past session's agenda (a text copied without moving it on)."""
    doc = doc.copy()
    for slot in doc.of_kind("op"):
        m = AGENDA.search(text_of(slot.p))
        if m and replace_text(slot.p, m.start("ord"), m.end("ord"), PAST_SESSION):
            return Injected(doc, slot.label, f"“{m.group('ord')}” changed to “{PAST_SESSION}”")
    return None


DATE = re.compile(rf"(?<![\d/])(?P<day>\d{{1,2}}){SP}(?P<month>{MONTH_RE}){SP}(?P<year>\d{{4}})\b")


def numeric_date(doc: Doc) -> Injected | None:
    """A date written in figures, “12/05/2023”, as a form or a spreadsheet gives it."""
    doc = doc.copy()
    found = [(slot, m) for slot in doc.of_kind("pp", "op", "sub") for m in DATE.finditer(text_of(slot.p))]
    for slot, m in found[len(found) // 2:] + found[:len(found) // 2]:
        figures = f"{int(m.group('day')):02}/{MONTHS.index(m.group('month')) + 1:02}/{m.group('year')}"
        if replace_text(slot.p, m.start(), m.end(), figures):
            return Injected(doc, slot.label, f"“{m.group(0)}” written “{figures}”")
    return None


# UN (Oxford) form -> US form. Lower case only: a capitalized one may be a US body's own name (Department of Labor).
US_SPELLINGS = {"programme": "program", "programmes": "programs", "labour": "labor", "centre": "center",
                "centres": "centers", "defence": "defense", "behaviour": "behavior", "behaviours": "behaviors"}
US_RE = re.compile(r"(?<![\w-])(" + "|".join(US_SPELLINGS) + r")(?![\w-])")


def us_spelling(doc: Doc) -> Injected | None:
    """One word in its US spelling: “program”, “labor”, “center”, “defense”, “behavior”."""
    doc = doc.copy()
    found = [(slot, m) for slot in doc.of_kind("pp", "op", "sub") for m in US_RE.finditer(text_of(slot.p))]
    for slot, m in found[len(found) // 2:] + found[:len(found) // 2]:
        if replace_text(slot.p, m.start(), m.end(), US_SPELLINGS[m.group(1)]):
            return Injected(doc, slot.label, f"“{m.group(1)}” written “{US_SPELLINGS[m.group(1)]}”")
    return None


def opening_missing(doc: Doc) -> Injected | None:
    """“The General Assembly,” deleted."""
    doc = doc.copy()
    doc.opening.getparent().remove(doc.opening)
    return Injected(doc, "opening", "opening line removed")


@dataclass(frozen=True)
class Fault:
    kind: str
    build: Callable[[Doc], Injected | None]
    rules: frozenset[str]  # rules that rightly report this fault


FAULTS = [
    Fault("lead-roman", lead_in_roman, frozenset({"italics.lead"})),
    Fault("lead-half", half_lead, frozenset({"italics.lead"})),
    Fault("italics-spill", italics_spill, frozenset({"italics.spill"})),
    Fault("numbering-gap", numbering_gap, frozenset({"numbering.op-sequence"})),
    Fault("numbering-repeat", numbering_repeat, frozenset({"numbering.op-sequence"})),
    # structure.unnumbered: the moved paragraph read as an operative one without its number (label OP2).
    Fault("pp-after-op1", pp_after_op1, frozenset({"structure.order", "structure.unnumbered"})),
    Fault("pp-end", pp_end, frozenset({"punctuation.pp-end"})),
    Fault("last-pp-end", last_pp_end, frozenset({"punctuation.pp-end"})),
    Fault("op-end", op_end, frozenset({"punctuation.op-end"})),
    Fault("recall-order", recall_out_of_order, frozenset({"recall-chain.order"})),
    Fault("recall-year", wrong_year, frozenset({"recall-chain.date"})),
    # a past session is not after the current one: the rule that names exactly this
    Fault("agenda-session", agenda_past_session, frozenset({"agenda.later-session"})),
    Fault("numeric-date", numeric_date, frozenset({"dates.form", "dates.order"})),
    Fault("us-spelling", us_spelling, frozenset({"un-spelling.oxford"})),
    Fault("opening-missing", opening_missing, frozenset({"structure.opening"})),
]


# --------------------------------------------------------------------------------------------------------------
# Running draftlint on the copies


@dataclass
class Outcome:
    name: str
    build: str
    kind: str
    applicable: bool
    found: bool = False
    label: str = ""
    where: str = ""
    error: str | None = None
    near: list[str] = field(default_factory=list)  # new findings elsewhere, to tell a wrong place from silence


def _key_of(f) -> tuple[str, str, str]:
    return f.rule, f.label, f.message


def check(path: Path):
    from draftlint.lint.engine import check_file

    return check_file(str(path))


def run_text(corpus: Path, build: str, name: str, tmp: Path, faults=FAULTS) -> list[Outcome]:
    """Every fault once in a copy of one text of one build; a fault counts as found only through a finding at its
    label, of an accepted rule, that the unmodified copy (saved the same way) did not have."""
    doc = Doc.load(corpus / build / f"{name}.docx", corpus / "spec" / f"{name}.json")
    clean = check(doc.save(tmp / build / "clean" / f"{name}.docx"))
    before = {_key_of(f) for f in clean.findings}
    outcomes = []
    for fault in faults:
        injected = fault.build(doc)
        if injected is None:
            outcomes.append(Outcome(name, build, fault.kind, applicable=False))
            continue
        result = check(injected.doc.save(tmp / build / fault.kind / f"{name}.docx"))
        new = [f for f in result.findings if _key_of(f) not in before]
        found = any(f.label in injected.labels and f.rule in fault.rules for f in new)
        outcomes.append(Outcome(name, build, fault.kind, True, found, injected.label, injected.where,
                                result.error or clean.error, [f"{f.rule}@{f.label}" for f in new]))
    return outcomes


def run_many(corpus: Path, names: list[str], tmp: Path, workers: int = 1) -> list[Outcome]:
    """run_text for every name in both builds; with workers > 1 in that many processes (the long profile)."""
    jobs = [(corpus, b, n, tmp) for b in BUILDS for n in names]
    if workers <= 1:
        return [o for job in jobs for o in run_text(*job)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers inherit the imported rules and the test's sys.path
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return [o for outcomes in pool.map(_run_job, jobs, chunksize=4) for o in outcomes]


def _run_job(job) -> list[Outcome]:
    return run_text(*job)


def corpus_names(corpus: Path) -> list[str]:
    return sorted(p.stem for p in (corpus / "spec").glob("*.json"))


def rates(outcomes: list[Outcome]) -> dict[tuple[str, str], tuple[int, int]]:
    """(build, kind) -> (found, applicable)."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for o in outcomes:
        if o.applicable:
            found, total = out.get((o.build, o.kind), (0, 0))
            out[(o.build, o.kind)] = (found + o.found, total + 1)
    return out


def report(outcomes: list[Outcome], examples: int = 4) -> str:
    lines = [f"{'fault':18} " + " ".join(f"{b:>22}" for b in BUILDS)]
    table = rates(outcomes)
    for fault in FAULTS:
        cells = []
        for b in BUILDS:
            found, total = table.get((b, fault.kind), (0, 0))
            cells.append(f"{found}/{total} ({100 * found / total:.1f}%)" if total else "n/a")
        lines.append(f"{fault.kind:18} " + " ".join(f"{c:>22}" for c in cells))
    for b in BUILDS:
        found = sum(v[0] for (bb, _), v in table.items() if bb == b)
        total = sum(v[1] for (bb, _), v in table.items() if bb == b)
        if total:
            lines.append(f"{b}: {found}/{total} = {100 * found / total:.2f}%")
    return "\n".join(lines + misses(outcomes, examples))


def misses(outcomes: list[Outcome], examples: int = 4) -> list[str]:
    """The faults not found, by kind, with the rules that should have found them and what draftlint said instead."""
    lines = []
    missed = [o for o in outcomes if o.applicable and not o.found]
    for fault in FAULTS:
        these = [o for o in missed if o.kind == fault.kind]
        if these:
            lines.append(f"\nmissed {fault.kind} ({len(these)}; rules {', '.join(sorted(fault.rules))}):")
            for o in these[:examples]:
                lines.append(f"  {o.build}/{o.name} {o.label}: {o.where}; new findings: {', '.join(o.near) or 'none'}"
                             + (f"; error: {o.error}" if o.error else ""))
    return lines


def main(argv: list[str]) -> int:
    """Print the rates and misses: every text, or the names given; --all lists every miss, -jN uses N processes."""
    import os
    import tempfile

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    names = [a for a in argv if not a.startswith("-")] or corpus_names(corpus)
    workers = next((int(a[2:]) for a in argv if a.startswith("-j")), os.cpu_count() or 1)
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = run_many(corpus, names, Path(tmp), workers)
    print(report(outcomes, examples=10**6 if "--all" in argv else 4))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
