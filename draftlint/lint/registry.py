"""The one registry of rules: what runs (the engine), what is documented (`draftlint rules`, docs/rules.md, the
rules of a SARIF report) and which rules make up the style profile all come from here."""
from __future__ import annotations

import importlib

# The Python checks, one module a topic in draftlint/lint/checks/ (tests/test_registry.py holds this complete).
CHECKS = ("structure", "italics", "numbering", "punctuation", "footnotes", "recall_chain", "agenda", "references",
          "placeholders", "dates", "repetition")


def check_modules():
    return [importlib.import_module(f"draftlint.lint.checks.{name}") for name in CHECKS]


def _packs(config):
    from draftlint.lint.packs import builtin_rules, user_pack

    packs = list(builtin_rules())
    for path in (config.packs if config is not None else ()):
        packs += user_pack(path)
    return packs


def checkers(config=None):
    """What runs, each with the name an internal error gives it: each Python check module (named by its
    rules' common prefix), each rule of the built-in UN packs and of the configured packs."""
    return [(_module_name(mod), mod.check) for mod in check_modules()] + [(p.rule.id, p.check) for p in _packs(config)]


def documented_rules(config=None):
    """Every rule with its doc."""
    from draftlint.lint import suppress

    return [r for mod in check_modules() for r in mod.RULES] + suppress.RULES + [p.rule for p in _packs(config)]


def style_rules(config=None) -> frozenset[str]:
    """The ids of the rules of the style profile, which run only when asked for."""
    return frozenset(r.id for r in documented_rules(config) if r.profile == "style")


def _module_name(mod) -> str:
    prefixes = sorted({r.id.split(".")[0] for r in mod.RULES})
    return "rule " + ", ".join(prefixes) if prefixes else "module " + mod.__name__.rsplit(".", 1)[-1]
