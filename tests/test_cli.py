"""The command as a drafter and a hook use it: formats, exit codes, bad input, imports on the check path."""
from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from badinputs import make_corpus
from conftest import EXAMPLES, ROOT, run_cli


def test_text_output_and_exit_code():
    r = run_cli("check", EXAMPLES / "S_RES_2365_2017.docx")
    assert r.returncode == 1
    assert [ln for ln in r.stdout.splitlines() if ": error: " in ln] == [(f"{EXAMPLES / 'S_RES_2365_2017.docx'}:OP14: error: only “Takes” of the lead "
                                         "phrase “Takes note” is in italics; put “note” in italics too [italics.lead]")]
    assert r.stderr.strip().startswith("1 file checked: 1 error, ")


def test_clean_file_exits_zero():
    r = run_cli("check", EXAMPLES / "A_RES_77_64.docx")
    assert r.returncode == 0 and ": error: " not in r.stdout
    r = run_cli("check", "--strict", "--profile", "style", EXAMPLES / "A_RES_77_64.docx")
    assert r.returncode == 1  # its plain repeats of "Encourages" are warnings of style, which --strict fails on


def test_exit_zero_and_folder_recursion():
    r = run_cli("check", "--exit-zero", EXAMPLES)
    assert r.returncode == 0
    assert {line.split(":")[0] for line in r.stdout.splitlines() if ": error: " in line} == {
        str(EXAMPLES / "A_RES_75_59.docx"), str(EXAMPLES / "S_RES_2365_2017.docx")}
    assert r.stderr.startswith("4 files checked:")


def test_json_contract():
    r = run_cli("check", "--format", "json", EXAMPLES / "A_RES_75_59.docx", ROOT / "missing.docx")
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert data["version"] == 1
    ok, missing = data["files"]
    assert ok["kind"] == "ga-resolution" and ok["error"] is None
    assert missing["error"] == "no such file" and missing["kind"] is None and missing["diagnostics"] == []
    first = ok["diagnostics"][0]
    assert set(first) == {"rule", "category", "severity", "message", "location", "fixable"}
    assert first["location"]["label"] == "PP2" and isinstance(first["location"]["paragraph"], int)
    assert first["location"]["line"] is None
    assert {d["location"]["label"] for d in ok["diagnostics"] if d["rule"] == "italics.lead"} >= {"OP2", "OP3"}


def test_select_and_ignore():
    r = run_cli("check", "--select", "punctuation", EXAMPLES / "A_RES_75_59.docx")
    assert [line.rsplit("[", 1)[1] for line in r.stdout.splitlines()] == ["punctuation.pp-end]"]
    r = run_cli("check", "--ignore", "italics,punctuation.pp-end", EXAMPLES / "A_RES_75_59.docx")
    assert r.returncode == 0 and ": error: " not in r.stdout
    r = run_cli("check", "--ignore", "italics,punctuation.pp-end,un-terms,repetition", EXAMPLES / "A_RES_75_59.docx")
    assert (r.returncode, r.stdout) == (0, "")


def test_not_a_resolution(seeds):
    r = run_cli("check", seeds / "note_on_A_RES_79_53.txt")
    assert r.returncode == 2
    assert r.stdout.count("\n") == 1 and "does not look like a resolution" in r.stdout


def test_check_does_not_import_heavy_modules():
    code = ("import sys; from draftlint.cli import main; sys.argv=['draftlint','check',%r];\n"
            "try: main()\nexcept SystemExit: pass\n"
            "bad=[m for m in ('docx','jsonschema','yaml','click','hashlib','json') if m in sys.modules]; print('HEAVY', bad)") % str(EXAMPLES / "A_RES_77_64.docx")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in r.stdout


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("bad"))


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))


def test_bad_inputs_one_line_each_exit_2_inputs_unchanged(corpus):
    cases = [c for c in corpus if not c.skip_reason]
    paths = [str(c.path) for c in cases]
    before = {p: hashlib.sha256(open(p, "rb").read()).hexdigest() for p in paths if _is_file(p)}
    r = subprocess.run([sys.executable, "-m", "draftlint", "check", *paths], capture_output=True, text=True,
                       timeout=240, preexec_fn=_limit_memory, cwd=ROOT)
    assert r.returncode == 2
    assert "Traceback" not in r.stdout + r.stderr
    for case in cases:
        lines = [ln for ln in r.stdout.splitlines() if ln.startswith(f"{case.path}: error:")]
        if case.expect == "error":
            assert len(lines) == 1, (case.name, r.stdout[-2000:])
        else:
            assert lines == [], (case.name, lines)
        for secret in case.must_not_output:
            assert secret not in r.stdout + r.stderr, case.name
    after = {p: hashlib.sha256(open(p, "rb").read()).hexdigest() for p in before}
    assert before == after


def _is_file(p):
    import os

    return os.path.isfile(p)


@pytest.mark.parametrize("name, words", [
    ("not_a_zip.docx", "not a Word .docx"),
    ("truncated_zip.docx", "damaged"),
    ("no_document_xml.docx", "word/document.xml is missing"),
    ("legacy_word97.doc", "97-2003"),
    ("password_protected.docx", "password-protected"),
    ("zip_bomb_300mb_member.docx", "too large when unpacked"),
    ("zip_bomb_20000_entries.docx", "parts"),
    ("billion_laughs_in_document_xml.docx", "DOCTYPE"),
    ("xxe_file_in_footnotes_xml.docx", "DOCTYPE"),
    ("empty.docx", "empty"),
    ("latin1.txt", "not UTF-8"),
    ("binary_junk.md", "not a text file"),
    ("draft.docx", "folder"),
])
def test_bad_input_messages(corpus, name, words):
    from draftlint.engine import check_file

    case = next(c for c in corpus if c.name == name or c.path.name == name)
    result = check_file(str(case.path))
    assert result.error is not None and words in result.error, result.error
    assert "\n" not in result.error


def test_output_pipe_closed_early_gives_no_traceback():
    # `draftlint check … | head`: far more output than a pipe holds, read a little, then close the pipe.
    p = subprocess.Popen([sys.executable, "-m", "draftlint", "check", *[str(EXAMPLES)] * 40],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout.read(200)
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 1
    assert "Traceback" not in err


# Tokens a drafter or a hook might type after the command's name, well and badly formed.
TOKENS = ["a.docx", "b.md", "tests", "-", "--strict", "--exit-zero", "--skip-non-drafts", "--format", "json", "xml",
          "--format=sarif", "--format=", "-j", "2", "-1", "x", "-j2", "--jobs=3", "--select", "italics", "--ignore=dates",
          "-o", "out.json", "--output=r.sarif", "--previous", "p.docx", "--config", "c.yaml", "--", "-h", "--help",
          "--exit", "--strict=yes", "--session", "80", "--cycle", "0", "--force", "--changes", "--kind", "sc",
          "--sponsors", "validate", "--markdown", "--build-cache"]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["check", "rules", "scaffold", "new"]), st.lists(st.sampled_from(TOKENS), max_size=7))
def test_plain_command_lines_read_as_argparse_reads_them(tmp_path_factory, name, tokens):
    """The quick reader (draftlint/quickargs.py) either leaves a command line to argparse or gives exactly
    what argparse gives; it never accepts a line argparse refuses."""
    import contextlib
    import io

    from draftlint import cli, quickargs

    command, options, _ = cli.COMMANDS[name]
    quick = quickargs.read(options, tokens)
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            args = vars(cli.parser(name).parse_args([name, *tokens]))
    except SystemExit:
        assert quick is None, f"{tokens}: argparse refuses it, the quick reader gave {quick}"
        return
    del args["command"], args["name"]
    assert quick is None or quick == args
    if not any(t.startswith("-") and t != "-" for t in tokens) and quick is None:
        raise AssertionError(f"{tokens}: paths alone must not need argparse")


def test_check_with_usual_options_does_not_import_argparse():
    code = ("import sys; from draftlint.cli import main\n"
            "try:\n    main(['check', '--exit-zero', '-j', '1', '--ignore', 'repetition', %r])\n"
            "except SystemExit:\n    pass\n"
            "print('ARGPARSE', 'argparse' in sys.modules)") % str(EXAMPLES / "A_RES_77_64.docx")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "ARGPARSE False" in r.stdout, r.stdout + r.stderr


def test_checking_leaves_no_reference_cycles(tmp_path):
    """cli.run() makes the cyclic garbage collector run rarely; that is safe only while a check frees
    everything it made by reference counting alone."""
    import gc

    from draftlint.engine import check_file

    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    paths = sorted(EXAMPLES.glob("*.docx")) + sorted(EXAMPLES.glob("*.md")) + [tmp_path / "missing.docx",
                                                                             tmp_path / "broken.docx"]
    for p in paths:  # first calls fill caches (compiled patterns, packs) that live as long as the process
        check_file(str(p))
    gc.collect()
    gc.disable()
    try:
        for p in paths:
            check_file(str(p))
        assert gc.collect() == 0
    finally:
        gc.enable()
