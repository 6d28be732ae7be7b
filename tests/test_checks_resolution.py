"""Checks that read across the resolution: recall chain, agenda and sessions, internal cross-references."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES, errors, lint_docx, lint_path, lint_text, run_cli
from draftlint.lint.engine import lint_resolution
from draftlint.lint.registry import documented_rules
from draftlint.formats import read
from draftlint.lint.rule import DRAFT_HEAD
from draftlint.model.resolution import build

PREVIOUS_RULES = {"recall-chain.previous", "recall-chain.report", "references.moved"}

PREV_77 = ("United Nations A/RES/77/64\n\nSeventy-seventh session\n\n77/64. Countering the threat\n\n"
           + DRAFT_HEAD + "1. *Encourages* States to take measures;\n\n2. *Requests* the Secretary-General to report to "
           "the General Assembly at its seventy-ninth session on the measures referred to in paragraph 1 above;\n\n"
           "3. *Decides* to remain seized of the matter.\n\n46th plenary meeting\n\n7 December 2022\n")
PREV_MOVED = (DRAFT_HEAD + "1. *Encourages* States to take measures;\n\n2. *Requests* the Secretary-General to report "
              "on the measures referred to in paragraph 1 above;\n\n3. *Decides* to remain seized of the matter.\n")
NEW_79 = "Seventy-ninth session\n\nFirst Committee\n\nAustria: draft resolution\n\nCountering the threat\n\n"


def _with_previous(text, tmp_path, previous=PREV_77):
    prev = tmp_path / "prev.md"
    prev.write_text(previous, encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    res = build(read(str(draft)))
    res.previous = build(read(str(prev)))
    return lint_resolution(res)


@pytest.mark.parametrize("rule", [r for r in documented_rules() if r.id in PREVIOUS_RULES], ids=lambda r: r.id)
def test_previous_rules_doc_examples(rule, tmp_path):
    heading = NEW_79 if rule.id == "recall-chain.report" else ""
    previous = PREV_MOVED if rule.id == "references.moved" else PREV_77
    assert rule.id in {f.rule for f in _with_previous(heading + rule.wrong, tmp_path, previous)}
    assert rule.id not in {f.rule for f in _with_previous(heading + rule.right, tmp_path, previous)}


def test_done_means_previous_examples():
    r = run_cli("check", "--select", "recall-chain", "--previous", EXAMPLES / "A_RES_75_59.docx", EXAMPLES / "A_RES_77_64.docx")
    assert (r.returncode, r.stdout) == (0, "")


def test_chain_missing_previous_is_an_error_at_pp1(tmp_path):
    text = (EXAMPLES / "A_RES_77_64.md").read_text(encoding="utf-8")
    text = text.replace("72/36 of 4 December 2017, 73/67 of 5 December 2018 and 75/59 of 7 December 2020,",
                        "72/36 of 4 December 2017 and 73/67 of 5 December 2018,")
    path = tmp_path / "77.md"
    path.write_text(text, encoding="utf-8")
    r = run_cli("check", "--select", "recall-chain", "--previous", EXAMPLES / "A_RES_75_59.docx", path)
    assert r.returncode == 1
    assert [ln.split(": ", 1)[0].rsplit(":", 1)[1] for ln in r.stdout.splitlines()] == ["PP1"]
    assert "lacks 75/59 (add “75/59 of 7 December 2020”)" in r.stdout


CHAIN = ("*Recalling* its resolutions 70/46 of 7 December 2015, 71/72 of 5 December 2016, 72/36 of 4 December 2017, "
         "73/67 of 5 December 2018 and 75/59 of 7 December 2020, and its decision 76/516 of 6 December 2021,")


@pytest.mark.parametrize("numbering", ["typed", "auto"])
def test_chain_with_decision_clean_in_docx(tmp_path, numbering):
    text = "*The General Assembly,*\n\n" + CHAIN + "\n\n1. *Decides* to remain seized of the matter.\n"
    _, findings = lint_docx(text, tmp_path, numbering=numbering)
    assert [f for f in findings if f.category == "recall-chain"] == []


def test_chain_split_over_runs_with_different_formatting(tmp_path):
    # The date of 71/72 in italics and bold pieces: the chain is read across runs.
    text = ("*The General Assembly,*\n\n*Recalling* its resolutions 70/46 of 7 December 2015, 71/72 of **5 December** "
            "*2015* and 72/36 of 4 December 2017,\n\n1. *Decides* to remain seized of the matter.\n")
    _, findings = lint_docx(text, tmp_path)
    assert [(f.label, f.rule) for f in findings if f.category == "recall-chain"] == [("PP1", "recall-chain.date")]
    assert "71/72 cannot be dated 5 December 2015" in next(f.message for f in findings if f.category == "recall-chain")


@pytest.mark.parametrize("chain, rule", [
    ("its resolutions 71/72 of 5 December 2016 and 70/46 of 7 December 2015", "recall-chain.order"),
    ("its resolution 70/46 of 7 December 2015 and 71/72 of 5 December 2016", "recall-chain.list"),
    ("its resolutions 70/46 of 7 December 2015, and 71/72 of 5 December 2016", "recall-chain.list"),
    ("its resolutions 70/46 of 7 December 2015 and 70/46 of 7 December 2015", "recall-chain.order"),
    ("its resolution 71/72 of 31 November 2016", "recall-chain.date"),
    ("its resolution 71/72 of 5 December 2015", "recall-chain.date"),
])
def test_chain_flaws(tmp_path, chain, rule):
    _, findings = lint_text(f"*The General Assembly,*\n\n*Recalling* {chain},\n\n1. *Decides* to act.\n", tmp_path)
    assert rule in {f.rule for f in findings}


def test_security_council_chain(tmp_path):
    sc = "*The Security Council,*\n\n*Recalling* its resolutions {},\n\n1. *Decides* to remain actively seized of the matter.\n"
    _, ok = lint_text(sc.format("1590 (2005), 2102 (2013), 2338 (2017), and 2339 (2017)"), tmp_path)
    assert [f for f in ok if f.category == "recall-chain"] == []  # the Council's serial comma is its own style
    _, bad = lint_text(sc.format("2338 (2017) of 30 June 2016 and 2102 (2013)"), tmp_path, "b.md")
    assert {f.rule for f in bad if f.category == "recall-chain"} == {"recall-chain.date", "recall-chain.order"}


def test_human_rights_council_numbers_follow_its_own_sessions(tmp_path):
    text = ("*The Human Rights Council,*\n\n*Recalling* Council resolution 54/7 of 11 October 2023,\n\n"
            "1. *Decides* to remain seized of the matter.\n")
    _, findings = lint_text(text, tmp_path)
    assert [f for f in findings if f.category == "recall-chain"] == []


AGENDA = ("*Decides* to include in the provisional agenda of its {} session, under the item entitled “General and "
          "complete disarmament”, the sub-item entitled “Countering the threat posed by improvised explosive devices”.")
HEAD = ("Seventy-seventh session\n\nFirst Committee\n\nAgenda item 99 (kk)\n\nGeneral and complete disarmament: "
        "countering the threat posed by improvised explosive devices\n\nAustria: draft resolution\n\nCountering the "
        "threat posed by improvised explosive devices\n\n" + DRAFT_HEAD)


@pytest.mark.parametrize("session, rules", [
    ("seventy-ninth", set()), ("seventy-eighth", set()), ("seventy-seventh", {"agenda.later-session"}),
    ("79th", {"agenda.ordinal"}), ("Seventy-Ninth", {"agenda.ordinal"}), ("seventy ninth", {"agenda.ordinal"}),
])
def test_agenda_session(tmp_path, session, rules):
    _, findings = lint_text(HEAD + "1. " + AGENDA.format(session) + "\n", tmp_path)
    assert {f.rule for f in findings if f.category == "agenda"} == rules


def test_71_72_report_and_agenda_sessions_differ_is_info_only(seeds):
    _, findings = lint_path(seeds / "A_RES_71_72.txt")
    agenda = [(f.label, f.rule, f.severity) for f in findings if f.category == "agenda"]
    assert agenda == [("OP22", "agenda.report-session", "info")]


@pytest.mark.parametrize("ref, ok", [
    ("paragraph 1 above", True), ("paragraph 3 below", True), ("paragraph 3 above", False),
    ("paragraph 1 below", False), ("paragraph 9", False), ("paragraph 2", False),
    ("paragraph 96 of the report", True), ("paragraph 5 of resolution 70/46", True),
    ("paragraph 1 (a) of the present resolution", True), ("paragraph 1 (c) of the present resolution", False),
    ("paragraphs 1 and 3", True), ("paragraphs 1 to 4", False),
])
def test_internal_references(tmp_path, ref, ok):
    text = (DRAFT_HEAD + "1. *Encourages* States:\n\n(a) To act;\n\n(b) To report;\n\n"
            f"2. *Requests* the Secretary-General to report on {ref};\n\n3. *Decides* to remain seized of the matter.\n")
    _, findings = lint_text(text, tmp_path)
    got = [f for f in findings if f.rule == "references.internal"]
    assert (got == []) == ok, got


def test_references_with_automatic_numbering(tmp_path):
    text = (DRAFT_HEAD + "1. *Encourages* States to act;\n\n2. *Requests* the Secretary-General to report on paragraph 1 "
            "above;\n\n3. *Decides* to remain seized of the matter.\n")
    _, findings = lint_docx(text, tmp_path, numbering="auto")
    assert findings == []


def test_real_examples_raise_no_error_from_these_checks():
    for name in ("A_RES_77_64.docx", "A_RES_75_59.docx", "S_RES_2365_2017.docx", "A_C1_79_L_draft.docx"):
        _, findings = lint_path(EXAMPLES / name)
        assert [f for f in findings if f.category in ("recall-chain", "agenda", "references") and f.severity == "error"] == []
    # A real flaw of the adopted 2365 (2017), reported as a warning: General Assembly resolutions 71/72 and 70/80
    # are cited out of chronological order in PP3.
    _, findings = lint_path(EXAMPLES / "S_RES_2365_2017.docx")
    assert [(f.label, f.rule, f.severity) for f in findings if f.category == "recall-chain"] == [
        ("PP3", "recall-chain.order", "warning")]


def test_chain_with_non_breaking_spaces(tmp_path):
    # Word drafts often join "5 December 2016" with non-breaking spaces; the chain is read all the same.
    chain = "its resolutions 70/46 of 7\u00a0December\u00a02015 and 71/72 of 5\u00a0December\u00a02015"
    _, findings = lint_text(f"*The General Assembly,*\n\n*Recalling* {chain},\n\n1. *Decides* to act.\n", tmp_path)
    assert [f.rule for f in findings if f.category == "recall-chain"] == ["recall-chain.date"]


def test_security_council_number_without_year_in_a_shared_list(tmp_path):
    text = ("*The Security Council,*\n\n*Recalling* its resolutions 2160 (2014) and 2370,\n\n"
            "1. *Decides* to remain seized of the matter.\n")
    _, findings = lint_text(text, tmp_path)
    assert [(f.label, f.rule, f.severity) for f in findings if f.rule == "references.sc-year"] == [
        ("PP1", "references.sc-year", "error")]
