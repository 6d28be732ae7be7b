"""The regular expressions of a pack's rules: written case-aware, compiled by `re` or `regex`, and read in
advance for the strings every match contains (what the prefilter of matching.py looks for)."""
from __future__ import annotations

import re

from draftlint.lint.matching import leading_strings, required_strings

PATTERN_TIMEOUT = 0.25  # seconds a pattern of a delegation's pack may take on one text


def pattern_strings(spec: dict) -> list | None:
    """What a text must contain for each of the rule's patterns to match in it (per pattern, groups of strings
    a match contains: see matching.required_strings); None when the patterns cannot tell."""
    flags = 0 if spec.get("case_sensitive", False) else re.IGNORECASE
    out = []
    for p in spec.get("patterns", ()):
        if "[:" in p:  # a POSIX class ([[:upper:]]) is `regex` syntax that `re` would read as a set of characters
            return None
        found = required_strings(f"(?:{p})", flags)
        if found is None:
            return None
        out.append([list(group) for group in found])
    return out


def pattern_starts(spec: dict) -> frozenset[str] | None:
    """The strings every match of the rule's patterns starts with (matching.leading_strings), or None."""
    patterns = spec.get("patterns", ())
    if not patterns:
        return None
    flags = 0 if spec.get("case_sensitive", False) else re.IGNORECASE
    return leading_strings("|".join(f"(?:{p})" for p in patterns), flags)


# Unicode classes that name a case. With case_sensitive: false, `regex` (like `re`) matches \p{Lu} with any
# letter that has a capital form, lower-case words included; a drafter who writes \p{Lu} means a capital.
CASE_PROPERTIES = {"lu", "ll", "lt", "upper", "lower", "title", "uppercase", "lowercase", "titlecase",
                   "uppercaseletter", "lowercaseletter", "titlecaseletter"}
PROPERTY = re.compile(r"\\[pP]\{([^}]*)\}|\[:\^?(upper|lower):\]")


def _names_a_case(piece: str) -> bool:
    for m in PROPERTY.finditer(piece):
        if m.group(2):
            return True
        name = re.sub(r"[\s_\-]", "", m.group(1)).lower().lstrip("^")
        name = re.sub(r"^(?:gc|generalcategory)[=:]", "", name)
        if name in CASE_PROPERTIES or name.startswith("is") and name[2:] in CASE_PROPERTIES:
            return True
    return False


def _escape_end(pattern: str, k: int) -> int:
    """Where the escape that starts at pattern[k] (a backslash) ends: \\p{Lu}, \\pL, \\x{263a}, \\d …"""
    if pattern[k + 1:k + 2] in ("p", "P", "N", "x", "u", "U", "g") and pattern[k + 2:k + 3] == "{":
        close = pattern.find("}", k + 3)
        return close + 1 if close != -1 else len(pattern)
    if pattern[k + 1:k + 2] in ("p", "P"):
        return k + 3
    return k + 2


def _class_end(pattern: str, k: int) -> int:
    """Where the character class that starts at pattern[k] ("[") ends (its "]" included)."""
    j = k + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":  # a "]" first in the class is the character itself
        j += 1
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j = _escape_end(pattern, j)
        elif pattern.startswith("[:", j) and ":]" in pattern[j + 2:]:  # [:upper:] inside the class
            j = pattern.index(":]", j + 2) + 2
        elif c == "]":
            return j + 1
        else:
            j += 1
    return len(pattern)


def keep_case(pattern: str) -> str:
    """The pattern with every escape or class that names a case (\\p{Lu}, \\p{Ll}, [[:upper:]] …) made
    case-sensitive ((?-i:…)): under case_sensitive: false the pattern's letters match either case, and
    \\p{Lu} still means a capital letter."""
    if "\\p" not in pattern and "\\P" not in pattern and "[:" not in pattern:
        return pattern
    out, k = [], 0
    while k < len(pattern):
        c = pattern[k]
        if c not in "\\[":
            out.append(c)
            k += 1
            continue
        end = _escape_end(pattern, k) if c == "\\" else _class_end(pattern, k)
        piece = pattern[k:end]
        out.append(f"(?-i:{piece})" if _names_a_case(piece) else piece)
        k = end
    return "".join(out)


def compile_pattern(pattern: str, case_sensitive: bool, where: str, untrusted: bool = False):
    """A compiled pattern: `re` for the built-in packs, `regex` where a pattern needs its Unicode classes
    (\\p{Lu}); always `regex` for a delegation's pack, whose matches then run under a timeout."""
    flags = 0 if case_sensitive else re.IGNORECASE
    written = keep_case(pattern) if not case_sensitive else pattern
    if not untrusted:
        try:
            return re.compile(written, flags)
        except re.error:
            pass
    import regex

    try:
        return regex.compile(written, flags)
    except Exception as exc:  # regex.error
        from draftlint.errors import PackError

        raise PackError(f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc})") from None
