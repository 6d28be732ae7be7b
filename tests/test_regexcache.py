"""The stored compiled patterns (draftlint/regexcache.py) give exactly the patterns re.compile gives, are
written only where and when Python writes compiled modules, and a damaged file changes nothing."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES

from draftlint import regexcache

pytestmark = pytest.mark.skipif(regexcache.TAG is None, reason="compiled patterns are stored on CPython 3.11+ only")


def _patterns_draftlint_compiles() -> list[tuple[str, int]]:
    """Every (pattern, flags) draftlint compiles while checking the examples, in a new process."""
    code = ("import sys, re\n"
            "from draftlint import regexcache\n"
            "seen = []\n"
            "real = regexcache.compile\n"
            "def spy(p, f=0):\n"
            "    seen.append((p, int(f)))\n"
            "    return real(p, f)\n"
            "regexcache.compile = spy\n"
            "from draftlint.engine import check_file\n"
            f"for name in {sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in ('.docx', '.md'))!r}:\n"
            f"    check_file({str(EXAMPLES)!r} + '/' + name)\n"
            "print(repr(seen))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert out.returncode == 0, out.stderr
    return sorted(set(eval(out.stdout)))  # noqa: S307 - our own repr of strings and ints


def test_every_pattern_equals_what_re_compiles(monkeypatch):
    seen = _patterns_draftlint_compiles()
    assert len(seen) > 40  # the module patterns, the lazy ones these drafts reach and the packs' regexes
    monkeypatch.setattr(regexcache, "_stored", {})
    monkeypatch.setattr(regexcache, "_new", {})
    for pattern, flags in seen:
        first = regexcache.compile(pattern, flags)  # compiled here and kept in _new
        again = regexcache.compile(pattern, flags)  # rebuilt from the kept form
        expected = re.compile(pattern, flags)
        # Pattern equality compares the pattern, the flags and the compiled code itself.
        assert first == expected and again == expected, pattern
        assert again.groupindex == expected.groupindex and again.groups == expected.groups


def test_a_bad_pattern_raises_re_error_as_re_compile_does():
    with pytest.raises(re.error):
        regexcache.compile("(unclosed")


def _run_check(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "draftlint", "check", "--exit-zero", str(EXAMPLES / "A_RES_77_64.docx")],
                          capture_output=True, text=True, timeout=120, env=env)


def test_written_under_the_bytecode_prefix_and_used_by_the_next_run(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pyc")
    first = _run_check(env)
    stored = list((tmp_path / "pyc").rglob("regexcache.*.marshal"))
    assert len(stored) == 1, "the first run stores its compiled patterns"
    second = _run_check(env)
    assert second.stdout == first.stdout and second.returncode == first.returncode
    # A damaged file is ignored: the same findings, and the file is rewritten.
    stored[0].write_bytes(b"\x00not marshal data")
    third = _run_check(env)
    assert third.stdout == first.stdout and third.returncode == first.returncode


def test_a_file_with_wrong_code_falls_back_to_re(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pyc")
    first = _run_check(env)
    stored = next((tmp_path / "pyc").rglob("regexcache.*.marshal"))
    import marshal

    data = marshal.loads(stored.read_bytes())
    # Same keys, nonsense code: the engine refuses it and draftlint compiles as usual.
    stored.write_bytes(marshal.dumps({key: (flags, [0, 1, 2], 0, {}, (None,)) for key, (flags, *_rest) in data.items()}))
    again = _run_check(env)
    assert again.stdout == first.stdout and again.returncode == first.returncode


def test_nothing_written_when_python_writes_no_bytecode(tmp_path):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPYCACHEPREFIX=str(tmp_path / "pyc"))
    _run_check(env)
    assert not list(tmp_path.rglob("regexcache.*.marshal"))


def test_a_folder_it_may_not_write_is_left_alone(tmp_path, monkeypatch):
    target = tmp_path / "pyc" / "regexcache.test.marshal"
    monkeypatch.setattr(regexcache, "path", lambda: str(target))
    monkeypatch.setattr(regexcache, "_new", {("a+b", 0): regexcache._compiled("a+b", 0)})
    monkeypatch.setattr(regexcache.sys, "dont_write_bytecode", False)
    monkeypatch.setattr(regexcache.os, "access", lambda *a: False)  # as for a read-only installation
    regexcache.save()
    assert not target.exists() and regexcache._new  # nothing written, nothing forgotten
    monkeypatch.undo()
    monkeypatch.setattr(regexcache, "path", lambda: str(target))
    monkeypatch.setattr(regexcache, "_new", {("a+b", 0): regexcache._compiled("a+b", 0)})
    monkeypatch.setattr(regexcache, "_stored", {})
    monkeypatch.setattr(regexcache.sys, "dont_write_bytecode", False)
    regexcache.save()
    assert target.exists() and not regexcache._new
