"""The command as a drafter and a hook use it: formats, exit codes, bad input, imports on the check path."""
from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys

import pytest

from badinputs import make_corpus
from conftest import EXAMPLES, ROOT, run_cli
from draftlint import __version__


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
    # The first contract's keys, plus `fix` where the finding has one (added keys only).
    assert set(first) - {"fix"} == {"rule", "category", "severity", "message", "location", "fixable"}
    assert first["fixable"] is True and first["fix"] == "," and first["location"]["end"] == first["location"]["start"] + 1
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
            "bad=[m for m in ('docx','jsonschema','yaml','platformdirs','hashlib','regex') if m in sys.modules]; print('HEAVY', bad)") % str(EXAMPLES / "A_RES_77_64.docx")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in r.stdout



def test_every_dataclass_on_the_check_path_has_its_own_docstring():
    """Without a docstring, `dataclasses` makes one from inspect.signature when the class is created, in every new
    process (about 0.1 ms a class): the records the check imports say what they are instead."""
    code = ("import sys, dataclasses; from draftlint.cli import main; sys.argv=['draftlint','check',%r];\n"
            "try: main()\nexcept SystemExit: pass\n"
            "made=[c for m in list(sys.modules.values()) if (getattr(m, '__name__', '') or '').startswith('draftlint')"
            " for c in vars(m).values() if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == m.__name__]\n"
            "print('COUNT', len(made)); print('UNDOCUMENTED', sorted(c.__name__ for c in made"
            " if (c.__doc__ or '').startswith(c.__name__ + '(')))") % str(EXAMPLES / "A_RES_77_64.docx")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "UNDOCUMENTED []" in r.stdout, r.stdout + r.stderr
    assert int(r.stdout.split("COUNT ")[1].split()[0]) >= 15  # the records were there to be looked at

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
    from draftlint.lint.engine import check_file

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


@pytest.mark.parametrize("args, words", [
    (["check"], "Missing argument 'PATH...'"),
    (["check", "--format", "xml", "a.docx"], "'xml' is not one of 'text', 'json', 'sarif', 'github'"),
    (["check", "-j", "-1", "a.docx"], "-1 is not in the range x>=0"),
    (["check", "--exit", "a.docx"], "Did you mean '--exit-zero'?"),
    (["check", "-o", "examples", "a.docx"], "is a directory"),
    (["scaffold", "x.docx", "--session", "0"], "0 is not in the range x>=1"),
    (["new", "--kind", "sc"], "Missing option '-o' / '--output'"),
    (["frob"], "No such command 'frob'"),
])
def test_usage_errors_are_one_line_and_exit_2(capsys, args, words):
    from draftlint.cli import main

    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    assert exc.value.code == 2 and out == ""
    prog = "draftlint" if args[0] == "frob" else f"draftlint {args[0]}"
    assert err.count("\n") == 1 and err.startswith(f"{prog}: error: ") and words in err, err
    assert err.rstrip().endswith(f"(see {prog} --help)")


def test_help_lists_every_command_and_option():
    from click.testing import CliRunner

    from draftlint.cli import cli

    runner = CliRunner()
    top = runner.invoke(cli, ["--help"], prog_name="draftlint")
    assert top.exit_code == 0 and all(c in top.output for c in ("check", "rules", "scaffold", "new"))
    r = runner.invoke(cli, ["check", "--help"], prog_name="draftlint")
    for option in ("--format", "-o, --output", "--select", "--ignore", "--exit-zero", "--config", "--strict",
                   "--previous", "-j, --jobs", "--skip-non-drafts", "--profile", "--debug"):
        assert option in r.output, option
    assert runner.invoke(cli, ["--version"], prog_name="draftlint").output == f"draftlint, version {__version__}\n"
    bare = runner.invoke(cli, [], prog_name="draftlint")
    assert bare.exit_code == 2 and "Commands:" in bare.output


def test_options_reach_the_command(tmp_path):
    """Repeated and comma-separated --select/--ignore, -j, -o and --format as a hook writes them."""
    from click.testing import CliRunner

    from draftlint.cli import cli

    out = tmp_path / "report.json"
    r = CliRunner().invoke(cli, ["check", "--format", "json", "-o", str(out), "-j", "1", "--select", "italics",
                                 "--select", "punctuation,numbering", "--ignore", "italics.opening",
                                 str(EXAMPLES / "A_RES_75_59.docx")], prog_name="draftlint")
    assert r.exit_code == 1, r.output
    rules = {d["rule"] for d in json.loads(out.read_text())["files"][0]["diagnostics"]}
    assert rules == {"italics.lead", "punctuation.pp-end"}
    r = CliRunner().invoke(cli, ["check", "--exit-zero", str(EXAMPLES / "A_RES_75_59.docx")], prog_name="draftlint")
    assert r.exit_code == 0 and "[italics.lead]" in r.output


def test_ctrl_c_exits_130_without_a_traceback():
    code = ("import sys, draftlint.lint.engine as engine\n"
            "def stop(*a, **k):\n    raise KeyboardInterrupt\n"
            "engine.check_file = stop\n"
            "sys.argv = ['draftlint', 'check', %r]\n"
            "from draftlint.command import run\nrun()\n") % str(EXAMPLES / "A_RES_77_64.docx")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 130 and "draftlint: interrupted" in r.stderr and "Traceback" not in r.stderr, r.stderr


@pytest.mark.parametrize("switch", ["", "1"])
def test_fast_exit_and_gc_tuning_can_be_switched_off(switch):
    """DRAFTLINT_NO_FAST_EXIT=1: Python's own teardown runs (atexit handlers) and the collector keeps its
    default thresholds."""
    import gc

    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print('teardown', gc.get_threshold()[0]))\n"
            "sys.argv = ['draftlint', 'check', %r]\n"
            "from draftlint.command import run\nrun()\n") % str(EXAMPLES / "A_RES_77_64.docx")
    env = dict(os.environ, DRAFTLINT_NO_FAST_EXIT=switch)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    if switch:
        assert f"teardown {gc.get_threshold()[0]}" in r.stdout
    else:
        assert "teardown" not in r.stdout


HOUSE_PACK = (ROOT / "examples" / "house.yaml").read_text(encoding="utf-8")


def test_checking_leaves_no_reference_cycles(tmp_path):
    """command.run() makes the cyclic garbage collector run rarely; that is safe only while a check, and the
    whole command with its report in every format, frees everything it made by reference counting alone."""
    import contextlib
    import gc
    import inspect
    import io

    from draftlint.cli import main
    from draftlint.lint.engine import check_file
    from draftlint.output import FORMATS

    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    paths = sorted(EXAMPLES.glob("*.docx")) + sorted(EXAMPLES.glob("*.md")) + [tmp_path / "missing.docx",
                                                                             tmp_path / "broken.docx"]
    house = tmp_path / "configured"
    house.mkdir()
    (house / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    (house / ".draftlint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    (house / "draft.md").write_text((EXAMPLES / "A_RES_75_59.md").read_text(encoding="utf-8"), encoding="utf-8")
    paths.append(house / "draft.md")

    def command(fmt, files):  # the whole command in this process: click, the engine, the report
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                main(["check", "-j", "1", "--format", fmt, *map(str, files)])
            except SystemExit:  # as run() catches it (pytest.raises would keep the frames alive)
                pass

    for p in paths:  # first calls fill caches (compiled patterns, packs) that live as long as the process
        check_file(str(p))
    for fmt in FORMATS:
        command(fmt, paths)
    gc.collect()
    gc.disable()
    try:
        for p in paths:
            check_file(str(p))
        assert gc.collect() == 0
        for fmt in FORMATS:
            gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds is kept in gc.garbage to be looked at
            command(fmt, paths * 2)
            gc.collect()
            found, gc.garbage[:] = list(gc.garbage), []
            gc.set_debug(0)
            if fmt in ("text", "github"):
                assert found == [], fmt
            else:
                # The standard library's indented JSON encoder is a set of closures that refer to each other,
                # left by each call; nothing of draftlint's is in a cycle.
                functions = {f"{o.__module__}.{o.__qualname__}" for o in found if inspect.isfunction(o)}
                assert functions and all(f.startswith("json.encoder.") for f in functions), (fmt, functions)
                assert {type(o).__name__ for o in found} <= {"cell", "tuple", "function", "method", "dict",
                                                              "JSONEncoder"}, fmt
            del found
            gc.collect()  # what was kept for looking at is freed before the next format
    finally:
        gc.set_debug(0)
        gc.enable()
