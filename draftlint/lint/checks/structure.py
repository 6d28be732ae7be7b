"""The parts of a resolution and their order: opening, preamble, operative part, title, closing."""
from __future__ import annotations

from draftlint.lint.rule import DRAFT_HEAD, Rule

D = DRAFT_HEAD

OPENING = Rule(
    "structure.opening", "structure", "error",
    summary="The resolution has its opening line (“The General Assembly,”) once, before the preamble.",
    why="The organ line is the grammatical subject of every paragraph: without it the preamble and the "
        "operative part have no subject; twice, and the text reads as two resolutions.",
    wrong="*Recalling* its resolution 75/59 of 7 December 2020,\n\n1. *Takes note* of the report;\n\n2. *Decides* to remain seized of the matter.",
    right=D + "1. *Takes note* of the report;\n\n2. *Decides* to remain seized of the matter.",
)
ORDER = Rule(
    "structure.order", "structure", "error",
    summary="All preambular paragraphs come before the first operative paragraph.",
    why="A resolution states its reasons (preamble) and then what it does (operative part); a preambular "
        "paragraph among the operative ones is usually a paragraph moved in negotiation and left behind.",
    wrong=D + "1. *Takes note* of the report;\n\n*Noting* the work done,\n\n2. *Decides* to remain seized of the matter.",
    right=D + "*Noting* the work done,\n\n1. *Takes note* of the report;\n\n2. *Decides* to remain seized of the matter.",
)
UNNUMBERED = Rule(
    "structure.unnumbered", "structure", "error",
    summary="Every paragraph of the operative part is numbered, except sub-paragraphs.",
    why="Delegations negotiate and vote paragraph by paragraph: an operative paragraph without a number cannot "
        "be referred to, and is often a paragraph whose automatic numbering was lost.",
    wrong=D + "1. *Takes note* of the report;\n\n*Requests* the Secretary-General to report;\n\n2. *Decides* to remain seized of the matter.",
    right=D + "1. *Takes note* of the report;\n\n2. *Requests* the Secretary-General to report;\n\n3. *Decides* to remain seized of the matter.",
)
OPERATIVE = Rule(
    "structure.operative", "structure", "error",
    summary="A resolution has an operative part.",
    why="The operative paragraphs are what the organ decides; a text with a preamble only is unfinished.",
    wrong="*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n*Noting* the report,",
    right=D + "1. *Decides* to remain seized of the matter.",
)
TITLE = Rule(
    "structure.title", "structure", "error",
    summary="A General Assembly resolution or draft has a title line above the opening.",
    why="The title names the resolution in every later citation and in the agenda of the next session.",
    wrong="Seventy-ninth session\n\nFirst Committee\n\nAgenda item 99\n\nAustria and Brazil: draft resolution\n\n" + D
          + "1. *Decides* to remain seized of the matter.",
    right="Seventy-ninth session\n\nFirst Committee\n\nAgenda item 99\n\nAustria and Brazil: draft resolution\n\n"
          "Countering the threat posed by improvised explosive devices\n\n" + D + "1. *Decides* to remain seized of the matter.",
)
CLOSING = Rule(
    "structure.closing", "structure", "error",
    summary="An adopted General Assembly resolution ends with its plenary meeting and date; a draft does not.",
    why="The closing lines record when the resolution was adopted; in a draft they are left over from last "
        "year's text and must go.",
    wrong="Austria and Brazil: draft resolution\n\nCountering the threat\n\n" + D
          + "1. *Decides* to remain seized of the matter.\n\n46th plenary meeting\n\n7 December 2022",
    right="Austria and Brazil: draft resolution\n\nCountering the threat\n\n" + D + "1. *Decides* to remain seized of the matter.",
)
RULES = [OPENING, ORDER, UNNUMBERED, OPERATIVE, TITLE, CLOSING]

def check(res):
    if not res.has_structure:
        return
    openings = res.opening
    if not openings:
        yield OPENING.at(None, "the opening line (“The General Assembly,”) is missing before the preamble",
                         label="opening")
    for node in openings[1:]:
        # A second part ("B", its title) starts with its own opening line; anywhere else it is a repeat.
        prev = [n for n in res.nodes if n.order < node.order]
        if not (prev and prev[-1].kind in ("section", "title", "heading", "closing")):
            yield OPENING.at(node, "the opening line appears again; a resolution has it once")
    for node in res.preamble:
        if node.misplaced:
            first_op = next((n for n in res.operative if n.part == node.part), None)
            where = f" after {first_op.label}" if first_op else ""
            yield ORDER.at(node, f"preambular paragraph{where}: all preambular paragraphs come before the first "
                                 "operative paragraph")
    ops = res.operative
    for part in {n.part for n in ops}:
        in_part = [n for n in ops if n.part == part]
        if len(in_part) > 1:  # a resolution with a single operative paragraph leaves it unnumbered
            for node in in_part:
                if node.number is None:
                    yield UNNUMBERED.at(node, "this paragraph among the operative paragraphs has no number")
    if openings and not ops and not res.of_kind("chapeau"):
        yield OPERATIVE.at(openings[0], "the resolution has no operative paragraphs")
    title_needed = res.kind in ("ga-resolution", "ga-draft", "hrc-draft", "ecosoc-draft")
    if title_needed and not res.of_kind("title"):
        yield TITLE.at(None, "the title of the resolution is missing above the opening line", label="title")
    closing = res.of_kind("closing")
    if res.kind == "ga-resolution" and not closing and ops:
        yield CLOSING.at(ops[-1], "an adopted resolution ends with its plenary meeting and date "
                                  "(“46th plenary meeting / 7 December 2022”)", label="closing")
    leftover = next((n for n in closing if "meeting" in n.text), None)
    if res.draft and leftover:
        yield CLOSING.at(leftover, "a draft has no plenary meeting and date; remove the closing lines")
