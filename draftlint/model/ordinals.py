"""Session numbers as the UN spells them: "seventy-ninth", "eightieth", "eighty-first", "hundredth"."""
from __future__ import annotations

import re


UNIT_ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
TENS_ORD = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]


def ordinal(n: int) -> str:
    """79 -> "seventy-ninth"; 100 -> "hundredth"; 101 -> "hundred and first"."""
    if n <= 0:
        raise ValueError(n)
    if n >= 100:
        rest = n % 100
        head = "hundredth" if n // 100 == 1 and not rest else ("hundred and " + ordinal(rest) if n // 100 == 1 else str(n))
        return head
    if n < 20:
        return UNIT_ORD[n]
    tens, unit = divmod(n, 10)
    return TENS_ORD[tens] if not unit else f"{TENS[tens]}-{UNIT_ORD[unit]}"


WORDS = {ordinal(n): n for n in range(1, 200)}
# Not compiled with re.I: [a-z] would also take ſ and the Kelvin sign, and `re` would build a table of 65,536
# entries for them when it compiles the pattern (0.3 ms in every new process).
# Word drafts may join the two words with a non-breaking hyphen (U+2011) or space.
ORDINAL_RE = re.compile(r"\b(?:[A-Za-z]+[-\u2010\u2011 \u00a0])?[A-Za-z]+(?i:th|st|nd|rd)\b"
                        r"(?=\s+(?i:regular\s+|special\s+)?(?i:session)\b)")


def value(word: str) -> int | None:
    """ "Seventy-ninth" -> 79, also for a wrong spelling such as "seventy ninth" or "Seventy-Ninth"."""
    key = re.sub(r"[\s\u2010\u2011-]+", "-", word.strip().lower())
    return WORDS.get(key)
