"""Finding the lead phrase of a preambular or operative paragraph ("Expressing grave concern", "Takes note").

The extent matters: it is what must be in italics, and nothing after it. Words marked optional (the
particle of "Calls upon") may be in italics or not; everything else of a known phrase is required.
"""
from __future__ import annotations

from draftlint.patterns import WORD
from draftlint.records import record


OP_ADVERBS = {"also", "further", "strongly", "again", "firmly", "urgently", "solemnly", "deeply", "fully",
              "emphatically", "unreservedly", "earnestly", "warmly", "unequivocally", "categorically",
              "resolutely", "vigorously", "once", "respectfully", "most", "repeatedly"}
PP_PRE_ADVERBS = {"deeply", "gravely", "seriously", "strongly", "fully", "profoundly", "greatly", "highly",
                  "firmly", "particularly", "increasingly", "extremely", "very", "also", "further", "once",
                  "again", "most", "equally", "keenly", "acutely", "remaining", "still"}
POST_ADVERBS = {"also", "further", "again"}
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


@record
class Lead:
    start: int  # where the lead begins in the paragraph text
    min_end: int  # end of the words that must be in italics
    end: int  # end of the longest extent that may be in italics
    text: str  # the lead as written, longest extent
    base: str  # the lead without also/further/again, lower case ("encourages", "recalling")
    adverb: str | None  # "also", "further" or "again"
    adverb_first: bool  # the adverb stands before the verb ("Also encourages")
    operative: bool  # a verb in the third person ("Decides"), not a participle or adjective
    known: bool  # the extent comes from the lexicon, not from the first word alone
    head: str = ""  # from the head word on, without adverbs, lower case: "encourages" for "Also strongly encourages"


def _tokens(text: str, start: int):
    """Words from `start` that are separated only by spaces (a comma or other sign ends the lead)."""
    pos = start
    n = len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\u00a0":
            pos += 1
        m = WORD.match(text, pos)
        if not m:
            return
        yield m.group(0), m.start(), m.end()
        pos = m.end()


def is_operative_word(word: str) -> bool:
    lw = word.lower()
    return len(lw) > 3 and lw.endswith("s") and not lw.endswith("ss") and lw not in NOT_VERBS


def is_preambular_word(word: str) -> bool:
    lw = word.lower()
    if lw in PP_ADJECTIVES or lw == "having":
        return True
    if lw in NOT_PARTICIPLES:
        return False
    return (lw.endswith("ing") and len(lw) > 5) or (lw.endswith("ed") and len(lw) > 4)


def find_lead(text: str, start: int = 0) -> Lead | None:
    toks = list(_take(_tokens(text, start), 12))
    if not toks or not toks[0][0][:1].isupper():
        return None
    i = 0
    adverb = None
    adverb_first = False
    # Adverbs before the head: "Also encourages", "Strongly condemning", "Once again requests".
    while i < len(toks) - 1 and toks[i][0].lower() in (OP_ADVERBS | PP_PRE_ADVERBS):
        lw = toks[i][0].lower()
        nxt = toks[i + 1][0].lower()
        if lw == "remaining" and not (nxt in PP_PRE_ADVERBS or is_preambular_word(nxt)):
            break
        if lw in POST_ADVERBS and adverb is None:
            adverb, adverb_first = lw, True
        i += 1
    head, _, head_end = toks[i]
    lh = head.lower()
    operative = is_operative_word(head)
    if not operative and not is_preambular_word(head):
        return None
    required_end = head_end
    end = head_end
    known = lh in CONTINUATIONS or lh in EXPRESS or lh in WITH_HEADS
    j = i + 1
    if lh == "having" and j < len(toks):
        required_end = end = toks[j][2]
        j += 1
    # An adverb after the head in the preamble: "Noting also with concern", "Recalling further".
    if j < len(toks) and toks[j][0].lower() in POST_ADVERBS and adverb is None:
        adverb = toks[j][0].lower()
        required_end = end = toks[j][2]
        j += 1
    j, required_end, end = _continuation(toks, j, lh, required_end, end)
    if j < len(toks) and toks[j][0].lower() in POST_ADVERBS and adverb is None:
        adverb = toks[j][0].lower()
        required_end = end = toks[j][2]
        j += 1
    words = [t[0].lower() for t in toks[:j] if t[0].lower() != adverb]
    head_words = [t[0].lower() for t in toks[i:j] if t[0].lower() != adverb]
    lead_start = toks[0][1]
    return Lead(start=lead_start, min_end=required_end, end=end, text=text[lead_start:end],
                base=" ".join(words), adverb=adverb, adverb_first=adverb_first, operative=operative, known=known,
                head=" ".join(head_words))


def _take(it, n):
    for k, x in enumerate(it):
        if k >= n:
            return
        yield x


def _continuation(toks, j, lh, required_end, end):
    words = [t[0].lower() for t in toks]
    if lh in EXPRESS:
        k = j
        if k < len(words) and words[k] in POSSESSIVES:
            k += 1
        while k < len(words) and words[k] in INTENSIFIERS:
            k += 1
        if k < len(words) and words[k] in FEELINGS:
            if lh in ("reiterates", "reiterating"):
                return k + 1, required_end, toks[k][2]  # "Reiterates its concern": italics seen both ways
            return k + 1, toks[k][2], toks[k][2]
        return j, required_end, end
    if lh in WITH_HEADS or (lh in ("takes", "taking") and j < len(words) and words[j] == "note"):
        k = j + 1 if lh in ("takes", "taking") and j < len(words) and words[j] == "note" else j
        if k < len(words) and words[k] == "with":
            m = k + 1
            while m < len(words) and words[m] in INTENSIFIERS:
                m += 1
            if m < len(words) and words[m] in FEELINGS:
                return m + 1, toks[m][2], toks[m][2]
    for phrase in sorted(CONTINUATIONS.get(lh, []), key=lambda p: -len(p.split())):
        parts = phrase.split()
        if [p.rstrip("?") for p in parts] == words[j:j + len(parts)]:
            req = j
            for k, p in enumerate(parts):
                if not p.endswith("?"):
                    req = j + k + 1
            return j + len(parts), (toks[req - 1][2] if req > j else required_end), toks[j + len(parts) - 1][2]
    return j, required_end, end
