"""The text reader on the seed texts, which keep the flaws of their conversion from PDF."""
from __future__ import annotations

from conftest import lint_path, lint_text


def test_77_64_seed_model(seeds):
    res, findings = lint_path(seeds / "A_RES_77_64.txt")
    assert res.kind == "ga-resolution"
    assert len(res.preamble) == 26 and len(res.operative) == 36
    assert res.preamble[0].lead.text == "Recalling"
    assert res.operative[2].lead.text == "Strongly encourages"
    assert res.operative[9].lead.text == "Also encourages"
    assert [e.number for e in res.footnotes] == [str(k) for k in range(1, 23)]
    assert res.of_kind("title")[0].text.startswith("77/64. Countering")
    # a paragraph cut by footnotes at a page break is one paragraph again
    assert "the network of regional and multilateral communities" in res.preamble[23].text
    assert res.operative[34].text.endswith("of relevant global activities;")
    # Only the plain repeats of "Encourages" the adopted text really has (warnings, conventions.md §3).
    assert {f.rule for f in findings} <= {"repetition.run"} and all(f.severity == "warning" for f in findings)


def test_71_72_seed_plain_footnote_numbers(seeds):
    res, findings = lint_path(seeds / "A_RES_71_72.txt")
    assert len(res.operative) == 24 and len(res.footnotes) == 11
    entry = next(e for e in res.footnotes if e.number == "9")
    assert entry.marks[0][0].label == "OP1"
    assert res.operative[0].text.startswith("Welcomes the report")
    assert "resolution 70/46, and takes note" in res.operative[0].text
    # 71/72 repeats the marks of footnotes 4 and 6 in OP8 (old practice): a warning, not an error
    assert [(f.label, f.rule, f.severity) for f in findings if f.category == "footnotes"] == [
        ("OP8", "footnotes.repeated", "warning"), ("OP8", "footnotes.repeated", "warning")]
    assert [f for f in findings if f.severity == "error"] == []


def test_line_numbers_in_text_drafts(tmp_path):
    res, findings = lint_text("*The General Assembly,*\n\n*Recalling* its resolution,\n\n1. Requests a report;\n\n"
                              "2. *Decides* to remain seized.\n", tmp_path)
    assert [(f.label, f.line, f.rule) for f in findings] == [("OP1", 5, "italics.lead")]


def test_text_without_any_italics_is_not_checked_for_italics(tmp_path):
    _, findings = lint_text("The General Assembly,\n\nRecalling its resolution,\n\n1. Decides to act.\n", tmp_path)
    assert findings == []


def test_critic_markup_is_read_as_accepted(tmp_path):
    res, findings = lint_text("*The General Assembly,*\n\n*Recalling* its work,\n\n1. *Decides* {--hereby --}to act{++ now++}.\n",
                              tmp_path)
    assert res.operative[0].text == "Decides to act now." and findings == []


def test_the_minimal_draft_of_the_text_drafts_doc_checks_clean(tmp_path):
    # its OP2 is wrapped before "“Countering …”": one paragraph, as a drafter typed it
    import re

    from conftest import ROOT, lint_text

    doc = (ROOT / "docs" / "text-drafts.md").read_text(encoding="utf-8")
    draft = re.search(r"A minimal draft:\n\n```\n(.*?)```", doc, re.S).group(1)
    res, findings = lint_text(draft, tmp_path)
    assert [n.label for n in res.operative] == ["OP1", "OP2"]
    assert res.operative[1].text.endswith("improvised explosive devices”.")
    assert [f.rule for f in findings] == ["placeholders.open"]  # the report's symbol, A/76/[..], is to come
