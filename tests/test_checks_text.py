"""Checks that read the words of the text: dates (DT-01), document symbols, Security Council years and Ibid.
(CIT-02, FN-08), and the also/further convention (AF-01 to AF-04)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, lint_path, lint_text
from draftlint.lint.checks import dates, references, repetition
from draftlint.lint.rule import DRAFT_HEAD

MODULES = (dates, references, repetition)
OWN = {r.id for mod in MODULES for r in mod.RULES}
LAST = "\n\n9. *Decides* to remain seized of the matter."
DRAFTS = Path(__file__).parent / "drafts"
FAITHFUL = sorted(p for p in DRAFTS.glob("*.md")
                  if not yaml.safe_load(p.with_suffix(".expect.yaml").read_text(encoding="utf-8")).get("findings")
                  and yaml.safe_load(p.with_suffix(".expect.yaml").read_text(encoding="utf-8"))["kind"] != "not-resolution")


def mine(res, *mods):
    return [f for mod in (mods or MODULES) for f in mod.check(res)]


def run(text, tmp_path, *mods, name="draft.md"):
    res, _ = lint_text(text, tmp_path, name)
    return mine(res, *mods)


def op(text: str, footnotes: str = "") -> str:
    """A mini-draft whose first operative paragraph is `text`."""
    return DRAFT_HEAD + "1. " + text + LAST + (("\n\n" + footnotes) if footnotes else "")


def rules_at(findings):
    return {(f.label, f.rule, f.severity) for f in findings}


# --- every rule's own examples ---------------------------------------------------------------------------------

# references.moved needs last session's text: tests/test_checks_resolution.py runs its examples with one.
@pytest.mark.parametrize("rule", [r for mod in MODULES for r in mod.RULES if r.id != "references.moved"],
                         ids=lambda r: r.id)
def test_doc_examples(rule, tmp_path):
    mod = next(m for m in MODULES if rule in m.RULES)
    assert rule.wrong.startswith(DRAFT_HEAD) or rule.wrong.startswith("*The General Assembly,*")
    assert rule.wrong.rstrip().endswith(".") and rule.right.rstrip().endswith(".")
    res, _ = lint_text(rule.wrong, tmp_path, "wrong.md")
    assert rule.id in {f.rule for f in mod.check(res)}
    res, engine = lint_text(rule.right, tmp_path, "right.md")
    own = mine(res)
    assert [f for f in own if f.rule == rule.id] == []
    assert [(f.label, f.rule) for f in engine + own if f.severity == "error"] == []


# --- dates (DT-01) -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, rule, fix", [
    ("December 7, 2022", "dates.order", "7 December 2022"),
    ("December 7 2022", "dates.order", "7 December 2022"),
    ("Dec. 7, 2022", "dates.order", "7 December 2022"),
    ("7th December 2022", "dates.form", "7 December 2022"),
    ("the 21st of September 2022", "dates.form", "21 September 2022"),
    ("07 December 2022", "dates.form", "7 December 2022"),
    ("7 Dec. 2022", "dates.form", "7 December 2022"),
    ("7 Dec 2022", "dates.form", "7 December 2022"),
    ("7 December, 2022", "dates.form", "7 December 2022"),
    ("25/12/2022", "dates.form", "25 December 2022"),
    ("31 November 2022", "dates.invalid", "November 2022 has no day 31"),
    ("29 February 2023", "dates.invalid", "February 2023 has no day 29"),
    ("31 November to 2 December 2022", "dates.invalid", "November has no day 31"),
    ("31 to 32 April 2022", "dates.invalid", "April 2022 has no day 31"),
])
def test_date_faults(written, rule, fix, tmp_path):
    found = run(op(f"*Welcomes* the meeting held in Geneva on {written};"), tmp_path, dates)
    assert [f.rule for f in found] == [rule]
    assert fix in found[0].message
    assert found[0].severity == ("warning" if rule == "dates.form" else "error")
    assert found[0].label == "OP1"


@pytest.mark.parametrize("text", [
    "*Welcomes* the meeting held in Geneva from 2 to 4 September 2015;",
    "*Welcomes* the meetings held on 2 and 3 May 2020 and from 30 November to 2 December 2022;",
    "*Welcomes* the report of 29 February 2024;",
    "*Recalls* its resolutions 70/46 of 7 December 2015 and 71/72 of 5 December 2016;",
    "*Recalls* Security Council resolution 2365 (2017) of 30 June 2017;",
    "*Takes note* of the report (A/77/385, para. 110) and of documents A/79/157 and E/CN.16/2025/3;",
    "*Notes* that States may, 3 years after entry into force, review it, and that in May 2022 they may do so again;",
    "*Decides* that the 46th meeting will be held in May, and that 12 States may attend;",
])
def test_dates_that_are_right(text, tmp_path):
    assert run(op(text, "¹ United Nations, *Treaty Series*, vol. 2048, No. 22495."), tmp_path, dates) == []


def test_dates_in_every_part(tmp_path):
    text = ("United Nations A/C.1/79/L.31\n\nDistr.: Limited\n\nOctober 11, 2024\n\n"
            "Austria: draft resolution\n\nCountering the threat\n\n" + DRAFT_HEAD
            + "*Noting* the meeting of 07 May 2024,\n\n1. *Welcomes* the report;¹\n\n(a) Of 3rd May 2024;\n\n"
              "(b) Of 4 May, 2024;" + LAST + "\n\n¹ Letter dated May 1, 2024.")
    found = run(text, tmp_path, dates)
    assert {(f.label, f.rule) for f in found} == {("heading", "dates.order"), ("PP2", "dates.form"),
                                                  ("OP1(a)", "dates.form"), ("OP1(b)", "dates.form"),
                                                  ("footnote 1", "dates.order")}


def test_closing_date_checked(tmp_path):
    text = ("77/1. Title\n\n" + DRAFT_HEAD + "1. *Decides* to remain seized of the matter.\n\n46th plenary meeting\n\n"
            "31 September 2022\n")
    found = run(text, tmp_path, dates)
    assert [(f.label, f.rule) for f in found] == [("closing", "dates.invalid")]


def test_bad_date_in_recalled_resolution_left_to_recall_chain(tmp_path):
    # recall-chain.date already reports “71/72 of 31 November 2016”: no second error for the same words.
    res, _ = lint_text(op("*Recalls* its resolution 71/72 of 31 November 2016;"), tmp_path)
    assert [f.rule for f in mine(res, dates)] == []


# --- references: document symbols --------------------------------------------------------------------------------

RIGHT_SYMBOLS = ["A/77/385", "A/RES/77/64", "A/C.1/77/L.23", "A/C.3/79/L.41/Rev.1", "S/2021/1042", "S/RES/2365 (2017)",
                 "S/PRST/2014/16", "A/HRC/17/31", "E/2025/15", "CCW/AP.II/CONF.23/6, annex V",
                 "A/CONF.192/BMS/2014/2", "A/75/175 and A/75/175/Corr.1", "A/80/85-E/2025/64", "A/RES/ES-11/1",
                 "E/CN.4/Sub.2/2005/3", "UNEP/EA.5/Res.14", "Available at www.un.org/disarmament/convarms/ieds",
                 "See https://undocs.org/en/A/77/385", "HIV/AIDS and/or malaria in 2/3 of cases"]


@pytest.mark.parametrize("symbol", RIGHT_SYMBOLS)
def test_symbols_that_are_right(symbol, tmp_path):
    text = op("*Takes note* of the report of the Secretary-General;¹", f"¹ {symbol}.")
    assert [f for f in run(text, tmp_path, references) if f.rule == "references.symbol"] == []


@pytest.mark.parametrize("written, fixed", [
    ("A/ 77/385", "A/77/385"), ("A /77/385", "A/77/385"), ("a/77/385", "A/77/385"), ("A/res/77/64", "A/RES/77/64"),
    ("A/Res/77/64", "A/RES/77/64"), ("A/C.1/77/l.23", "A/C.1/77/L.23"), ("A//77/385", "A/77/385"),
    ("A/77/385/corr.1", "A/77/385/Corr.1"), ("s/2021/1042", "S/2021/1042"),
])
def test_symbol_faults(written, fixed, tmp_path):
    text = op("*Takes note* of the report of the Secretary-General;¹", f"¹ {written}.")
    found = [f for f in run(text, tmp_path, references) if f.rule == "references.symbol"]
    assert len(found) == 1 and found[0].label == "footnote 1" and found[0].severity == "warning"
    assert f"write “{fixed}”" in found[0].message and found[0].match == written


def test_symbol_in_text_and_heading(tmp_path):
    text = "United Nations A/c.1/79/L.31\n\nAustria: draft resolution\n\nCountering the threat\n\n" + op(
        "*Takes note* of document A /79/157;")
    found = [(f.label, f.rule) for f in run(text, tmp_path, references)]
    assert found == [("heading", "references.symbol"), ("OP1", "references.symbol")]


# --- references: Security Council resolutions without their year (CIT-02) -----------------------------------------

@pytest.mark.parametrize("text, severity", [
    ("*Recalls* Security Council resolution 2370;", "error"),
    ("*Recalls* Security Council resolutions 2160 (2014) and 2161;", "error"),
    ("*Recalls* Security Council resolutions 2160 and 2161 (2014);", "error"),
    ("*Recalls* resolutions 2160 (2014) and 2161;", "error"),  # the other item shows whose resolutions they are
    # Whose resolution is not said: a General Assembly text cites the Council's as “Security Council resolution …”.
    ("*Recalls* its resolutions 70/46 of 7 December 2015 and 71/72 of 5 December 2016 and resolution 1325;", "warning"),
])
def test_security_council_resolution_without_year(text, severity, tmp_path):
    found = [f for f in run(op(text), tmp_path, references) if f.rule == "references.sc-year"]
    assert len(found) == 1 and found[0].severity == severity and "without its year" in found[0].message


@pytest.mark.parametrize("text", [
    "*Recalls* Security Council resolution 2370 (2017);",
    "*Recalls* Security Council resolutions 2160 (2014) and 2161 (2014);",
    "*Recalls* Security Council resolutions 1373 (2001), 2160 (2014), 2253 (2015) and 2370 (2017);",
    "*Recalls* its resolution 70/1 of 25 September 2015 and resolution 3363 (XXX);",
    "*Recalls* its resolutions 3419 A to D (XXX), 2200 A (XXI) and 217 A (III);",
    "*Recalls* its resolution 13 (I) of 13 February 1946 and Economic and Social Council resolution 1996/31;",
    "*Recalls* its resolution 39/148 H of 17 December 1984 and resolution 2024/10 of 23 July 2024;",
    "*Notes* that 2370 States have adopted resolutions in 2017;",
])
def test_citations_that_are_right(text, tmp_path):
    assert [f for f in run(op(text), tmp_path, references) if f.rule == "references.sc-year"] == []


def test_security_council_text_three_digit_resolution(tmp_path):
    text = ("The Security Council,\n\n*Recalling* its resolution 242,\n\n1. *Decides* to remain seized of the matter.")
    found = run(text, tmp_path, references)
    assert [(f.label, f.rule) for f in found] == [("PP1", "references.sc-year")]
    assert "Security Council resolution 242" in found[0].message


# --- references: Ibid. (FN-08) -------------------------------------------------------------------------------------

IBID_DRAFT = DRAFT_HEAD + ("1. *Takes note* of the reports,¹ of the Convention² and of its Protocols;³ ⁴" + LAST
                           + "\n\n¹ {one}\n\n² {two}\n\n³ {three}\n\n⁴ {four}")
TREATY = "United Nations, *Treaty Series*, vol. 2048, No. 22495."


def _ibid(tmp_path, one, two, three="Ibid., vol. 2399, No. 22495.", four="Ibid., vol. 1342, No. 22495."):
    text = IBID_DRAFT.format(one=one, two=two, three=three, four=four)
    return [(f.label, f.severity) for f in run(text, tmp_path, references) if f.rule == "references.ibid"]


def test_ibid_chain_is_right(tmp_path):
    # A/RES/77/64 footnotes 6–10: a full reference, then Ibid., Ibid., Ibid.
    assert _ibid(tmp_path, "A/77/385.", TREATY) == []


def test_ibid_in_first_footnote(tmp_path):
    assert _ibid(tmp_path, "*Ibid.*, vol. 2048.", TREATY) == [("footnote 1", "error")]


@pytest.mark.parametrize("several", [
    "See resolution 69/51, A/CONF.192/BMS/2014/2, A/71/187 and Security Council resolution 2370 (2017).",
    "A/77/1; A/77/2.",
])
def test_ibid_after_several_sources(several, tmp_path):
    assert _ibid(tmp_path, "A/77/385.", several) == [("footnote 3", "warning")]


# --- repetition: the also/further convention (AF-01 to AF-04) -------------------------------------------------------

def _draft(pps, ops):
    text = "*The General Assembly,*\n\n" + "".join(f"*{lead}* the matter {k},\n\n" for k, lead in enumerate(pps))
    text += "".join(f"{k}. *{lead}* the matter {k};\n\n" for k, lead in enumerate(ops, 1))
    return text + f"{len(ops) + 1}. *Decides* to remain seized of the matter.\n"


def _rep(tmp_path, pps, ops):
    return rules_at(run(_draft(pps, ops), tmp_path, repetition))


def test_run_with_adverbs_is_right(tmp_path):
    # A/RES/71/72: Noting / Noting also / Noting further; Encourages / Also encourages / Further encourages, then the
    # plain form returns from the fourth paragraph of the run on.
    pps = ["Recalling", "Noting", "Noting also", "Noting further", "Noting", "Stressing"]
    ops = ["Encourages", "Also encourages", "Further encourages", "Encourages", "Encourages", "Requests",
           "Also requests"]
    assert _rep(tmp_path, pps, ops) == set()


def test_repeat_not_in_a_run_is_right(tmp_path):
    # A/RES/71/72 “Noting” in PP6, PP8 and PP12: the same verb, not consecutive, keeps the plain form.
    assert _rep(tmp_path, ["Noting", "Recalling", "Noting", "Stressing", "Noting"], ["Welcomes", "Requests"]) == set()


def test_modifiers_make_another_lead(tmp_path):
    # “Expressing grave concern” is not “Expressing concern” (A/RES/77/64 PP2–PP5).
    pps = ["Expressing grave concern over", "Expressing concern over", "Expressing profound concern at"]
    assert _rep(tmp_path, pps, ["Strongly encourages", "Encourages"]) == set()


def test_adverb_without_antecedent(tmp_path):
    found = _rep(tmp_path, ["Recalling also", "Noting"], ["Welcomes", "Also requests"])
    assert found == {("PP1", "repetition.antecedent", "warning"), ("OP2", "repetition.antecedent", "warning")}


def test_antecedent_need_not_be_adjacent(tmp_path):
    # S/RES/2365 (2017) PP4 “Recalling also” after PP1–PP2 “Recalling” and PP3 “Taking note”.
    assert ("PP3", "repetition.antecedent", "warning") not in _rep(
        tmp_path, ["Recalling", "Taking note of", "Recalling also"], ["Welcomes"])


def test_antecedent_by_verb_in_the_same_part(tmp_path):
    # “Noting …, Noting also with concern …”: the same verb is antecedent enough for the “also”.
    assert _rep(tmp_path, ["Noting", "Recalling", "Noting also with concern"], ["Welcomes"]) == set()
    # The preamble's “Noting” is no antecedent for an operative “Also notes”.
    found = _rep(tmp_path, ["Noting"], ["Welcomes", "Also notes"])
    assert found == {("OP2", "repetition.antecedent", "warning")}


def test_further_without_also(tmp_path):
    found = _rep(tmp_path, ["Recalling", "Recalling further"], ["Requests", "Further requests"])
    assert found == {("PP2", "repetition.further", "info"), ("OP2", "repetition.further", "info")}


def test_adverb_position(tmp_path):
    found = run(_draft(["Recalling", "Also recalling", "Further recalling"], ["Requests", "Requests also"]),
                tmp_path, repetition)
    by = {(f.label, f.rule): f for f in found}
    assert by[("PP2", "repetition.position")].severity == "warning"
    assert "“Recalling also”" in by[("PP2", "repetition.position")].message
    assert "“Recalling further”" in by[("PP3", "repetition.position")].message
    assert by[("OP2", "repetition.position")].severity == "info"
    assert "“Also requests”" in by[("OP2", "repetition.position")].message


def test_further_as_an_adjective_is_no_adverb(tmp_path):
    # “Calls for further action”, “Requests further information”: “further” qualifies the noun.
    text = op("*Calls for further* action by States;\n\n2. *Requests further* information on the matter;")
    assert run(text, tmp_path, repetition) == []
    text = op("*Requests* information;\n\n2. *Notes further* that the matter remains open;")
    assert rules_at(run(text, tmp_path, repetition)) == {("OP2", "repetition.antecedent", "warning"),
                                                         ("OP2", "repetition.position", "info")}


def test_plain_repeat_in_a_run(tmp_path):
    found = run(_draft(["Recalling", "Recalling"], ["Encourages", "Encourages", "Encourages", "Encourages"]),
                tmp_path, repetition)
    assert rules_at(found) == {("PP2", "repetition.run", "warning"), ("OP2", "repetition.run", "warning"),
                               ("OP3", "repetition.run", "warning")}
    messages = {f.label: f.message for f in found}
    assert "“Recalling also”" in messages["PP2"]
    assert "“Also encourages”" in messages["OP2"] and "“Further encourages”" in messages["OP3"]


def test_run_broken_by_section_heading(tmp_path):
    text = (DRAFT_HEAD + "I\n\nCoordination\n\n1. *Encourages* States to act;\n\nII\n\nSafety\n\n"
            "2. *Encourages* States to cooperate;" + LAST)
    assert run(text, tmp_path, repetition) == []


# --- the examples and the faithful drafts ----------------------------------------------------------------------------

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.docx"))


@pytest.mark.parametrize("path", EXAMPLE_FILES + FAITHFUL, ids=lambda p: p.name)
def test_no_error_on_real_and_faithful_texts(path):
    res, _ = lint_path(path)
    assert [(f.label, f.rule, f.message) for f in mine(res) if f.severity == "error"] == []


def test_faithful_drafts_are_counted():
    assert len(FAITHFUL) == 14  # the drafts whose .expect.yaml lists no finding, not_resolution.md aside


# The real flaws these checks find in examples/, with the reason each is a flaw. All are plain repeats of a lead in
# consecutive paragraphs, where the convention of adopted resolutions asks for “also” (second) and “further” (third):
# A/RES/71/72 OP6–OP8 “Encourages / Also encourages / Further encourages”. They are warnings, never errors, because
# adopted texts do this (A/RES/77/64 itself).
REAL_FLAWS = {
    # 77/64: OP7–OP9 “Encourages” ×3 (then OP10 “Also encourages”), OP13–OP15 “Encourages” ×3, OP19–OP20 ×2.
    "A_RES_77_64.docx": {"OP8", "OP9", "OP14", "OP15", "OP20"},
    # The 79th-session draft keeps 77/64's operative part and so its plain repeats.
    "A_C1_79_L_draft.docx": {"OP8", "OP9", "OP14", "OP15", "OP20"},
    # 75/59: OP7–OP9 “Encourages” ×3 (then OP10 “Also encourages”), OP16–OP17 “Encourages” ×2.
    "A_RES_75_59.docx": {"OP8", "OP9", "OP17"},
    # 2365 (2017): PP1–PP2 “Recalling”, PP5–PP7 “Expressing deep concern” ×3, PP10–PP11 “Recognizing”,
    # OP5–OP6 “Calls upon”.
    "S_RES_2365_2017.docx": {"PP2", "PP6", "PP7", "PP11", "OP6"},
}


@pytest.mark.parametrize("name", sorted(REAL_FLAWS))
def test_real_flaws_in_examples(name):
    res, _ = lint_path(EXAMPLES / name)
    found = mine(res)
    assert {f.label for f in found if f.rule == "repetition.run"} == REAL_FLAWS[name]
    assert {(f.rule, f.severity) for f in found} == {("repetition.run", "warning")}


def test_77_64_op10_also_after_plain_run_is_not_reported():
    # OP10 “Also encourages” is the fourth paragraph of the run OP7–OP10: it has an antecedent and is no error.
    res, _ = lint_path(EXAMPLES / "A_RES_77_64.docx")
    assert [f for f in mine(res) if f.label == "OP10"] == []


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.md")), ids=lambda p: p.name)
def test_text_copies_of_examples_agree(path):
    res_md, _ = lint_path(path)
    res_docx, _ = lint_path(path.with_suffix(".docx"))
    key = lambda fs: sorted((f.label, f.rule) for f in fs)  # noqa: E731
    assert key(mine(res_md)) == key(mine(res_docx))
