"""`draftlint scaffold` killed with SIGKILL at random moments: the target must be absent or whole, never
partial, and a later `check` of the folder must not read the temporary files a kill can leave behind.

    python tests/killscaffold.py [RUNS]      (the issue asks for 1,000; tests/test_hostile.py runs a few)
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREVIOUS = ROOT / "examples" / "A_RES_77_64.docx"


def _scaffold(target: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "draftlint", "scaffold", str(PREVIOUS), "-o", str(target)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _document(path: Path) -> bytes | None:
    """word/document.xml of a whole .docx, or None when the file is damaged."""
    try:
        with zipfile.ZipFile(path) as zf:
            if zf.testzip() is not None:
                return None
            return zf.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return None


def kill_scaffold(folder: Path, runs: int, rnd: random.Random) -> dict:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    reference = folder / "reference.docx"
    start = time.perf_counter()
    _scaffold(reference).wait()
    whole_run = time.perf_counter() - start
    expected = _document(reference)
    reference.unlink()
    assert expected is not None, "scaffold does not run"
    stats = {"runs": runs, "absent": 0, "whole": 0, "partial": 0, "temp_left": 0, "seconds_per_run": whole_run}
    target = folder / "new.docx"
    for _ in range(runs):
        p = _scaffold(target)
        # Most of a run is starting Python and reading the previous text; the write is at its end.
        time.sleep(rnd.uniform(0.2, 1.2) * whole_run)
        p.send_signal(signal.SIGKILL)
        p.wait()
        if not target.exists():
            stats["absent"] += 1
        elif _document(target) == expected:
            stats["whole"] += 1
        else:
            stats["partial"] += 1
        if target.exists():
            target.unlink()
    stats["temp_left"] = sum(1 for n in os.listdir(folder) if n.startswith(".draftlint-"))
    if not stats["temp_left"]:  # a leftover for the check below, as a kill would leave it
        (folder / ".draftlint-leftover.docx").write_bytes(b"PK\x03\x04 half written")
    (folder / "draft.md").write_text("The General Assembly,\n\n1. *Decides* to remain seized of the matter.\n")
    r = subprocess.run([sys.executable, "-m", "draftlint", "check", "--format", "json", str(folder)], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    stats["temp_read_by_check"] = r.stdout.count(".draftlint-")
    return stats


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as d:
        print(kill_scaffold(Path(d), runs, random.Random(15)))
