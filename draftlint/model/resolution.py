"""Classifies the paragraphs of a draft: heading, title, opening, PPs, OPs, sub-paragraphs, closing, footnotes.

Shared by the .docx and text readers; every check reads the Resolution built here. Labels are the ones a
drafter uses: PP3 is the third preambular paragraph and OP12 the twelfth operative one, counted by
position whatever number they carry, OP4(b) a sub-paragraph, "footnote 7".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from draftlint.errors import NotAResolution
from draftlint.model.leads import Lead, find_lead
from draftlint.model.source import Footnote, Mark, Paragraph, Source, slice_runs
from draftlint.model.patterns import (ADOPTION_NOTE, ANNEX, CLOSING_MEETING, DATE_LINE, OPENING, SECTION_MARK,
                                SECTION_MARK_TITLE, TYPED_NUMBER)

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


# The model's objects are compared by identity (eq=False): two paragraphs with the same words are two paragraphs.
@dataclass(eq=False, slots=True)
class Node:
    """One part of the resolution (a paragraph, a sub-paragraph, the heading …), labelled as a drafter names it
    (PP3, OP12 (b))."""

    kind: str  # heading, title, opening, pp, op, chapeau, sub, text, section, closing, annex, trailer, footnote
    label: str
    para: Paragraph
    order: int
    body: int = 0  # where the paragraph's own words start in para.text (after a typed number)
    number: str | None = None  # the number as printed: "1.", "(a)"
    typed: bool = False  # the number was typed, not automatic
    value: int | None = None
    style: str | None = None  # for sub-paragraphs: "letter", "roman", "number"
    lead: Lead | None = None
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None
    part: int = 0
    clause: bool = False  # an operative clause without lead verb, under "Resolves that:"
    misplaced: bool = False  # a preambular paragraph among the operative ones
    # (para.text, body, text) when `text` was last worked out: the checks and packs read a node's text some
    # ten times a draft, and a writer that edits the paragraph gives it a new text, so the memo is checked
    # against the very string it was made from.
    _memo: tuple | None = field(default=None, init=False, repr=False)

    @property
    def text(self) -> str:
        whole, memo = self.para.text, self._memo
        if memo is not None and memo[0] is whole and memo[1] == self.body:
            return memo[2]
        text = whole[self.body:].strip()
        self._memo = (whole, self.body, text)
        return text

    def leaves(self):
        if not self.children:
            yield self
        for c in self.children:
            yield from c.leaves()


@dataclass(eq=False, slots=True)
class FootnoteEntry:
    """A footnote as the draft numbers it: its mark or marks in the text and its own words."""

    number: str  # as the reader sees it: "1", "2" … or "*"
    key: str
    footnote: Footnote | None  # None when a mark points at nothing
    label: str
    order: int
    marks: list[tuple[Node, Mark]] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Resolution:
    """A draft read into its parts: heading, preamble, operative paragraphs, footnotes; what every check reads."""

    source: Source
    kind: str
    draft: bool
    adopted: bool
    nodes: list[Node]
    footnotes: list[FootnoteEntry]
    organ: str | None = None
    previous: "Resolution | None" = None  # last session's resolution on the item (check --previous)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-draft values checks share

    def of_kind(self, *kinds: str) -> list[Node]:
        return [n for n in self.nodes if n.kind in kinds]

    @property
    def preamble(self) -> list[Node]:
        return self.of_kind("pp")

    @property
    def operative(self) -> list[Node]:
        return self.of_kind("op")

    @property
    def opening(self) -> list[Node]:
        return self.of_kind("opening")

    @property
    def security_council(self) -> bool:
        return self.kind.startswith("sc") or self.organ == "Security Council"

    @property
    def has_structure(self) -> bool:
        return self.kind not in ("draft-decision", "decision", "amendment")


def _clean(p: Paragraph) -> str:
    return p.text.strip().strip("*").strip()


@lru_cache(maxsize=None)
def heading_line() -> re.Pattern:
    """A line of a heading that is not its title. Compiled when first needed (about 0.5 ms): only for a General
    Assembly heading without a title number or a sponsors' line, which few drafts have."""
    return re.compile(
        r"^(?:[A-Z][a-z]+(?:-[a-z]+)? (?:special |emergency special )?session|(?:Provisional )?[Aa]genda item\b.*|Item \d+.*"
        r"|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|.*Distr\.:.*|Original:.*|United Nations.*|[A-Z]+/\S+.*"
        r"|Resolution adopted by.*|\[on the report.*|\[without reference.*|Adopted by the .*|Resolution \d+ \(\d{4}\)"
        r"|General Assembly|Security Council|Economic and Social Council|Human Rights Council|\d{1,2} \w+ \d{4}"
        r"|.*:\*? (?:revised )?draft (?:resolution|decision)|\*.*)$"
    )


GA_TITLE = re.compile(r"^\d+/\d+(?:\s+[A-Z](?:\s*[-–]\s*[A-Z])?)?\.\s+\S")
SPONSOR_LINE = re.compile(r":\*?\s+(?:revised\s+)?draft\s+(?:resolution|decision)\s*$", re.I)
# What the heading says the text is (see _kind).
AMENDMENT = re.compile(r"\bamendments?\s+to\s+(?:the\s+)?(?:revised\s+)?draft\s+resolution\b", re.I)
DECISION = re.compile(r":\s*(?:revised\s+)?draft decision\b|^Draft decision\b|^Decision adopted by", re.I | re.M)
DRAFT = re.compile(r":\*?\s*(?:revised\s+)?draft (?:resolution|decision)\s*$|/L\.\d+|Distr\.:\s*Limited"
                   r"|^Draft resolution\b", re.I | re.M)
ADOPTED = re.compile(r"Resolution adopted by|Decision adopted by|A/RES/|^\d+/\d+(?:\s+[A-Z])?\.\s|Adopted by the "
                     r"|S/RES/|^Resolution \d+ \(\d{4}\)|E/RES/|A/HRC/RES/", re.M)
# The number of an operative paragraph: "1.", "12)", "(3)"; compiled here, as every draft has one.
OP_NUMBER = re.compile(r"\d{1,3}[.)]|\(\d{1,3}\)")
SECURITY_COUNCIL = re.compile(r"S/RES/|Adopted by the Security Council|^Resolution \d+ \(\d{4}\)", re.M)
ECOSOC_SYMBOL = re.compile(r"\bE/(?:RES/)?\d{4}/")
GA_SYMBOL = re.compile(r"\bA/(?:C\.\d/)?\d+/|General Assembly")


def _kind(heading: str, organ: str | None) -> tuple[str, bool, bool]:
    lower = heading.lower()  # the words each pattern needs, looked for first: most headings have none of them
    amendment = "amendment" in lower and AMENDMENT.search(heading)
    decision = "decision" in lower and DECISION.search(heading)
    draft = ("draft" in lower or "/l." in lower or "distr" in lower) and bool(DRAFT.search(heading))
    adopted = bool(ADOPTED.search(heading))
    if adopted:
        draft = False
    if amendment:
        return "amendment", True, False
    if decision:
        return ("decision" if adopted else "draft-decision"), not adopted, adopted
    if organ == "Security Council" or SECURITY_COUNCIL.search(heading):
        body = "sc"
    elif organ == "Human Rights Council" or "A/HRC/" in heading:
        body = "hrc"
    elif organ == "Economic and Social Council" or ECOSOC_SYMBOL.search(heading):
        body = "ecosoc"
    elif organ == "General Assembly" or GA_SYMBOL.search(heading):
        body = "ga"
    else:
        body = ""
    if not body:
        return "resolution", draft, adopted
    if draft:
        return f"{body}-draft", True, False
    if adopted:
        return f"{body}-resolution", False, True
    return "resolution", False, False


def number_of(p: Paragraph) -> tuple[str | None, int, bool]:
    """(number as printed, offset where the words start, typed?) for a paragraph."""
    text = p.text
    lead_ws = len(text) - len(text.lstrip())
    if p.number:
        return p.number.strip(), lead_ws, False
    m = TYPED_NUMBER.match(text, lead_ws)
    if m:
        label = m.group("label")
        # A capital ("A.") or a word ("etc.") is not a number; "iv." and "aa." are.
        if re.fullmatch(r"[A-Z]\.", label) or (re.fullmatch(r"[a-z]{2,4}\.", label)
                                              and not re.fullmatch(r"[ivxl]+\.|([a-z])\1*\.", label)):
            return None, lead_ws, False
        return label, m.end(), True
    return None, lead_ws, False


def letter_value(token: str) -> int | None:
    if re.fullmatch(r"([a-z])\1*", token):
        return (ord(token[0]) - 96) + 26 * (len(token) - 1)
    return None


def roman_value(token: str) -> int | None:
    if not re.fullmatch(r"[ivxlc]+", token):
        return None
    total = 0
    for k, ch in enumerate(token):
        v = ROMAN_VALUES[ch]
        if k + 1 < len(token) and ROMAN_VALUES[token[k + 1]] > v:
            total -= v
        else:
            total += v
    from draftlint.model.labels import roman

    return total if roman(total) == token else None


def sub_token(label: str) -> tuple[str, str]:
    """("a", "paren") for "(a)", ("iv", "dot") for "iv."."""
    if label.startswith("("):
        return label.strip("()"), "paren"
    return label.rstrip("."), "dot"


class _Builder:
    def __init__(self, source: Source):
        self.source = source
        self.nodes: list[Node] = []
        self.order = 0
        self.pp_count = self.op_count = 0
        self.part = 0

    def add(self, kind: str, label: str, para: Paragraph, **kw) -> Node:
        node = Node(kind=kind, label=label, para=para, order=self.order, part=self.part, **kw)
        self.order += 1
        self.nodes.append(node)
        return node


def build(source: Source) -> Resolution:
    b = _Builder(source)
    _asterisk_notes(source)
    items = [p for p in source.paragraphs if p.footnote_key is None and (p.text.strip() or p.number)]
    typed_notes = [p for p in source.paragraphs if p.footnote_key is not None]
    opening_at = next((i for i, p in enumerate(items) if OPENING.match(_clean(p))), None)
    organ = OPENING.match(_clean(items[opening_at])).group("organ") if opening_at is not None else None
    if opening_at is None:
        body_at = _body_start_without_opening(items)
    else:
        body_at = opening_at
    heading_paras = items[:body_at] if body_at is not None else items
    heading_text = "\n".join(_clean(p) for p in heading_paras)
    kind, draft, adopted = _kind(heading_text, organ)
    if body_at is None:
        if kind in ("draft-decision", "decision", "amendment"):
            for p in items:
                b.add("heading", "heading", p)
            return Resolution(source, kind, draft, adopted, b.nodes, _footnotes(b, source, typed_notes), organ)
        raise NotAResolution("this does not look like a resolution or draft: it has no opening line such as "
                             "“The General Assembly,” and no numbered operative paragraphs")
    _heading(b, heading_paras, kind)
    _body(b, items[body_at:])
    return Resolution(source, kind, draft, adopted, b.nodes, _footnotes(b, source, typed_notes), organ)


ASTERISK_NOTE = re.compile(r"^\*\s*(?=[A-Z])")


def _asterisk_notes(source: Source) -> None:
    """A typed sponsor footnote ("* On behalf of the Group of 77 and China.") and its typed "*" mark."""
    paras = source.paragraphs
    notes = [k for k, p in enumerate(paras) if p.footnote_key is None and ASTERISK_NOTE.match(p.text) and k > 0]
    if not notes:
        return
    for k in notes:
        p = paras[k]
        cut = ASTERISK_NOTE.match(p.text).end()
        p.footnote_key = "*"
        p.runs = slice_runs(p.runs, cut)
        p.text = p.text[cut:]
    if any(m.key == "*" or m.symbol == "*" for p in paras for m in p.marks):
        return
    for p in paras[:notes[0]]:
        m = re.search(r"(?<=\S)\*(?=\s|$)", p.text)
        if m and p.footnote_key is None:
            p.marks.append(Mark(offset=m.start(), key="*", typed=True))
            p.marks.sort(key=lambda mk: mk.offset)
            p.runs = slice_runs(p.runs, 0, m.start()) + slice_runs(p.runs, m.start() + 1)
            p.text = p.text[:m.start()] + p.text[m.start() + 1:]
            return


def _body_start_without_opening(items: list[Paragraph]) -> int | None:
    """Where the resolution starts when the opening line is missing: needs numbered operative paragraphs."""
    numbered = [i for i, p in enumerate(items)
                if (lbl := number_of(p))[0] and re.fullmatch(r"\d{1,3}[.)]", lbl[0])
                and (lead := find_lead(p.text, lbl[1])) is not None and lead.operative]
    if len(numbered) < 2:
        return None
    first = numbered[0]
    start = first
    for i in range(first - 1, -1, -1):
        p = items[i]
        lead = find_lead(p.text, number_of(p)[1])
        if lead is not None and not lead.operative and p.text.rstrip().endswith((",", ":")):
            start = i
        else:
            break
    return start


def _heading(b: _Builder, paras: list[Paragraph], kind: str) -> None:
    title_at = None
    for i, p in enumerate(paras):
        t = _clean(p)
        if GA_TITLE.match(t):
            title_at = i
        elif SPONSOR_LINE.search(t) and i + 1 < len(paras):
            title_at = i + 1
    if title_at is None and paras and not kind.startswith("sc"):
        candidates = [i for i, p in enumerate(paras) if not heading_line().match(_clean(p))]
        if candidates and candidates[-1] == len(paras) - 1 and not SPONSOR_LINE.search(_clean(paras[-1])):
            title_at = candidates[-1]
    for i, p in enumerate(paras):
        b.add("title" if i == title_at else "heading", "title" if i == title_at else "heading", p)


def _body(b: _Builder, items: list[Paragraph]) -> None:
    state = "body"
    in_operative = False
    chapeau = False
    top: Node | None = None  # the PP or OP sub-paragraphs attach to
    stack: list[Node] = []  # open sub-paragraph levels under `top`
    section_title_wanted = False
    for p in items:
        t = _clean(p)
        label, body, typed = number_of(p)
        if state == "annex":
            b.add("annex", "annex", p)
            continue
        if not label and OPENING.match(t):
            b.part += 1 if b.nodes and any(n.kind == "opening" for n in b.nodes) else 0
            b.add("opening", "opening", p)
            state, in_operative, chapeau, top, stack = "body", False, False, None, []
            continue
        if not label and (CLOSING_MEETING.match(t) or ADOPTION_NOTE.match(t) or (state == "closing" and DATE_LINE.match(t))):
            b.add("closing", "closing", p)
            state = "closing"
            continue
        if not label and ANNEX.match(t) and (state == "closing" or in_operative):
            b.add("annex", "annex", p)
            state = "annex"
            continue
        if state == "closing":
            kind = "title" if GA_TITLE.match(t) else "heading"
            b.add(kind if (SECTION_MARK.match(t) or kind == "title" or len(t) < 200) else "trailer",
                  kind if kind == "title" else "heading", p)
            continue
        if not label and (SECTION_MARK.match(t) or SECTION_MARK_TITLE.match(t)):
            # A section of an omnibus text may have its own preamble.
            b.add("section", "heading", p)
            section_title_wanted = bool(SECTION_MARK.match(t))
            top, stack, in_operative = None, [], False
            continue
        if section_title_wanted and not label and _heading_like(t):
            b.add("section", "heading", p)
            section_title_wanted = False
            continue
        section_title_wanted = False
        if label and OP_NUMBER.fullmatch(label) and not (p.level and top is not None and p.level > (top.para.level or 0)):
            b.op_count += 1
            lead = find_lead(p.text, body)
            node = b.add("op", f"OP{b.op_count}", p, body=body, number=label, typed=typed,
                         value=int(label.strip("(.)")), lead=lead if (lead and lead.operative) or not chapeau else None)
            node.clause = chapeau and (lead is None or not lead.operative)
            in_operative, top, stack = True, node, []
            continue
        if label and top is None and b.nodes and b.nodes[-1].kind == "chapeau":
            # "*Urges* all countries:" followed by (a), (b) … is a single operative paragraph, not a chapeau.
            top = b.nodes[-1]
            b.op_count += 1
            top.kind, top.label = "op", f"OP{b.op_count}"
            chapeau = False
        if label:
            parent_top = top
            if parent_top is None:
                node = b.add("text", "heading", p, body=body, number=label, typed=typed)
                continue
            _add_sub(b, parent_top, stack, p, label, body, typed)
            continue
        lead = find_lead(p.text, body)
        ends = t.rstrip("”\"’ ")[-1:] if t else ""
        if not in_operative:
            if lead is not None and lead.operative and ends in (".", ";", ":"):
                in_operative = True
                if ends == ":":
                    # "Resolves that:" — the numbered paragraphs after it are clauses, not lead phrases.
                    b.add("chapeau", "chapeau", p, body=body, lead=lead)
                    chapeau, top, stack = True, None, []
                else:
                    b.op_count += 1
                    top, stack = b.add("op", f"OP{b.op_count}", p, body=body, lead=lead), []
                continue
            b.pp_count += 1
            top = b.add("pp", f"PP{b.pp_count}", p, body=body, lead=lead)
            stack = []
            continue
        last = b.nodes[-1]
        if _heading_like(t) and lead is None:
            b.add("section", "heading", p)
            top, stack = None, []
            continue
        if last.kind in ("op", "sub", "text") and last.text.rstrip("”\"’ ").endswith(":") and top is not None:
            node = b.add("text", top.label, p, body=body)
            node.parent = top
            continue
        if lead is not None and not lead.operative and ends in (",", ":"):
            b.pp_count += 1
            top = b.add("pp", f"PP{b.pp_count}", p, body=body, lead=lead, misplaced=True)
            stack = []
            continue
        b.op_count += 1
        top = b.add("op", f"OP{b.op_count}", p, body=body, lead=lead if lead and lead.operative else None)
        stack = []


def _heading_like(t: str) -> bool:
    return 0 < len(t) <= 150 and t[-1] not in ".,;:" and not t[0].islower()


def _add_sub(b: _Builder, top: Node, stack: list[Node], p: Paragraph, label: str, body: int, typed: bool) -> None:
    # Depth comes from the labels, not from the list level: drafters often number "(i)" items with a
    # separate list at level 0, and the sequence of labels and the lead-in colon are what a reader sees.
    token, _ = sub_token(label)
    style, value, parent = None, None, top
    # A lead-in ending with a colon followed by "(a)" or "(i)" opens a deeper level, even after "(h) …:";
    # otherwise continue the innermost level whose next value this is.
    innermost = stack[-1] if stack else None
    if innermost is not None and token in ("a", "i") and innermost.text.rstrip("”\"’ ").endswith(":"):
        parent = innermost
        style = "roman" if innermost.style == "letter" and token == "i" else "letter"
    for k in range(len(stack) - 1, -1, -1) if style is None else ():
        node = stack[k]
        v = (roman_value if node.style == "roman" else letter_value)(token)
        if v is not None and node.value is not None and v == node.value + 1:
            del stack[k:]
            parent = stack[-1] if stack else top
            style = node.style
            break
    if style is None:
        innermost = stack[-1] if stack else None
        if innermost is not None and innermost.text.rstrip().endswith(":"):
            parent = innermost
            style = "roman" if (innermost.style == "letter" and roman_value(token) is not None) else "letter"
        elif innermost is not None:
            # A number that does not follow: stay on the innermost level (the numbering check reports it).
            del stack[-1:]
            parent = stack[-1] if stack else top
            style = innermost.style
        else:
            parent = top
            style = "roman" if token == "i" else "letter"
    if style == "roman":
        value = roman_value(token)
    else:
        value = letter_value(token)
        if value is None and roman_value(token) is not None:
            style, value = "roman", roman_value(token)
    path = parent.label if parent is not top else top.label
    node = b.add("sub", f"{path}({token})", p, body=body, number=label, typed=typed, value=value, style=style, lead=None)
    node.parent = parent
    parent.children.append(node)
    stack.append(node)


def _footnotes(b: _Builder, source: Source, typed_notes: list[Paragraph]) -> list[FootnoteEntry]:
    """Footnotes numbered as the reader sees them: Word footnotes by order of first reference."""
    entries: dict[str, FootnoteEntry] = {}
    word_count = 0
    typed_by_key: dict[str, list[Paragraph]] = {}
    for p in typed_notes:
        typed_by_key.setdefault(p.footnote_key, []).append(p)
    for node in b.nodes:
        for mark in node.para.marks:
            if mark.typed:
                key = f"typed:{mark.key}"
                number = mark.key
                note = Footnote(key=mark.key, paragraphs=typed_by_key[mark.key]) if mark.key in typed_by_key else None
            else:
                key = f"word:{mark.key}"
                if key not in entries and not mark.symbol:
                    word_count += 1
                number = mark.symbol or (entries[key].number if key in entries else str(word_count))
                note = source.footnotes.get(mark.key)
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = FootnoteEntry(number=number, key=key, footnote=note, label=f"footnote {number}",
                                                     order=len(entries))
            entry.marks.append((node, mark))
    for k, paras in typed_by_key.items():
        key = f"typed:{k}"
        if key not in entries:
            entries[key] = FootnoteEntry(number=k, key=key, footnote=Footnote(key=k, paragraphs=paras),
                                         label=f"footnote {k}", order=len(entries))
    return list(entries.values())
