"""Where a warm draft's time goes: each stage of a check timed on its own, per draft.

    python bench/stages.py [N]      # the first N drafts of the bench corpus (default 200); run bench/run.py once first

Rows: the floor (floor.py's walk), check_file (the whole job), reading the .docx, building the model, each
check module and pack rule, run in the engine's order on a freshly built model (so a value worked out once per
draft and shared is paid by its first reader). CPU time per draft, the minimum of 5 rounds.
"""
from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from floor import floor_read  # noqa: E402

from draftlint.formats import read  # noqa: E402
from draftlint.lint import registry  # noqa: E402
from draftlint.lint.config import find_config  # noqa: E402
from draftlint.lint.engine import check_file  # noqa: E402
from draftlint.model.resolution import build  # noqa: E402

HEAD = ["floor", "check_file", "read", "build", "checks (modules)", "pack rules"]


def measure(files: list[str], rounds: int = 5) -> dict[str, float]:
    config = find_config(files[0])
    check_file(files[0])
    floor_read(files[0])
    clock = time.process_time
    best: dict[str, float] = collections.defaultdict(lambda: float("inf"))
    for _ in range(rounds):
        spent: collections.Counter = collections.Counter()
        t = clock()
        for f in files:
            floor_read(f)
        spent["floor"] = clock() - t
        t = clock()
        for f in files:
            check_file(f)
        spent["check_file"] = clock() - t
        for f in files:
            t = clock()
            source = read(f)
            spent["read"] += clock() - t
            t = clock()
            res = build(source)
            spent["build"] += clock() - t
            for name, check in registry.checkers(config):
                t = clock()
                list(check(res))
                d = clock() - t
                spent[name] += d
                spent["checks (modules)" if name.startswith(("rule ", "module ")) else "pack rules"] += d
        for key, value in spent.items():
            best[key] = min(best[key], value)
    return {key: value / len(files) for key, value in best.items()}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    drafts = sorted((HERE / "out" / "corpus" / "drafts").glob("draft-*.docx"))[:n]
    if not drafts:
        raise SystemExit("bench/stages.py: no bench corpus yet; run python bench/run.py --quick once")
    per = measure([str(p) for p in drafts])
    for key in HEAD:
        print(f"{per[key] * 1000:7.3f} ms  {key}")
    print(f"  check_file / floor: {per['check_file'] / per['floor']:.2f}")
    print("each check module and pack rule (the 20 dearest):")
    for key, value in sorted(((k, v) for k, v in per.items() if k not in HEAD), key=lambda kv: -kv[1])[:20]:
        print(f"{value * 1000:7.3f} ms  {key}")


if __name__ == "__main__":
    main()
