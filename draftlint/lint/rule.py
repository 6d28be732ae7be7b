"""What every rule is to the engine, whether written in Python or in a YAML pack."""
from __future__ import annotations

from dataclasses import dataclass


CATEGORIES = ("structure", "italics", "numbering", "punctuation", "footnotes", "repetition", "recall-chain",
              "agenda", "dates", "spelling", "references", "vocabulary", "placeholders", "style")
SEVERITIES = ("error", "warning", "info")
# The head of the mini-drafts in the rules' wrong/right examples.
DRAFT_HEAD = "*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n"


def text_start(node) -> int:
    """Where node.text (the words after a typed number, stripped) starts in its paragraph's text: spans found
    in node.text are moved by this to address the paragraph."""
    raw = node.para.text[node.body:]
    return node.body + len(raw) - len(raw.lstrip())


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as `draftlint rules`, the docs and every output format show it: its id, severity and doc."""

    id: str
    category: str
    severity: str
    summary: str
    why: str
    wrong: str  # a mini-draft (docs/text-drafts.md) that sets the rule off
    right: str  # the same mini-draft, corrected
    fixable: bool = False
    # What `fix --unsafe` also mends: a change that is right almost always, but that an editor could have
    # meant otherwise, so it is applied only when asked ("" for none).
    unsafe_fix: str = ""
    pack: str = "built-in"
    # "default": runs in every check; "style": a rule of style that adopted texts themselves often do not
    # follow, run only with `--profile style` (or `profile: style`) or when selected by name.
    profile: str = "default"

    def at(self, target, message: str, severity: str | None = None, label: str | None = None,
           match: str = "", start: int | None = None, end: int | None = None, fix: str | None = None,
           italic: bool | None = None, mark: str | None = None, unsafe: bool = False) -> "Finding":
        """A finding at a model node, a footnote entry, or (target None) at `label`.

        start:end is a span in the paragraph's text (the reader's, with a typed number); `fix` the text that
        replaces it, or `italic` the italics it takes; or `mark`, the number a typed footnote mark at `start`
        takes. A finding is fixable only with both: `fix` acts on nothing else, so "fixable" never promises
        more than it does. An `unsafe` fix is kept on the finding for `fix --unsafe`, which is all that mends
        it; the finding is then not called fixable."""
        paragraph = line = None
        order: float = 10**6
        context = ""
        if target is not None and hasattr(target, "para"):
            paragraph, line, order = target.para.index, target.para.line, target.order
            context = target.text
        elif target is not None:  # a footnote entry: sorted after the paragraph that first refers to it
            order = target.marks[0][0].order + 0.5 if target.marks else 10**6 + target.order
            if target.footnote is not None and target.footnote.paragraphs:
                line = target.footnote.paragraphs[0].line
                context = target.footnote.text
        mends = paragraph is not None and start is not None and (fix is not None or italic is not None
                                                                  or mark is not None)
        fixable = self.fixable and mends and not unsafe
        unsafe = unsafe and bool(self.unsafe_fix) and mends
        return Finding(rule=self.id, message=message, label=label or getattr(target, "label", "document"),
                       order=order, paragraph=paragraph, line=line, severity=severity or self.severity,
                       category=self.category, fixable=fixable, match=match, context=context,
                       start=start if paragraph is not None else None, end=end if paragraph is not None else None,
                       fix=fix if fixable or unsafe else None, italic=italic if fixable else None,
                       mark=mark if fixable else None, unsafe=unsafe)


@dataclass(slots=True)
class Finding:
    """One departure from the conventions, tied to the paragraph a drafter names, with what `fix` would do."""

    rule: str
    message: str
    label: str
    order: float
    paragraph: int | None
    line: int | None
    severity: str
    category: str
    fixable: bool = False
    match: str = ""  # the words at fault, when the rule knows them
    context: str = ""  # the paragraph's own text (without its number): what a finding is tied to
    start: int | None = None  # the words at fault: a span in the body paragraph's text (Paragraph.index)
    end: int | None = None
    fix: str | None = None  # what `draftlint fix` puts in place of start:end
    italic: bool | None = None  # or the italics it gives start:end
    mark: str | None = None  # or the number the typed footnote mark at `start` takes (with every other one)
    unsafe: bool = False  # `fix` is the text only `fix --unsafe` puts in place of start:end


def prefix_length(rule_id: str, prefix: str) -> int:
    """How much of `rule_id` a selector names, for "the longest match wins": the length of the id or prefix it
    matches ("italics" names italics.lead), 0 for "all", "*" or "" (every rule), -1 when it does not match.
    --select, --ignore, severities, per-file ignores and suppression comments all read selectors so."""
    p = prefix.strip().rstrip(".")
    if p in ("", "all", "*"):
        return 0
    return len(p) if rule_id == p or rule_id.startswith(p + ".") else -1
