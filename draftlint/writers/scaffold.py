"""draftlint scaffold: next session's draft from the last adopted resolution on the item.

The hour of work every recurring resolution starts with: the chain extended with the previous resolution,
every session number moved on, the report paragraph pointed at the new report, the adopted text turned back
into a draft (Main Committee heading, no closing lines), placeholders in square brackets for what only the
drafter knows. With changes=True every edit is a tracked change against the previous text.
"""
from __future__ import annotations

import difflib
import os
import re

from draftlint.model import sessions as identity
from draftlint.model.citations import cited_lists
from draftlint.errors import InputError
from draftlint.model.source import Paragraph, Run, replace_span
from draftlint.model.ordinals import ordinal, value
from draftlint.model.patterns import TO_SUPERSCRIPT, written
from draftlint.formats.text.write import paragraph_text

COMMITTEE = re.compile(r"\[on the report of the (?:[^()\]]*\()?(?P<c>(?:First|Second|Third|Fourth|Fifth|Sixth) Committee)")
PURSUANT = re.compile(r"(?P<lead>report of the Secretary-General submitted pursuant to (?:General Assembly )?resolution )"
                      r"(?P<sym>\d{1,3}/\d{1,4})")


class Scaffold:
    def __init__(self, previous_path: str, session: int | None = None, cycle: int | None = None,
                 sponsors: str | None = None):
        from draftlint.formats import read
        from draftlint.model.resolution import build

        self.prev = build(read(previous_path))
        prev = self.prev
        if not prev.operative:
            raise InputError("the previous resolution has no operative paragraphs to carry over")
        self.prev_session = identity.session(prev)
        self.target = session or identity.agenda_session(prev)
        if self.target is None:
            raise InputError("the previous resolution does not say which session takes the item up next "
                             "(no “Decides to include in the provisional agenda of its … session”); give --session")
        base = self.prev_session if self.prev_session else self.target - (cycle or 1)
        self.cycle = cycle or max(1, self.target - base)
        self.next_session = self.target + self.cycle
        self.symbol = identity.symbol(prev)
        self.date = identity.adoption_date(prev)
        self.sponsors = sponsors

    # The heading of a Main Committee draft.
    def heading(self) -> list[str]:
        prev = self.prev
        committee = None
        for t in identity.heading_text(prev):
            m = COMMITTEE.search(t)
            if m:
                committee = m.group("c")
        title = self._title()
        lines = [f"{ordinal(self.target).capitalize()} session"]
        if committee:
            lines.append(committee)
        lines += ["Agenda item [..]", identity.next_agenda_title(prev) or title,
                  f"{self.sponsors or '[Sponsors]'}: draft resolution", title]
        return lines

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
        if not self.symbol or not self.date:
            return
        pps = self.prev.preamble
        entry = f"{self.symbol} of {written(self.date)}"
        if pps:
            para = pps[0].para
            lists = [lst for lst in cited_lists(para.text) if not lst.decision
                     and all(not i.security_council for i in lst.items)]
            if lists:
                lst = lists[0]
                items = [(i.key, para.text[i.start:i.end]) for i in lst.items]
                if all(i.symbol != self.symbol for i in lst.items):
                    s, n = (int(x) for x in self.symbol.split("/"))
                    items.append(((s, n), entry))
                items.sort(key=lambda kv: kv[0])
                texts = [t for _, t in items]
                joined = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]
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
        numbers, notes = {}, []
        for entry in self.prev.footnotes:
            if not entry.marks or entry.footnote is None or entry.number == "*":
                continue
            notes.append(entry)
            for node, mark in entry.marks:
                numbers[(id(node.para), node.para.marks.index(mark))] = str(len(notes))
        blocks = list(self.heading())
        for node in self.body_nodes():
            para = node.para
            # A typed footnote number must not be read back as anything else: renumbered marks only.
            para.marks = [m for m in para.marks if (id(para), para.marks.index(m)) in numbers]
            blocks.append(paragraph_text(para, numbers))
        for k, entry in enumerate(notes, 1):
            blocks.append(f"{str(k).translate(TO_SUPERSCRIPT)} " + " ".join(paragraph_text(p, {}) for p in entry.footnote.paragraphs))
        return "\n\n".join(b for b in blocks if b.strip()) + "\n"


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
    name = re.sub(r"[^\w\- ]+", "", s._title()).strip() or "draft"
    return f"{name} ({ordinal(s.target)} session).docx"


def scaffold(previous: str, output: str | None = None, *, session: int | None = None, cycle: int | None = None,
             sponsors: str | None = None, changes: bool = False, force: bool = False) -> str:
    from draftlint.formats.docx.build import build_docx

    s = Scaffold(previous, session=session, cycle=cycle, sponsors=sponsors)
    new = s.text()
    if changes:
        new = tracked(previous_text(previous), new)
    output = output or default_output(s)
    if os.path.exists(output) and os.path.samefile(output, previous):
        raise InputError(f"the new draft would replace the previous resolution {output}; give another name with -o")
    if os.path.exists(output) and not force:
        raise InputError(f"{output} exists already; give another name with -o, or --force to replace it")
    # Created exclusively unless --force: a file that appears at `output` meanwhile is not replaced.
    build_docx(new, output, numbering="auto", footnotes="word", italics="direct", overwrite=force)
    return output
