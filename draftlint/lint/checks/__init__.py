"""The built-in checks: one module per kind of convention, each with RULES and check(resolution)."""
from __future__ import annotations

import importlib

MODULES = ("structure", "italics", "numbering", "punctuation", "footnotes", "recall_chain", "agenda", "crossrefs", "placeholders",
           "dates", "references", "repetition")


def modules():
    return [importlib.import_module(f"draftlint.lint.checks.{name}") for name in MODULES]

