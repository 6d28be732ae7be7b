"""A bug in one rule costs neither the other rules' findings nor the other files' reports (issue 14, item 1).

The fault is injected into a real run of the command: a child Python replaces one check module's `check` by a
function that raises, then runs draftlint's own main(). Worker processes of `-j` are forked from it and so
inherit the fault too."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [str(ROOT / "examples" / n) for n in ("A_RES_75_59.docx", "A_RES_77_64.docx", "S_RES_2365_2017.docx",
                                                 "A_C1_79_L_draft.docx")]
VICTIM = "A_RES_75_59.docx"  # it has findings of many rules, which must survive the fault

INJECT = """
import sys
import draftlint.lint.checks.footnotes as footnotes
real = footnotes.check
def check(res):
    if res.source.path.endswith("A_RES_75_59.docx"):
        raise ZeroDivisionError("injected fault")
    yield from real(res)
footnotes.check = check
from draftlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    sys.exit(exc.code)
"""


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", INJECT, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_text_output_keeps_every_file_and_every_other_rule(jobs):
    clean = subprocess.run([sys.executable, "-m", "draftlint", "check", "-j", jobs, *EXAMPLES],
                           capture_output=True, text=True, cwd=ROOT)
    out = run("check", "-j", jobs, *EXAMPLES)
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    errors = [l for l in out.stdout.splitlines() if ": error: internal error" in l]
    assert errors == [f"{EXAMPLES[0]}: error: internal error in draftlint while checking (rule footnotes): "
                      "ZeroDivisionError: injected fault; please report it"]
    # every finding of the clean run is still there, but those of the failed rule on the failed file
    lost = [l for l in clean.stdout.splitlines() if l not in out.stdout.splitlines()]
    assert all(l.startswith(EXAMPLES[0]) and l.endswith("]") and "[footnotes." in l for l in lost)
    assert len(clean.stdout.splitlines()) - len(lost) + 1 == len(out.stdout.splitlines())


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_every_format_reports_the_fault_and_the_rest(fmt):
    out = run("check", "--format", fmt, "-j", "2", *EXAMPLES)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    if fmt == "json":
        files = json.loads(out.stdout)["files"]
        assert [f["path"] for f in files] == EXAMPLES
        victim = files[0]
        assert victim["error"].startswith("internal error in draftlint while checking (rule footnotes)")
        assert victim["diagnostics"], "the other rules' findings on the failing file are kept"
        assert all(f["error"] is None for k, f in enumerate(files) if k != 0)
    elif fmt == "sarif":
        run_ = json.loads(out.stdout)["runs"][0]
        notes = run_["invocations"][0]["toolExecutionNotifications"]
        assert len(notes) == 1 and "internal error" in notes[0]["message"]["text"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
        assert Path(EXAMPLES[0]).as_uri() in uris and Path(EXAMPLES[2]).as_uri() in uris
    else:
        assert sum("internal error" in l for l in out.stdout.splitlines()) == 1
        assert any(VICTIM not in l for l in out.stdout.splitlines())


def test_debug_shows_the_traceback_on_standard_error():
    out = run("check", "--debug", EXAMPLES[0])
    assert out.returncode == 2
    assert "ZeroDivisionError: injected fault" in out.stderr and "Traceback" in out.stderr
    assert "Traceback" not in out.stdout


def test_a_fault_while_reading_is_the_files_error_too(tmp_path, monkeypatch):
    from draftlint.lint import engine
    import draftlint.model.resolution as structure

    def broken(doc):
        raise KeyError("injected")

    monkeypatch.setattr(structure, "build", broken)
    result = engine.check_file(EXAMPLES[0])
    assert result.error == ("internal error in draftlint while checking (reading the document): KeyError: "
                            "'injected'; please report it")
    assert result.findings == []
