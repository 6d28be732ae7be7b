"""draftlint scaffold: next session's draft from the last adopted resolution on the item.

The hour of work every recurring resolution starts with: the chain extended with the previous resolution,
every session number moved on, the report paragraph pointed at the new report, the adopted text turned back
into a draft (Main Committee heading, no closing lines), placeholders in square brackets for what only the
drafter knows. With changes=True every edit is a tracked change against the previous text.

The decisions are made here, once, on the model; a .docx previous resolution gets them as edits of a copy of
itself (writers/scaffold_docx.py), a text one as a new .docx built from the text format.
"""
from __future__ import annotations

import difflib
import os
import re
from datetime import date

from draftlint.model import sessions as identity
from draftlint.model.citations import cited_lists
from draftlint.errors import InputError
from draftlint.model.source import Paragraph, Run, replace_span
from draftlint.model.ordinals import ordinal, value
from draftlint.model.patterns import HEADING_ADOPTED, HEADING_ADOPTED_HOW, TO_SUPERSCRIPT, written
from draftlint.formats.text.write import paragraph_text

COMMITTEE = re.compile(r"\[on the report of the (?:[^()\]]*\()?(?P<c>(?:First|Second|Third|Fourth|Fifth|Sixth) Committee)")
PURSUANT = re.compile(r"(?P<lead>report of the Secretary-General submitted pursuant to (?:General Assembly )?resolution )"
                      r"(?P<sym>\d{1,3}/\d{1,4})")


COMMITTEE_NUMBER = {"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6}
COUNCIL_SYMBOL = re.compile(r"\bS/RES/(?P<n>\d{1,5}) ?\((?P<y>\d{4})\)|^Resolution (?P<n2>\d{1,5}) \((?P<y2>\d{4})\)$")
RES_SYMBOL = re.compile(r"\b[AS]/RES/[\w./-]+(?: ?\(\d{4}\))?")
AGENDA_ITEM = re.compile(r"^((?:Provisional )?[Aa]genda item) \S+(?: \([a-z]+\))?")


class Scaffold:
    """What changes between the previous resolution and the new draft, decided once for both outputs: the
    text draft (a text previous resolution, built into a new .docx) and the edits of a previous .docx."""

    def __init__(self, previous_path: str, session: int | None = None, cycle: int | None = None,
                 sponsors: str | None = None):
        from draftlint.formats import read
        from draftlint.model.resolution import build

        self.prev = build(read(previous_path))
        prev = self.prev
        if not prev.operative:
            raise InputError("the previous resolution has no operative paragraphs to carry over")
        self.council = prev.security_council
        self.sponsors = sponsors
        self.notes: list[str] = []  # what the drafter should look at, printed with the output's name
        self.date = identity.adoption_date(prev)
        self.committee = self._committee()
        if self.council:
            if session or cycle:
                raise InputError("a Security Council resolution has no sessions; leave out --session and --cycle")
            self.prev_session = self.target = self.cycle = None
            self.symbol = self._council_symbol()
        else:
            self.prev_session = identity.session(prev)
            if session and self.prev_session and session < self.prev_session:
                raise InputError(f"the previous resolution is of the {ordinal(self.prev_session)} session; a draft "
                                 f"for the {ordinal(session)} session cannot follow it (check --session)")
            self.target = session or identity.agenda_session(prev)
            if self.target is None:
                raise InputError("the previous resolution does not say which session takes the item up next "
                                 "(no “Decides to include in the provisional agenda of its … session”); give --session")
            base = self.prev_session if self.prev_session else self.target - (cycle or 1)
            self.cycle = cycle or max(1, self.target - base)
            self.symbol = identity.symbol(prev)
        # The paragraphs as the previous resolution has them, to find what edit() changed.
        self.before = {id(n.para): (n.para.text, n.para.italic_mask()) for n in prev.nodes}
        self.notes_before = {e.footnote.key: [p.text for p in e.footnote.paragraphs]
                             for e in prev.footnotes if e.footnote is not None}

    def _committee(self) -> str | None:
        committee = None
        for t in identity.heading_text(self.prev):
            m = COMMITTEE.search(t)
            if m:
                committee = m.group("c")
        return committee

    def _council_symbol(self) -> str | None:
        """"2365 (2017)" for S/RES/2365 (2017)."""
        for t in identity.heading_text(self.prev):
            m = COUNCIL_SYMBOL.search(t)
            if m:
                return f"{m.group('n') or m.group('n2')} ({m.group('y') or m.group('y2')})"
        return None

    # The heading of the draft, piece by piece: both outputs take these.
    @property
    def draft_symbol(self) -> str:
        if self.council:
            return f"S/{date.today().year}/[..]"
        if self.committee:
            return f"A/C.{COMMITTEE_NUMBER[self.committee.split()[0]]}/{self.target}/L.[..]"
        return f"A/{self.target}/L.[..]"

    @property
    def distribution(self) -> str:
        return "Distr.: General" if self.council else "Distr.: Limited"

    @property
    def session_line(self) -> str | None:
        return None if self.council else f"{ordinal(self.target).capitalize()} session"

    @property
    def sponsors_line(self) -> str:
        return f"{self.sponsors or '[Sponsors]'}: draft resolution"

    @property
    def item_title(self) -> str:
        return identity.next_agenda_title(self.prev) or self._title()

    def heading(self) -> list[str]:
        """The heading of a draft, line by line, for a previous text whose own heading has no formatting to keep."""
        organ = "Security Council" if self.council else "General Assembly"
        lines = [f"United Nations {self.draft_symbol}", organ, self.distribution, "[date]", "Original: English"]
        if self.council:
            return lines + [self.sponsors_line]
        lines.append(self.session_line)
        if self.committee:
            lines.append(self.committee)
        return lines + ["Agenda item [..]", self.item_title, self.sponsors_line, self._title()]

    def heading_edits(self) -> tuple[dict, list]:
        """The previous heading turned into a draft's, line by line: {node: new text, or None to remove} and
        [(node, text)] lines to add after a node, in order. For a .docx, whose heading lines keep their
        formatting."""
        nodes = self.prev.of_kind("heading", "title")
        changed: dict = {}
        added: list = []
        kept = []
        after_item = False
        for node in nodes:
            t = node.text
            if node.kind == "title":
                changed[node] = self._title()
                continue
            if HEADING_ADOPTED.match(t) or HEADING_ADOPTED_HOW.match(t):  # a draft has neither
                changed[node] = None
                continue
            new = RES_SYMBOL.sub(self.draft_symbol, t)
            new = re.sub(r"Distr\.:\s*General", self.distribution, new)
            if new.startswith("Distr.") or identity.DATE.fullmatch(new.strip()):
                new = identity.DATE.sub("[date]", new)
            if self.session_line:
                new = identity.SESSION_LINE.sub(self.session_line, new, count=1)
            new = AGENDA_ITEM.sub(r"\1 [..]", new)
            if after_item and new == t and self.item_title != t:
                new = self.item_title
            after_item = bool(AGENDA_ITEM.match(t)) and AGENDA_ITEM.sub("", t).strip() == ""
            changed[node] = new
            kept.append(node)
        texts = [n.text for n in kept]
        if not any(t.startswith("Original:") for t in texts):
            dated = [n for n in kept if n.text.startswith("Distr.") or identity.DATE.fullmatch(n.text.strip())]
            if dated:
                added.append((dated[-1], "Original: English"))
        if self.committee and self.committee not in texts:
            session = next((n for n in kept if identity.SESSION_LINE.match(n.text)), None)
            if session is not None:
                added.append((session, self.committee))
        if kept and not any(":" in t and t.rstrip().endswith("draft resolution") for t in texts):
            added.append((kept[-1], self.sponsors_line))
        return changed, added

    def _title(self) -> str:
        for n in self.prev.of_kind("title"):
            return re.sub(r"^\d{1,3}/\d{1,4}(?:\s+[A-Z](?:\s*[-–]\s*[A-Z])?)?\.\s*", "", n.text)
        return "[Title]"

    # The body, edited in the model.
    def body_nodes(self):
        return [n for n in self.prev.nodes if n.kind in ("opening", "pp", "op", "chapeau", "sub", "text", "section")]

    def edit(self) -> None:
        prev = self.prev
        self._chain()
        if not self.council:
            requested = identity.report_session(prev)
            for node in prev.of_kind("op", "sub", "pp"):
                para = node.para
                if requested == self.target and self.symbol:
                    m = PURSUANT.search(para.text)
                    if m and m.group("sym") != self.symbol:
                        replace_span(para, m.start("sym"), m.end("sym"), self.symbol, italic=False)
                        self._report_footnote(node)
                for pattern in (identity.REPORT_AT, identity.AGENDA_AT):
                    m = pattern.search(para.text)
                    if m and value(m.group("ord")) is not None:
                        moved = value(m.group("ord")) + self.cycle
                        replace_span(para, m.start("ord"), m.end("ord"), ordinal(moved), italic=False)
        self._normalize()

    def _chain(self) -> None:
        """The previous resolution added to the recall chain of the first preambular paragraph, in order; or a
        new first preambular paragraph recalling it."""
        if not self.symbol or not (self.date or self.council):
            return
        pps = self.prev.preamble
        entry = self.symbol if self.council else f"{self.symbol} of {written(self.date)}"
        if pps:
            para = pps[0].para
            lists = [lst for lst in cited_lists(para.text) if not lst.decision
                     and all(i.security_council == self.council for i in lst.items)]
            if lists:
                lst = lists[0]
                items = [(i.key, para.text[i.start:i.end]) for i in lst.items]
                if all(i.symbol != self.symbol for i in lst.items):
                    if self.council:
                        key = (0, int(self.symbol.split()[0]), "")
                    else:
                        s, n = (int(x) for x in self.symbol.split("/"))
                        key = (s, n)
                    items.append((key, entry))
                items.sort(key=lambda kv: kv[0])
                texts = [t for _, t in items]
                # The list's own last separator: ", and" in Council texts, " and " in the Assembly's.
                last = lst.separators[-1] if lst.separators else " and "
                last = last if "and" in last else " and "
                joined = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + last + texts[-1]
                word = lst.word if len(texts) == 1 else (lst.word if lst.word.endswith("s") else lst.word + "s")
                replace_span(para, lst.start, lst.end, f"{word} {joined}", italic=False)
                return
        # No chain: a new first preambular paragraph recalls the previous resolution.
        from draftlint.model.leads import find_lead
        from draftlint.model.resolution import Node

        para = Paragraph(runs=[Run("Recalling", True), Run(f" its resolution {entry},", False)])
        node = Node(kind="pp", label="PP0", para=para, order=-1, lead=find_lead(para.text))
        opening = next((k for k, n in enumerate(self.prev.nodes) if n.kind == "opening"), -1)
        self.prev.nodes.insert(opening + 1, node)

    def _report_footnote(self, node) -> None:
        for entry in self.prev.footnotes:
            if entry.marks and entry.marks[0][0] is node and entry.footnote is not None:
                entry.footnote.paragraphs = [Paragraph(runs=[Run(f"A/{self.target}/[..].", False)])]

    def _normalize(self) -> None:
        """The conventions the check enforces, applied where the previous text slipped: lead italics, end
        punctuation, curly quotes."""
        paras = [n.para for n in self.body_nodes()] + [p for e in self.prev.footnotes if e.footnote is not None
                                                        for p in e.footnote.paragraphs]
        for para in paras:
            for m in reversed(list(re.finditer(r'"([^"\n]*)"', para.text))):
                replace_span(para, m.end() - 1, m.end(), "”")
                replace_span(para, m.start(), m.start() + 1, "“")
        for node in self.prev.of_kind("opening"):
            node.para.runs = [Run(r.text, True, superscript=r.superscript) for r in node.para.runs]
        ops = [n for n in self.prev.operative]
        for node in self.prev.of_kind("pp", "op"):
            para = node.para
            if node.lead is not None and not node.clause:
                # The text's own italics stay; the lead is put in italics and an italic run spilling on from it ends.
                italic = para.italic_mask()
                spill = node.lead.usual_end
                while spill < len(italic) and italic[spill]:
                    spill += 1
                italic[node.lead.start:node.lead.usual_end] = [True] * (node.lead.usual_end - node.lead.start)
                italic[node.lead.usual_end:spill] = [False] * (spill - node.lead.usual_end)
                para.runs = [Run(ch, it) for ch, it in zip(para.text, italic)]
            if node.children:
                continue
            text = para.text.rstrip()
            want = "," if node.kind == "pp" else ("." if node is ops[-1] else ";")
            if text and text[-1] in ",;." and text[-1] != want:
                replace_span(para, len(text) - 1, len(text), want, italic=False)

    def text(self) -> str:
        """The new draft in the text format (docs/text-drafts.md), footnotes renumbered in order."""
        self.edit()
        self._place_unmarked()
        body = self.body_nodes()
        where = {id(n.para): k for k, n in enumerate(body)}
        marked = [e for e in self.prev.footnotes if e.marks and e.footnote is not None and e.number != "*"]
        marked.sort(key=lambda e: min((where.get(id(n.para), len(body)), m.offset) for n, m in e.marks))
        numbers, notes = {}, []
        for entry in marked:
            notes.append(entry)
            for node, mark in entry.marks:
                numbers[(id(node.para), node.para.marks.index(mark))] = str(len(notes))
        blocks = list(self.heading())
        for node in body:
            para = node.para
            # A typed footnote number must not be read back as anything else: renumbered marks only.
            para.marks = [m for m in para.marks if (id(para), para.marks.index(m)) in numbers]
            blocks.append(paragraph_text(para, numbers))
        for k, entry in enumerate(notes, 1):
            blocks.append(f"{str(k).translate(TO_SUPERSCRIPT)} " + " ".join(paragraph_text(p, {}) for p in entry.footnote.paragraphs))
        return "\n\n".join(b for b in blocks if b.strip()) + "\n"

    def _place_unmarked(self) -> None:
        """A footnote whose mark the previous text lost (a PDF copy loses some) is kept, its mark put where its
        number says it goes: at the end of the last paragraph before the next footnote's mark. The drafter is
        told to check the place."""
        from draftlint.model.source import Mark

        body = [n for n in self.body_nodes() if n.kind in ("pp", "op", "chapeau", "sub", "text")]
        place = {id(n): k for k, n in enumerate(body)}

        def number(e):
            return int(e.number) if e.number.isdigit() else None

        marked = [(number(e), e) for e in self.prev.footnotes if e.marks and number(e) is not None]
        for entry in self.prev.footnotes:
            if entry.marks or entry.footnote is None or number(entry) is None or not body:
                continue
            n = number(entry)
            before = [place.get(id(e.marks[0][0]), 0) for k, e in marked if k < n]
            after = [(place.get(id(e.marks[0][0]), len(body)), e) for k, e in marked if k > n]
            low = max(before, default=0)
            high, nxt = min(after, key=lambda x: x[0], default=(len(body), None))
            if high > low or nxt is None:
                node = body[max(low, high - 1)] if high > low else body[min(low, len(body) - 1)]
                text = node.para.text.rstrip()
                mark = Mark(offset=len(text), key=entry.key, typed=True)
            else:
                node = body[high]
                mark = Mark(offset=nxt.marks[0][1].offset, key=entry.key, typed=True)
            node.para.marks.append(mark)
            node.para.marks.sort(key=lambda m: m.offset)
            entry.marks.append((node, mark))
            marked.append((n, entry))
            self.notes.append(f"footnote {entry.number} had no mark in the previous text; its mark is now in "
                              f"{node.label}: check its place")

    def changed_paragraphs(self):
        """(node, old text, new text, new italics) for each paragraph edit() changed."""
        for node in self.prev.nodes:
            old = self.before.get(id(node.para))
            if old is None:
                continue
            text, mask = node.para.text, node.para.italic_mask()
            if (text, mask) != old:
                yield node, old[0], text, mask


def previous_text(path: str) -> str:
    """The previous resolution in the text format, for the tracked-change comparison."""
    from draftlint.formats import read
    from draftlint.model.resolution import build
    from draftlint.formats.text.write import to_text

    return to_text(build(read(path)))


def tracked(old: str, new: str) -> str:
    """`new` with CriticMarkup insertions and deletions against `old`, paragraph by paragraph, word by word."""
    old_blocks, new_blocks = old.strip().split("\n\n"), new.strip().split("\n\n")
    out = []
    matcher = difflib.SequenceMatcher(None, old_blocks, new_blocks, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out += new_blocks[b1:b2]
        elif op == "insert":
            out += [f"{{++{b}++}}" for b in new_blocks[b1:b2]]
        elif op == "delete":
            out += [f"{{--{_plain(b)}--}}" for b in old_blocks[a1:a2]]
        else:
            olds, news = old_blocks[a1:a2], new_blocks[b1:b2]
            for k in range(max(len(olds), len(news))):
                if k < len(olds) and k < len(news):
                    out.append(_words(olds[k], news[k]))
                elif k < len(news):
                    out.append(f"{{++{news[k]}++}}")
                else:
                    out.append(f"{{--{_plain(olds[k])}--}}")
    return "\n\n".join(out) + "\n"


def _plain(block: str) -> str:
    return block.replace("*", "")


def _words(old: str, new: str) -> str:
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append("".join(b[b1:b2]))
            continue
        gone, added = _plain("".join(a[a1:a2])), "".join(b[b1:b2])
        if gone.strip():
            out.append(f"{{--{gone}--}}")
        if added.strip():
            out.append(f"{{++{added}++}}")
        elif added:
            out.append(added)
    return "".join(out)


def default_output(s: Scaffold) -> str:
    if s.council:
        return f"Draft resolution after {s.symbol or 'the previous one'} ({date.today().year}).docx"
    name = re.sub(r"[^\w\- ]+", "", s._title()).strip() or "draft"
    return f"{name} ({ordinal(s.target)} session).docx"


def scaffold(previous: str, output: str | None = None, *, session: int | None = None, cycle: int | None = None,
             sponsors: str | None = None, changes: bool = False, force: bool = False, notes: list | None = None) -> str:
    """Write the new draft; what the drafter should check is appended to `notes`."""
    from draftlint.formats.docx.build import build_docx

    def same_as_previous(name: str) -> None:
        if os.path.exists(name) and os.path.samefile(name, previous):
            raise InputError(f"the new draft would replace the previous resolution {name}; give another name with -o")

    if output is not None:
        same_as_previous(output)
        if not output.lower().endswith(".docx"):
            raise InputError(f"the new draft is a Word file: give an output name ending in .docx, not {output}")
    s = Scaffold(previous, session=session, cycle=cycle, sponsors=sponsors)
    output = output or default_output(s)
    same_as_previous(output)
    if os.path.exists(output) and not force:
        raise InputError(f"{output} exists already; give another name with -o, or --force to replace it")
    if s.prev.source.format == "docx":
        from draftlint.writers.scaffold_docx import write_docx

        # Created exclusively unless --force: a file that appears at `output` meanwhile is not replaced.
        write_docx(s, previous, output, track=changes, overwrite=force)
    else:
        new = s.text()
        if changes:
            new = tracked(previous_text(previous), new)
        build_docx(new, output, numbering="auto", footnotes="word", italics="direct", overwrite=force)
    if notes is not None:
        notes.extend(s.notes)
    return output
