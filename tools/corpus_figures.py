"""Figures of draftlint on the calibration corpus: findings per rule, the texts they fall on, crashes.

    python tools/corpus_figures.py [REPORT.json]      # default: runs draftlint on ../shared/corpus

Prints one line per (severity, rule): findings, texts (of 282) and their share, then the totals the corpus
test holds (errors, warnings a file). With --show RULE it prints that rule's findings, one a line."""
from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def report(path: str | None = None) -> dict:
    if path:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    out = subprocess.run([sys.executable, "-m", "draftlint", "check", "--format", "json", "--exit-zero",
                          str(CORPUS / "word"), str(CORPUS / "libreoffice")], capture_output=True, text=True)
    return json.loads(out.stdout)


def main(argv: list[str]) -> None:
    show = None
    if "--show" in argv:
        i = argv.index("--show")
        show = argv[i + 1]
        del argv[i:i + 2]
    data = report(argv[0] if argv else None)
    files = data["files"]
    texts = {Path(f["path"]).stem for f in files}
    count: collections.Counter = collections.Counter()
    where: dict = collections.defaultdict(set)
    for f in files:
        if f["error"]:
            print(f"UNREAD {f['path']}: {f['error']}")
        for d in f["diagnostics"]:
            key = (d["severity"], d["rule"])
            count[key] += 1
            where[key].add(Path(f["path"]).stem)
            if show and d["rule"].startswith(show):
                print(f"{f['path']}:{d['location']['label']}: {d['severity']}: {d['message']} [{d['rule']}]")
    if show:
        return
    for key, n in sorted(count.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{n:5d} {len(where[key]):4d} texts {100 * len(where[key]) / max(1, len(texts)):5.1f}%  {key[0]:8s} {key[1]}")
    errors = sum(n for k, n in count.items() if k[0] == "error")
    warnings = sum(n for k, n in count.items() if k[0] == "warning")
    error_texts = set().union(*(where[k] for k in count if k[0] == "error")) if errors else set()
    print(f"files {len(files)}, texts {len(texts)}: {errors} errors on {len(error_texts)} texts, {warnings} warnings "
          f"({warnings / max(1, len(files)):.2f} a file), unread {sum(1 for f in files if f['error'])}")


if __name__ == "__main__":
    main(sys.argv[1:])
