"""Every rule's own wrong/right examples, the examples/ drafts, and the LibreOffice-written fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, ROOT, errors, frame, lint_path, lint_text
from draftlint.lint.registry import documented_rules
from draftlint.lint.rule import CATEGORIES, SEVERITIES

# Rules that need last session's text (--previous) are tested in test_checks_resolution.py.
RULES = sorted((r for r in documented_rules()
                if r.id not in ("recall-chain.previous", "recall-chain.report", "references.moved")), key=lambda r: r.id)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_doc_examples(rule, tmp_path):
    whole = rule.pack == "built-in"  # the Python checks' examples are whole mini-drafts; packs' are paragraphs
    _, wrong = lint_text(rule.wrong if whole else frame(rule.wrong), tmp_path, "wrong.md", profile=rule.profile)
    assert rule.id in {f.rule for f in wrong}, f"the wrong example of {rule.id} does not raise it"
    _, right = lint_text(rule.right if whole else frame(rule.right), tmp_path, "right.md", profile=rule.profile)
    assert [f for f in right if f.rule == rule.id] == []
    if whole:
        assert [f for f in right if f.severity == "error"] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert rule.category in CATEGORIES and rule.severity in SEVERITIES
    assert rule.id.count(".") == 1
    for field in ("summary", "why", "wrong", "right"):
        assert len(getattr(rule, field).strip()) > 10, f"{rule.id} has no {field}"
    assert rule.wrong != rule.right


def test_example_77_64_is_clean():
    _, findings = lint_path(EXAMPLES / "A_RES_77_64.docx")
    assert [f for f in findings if f.severity == "error"] == []


def test_example_first_committee_draft_is_clean():
    res, findings = lint_path(EXAMPLES / "A_C1_79_L_draft.docx")
    assert res.kind == "ga-draft"
    assert [f for f in findings if f.severity == "error"] == []


def test_example_75_59_real_flaws():
    res, findings = lint_path(EXAMPLES / "A_RES_75_59.docx")
    found = errors(findings)
    # PP2 ends "at all times." in the adopted text; it should end with a comma.
    assert ("PP2", "punctuation.pp-end") in found
    # The adopted text prints these operative lead verbs in roman.
    roman = {f"OP{n}" for n in (2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 17, 19, 21, 22, 23, 26, 27, 28, 29, 30)}
    assert {label for label, rule in found if rule == "italics.lead"} == roman
    assert {rule for _, rule in found} == {"punctuation.pp-end", "italics.lead"}


def test_example_2365_op14_half_italic():
    res, findings = lint_path(EXAMPLES / "S_RES_2365_2017.docx")
    assert res.kind == "sc-resolution"
    assert errors(findings) == [("OP14", "italics.lead")]
    assert "only “Takes”" in next(f.message for f in findings if f.rule == "italics.lead")


LO = ROOT / "tests" / "fixtures" / "lo"


@pytest.mark.parametrize("docx", sorted(LO.glob("*.docx")), ids=lambda p: p.stem)
def test_libreoffice_fixtures(docx):
    expect = yaml.safe_load((docx.with_suffix("")).with_suffix(".expect.yaml").read_text(encoding="utf-8"))
    res, findings = lint_path(docx)
    assert res.kind == expect["kind"]
    numbered = [n.number for n in res.nodes if n.number]
    assert numbered == expect["paragraph_numbers"]
    assert [n.lead.text for n in res.preamble] == expect["preamble"]
    assert [n.lead.base if False else n.lead.text for n in res.operative] == expect["operative"]
    assert [e.footnote.text for e in res.footnotes] == expect["footnotes"]
    assert [res.source.comments[c].text for c in res.source.comments] == expect.get("comments", [])
    wanted = {(f["label"], f["category"]) for f in expect["findings"]}
    # a finding on a sub-paragraph (OP2(a)) answers one expected on its paragraph (OP2)
    got = {(f.label.split("(")[0] if (f.label.split("(")[0], f.category) in wanted else f.label, f.category)
           for f in findings if f.severity == "error"}
    assert wanted <= got
    extra = got - wanted
    assert extra <= {("OP5", "numbering")}, extra  # lo_flawed: the typed "5." also makes OP5 a repeat
