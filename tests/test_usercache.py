"""Validated configurations and packs kept in the user's cache folder (draftlint/usercache.py): used for the
same bytes only, never inside the installed package, ignored when damaged or unwritable."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from test_packs import DRAFT, HOUSE

PROBE = """
import sys
from draftlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("IMPORTED", sorted(m for m in ("yaml", "jsonschema") if m in sys.modules), file=sys.stderr)
sys.exit(code)
"""


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "repo").mkdir()
    repo = tmp_path / "repo"
    (repo / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (repo / ".draftlint.yaml").write_text("packs: [house.yaml]\nseverity: {un-spelling: off}\n", encoding="utf-8")
    (repo / "draft.md").write_text(DRAFT, encoding="utf-8")
    return repo


def check(repo: Path, cache: Path, *extra: str):
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    return subprocess.run([sys.executable, "-c", PROBE, "check", *extra, str(repo / "draft.md")], capture_output=True,
                          text=True, cwd=repo, env=env, timeout=60)


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "draftlint" / "validated").glob("*.json"))


def test_second_run_reads_the_validated_files_from_the_cache(repo, tmp_path):
    cache = tmp_path / "cache"
    first = check(repo, cache)
    assert first.returncode == 1 and "[house.no-hereby]" in first.stdout, first.stderr
    assert "IMPORTED ['jsonschema', 'yaml']" in first.stderr
    assert len(entries(cache)) == 2  # the configuration and the pack
    second = check(repo, cache)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert "IMPORTED []" in second.stderr  # neither PyYAML nor jsonschema


def test_changed_bytes_are_validated_again(repo, tmp_path):
    cache = tmp_path / "cache"
    assert check(repo, cache).returncode == 1
    (repo / "house.yaml").write_text(HOUSE.replace("severity: error", "severity: fatal"), encoding="utf-8")
    r = check(repo, cache)
    assert r.returncode == 2 and "severity: 'fatal' is not one of" in r.stdout, r.stdout + r.stderr
    (repo / ".draftlint.yaml").write_text("packs: [house.yaml]\nseverity: {un-spelling: never}\n", encoding="utf-8")
    (repo / "house.yaml").write_text(HOUSE, encoding="utf-8")
    r = check(repo, cache)
    assert r.returncode == 2 and "un-spelling" in r.stdout and "never" in r.stdout, r.stdout


def test_a_pattern_refused_once_is_never_cached(repo, tmp_path):
    cache = tmp_path / "cache"
    slow = HOUSE.replace("    tokens: [hereby]\n", "    patterns: ['(a+)+$']\n", 1)
    (repo / "house.yaml").write_text(slow, encoding="utf-8")
    for _ in range(2):
        r = check(repo, cache)
        assert r.returncode == 2 and "exponential time" in r.stdout, r.stdout


def test_damaged_entries_are_ignored_and_rewritten(repo, tmp_path):
    cache = tmp_path / "cache"
    good = check(repo, cache)
    for entry in entries(cache):
        entry.write_bytes(b"\x00{not json")
    r = check(repo, cache)
    assert (r.returncode, r.stdout) == (good.returncode, good.stdout)
    assert all(e.read_bytes().startswith(b"{") for e in entries(cache))
    for entry in entries(cache):  # valid JSON, but another entry's: not taken for this file
        entry.write_text('{"key": "0000", "data": {"packs": []}}', encoding="utf-8")
    r = check(repo, cache)
    assert (r.returncode, r.stdout) == (good.returncode, good.stdout)


def test_an_unwritable_cache_costs_nothing_but_time(repo, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    r = check(repo, blocker)
    assert r.returncode == 1 and "[house.no-hereby]" in r.stdout and "Traceback" not in r.stderr, r.stderr
    assert blocker.read_text() == "a file where the cache folder would be"


def test_nothing_is_written_inside_the_package(repo, tmp_path):
    def listing():
        return sorted(str(p) for folder in (ROOT / "draftlint", ROOT / "rules") for p in folder.rglob("*")
                      if "__pycache__" not in p.parts)

    before = listing()
    check(repo, tmp_path / "cache")
    check(repo, tmp_path / "cache")
    assert listing() == before


def test_pyproject_configuration_is_cached_too(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.draftlint]\npacks = ["house.yaml"]\nignore = ["house.us-spelling"]\n')
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    first, second = check(tmp_path, cache), check(tmp_path, cache)
    assert "[house.no-hereby]" in first.stdout and "[house.us-spelling]" not in first.stdout
    assert second.stdout == first.stdout and "IMPORTED []" in second.stderr


def test_the_folder_follows_xdg_cache_home(monkeypatch, tmp_path):
    from draftlint import usercache

    monkeypatch.setattr(usercache.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert usercache.folder() == str(tmp_path / "draftlint" / "validated")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG specification: ignored unless absolute
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert usercache.folder() == str(tmp_path / "home" / ".cache" / "draftlint" / "validated")


def test_old_entries_are_pruned(monkeypatch, tmp_path):
    from draftlint import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "KEEP", 3)
    for k in range(5):
        usercache.put(f"{k:04d}", f"source {k}", {"data": {"n": k}})
        os.utime(Path(usercache.folder()) / f"{k:04d}.json", (k, k))
    assert sorted(p.name for p in Path(usercache.folder()).iterdir()) == ["0002.json", "0003.json", "0004.json"]
    assert usercache.get("0004", "source 4") == {"key": "0004", "source": "source 4", "data": {"n": 4}}
    assert usercache.get("0001", "source 1") is None and usercache.get("0004", "source 3") is None
    usercache.put("0005", "source 5", {"data": {1: "a key JSON would turn into a string"}})
    assert usercache.get("0005", "source 5") is None
