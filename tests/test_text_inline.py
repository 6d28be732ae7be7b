"""The inline grammar of the text format (formats/text/inline.py), which the text reader and the .docx
builder both read: its pieces, the two agreeing on a paragraph, and linear time on hostile input."""
from __future__ import annotations

import time

import pytest

from draftlint.formats import read
from draftlint.formats.docx.build import build_docx
from draftlint.formats.text.inline import pieces


def test_pieces_of_a_paragraph():
    raw = r"*Notes* **{++with++}** \*care\* of [..],¹ [x] 5 * 3 {--old--}{>>why?<<}"
    assert list(pieces(raw, changes=True)) == [
        ("italic", True), ("text", "Notes"), ("italic", False), ("text", " "),
        ("bold", True), ("inserted", True), ("text", "with"), ("inserted", False), ("bold", False),
        ("text", " "), ("text", "*"), ("text", "care"), ("text", "*"), ("text", " of "), ("placeholder", "[..]"),
        ("text", ","), ("sup", "1"), ("text", " "), ("text", "["), ("text", "x] 5 "), ("stars", (1, True, True)),
        ("text", " 3 "), ("deleted", "old"), ("comment", "why?")]
    # The reader accepts every change beforehand: to it, CriticMarkup is text.
    assert list(pieces("a {++b++}")) == [("text", "a {++b++}")]
    assert list(pieces("[*the* report](https://undocs.org/A/79/1)")) == [
        ("italic", True), ("text", "the"), ("italic", False), ("text", " report")]


def test_a_change_is_closed_by_its_first_closer_and_never_nested():
    assert list(pieces("{++a {++b++} c++}", changes=True)) == [
        ("inserted", True), ("text", "a "), ("text", "{"), ("text", "++b"), ("inserted", False), ("text", " c++}")]
    assert list(pieces("{--a", changes=True)) == [("text", "{"), ("text", "--a")]


@pytest.mark.parametrize("para", [
    r"*Welcomes* the **work** of [Name] and \*stars\*, *Decides* now 5 * 3 end,¹",
    "*Notes {++with concern++}* the {--old --}report{>>why?<<} of [..];",
    "*Recalling [Title] of* [..] and **[..]** too,",
    "*Takes note* of [the report](https://undocs.org/A/79/1 \"x\") of the [Secretary-General](sg),¹",
])
def test_the_builder_writes_what_the_reader_reads(tmp_path, para):
    """One grammar: a paragraph built into a .docx reads back with the text and italics (and footnote
    mark) the text reader gives the same paragraph."""
    draft = para + "\n\n¹ A note.\n"
    (tmp_path / "d.md").write_text(draft, encoding="utf-8")
    build_docx(draft, str(tmp_path / "d.docx"))
    text, docx = read(str(tmp_path / "d.md")).paragraphs[0], read(str(tmp_path / "d.docx")).paragraphs[0]
    assert (docx.text, docx.italic_mask()) == (text.text, text.italic_mask())
    assert [m.offset for m in docx.marks] == [m.offset for m in text.marks]


@pytest.mark.parametrize("opener", ["{++", "{--", "{>>", "*", "**"])
def test_hostile_openers_take_linear_time(tmp_path, opener):
    """A regex such as \\{\\+\\+(.*?)\\+\\+\\} searched again from each of 20,000 unclosed openers took
    about 15 s; the grammar finds each closer once."""
    start = time.perf_counter()
    build_docx("1. a " + f"{opener}x " * 20_000, str(tmp_path / "h.docx"))
    assert time.perf_counter() - start < 3
