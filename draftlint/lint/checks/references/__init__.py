"""references.*: what a paragraph points at. `symbols`: document symbols, a Security Council resolution's
year and "Ibid." in footnotes; `internal`: "paragraph 12 above" and the like, within the resolution."""
from __future__ import annotations

from draftlint.lint.checks.references import internal, symbols

RULES = internal.RULES + symbols.RULES


def check(res):
    yield from internal.check(res)
    yield from symbols.check(res)
