"""Where one fresh `draftlint check` spends its time, step by step (run it as a new process).

    python bench/parts.py [FILE.docx]      # default: examples/A_RES_77_64.docx

Each step is timed once, in the order the command takes them, so the first-call costs (imports, regex
compilation, the built-in packs) land in the step that pays them. Run it twice: the first run also writes
bytecode caches.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STEPS: list[tuple[str, float]] = [("start", time.perf_counter())]


def step(name: str) -> None:
    STEPS.append((name, time.perf_counter()))


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "examples" / "A_RES_77_64.docx")
    import gc

    gc.set_threshold(100_000, 50, 100)  # as command.run() does unless DRAFTLINT_NO_FAST_EXIT=1
    import zipfile  # noqa: F401 - what the floor imports too
    from lxml import etree  # noqa: F401
    step("import zipfile and lxml (the floor pays this too)")
    from draftlint import cli
    cli.cli.make_context("draftlint", ["check", path])
    step("import draftlint.cli (click), parse the command line")
    from draftlint.lint import engine  # noqa: F401
    from draftlint.formats import read
    from draftlint.model.resolution import build
    step("import engine, readers, structure")
    source = read(path)
    step("read the .docx (first call)")
    res = build(source)
    step("build the model")
    from draftlint.lint.registry import check_modules
    mods = check_modules()
    step("import the check modules (their regexes compile here)")
    from draftlint.lint.packs import builtin_rules
    packs = builtin_rules()
    step("load the built-in packs (rules/builtin.json)")
    for mod in mods:
        list(mod.check(res))
    step("run the check modules")
    for rule in packs:
        list(rule.check(res))
    step("run the pack rules")
    from draftlint import output
    from draftlint.lint import config
    from draftlint.lint import suppress  # noqa: F401
    step("import output, suppress, config")
    width = max(len(n) for n, _ in STEPS)
    for (_, t0), (name, t1) in zip(STEPS, STEPS[1:]):
        print(f"{name.ljust(width)}  {(t1 - t0) * 1000:6.1f} ms")
    print(f"{'total (after interpreter start-up)'.ljust(width)}  {(STEPS[-1][1] - STEPS[0][1]) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
