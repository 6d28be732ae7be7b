"""Session numbers as the UN spells them: "seventy-ninth", "eightieth", "eighty-first", "hundredth"."""
from __future__ import annotations

import re

UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
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
ORDINAL_RE = re.compile(r"\b(?:[a-z]+[- ])?[a-z]+(?:th|st|nd|rd)\b(?=\s+(?:regular\s+|special\s+)?session\b)", re.I)


def value(word: str) -> int | None:
    """ "Seventy-ninth" -> 79, also for a wrong spelling such as "seventy ninth" or "Seventy-Ninth"."""
    key = re.sub(r"[\s-]+", "-", word.strip().lower())
    return WORDS.get(key)
