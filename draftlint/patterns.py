"""Patterns shared by the readers, the structure model and the checks: one place for each."""
from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MONTH_RE = "|".join(MONTHS)

# "The General Assembly," and the like; the organ may be any assembly, council, conference or commission.
OPENING = re.compile(
    r"^The\s+(?P<organ>General Assembly|Security Council|Human Rights Council|Economic and Social Council|"
    r"(?:[A-Z][\w’'-]*\s+)(?:(?:of|on|and|for|the|to|[A-Z][\w’'-]*)\s+){0,8}?"
    r"(?:Assembly|Council|Conference|Commission|Committee|Board|Meeting|Parties|Forum))\s*(?P<punct>[,:;.]?)\s*$"
)
CLOSING_MEETING = re.compile(
    rf"^(?:(?P<n>\d+)(?P<suffix>st|nd|rd|th)|\[\.\.\])\s+(?:plenary\s+)?meeting"
    rf"(?:\s+(?P<date>\d{{1,2}}\s+(?:{MONTH_RE})\s+\d{{4}}|\[date\]))?\.?$"
)
DATE_LINE = re.compile(rf"^(?:\d{{1,2}}\s+(?:{MONTH_RE})\s+\d{{4}}|\[date\])\.?$")
ADOPTION_NOTE = re.compile(r"^\[(?:Adopted|Adopted without a vote|Adopted by a recorded vote|Adopted by a vote)\b.*\]\.?$")
ANNEX = re.compile(r"^Annex(?:es)?(?:\s+[IVXL]+)?\.?$", re.I)
SECTION_MARK = re.compile(r"^(?:[IVXL]{1,6}|[A-H])\.?$")
SECTION_MARK_TITLE = re.compile(r"^(?P<mark>[IVXL]{1,6}|[A-H])\.\s+(?P<title>[A-Z].*[^.,;:])$")

# A paragraph number as typed at the start of a paragraph: "1.", "12.", "(a)", "(iv)", "(aa)", "a."
TYPED_NUMBER = re.compile(r"^(?P<label>\d{1,3}[.)]|\(\d{1,3}\)|\([a-z]{1,4}\)|[a-z]{1,4}\.|[A-Z]\.)(?=\s)\s*")

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
