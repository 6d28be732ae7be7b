"""Lead phrases in italics: the whole lead phrase of every PP and OP, and nothing after it."""
from __future__ import annotations

from draftlint.model.leads import goes_on_as_lead
from draftlint.model.patterns import WORD
from draftlint.lint.rule import DRAFT_HEAD, Rule

D = DRAFT_HEAD
FUNCTION_WORDS = {"of", "that", "to", "the", "a", "an", "at", "about", "over", "on", "upon", "in", "for", "by",
                  "with", "from", "and", "all", "any", "each", "its", "their", "his", "her", "member", "states"}

LEAD = Rule(
    "italics.lead", "italics", "error",
    summary="The whole lead phrase of each preambular and operative paragraph is in italics.",
    why="Italics mark where the organ speaks (“*Takes note*”, “*Expressing grave concern*”); a lead phrase "
        "half in italics (“*Takes* note”) or in roman is the most common formatting slip in drafts.",
    wrong=D + "1. *Takes* note of the report;\n\n2. Decides to remain seized of the matter.",
    right=D + "1. *Takes note* of the report;\n\n2. *Decides* to remain seized of the matter.",
    fixable=True,
)
SPILL = Rule(
    "italics.spill", "italics", "error",
    summary="Italics stop at the end of the lead phrase.",
    why="The object of the verb is roman: “*Requests* the Secretary-General”, “*Takes note* of”. Italics that run "
        "on are usually a formatting brush applied to a whole line.",
    wrong=D + "1. *Requests the Secretary-General* to report;\n\n2. *Decides* to remain seized of the matter.",
    right=D + "1. *Requests* the Secretary-General to report;\n\n2. *Decides* to remain seized of the matter.",
    fixable=True,
)
OPENING = Rule(
    "italics.opening", "italics", "warning",
    summary="The opening line (“The General Assembly,”) is in italics.",
    why="Adopted resolutions print the organ line in italics, like the lead phrases that continue it.",
    wrong="The General Assembly,\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n1. *Decides* to remain seized of the matter.",
    right=D + "1. *Decides* to remain seized of the matter.",
    fixable=True,
)
RULES = [LEAD, SPILL, OPENING]


def _italic_words(mask: str, text: str, start: int, end: int):
    """(word, start, end, all in italics) for each word between start and end, as the caller reads on."""
    for m in WORD.finditer(text, start, end):
        s, e = m.span()
        yield m.group(0), s, e, mask.find(ROMAN, s, e) < 0


def check(res):
    source = res.source
    if not source.has_italics or not res.has_structure:
        return
    parts = {"pp": res.preamble, "op": [n for n in res.operative if not n.clause]}
    for kind, nodes in parts.items():
        with_lead = [n for n in nodes if n.lead is not None]
        if source.format == "text" and not any(any(n.para.italic_mask()[n.lead.start:n.lead.min_end]) for n in with_lead):
            continue  # a text copy that lost the italics of this part: nothing to check against
        for node in with_lead:
            yield from _check_lead(node)
    for node in res.opening:
        mask = node.para.italic_mask()
        letters = [mask[k] for k, ch in enumerate(node.para.text) if ch.isalpha()]
        if letters and not all(letters):
            text = node.para.text
            yield OPENING.at(node, f"the opening line “{node.text}” is not in italics",
                             start=len(text) - len(text.lstrip()), end=len(text.rstrip()), italic=True)


# What the italics check reads of a paragraph's italics: a string with a character for each of the text's, ITALIC
# or ROMAN, so that whether a span is all in italics, or has any, is one str.find, in C, with no slice.
ITALIC, ROMAN = "i", "r"


def _mask(para, stop: int) -> str:
    """para.italic_mask() as far as `stop` at least (a lead's check reads no further), as ITALIC and ROMAN."""
    parts, length = [], 0
    for r in para.runs:
        parts.append((ITALIC if r.italic else ROMAN) * len(r.text))
        length += len(r.text)
        if length >= stop:
            break
    return "".join(parts)


def _check_lead(node):
    lead = node.lead
    text = node.para.text
    stop = min(len(text), lead.end + 200)
    mask = _mask(node.para, stop)
    # The lead's words as the lead finder read them (the same pattern, so the same words WORD.finditer finds
    # between lead.start and lead.min_end, which is the end of one of them).
    words = [(w, s, e, mask.find(ROMAN, s, e) < 0) for w, s, e in lead.words if e <= lead.min_end]
    cut = next((w for w in words if not w[3] and mask.find(ITALIC, w[1], w[2]) >= 0), None)
    # The fix italicizes the lead as usually printed; italics past it are the spill rule's to remove.
    mend = {"start": lead.start, "end": lead.usual_end, "italic": True}
    if cut is not None:
        yield LEAD.at(node, f"the italics cut the word “{cut[0]}” of the lead phrase "
                            f"“{text[lead.start:lead.min_end]}” in two; put the whole word in italics", **mend)
        return
    if not all(w[3] for w in words):
        roman = [w[0] for w in words if not w[3]]
        italic = [w[0] for w in words if w[3]]
        phrase = text[lead.start:lead.min_end]
        if not italic:
            yield LEAD.at(node, f"the lead phrase “{phrase}” is not in italics", **mend)
        else:
            yield LEAD.at(node, f"only “{' '.join(italic)}” of the lead phrase “{phrase}” is in italics; "
                                f"put “{' '.join(roman)}” in italics too", **mend)
        return
    if len(mask) >= stop and mask.find(ITALIC, lead.min_end, stop) < 0:
        return  # no italics after the lead (the usual case): no word of it can be
    # Words after the lead that are still italic: those the lead may take, then those of the paragraph.
    last = words[-1][0].lower() if words else ""
    spilled, spill_end = [], lead.usual_end
    for word, s, e, is_italic in _italic_words(mask, text, lead.min_end, stop):
        if not is_italic and mask.find(ITALIC, s, e) < 0:
            break
        if e <= lead.end and is_italic and not spilled:
            last = word.lower()
            continue  # a word the lead may take or not ("Calls *upon*", "Takes note *of*")
        spilled.append(word)
        spill_end = e
    if spilled and not goes_on_as_lead(last, [w.lower() for w in spilled]):
        # Past a lead known from adopted texts, italics run into the substance of the paragraph. Past a lead
        # draftlint does not know, only function words ("of", "the") say so for certain.
        severe = lead.known or any(w.lower() in FUNCTION_WORDS for w in spilled)
        yield SPILL.at(node, f"the italics run past the lead phrase “{text[lead.start:lead.end]}” into "
                             f"“{' '.join(spilled[:6])}”; only the lead phrase is in italics",
                       severity=None if severe else "warning", start=lead.usual_end, end=spill_end, italic=False)
