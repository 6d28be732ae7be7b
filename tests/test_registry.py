"""The registry is complete: every module in draftlint/lint/checks/ is registered, and every rule that can
report is documented, with the docs every output reads."""
from __future__ import annotations

from pathlib import Path

from draftlint.lint import registry
from draftlint.lint.rule import prefix_length

CHECKS = Path(registry.__file__).parent / "checks"


def test_every_check_module_is_registered():
    # A topic is a module or, when it has several parts, a package (references/).
    on_disk = {p.stem for p in CHECKS.glob("*.py") if p.stem != "__init__"}
    on_disk |= {p.parent.name for p in CHECKS.glob("*/__init__.py")}
    assert on_disk == set(registry.CHECKS)


def test_each_check_module_is_named_for_its_rules_prefix():
    for mod in registry.check_modules():
        name = mod.__name__.rsplit(".", 1)[-1]
        assert {r.id.split(".")[0] for r in mod.RULES} == {name.replace("_", "-")}, name


def test_every_module_has_documented_rules_named_for_it():
    ids = {r.id for r in registry.documented_rules()}
    for mod in registry.check_modules():
        assert mod.RULES, mod.__name__
        assert {r.id for r in mod.RULES} <= ids
        # a module is named for its rules' topic ("recall_chain" for recall-chain.*)
        assert all(r.id.count(".") == 1 for r in mod.RULES)


def test_one_selector_reading_for_select_ignore_and_suppression():
    assert prefix_length("italics.lead", "italics") == 7
    assert prefix_length("italics.lead", "italics.lead") == 12
    assert prefix_length("italics.lead", "italics.") == 7
    assert prefix_length("italics.lead", "all") == prefix_length("italics.lead", "*") == 0
    assert prefix_length("italics.lead", "ital") == -1  # a prefix names whole parts of the id
    assert prefix_length("italics.lead", "punctuation") == -1
