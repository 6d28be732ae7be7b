from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(ROOT / "tests"))
# The long profile (README, "Development"): the whole corpus and more random seeds.
LONG = os.environ.get("DRAFTLINT_LONG", "") not in ("", "0")


def lint_path(path, profile: str | None = None):
    from draftlint.lint.engine import Options, lint_resolution
    from draftlint.formats import read
    from draftlint.model.resolution import build

    res = build(read(str(path)))
    return res, lint_resolution(res, Options(profile=profile))


def lint_text(text: str, tmp_path: Path, name: str = "draft.md", profile: str | None = None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return lint_path(path, profile)


def lint_docx(text: str, tmp_path: Path, name: str = "draft.docx", **options):
    from draftlint.formats.docx.build import build_docx

    path = tmp_path / name
    build_docx(text, str(path), **options)
    return lint_path(path)


from draftlint.lint.rule import DRAFT_HEAD as FRAME  # noqa: E402


def frame(snippet: str) -> str:
    """A rule's doc example as a whole mini-draft: pack examples are often a single paragraph."""
    import re

    if re.search(r"(?m)^\*?The [A-Z].*(Assembly|Council)", snippet):
        return snippet
    text = FRAME + snippet.strip()
    if not re.search(r"(?m)^\d+\. ", snippet):
        text += "\n\n1. *Decides* to remain seized of the matter."
    return text + "\n"


def errors(findings):
    return [(f.label, f.rule) for f in findings if f.severity == "error"]


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "draftlint", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120)


@pytest.fixture(scope="session", autouse=True)
def _own_user_cache(tmp_path_factory):
    """The validated configurations and packs that draftlint keeps in the user's cache folder go to a folder
    of the test run's own (draftlint and the commands it runs read XDG_CACHE_HOME), not to ~/.cache."""
    import os

    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def seeds():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    return SEEDS
