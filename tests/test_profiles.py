"""The style profile (issue 14, item 5): rules that adopted texts themselves often do not follow run only when
asked for, with --profile style, `profile: style` in the configuration, or by naming them in --select."""
from __future__ import annotations

from conftest import run_cli
from draftlint.lint.registry import documented_rules
from draftlint.lint.rule import DRAFT_HEAD

REPEATS = DRAFT_HEAD + ("1. *Encourages* States to share information;\n\n2. *Encourages* States to cooperate;\n\n"
                        "3. *Decides* to remain seized of the matter.\n")


def rules_found(out: str) -> set[str]:
    return {line.rsplit("[", 1)[1].rstrip("]") for line in out.splitlines() if line.endswith("]")}


def test_style_rules_are_named_in_the_reference():
    style = {r.id for r in documented_rules() if r.profile == "style"}
    assert style == {"repetition.run", "un-leads.preamble-leads", "un-leads.operative-leads"}


def test_a_style_rule_is_silent_by_default_and_runs_when_asked(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(REPEATS, encoding="utf-8")
    assert "repetition.run" not in rules_found(run_cli("check", draft).stdout)
    assert "repetition.run" in rules_found(run_cli("check", "--profile", "style", draft).stdout)
    assert "repetition.run" in rules_found(run_cli("check", "--select", "repetition", draft).stdout)
    assert "repetition.run" not in rules_found(run_cli("check", "--select", "all", draft).stdout)


def test_the_configuration_can_ask_for_the_style_profile(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(REPEATS, encoding="utf-8")
    (tmp_path / ".draftlint.yaml").write_text("profile: style\n", encoding="utf-8")
    assert "repetition.run" in rules_found(run_cli("check", draft).stdout)
    # the command line has the last word
    assert "repetition.run" not in rules_found(run_cli("check", "--profile", "default", draft).stdout)


def test_a_house_pack_rule_can_be_in_the_style_profile(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n- id: no-hereby\n  kind: forbid\n  category: style\n  severity: warning\n"
        "  profile: style\n  scope: [operative]\n  tokens: [hereby]\n  message: Drop “{match}”.\n  doc:\n"
        "    summary: No hereby.\n    why: It adds nothing to the verb.\n"
        "    wrong: 1. *Decides* hereby to act;\n    right: 1. *Decides* to act;\n", encoding="utf-8")
    (tmp_path / ".draftlint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT_HEAD + "1. *Decides* hereby to remain seized of the matter.\n", encoding="utf-8")
    assert "house.no-hereby" not in rules_found(run_cli("check", draft).stdout)
    assert "house.no-hereby" in rules_found(run_cli("check", "--profile", "style", draft).stdout)
