"""Patterns of a delegation's pack that are known to backtrack catastrophically, refused when the pack is
loaded: a repetition whose body can match the same text in more than one way, as in (a+)+$ or (\\w+\\s?)+,
makes a backtracking matcher try exponentially many ways to fail. Patterns this does not catch, such as
(a|aa)+$, are stopped by the timeout each match of a pack pattern runs under (packpatterns.PATTERN_TIMEOUT)."""
from __future__ import annotations


def _op(item) -> str:
    return str(item[0])


def _nullable(item) -> bool:
    """Whether the element can match the empty string."""
    op, av = _op(item), item[1]
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return av[0] == 0 or all(_nullable(x) for x in av[2])
    if op == "SUBPATTERN":
        return all(_nullable(x) for x in av[-1])
    if op == "ATOMIC_GROUP":
        return all(_nullable(x) for x in av)
    if op == "BRANCH":
        return any(all(_nullable(x) for x in branch) for branch in av[1])
    return op in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF")


def _unbounded(item) -> bool:
    """Whether the element is a repetition without an upper bound, or a group or alternative that holds
    one with nothing else that must match."""
    op, av = _op(item), item[1]
    if op in ("MAX_REPEAT", "MIN_REPEAT"):
        return av[1] > 1000  # MAXREPEAT
    if op == "SUBPATTERN":
        return _splits(av[-1])
    if op == "BRANCH":
        return any(_splits(branch) for branch in av[1])
    return False


def _splits(seq) -> bool:
    """One unbounded repetition and nothing else that must match: the text it takes can be split among
    the iterations of an outer repetition in many ways."""
    return any(_unbounded(item) and all(_nullable(x) for j, x in enumerate(seq) if j != k)
               for k, item in enumerate(seq))


def _ambiguous(seq) -> bool:
    """Whether some repetition in `seq` repeats a body that splits (see _splits)."""
    for item in seq:
        op, av = _op(item), item[1]
        if op in ("MAX_REPEAT", "MIN_REPEAT"):
            if (av[1] > 1 and _splits(av[2])) or _ambiguous(av[2]):
                return True
        elif op == "SUBPATTERN" and _ambiguous(av[-1]):
            return True
        elif op == "BRANCH" and any(_ambiguous(b) for b in av[1]):
            return True
    return False


def catastrophic(pattern: str, flags: int = 0) -> bool:
    """Whether the pattern has a repetition of a repetition that can split the same text in many ways;
    False too for a pattern `re` cannot parse (the `regex` module's own syntax: the timeout covers it)."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - older Pythons
        import sre_parse
    import warnings

    try:
        with warnings.catch_warnings():  # `re` warns of [[:upper:]], which is `regex` syntax: not for the drafter
            warnings.simplefilter("ignore", FutureWarning)
            parsed = sre_parse.parse(pattern, flags)
    except Exception:
        return False
    return _ambiguous(list(parsed))
