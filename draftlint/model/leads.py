"""Finding the lead phrase of a preambular or operative paragraph ("Expressing grave concern", "Takes note").

The extent matters: it is what must be in italics, and nothing after it. Words marked optional (the
particle of "Calls upon") may be in italics or not; everything else of a known phrase is required.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from draftlint.model import leadforms
from draftlint.model.patterns import WORD


OP_ADVERBS = {"also", "further", "strongly", "again", "firmly", "urgently", "solemnly", "deeply", "fully",
              "emphatically", "unreservedly", "earnestly", "warmly", "unequivocally", "categorically",
              "resolutely", "vigorously", "once", "respectfully", "most", "repeatedly"}
PP_PRE_ADVERBS = {"deeply", "gravely", "seriously", "strongly", "fully", "profoundly", "greatly", "highly",
                  "firmly", "particularly", "increasingly", "extremely", "very", "also", "further", "once",
                  "again", "most", "equally", "keenly", "acutely", "remaining", "still"}
POST_ADVERBS = {"also", "further", "again"}
LEADING_ADVERBS = OP_ADVERBS | PP_PRE_ADVERBS
PP_ADJECTIVES = {"aware", "mindful", "cognizant", "conscious", "desirous", "confident", "anxious", "eager", "keen",
                 "grateful", "appreciative", "fearful", "hopeful", "sure", "certain", "whereas", "resolved",
                 "committed", "seized", "cognisant", "unable"}
NOT_VERBS = {"this", "its", "his", "has", "was", "is", "as", "thus", "always", "perhaps", "towards", "unless",
             "besides", "nevertheless", "across", "nations", "states", "parties", "members", "governments",
             "countries", "organizations", "its", "various", "numerous", "progress", "measures", "efforts",
             "resources", "activities", "as", "less", "regardless", "whereas", "afterwards", "sometimes",
             "agencies", "bodies", "entities", "sessions", "series", "species", "means", "news", "basis", "crisis"}
NOT_PARTICIPLES = {"bring", "during", "nothing", "something", "everything", "anything", "thing", "king", "ring",
                   "morning", "evening", "spring", "string", "building", "meeting", "funding", "training",
                   "financing", "wellbeing", "need", "indeed", "speed", "seed", "creed", "feed", "red", "bed",
                   "united", "limited", "related", "based", "hundred"}

FEELINGS = {"concern", "appreciation", "gratitude", "hope", "support", "condolences", "regret", "alarm", "outrage",
            "satisfaction", "sympathy", "solidarity", "determination", "readiness", "commitment", "thanks",
            "intention", "willingness", "conviction", "belief", "view", "dismay", "disappointment", "indignation",
            "shock", "sorrow", "recognition", "confidence", "wish", "desire", "expectation", "opposition",
            "condemnation", "apprehension", "interest", "welcome", "preoccupation", "anxiety", "deep", "grave"}
INTENSIFIERS = {"deep", "deepest", "grave", "serious", "profound", "sincere", "sincerest", "full", "strong",
                "strongest", "great", "greatest", "utmost", "heartfelt", "warm", "warmest", "continued", "particular",
                "firm", "unwavering", "high", "growing", "increasing", "renewed", "considerable", "special"}
POSSESSIVES = {"its", "the", "their"}
EXPRESS = {"expresses", "expressing", "reiterates", "reiterating"}
WITH_HEADS = {"notes", "noting", "welcomes", "welcoming", "recognizes", "recognizing", "acknowledges",
              "acknowledging", "recalls", "recalling", "observes", "observing", "learns", "learning", "reaffirms",
              "reaffirming", "views", "viewing", "takes", "taking", "considers", "considering", "emphasizes",
              "emphasizing", "underlines", "underlining", "stresses", "stressing"}

# Fixed continuations after a head word; "?" marks a word that may or may not be in italics.
CONTINUATIONS: dict[str, list[str]] = {
    "takes": ["note", "into account", "into consideration", "cognizance"],
    "taking": ["note", "into account", "into consideration", "cognizance"],
    "calls": ["upon?", "on?", "for?"],
    "calling": ["upon?", "on?", "for?"],
    "bearing": ["in mind"], "bears": ["in mind"], "keeping": ["in mind"],
    "looks": ["forward to?"], "looking": ["forward to?"],
    "pays": ["tribute to?"], "paying": ["tribute to?"],
    "guided": ["by?"],
    "appeals": ["to?"], "appealing": ["to?"],
    "places": ["on record"], "placing": ["on record"],
    "having": [],  # "Having" takes the participle after it: handled below
}


@dataclass(slots=True)
class Lead:
    """The lead phrase a preambular or operative paragraph opens with, and how much of it must and may be in italics."""

    start: int  # where the lead begins in the paragraph text
    min_end: int  # end of the words that must be in italics
    end: int  # end of the longest extent that may be in italics
    usual_end: int  # end of the lead as usually printed: what a fix puts in italics
    text: str  # the lead as usually printed
    base: str  # the lead without also/further/again, lower case ("encourages", "recalling")
    adverb: str | None  # "also", "further" or "again"
    adverb_first: bool  # the adverb stands before the verb ("Also encourages")
    operative: bool  # a verb in the third person ("Decides"), not a participle or adjective
    known: bool  # the extent comes from the lexicon, not from the first word alone
    head: str = ""  # from the head word on, without adverbs, lower case: "encourages" for "Also strongly encourages"
    # The lead's words, from its start to `end` or `usual_end` (whichever is further), each with its start and end
    # in the paragraph text: the italics check reads the lead's words from here instead of finding them again.
    words: tuple[tuple[str, int, int], ...] = ()


# Up to 12 words from where a lead starts, separated only by spaces (a comma or other sign ends the lead): one
# match finds how far they go, and str.split reads them there, in C.
WORD_RUN = re.compile(r"(?:[ \t\u00a0]*" + WORD.pattern + "){1,12}")


def _words(text: str, start: int) -> tuple[list[str], list[str]]:
    """The first 12 words from `start` that are separated only by spaces, as written and in lower case."""
    m = WORD_RUN.match(text, start)
    if m is None:
        return [], []
    run = text[start:m.end()]
    return run.split(), run.lower().split()


def _tokens(text: str, start: int, words: list[str]) -> list[tuple[str, int, int]]:
    """`words` (the first of those _words read from `start`), each with its start and end in `text`."""
    toks, pos, find = [], start, text.find
    for w in words:  # only spaces lie between the words: each is found where it stands
        at = find(w, pos)
        pos = at + len(w)
        toks.append((w, at, pos))
    return toks


def is_operative_word(lw: str) -> bool:
    """`lw`: a word in lower case."""
    return len(lw) > 3 and lw.endswith("s") and not lw.endswith("ss") and lw not in NOT_VERBS


def is_preambular_word(lw: str) -> bool:
    """`lw`: a word in lower case."""
    if lw in PP_ADJECTIVES or lw == "having":
        return True
    if lw in NOT_PARTICIPLES:
        return False
    return (lw.endswith("ing") and len(lw) > 5) or (lw.endswith("ed") and len(lw) > 4)


def find_lead(text: str, start: int = 0) -> Lead | None:
    words, lower = _words(text, start)
    if not words or not words[0][0].isupper():
        return None
    i = head_index(lower)
    adverb = next((w for w in lower[:i] if w in POST_ADVERBS), None) if i else None
    adverb_first = adverb is not None
    lh = lower[i]
    # Adopted texts settle what the spelling cannot: "Conscious" and "Desirous" end in -s but lead preambular
    # paragraphs; "Being gravely concerned" leads one too.
    operative = is_operative_word(lh) and lh not in PP_ADJECTIVES and not (
        lh in leadforms.PREAMBLE_HEADS and lh not in leadforms.OPERATIVE_HEADS)
    if not operative and not is_preambular_word(lh) and lh not in leadforms.PREAMBLE_HEADS:
        return None
    # The grammar: what must be in italics (the head and the fixed words it needs: "Takes note", "Bearing in
    # mind", "Having considered") and what may be (adverbs after it, "with appreciation", "its deep concern").
    # Extents are counted in words, by the last word they take: where that ends in the text is found at the end.
    required = last = i
    known = lh in CONTINUATIONS or lh in EXPRESS or lh in WITH_HEADS
    j = i + 1
    if lh == "having":
        if j < len(lower) - 1 and lower[j] in POST_ADVERBS and adverb is None:  # "Having also examined"
            adverb = lower[j]
            j += 1
        if j < len(lower):
            required = last = j
            j += 1
    # An adverb after the head: "Noting also with concern", "Recalling further"; "*Taking note* also" is
    # printed too, so the adverb may be in roman.
    if j < len(lower) and lower[j] in POST_ADVERBS and adverb is None:
        adverb = lower[j]
        last = j
        j += 1
    # A head with words of its own to follow ("takes" and "taking", whose "note" _continuation reads, are among
    # CONTINUATIONS' heads).
    if known:
        j, required, last = _continuation(lower, j, lh, required, last)
    if j < len(lower) and lower[j] in POST_ADVERBS and adverb is None:
        adverb = lower[j]
        last = j
        j += 1
    usual = last
    seen = _forms_seen(lower[i:])
    if seen:  # the adopted texts say how much of a known formula must be in italics, and how much may be
        known = True
        shortest, longest, usual_form = seen
        if lower[i] not in leadforms.FORMS:  # "Takes", "Expresses" alone are never a lead where a form goes on
            required = max(required, i + shortest - 1)
        last = max(last, i + longest - 1)
        usual = max(required, i + usual_form - 1 if usual_form else usual)
    base, head_words = lower[:j], lower[i:j]
    if adverb is not None:
        base = [w for w in base if w != adverb]
        head_words = [w for w in head_words if w != adverb]
    toks = _tokens(text, start, words[:max(last, usual) + 1])  # the lead's words, as far as it may go
    lead_start, usual_end = toks[0][1], toks[usual][2]
    return Lead(start=lead_start, min_end=toks[required][2], end=toks[last][2], usual_end=usual_end,
                text=text[lead_start:usual_end], base=" ".join(base), adverb=adverb, adverb_first=adverb_first,
                operative=operative, known=known, head=" ".join(head_words), words=tuple(toks))


def head_index(lower: list[str]) -> int:
    """Where the head word stands after the adverbs before it: "Also encourages", "Strongly condemning",
    "Once again requests", "Remaining deeply concerned"."""
    i = 0
    while i < len(lower) - 1 and lower[i] in LEADING_ADVERBS:
        if lower[i] == "remaining" and not (lower[i + 1] in PP_PRE_ADVERBS or is_preambular_word(lower[i + 1])):
            break
        i += 1
    return i


def _forms_seen(lower: list[str]) -> tuple[int, int, int] | None:
    """Of the leads seen in adopted resolutions (leadforms.FORMS) that the words from the head on begin with,
    the number of words of the shortest, of the longest and of the longest usual one (0 if none is usual):
    (2, 3, 2) for "takes note of the report" ("takes note", "takes note of"; "of" is usually in roman)."""
    found, usual, phrase = [], 0, ""
    for k, w in enumerate(lower[:leadforms.LONGEST]):
        if not k:
            phrase = w
        elif w in leadforms.WORDS:
            phrase = f"{phrase} {w}"
        else:
            # Every word of a form after its head is one of WORDS (tools/derive_leads.py reads both from the same
            # leads, from the head on as head_index finds it): no form goes on past this word.
            break
        if phrase in leadforms.FORMS:
            found.append(k + 1)
            if phrase in leadforms.USUAL:
                usual = k + 1
    return (found[0], found[-1], usual) if found else None


def goes_on_as_lead(previous: str, following: list[str]) -> bool:
    """Whether italics that go on past a known lead, `previous` being its last word, still read as a lead: every
    word is one that adopted leads use after their head, or an adverb, and either the first word follows
    `previous` in some adopted lead or the last word is one that ends leads and is no mere function word.
    So "*Reaffirms its unwavering support*", "*Welcomes and recognizes*", "*Emphasizes once more*" read as
    leads; "*Requests the Secretary-General*", "*Decides to*" and "*Takes note of the report*" do not."""
    if not following:
        return True
    before = [previous] + following[:-1]
    if not all(w in leadforms.WORDS or w in LEADING_ADVERBS or w == "more" or _coordinated(w, b)
               for w, b in zip(following, before)):
        return False
    first, last = following[0], following[-1]
    if first in LEADING_ADVERBS or f"{previous} {first}" in leadforms.BIGRAMS:
        return True
    return last in leadforms.ENDINGS and len(last) > 3


def _coordinated(word: str, before: str) -> bool:
    """A second head joined by "and": "*Welcomes and recognizes*", "*Recalls and reiterates*"."""
    return before == "and" and (word in leadforms.OPERATIVE_HEADS or word in leadforms.PREAMBLE_HEADS)


def _continuation(words, j, lh, required, last):
    """`words`: the lead's words in lower case; `required`, `last`: the last word that must be in italics and the
    last that may be, so far. The same three after the words the head takes: (next word, required, last)."""
    if lh in EXPRESS:
        k = j
        if k < len(words) and words[k] in POSSESSIVES:
            k += 1
        while k < len(words) and words[k] in INTENSIFIERS:
            k += 1
        if k < len(words) and words[k] in FEELINGS:  # "*Expresses* its intention" is printed too
            return k + 1, required, k
        return j, required, last
    if lh in WITH_HEADS or (lh in ("takes", "taking") and j < len(words) and words[j] == "note"):
        k = j + 1 if lh in ("takes", "taking") and j < len(words) and words[j] == "note" else j
        if k < len(words) and words[k] == "with":
            m = k + 1
            while m < len(words) and words[m] in INTENSIFIERS:
                m += 1
            if m < len(words) and words[m] in FEELINGS:  # "*Acknowledges* with appreciation" is printed too
                return m + 1, (k - 1 if k > j else required), m
    for phrase in sorted(CONTINUATIONS.get(lh, []), key=lambda p: -len(p.split())):
        parts = phrase.split()
        if [p.rstrip("?") for p in parts] == words[j:j + len(parts)]:
            req = j
            for k, p in enumerate(parts):
                if not p.endswith("?"):
                    req = j + k + 1
            return j + len(parts), (req - 1 if req > j else required), j + len(parts) - 1
    return j, required, last
