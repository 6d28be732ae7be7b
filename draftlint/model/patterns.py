"""Patterns shared by the readers, the structure model and the checks: one place for each."""
from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MONTH_RE = "|".join(MONTHS)


def written(day) -> str:
    """A datetime.date as UN texts write it, "5 December 2016", whatever the locale (strftime's %B is not)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

# Letters, apostrophes (’ and ') and hyphens, as in "Member States’" or "Secretary-General's": the same
# text as [A-Za-z’'-]*, with ’ kept out of the class, because a class that mixes ’ with two other characters
# makes `re` build a table of 65,536 entries when it compiles the pattern (about 0.2 ms in every new process).
LETTERS = r"[A-Za-z'-]*(?:’[A-Za-z'-]*)*"
WORD_CHARS = r"[\w'-]*(?:’[\w'-]*)*"  # [\w’'-]*, written the same way
# A word as the lead finder and the italics check read it: a letter, then letters, apostrophes and hyphens.
WORD = re.compile(r"[A-Za-z]" + LETTERS)

# "The General Assembly," and the like; the organ may be any assembly, council, conference or commission.
OPENING = re.compile(
    r"^The\s+(?P<organ>General Assembly|Security Council|Human Rights Council|Economic and Social Council|"
    rf"(?:[A-Z]{WORD_CHARS}\s+)(?:(?:of|on|and|for|the|to|[A-Z]{WORD_CHARS})\s+){{0,8}}?"
    r"(?:Assembly|Council|Conference|Commission|Committee|Board|Meeting|Parties|Forum))\s*(?P<punct>[,:;.]?)\s*$"
)
CLOSING_MEETING = re.compile(
    # "50th (resumed) plenary meeting": a meeting resumed on a later day closes its texts so
    rf"^(?:(?P<n>\d+)(?P<suffix>st|nd|rd|th)(?:\s+\((?:resumed|continued)\))?|\[\.\.\])\s+(?:plenary\s+)?meeting"
    rf"(?:\s+(?P<date>\d{{1,2}}\s+(?:{MONTH_RE})\s+\d{{4}}|\[date\]))?\.?$"
)
DATE_LINE = re.compile(rf"^(?:\d{{1,2}}\s+(?:{MONTH_RE})\s+\d{{4}}|\[date\])\.?$")
# Lines of a heading, read by the model, laid out by the .docx builder and rewritten by scaffold: the agenda item
# (its title is the next line); the line that says a text was adopted ("Resolution adopted by the General
# Assembly on …", "Resolution 2365 (2017)"), and the one that says how ("[on the report of the First Committee
# (A/78/409)]", "Adopted by the Security Council at its 7992nd meeting, on 30 June 2017").
AGENDA_LINE = re.compile(r"^(?:Provisional )?[Aa]genda item\b|^Item \d+")
HEADING_ADOPTED = re.compile(r"^(?:Resolution|Decision) adopted by\b|^Resolution (?:\d+|\[\.\.\]) \(.*\)$")
HEADING_ADOPTED_HOW = re.compile(r"^\[(?:on the report|on the recommendation|without reference)|^Adopted by the ")
ADOPTION_NOTE = re.compile(r"^\[(?:Adopted|Adopted without a vote|Adopted by a recorded vote|Adopted by a vote)\b.*\]\.?$")
# Case is ignored only where it must be: under re.I a class such as [IVXL] also takes the dotless ı, which
# makes `re` build a table of 65,536 entries when it compiles the pattern.
ANNEX = re.compile(r"^(?i:annex(?:es)?)(?:\s+[IVXLivxl]+)?\.?$")
SECTION_MARK = re.compile(r"^(?:[IVXL]{1,6}|[A-H])\.?$")
SECTION_MARK_TITLE = re.compile(r"^(?P<mark>[IVXL]{1,6}|[A-H])\.\s+(?P<title>[A-Z].*[^.,;:])$")

# A paragraph number as typed at the start of a paragraph: "1.", "12.", "(a)", "(iv)", "(aa)", "a."
TYPED_NUMBER = re.compile(r"^(?P<label>\d{1,3}[.)]|\(\d{1,3}\)|\([a-z]{1,4}\)|[a-z]{1,4}\.|[A-Z]\.)(?=\s)\s*")

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
