"""The also/further convention (conventions §3, AF-01 to AF-05).

A run is a series of consecutive paragraphs of one part (preamble or operative part) with the same base lead:
the lead without also/further/again; modifiers stay (“Expressing grave concern” is not “Expressing concern”).
Inside a run the second paragraph takes “also” and the third “further”, after the lead in the preamble
(“Recalling also”) and before it in the operative part (“Also requests”); from the fourth on the plain form
returns. Real adopted texts break the pattern, so nothing here is an error.
"""
from __future__ import annotations

import re

from draftlint.model.patterns import LETTERS
from draftlint.lint.rule import DRAFT_HEAD, Rule

D = DRAFT_HEAD
OPENING = "*The General Assembly,*\n\n"
LAST = "\n\n3. *Decides* to remain seized of the matter."

ANTECEDENT = Rule(
    "repetition.antecedent", "repetition", "warning",
    summary="A lead with “also” or “further” follows an earlier paragraph of the same part with the same verb.",
    why="“Also requests” says that the text has requested something before. Without an earlier “Requests” the "
        "adverb is left over from a paragraph that was deleted or moved during negotiation (conventions AF-01, AF-05).",
    wrong=D + "1. *Also requests* the Secretary-General to report on the matter;\n\n2. *Welcomes* the report;"
        "\n\n3. *Decides* to remain seized of the matter.",
    right=D + "1. *Requests* the Secretary-General to report on the matter;\n\n2. *Welcomes* the report;"
        "\n\n3. *Decides* to remain seized of the matter.",
)
FURTHER = Rule(
    "repetition.further", "repetition", "info",
    summary="“Further” comes after “also”: the second paragraph with the same lead takes “also”, the third “further”.",
    why="Adopted resolutions run “Encourages / Also encourages / Further encourages” (A/RES/71/72, A/RES/75/59); "
        "a “further” with no “also” before it is usually left over from a deleted paragraph (conventions AF-02).",
    wrong=D + "1. *Requests* the Secretary-General to consult States;\n\n2. *Further requests* the Secretary-General "
        "to report on the matter;" + LAST,
    right=D + "1. *Requests* the Secretary-General to consult States;\n\n2. *Also requests* the Secretary-General "
        "to report on the matter;" + LAST,
)
POSITION = Rule(
    "repetition.position", "repetition", "warning",
    summary="In the preamble the adverb follows the lead (“Recalling also”); in the operative part it comes first "
            "(“Also requests”).",
    why="This is how adopted resolutions place it (conventions AF-03). “Also recalling” and “Further recalling” come "
        "from Model UN phrase lists; “Requests also” is found in older texts and is only noted.",
    wrong=OPENING + "*Recalling* its resolution 75/59 of 7 December 2020,\n\n*Also recalling* its resolution 76/233 "
        "of 24 December 2021,\n\n1. *Decides* to remain seized of the matter.",
    right=OPENING + "*Recalling* its resolution 75/59 of 7 December 2020,\n\n*Recalling also* its resolution 76/233 "
        "of 24 December 2021,\n\n1. *Decides* to remain seized of the matter.",
    fixable=True,
)
RUN = Rule(
    "repetition.run", "repetition", "warning",
    summary="Consecutive paragraphs with the same lead take “also” (second) and “further” (third) instead of "
            "repeating the plain lead.",
    why="The convention of adopted resolutions (“Noting / Noting also / Noting further”, “Encourages / Also "
        "encourages / Further encourages”) tells the reader that the paragraphs belong together. Adopted texts "
        "repeat a plain lead routinely (163 of the 282 resolutions of the 78th session, A/RES/77/64 OP7–OP9), so "
        "this rule is in the style profile: it runs with --profile style.",
    wrong=D + "1. *Encourages* States to share information;\n\n2. *Encourages* States to cooperate;" + LAST,
    right=D + "1. *Encourages* States to share information;\n\n2. *Also encourages* States to cooperate;" + LAST,
    fixable=True,
    profile="style",
)
RULES = [ANTECEDENT, FURTHER, POSITION, RUN]

# Words after which a “further” standing after the lead is an adverb (“Stresses further the need”, “Noting further
# that”); before a noun it is an adjective (“Calls for further action”, “Requests further information”).
ADVERB_BEFORE = {"the", "that", "to", "its", "their", "his", "her", "all", "a", "an", "in", "on", "upon", "with", "by",
                 "for", "of", "at", "as", "this", "these", "those", "each", "every", "any", "both", "whether", "how",
                 "what", "where", "when", "member", "states", "governments", "parties", "relevant", "concerned"}


def adverb_of(node) -> str | None:
    """“also” or “further” as the lead uses it, or None (“again” and an adjective “further” are not counted)."""
    lead = node.lead
    if lead.adverb not in ("also", "further"):
        return None
    if lead.adverb == "further" and not lead.adverb_first and \
            node.para.text[lead.start:lead.end].lower().endswith("further"):
        nxt = re.match(rf"[\s\u00a0]*({LETTERS})", node.para.text[lead.end:])
        if nxt and nxt.group(1) and nxt.group(1).lower() not in ADVERB_BEFORE:
            return None
    return lead.adverb


def base_of(lead) -> str:
    """The lead without also/further/again (and the “once” of “once again”)."""
    base = lead.base
    if lead.adverb == "again" and base.startswith("once "):
        base = base[5:]
    return base


def verb_of(lead) -> str:
    """The verb of the lead without adverbs or complements: “encourages” for “Strongly encourages”, “noting” for
    “Noting with concern”. An “also” is fine after any earlier paragraph with the same verb (“Noting …, Noting also
    with concern …”), so the antecedent is looked for by verb."""
    words = lead.head.split() or base_of(lead).split()
    return " ".join(words[:2]) if words[0] == "having" else words[0]


def _plain(lead) -> str:
    """The lead as written, without its also/further."""
    words = [w for w in lead.text.split() if w.lower() != lead.adverb]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def suggest(lead, adverb: str, preamble: bool) -> str:
    plain = _plain(lead)
    if preamble:
        if " with " in plain:  # “Noting also with concern”, “Taking note also with appreciation”
            return plain.replace(" with ", f" {adverb} with ", 1)
        return f"{plain} {adverb}"
    return f"{adverb.capitalize()} {plain[:1].lower()}{plain[1:]}"


def runs(res):
    """Lists of consecutive paragraphs of one part with the same base lead, in order (single ones included)."""
    current: list = []
    for node in res.nodes:
        if node.kind in ("sub", "text") and node.parent is not None:
            continue  # sub-paragraphs belong to their paragraph
        if node.kind in ("pp", "op") and node.lead is not None and not node.misplaced and not node.clause:
            if current and current[-1].kind == node.kind and current[-1].part == node.part \
                    and base_of(current[-1].lead) == base_of(node.lead):
                current.append(node)
                continue
            if current:
                yield current
            current = [node]
            continue
        if current:
            yield current
        current = []
    if current:
        yield current


def check(res):
    if not res.has_structure:
        return
    seen: dict[tuple, list] = {}  # (part, kind, verb) -> the adverbs of the paragraphs seen so far
    for node in res.nodes:
        if node.kind not in ("pp", "op") or node.lead is None or node.misplaced or node.clause:
            continue
        lead = node.lead
        preamble = node.kind == "pp"
        key = (node.part, node.kind, verb_of(lead))
        earlier = seen.setdefault(key, [])
        adverb = adverb_of(node)
        if adverb is not None:
            if not earlier:
                part = "preamble" if preamble else "operative part"
                yield ANTECEDENT.at(node, f"“{lead.text}”: no earlier paragraph of the {part} begins with "
                                          f"“{verb_of(lead).capitalize()}”; write “{_plain(lead)}”", match=lead.text)
            elif adverb == "further" and "also" not in earlier:
                yield FURTHER.at(node, f"“{lead.text}” has no “{suggest(lead, 'also', preamble)}” before it; "
                                       f"write “{suggest(lead, 'also', preamble)}”", match=lead.text)
            if preamble and lead.adverb_first:
                yield POSITION.at(node, f"in the preamble the adverb follows the lead: write "
                                        f"“{suggest(lead, adverb, True)}”, not “{lead.text}”", match=lead.text,
                                  **_swap(node, suggest(lead, adverb, True)))
            elif not preamble and not lead.adverb_first:
                yield POSITION.at(node, f"in the operative part the adverb comes first: write "
                                        f"“{suggest(lead, adverb, False)}”, not “{lead.text}”",
                                  severity="info", match=lead.text, **_swap(node, suggest(lead, adverb, False)))
        earlier.append(adverb)
    for run in runs(res):
        for k, node in enumerate(run[1:3], 1):
            lead = node.lead
            if lead.adverb is not None and (lead.adverb == "again" or adverb_of(node) is not None):
                continue
            adverb = "also" if k == 1 else "further"
            together = f"{run[0].label} and {node.label} both" if k == 1 else f"{run[0].label}–{node.label} all"
            yield RUN.at(node, f"{together} begin “{_plain(run[0].lead)}”; the {'second' if k == 1 else 'third'} "
                               f"paragraph of a run takes “{adverb}”: write “{suggest(lead, adverb, node.kind == 'pp')}”",
                         match=lead.text, **_swap(node, suggest(lead, adverb, node.kind == "pp")))


def _swap(node, lead_text: str) -> dict:
    """The lead as printed, replaced by `lead_text`: the one wording the convention allows."""
    lead = node.lead
    if node.para.text[lead.start:lead.usual_end] != lead.text:
        return {}
    return {"start": lead.start, "end": lead.usual_end, "fix": lead_text}
