"""Output formats: golden files for one example, SARIF against the official schema, stable fingerprints,
GitHub annotations, --output, and the pre-commit hook with the real pre-commit tool."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT, SEEDS, lint_text, run_cli

GOLDEN = ROOT / "tests" / "golden"
EXAMPLE = "examples/S_RES_2365_2017.docx"


@pytest.mark.parametrize("fmt, suffix", [("text", "txt"), ("json", "json"), ("sarif", "sarif"), ("github", "github")])
def test_golden_outputs(fmt, suffix):
    r = run_cli("check", "--format", fmt, EXAMPLE, "examples/A_RES_77_64.docx", cwd=ROOT)
    golden = GOLDEN / f"S_RES_2365_2017.{suffix}"
    if os.environ.get("DRAFTLINT_UPDATE_GOLDEN"):
        golden.write_text(r.stdout, encoding="utf-8")
    assert r.stdout == golden.read_text(encoding="utf-8")


def _sarif_schema():
    path = SEEDS.parent / "schemas" / "sarif-schema-2.1.0.json"
    if not path.exists():
        pytest.skip("../shared/schemas is not beside the repository")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", ["A_RES_75_59.docx", "S_RES_2365_2017.docx"])
def test_sarif_validates_against_official_schema(example, tmp_path):
    import jsonschema

    out = tmp_path / "report.sarif"
    r = run_cli("check", "--format", "sarif", "--output", out, EXAMPLES / example)
    assert r.returncode == 1 and r.stdout == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(doc, _sarif_schema())
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "draftlint" and driver["informationUri"] and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["locations"][0]["logicalLocations"][0]["kind"] == "paragraph"
        assert result["partialFingerprints"]["draftlintFinding/v1"]


def _fingerprints(path):
    r = run_cli("check", "--format", "sarif", path)
    run = json.loads(r.stdout)["runs"][0]
    return {res["partialFingerprints"]["draftlintFinding/v1"]: (res["ruleId"], res["locations"][0]["logicalLocations"][0]["name"])
            for res in run["results"]}


def test_fingerprints_survive_a_new_first_operative_paragraph(tmp_path):
    text = (EXAMPLES / "S_RES_2365_2017.md").read_text(encoding="utf-8")
    before = tmp_path / "before.md"
    before.write_text(text, encoding="utf-8")
    # insert a new OP before OP1 and renumber the others, as a drafter would
    lines = text.split("\n\n")
    out, n = [], 0
    for block in lines:
        if block[:1].isdigit() and ". " in block[:5]:
            n += 1
            if n == 1:
                out.append("1. *Welcomes* the work of the Mine Action Service;")
            out.append(f"{n + 1}. " + block.split(". ", 1)[1])
        else:
            out.append(block)
    after = tmp_path / "after.md"
    after.write_text("\n\n".join(out), encoding="utf-8")
    fp_before, fp_after = _fingerprints(before), _fingerprints(after)
    assert fp_before and set(fp_before) <= set(fp_after)
    moved = {fp: (fp_before[fp][1], fp_after[fp][1]) for fp in fp_before}
    assert ("OP14", "OP15") in moved.values()


def test_github_annotation_escaping(tmp_path):
    draft = ("*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n"
             "1. Takes note of the report, 100% agreed;\n\n2. *Decides* to remain seized.\n")
    path = tmp_path / "a,b:c.md"
    path.write_text(draft, encoding="utf-8")
    r = run_cli("check", "--format", "github", path)
    line = r.stdout.splitlines()[0]
    assert line.startswith("::error file=") and "a%2Cb%3Ac.md,line=5,title=OP1 [italics.lead]::" in line


def _git(cwd, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="Delegate", GIT_AUTHOR_EMAIL="d@example.org",
               GIT_COMMITTER_NAME="Delegate", GIT_COMMITTER_EMAIL="d@example.org")
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_refuses_then_accepts(tmp_path):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("this checkout has no commit to install the hook from")
    pre_commit = shutil.which("pre-commit", path=os.path.dirname(sys.executable))
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (it comes with the test extra)")
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head.stdout.strip()}\n  hooks:\n  - id: draftlint\n", encoding="utf-8")
    (repo / "README.md").write_text("# Our drafts\n\nOne folder per agenda item.\n", encoding="utf-8")
    good = (EXAMPLES / "A_RES_77_64.md").read_text(encoding="utf-8")
    (repo / "ieds.md").write_text(good.replace("1. *Takes note*", "1. Takes note"), encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    installed = subprocess.run([pre_commit, "install"], cwd=repo, capture_output=True, text=True, env=env, timeout=300)
    assert installed.returncode == 0, installed.stderr
    _git(repo, "add", ".")
    refused = subprocess.run(["git", "commit", "-qm", "draft"], cwd=repo, capture_output=True, text=True,
                             env=dict(env, GIT_AUTHOR_NAME="D", GIT_AUTHOR_EMAIL="d@x", GIT_COMMITTER_NAME="D",
                                      GIT_COMMITTER_EMAIL="d@x"), timeout=900)
    assert refused.returncode != 0, refused.stdout + refused.stderr
    assert "OP1: error: the lead phrase “Takes note” is not in italics" in refused.stdout + refused.stderr
    (repo / "ieds.md").write_text(good, encoding="utf-8")
    _git(repo, "add", ".")
    accepted = subprocess.run(["git", "commit", "-qm", "draft"], cwd=repo, capture_output=True, text=True,
                              env=dict(env, GIT_AUTHOR_NAME="D", GIT_AUTHOR_EMAIL="d@x", GIT_COMMITTER_NAME="D",
                                       GIT_COMMITTER_EMAIL="d@x"), timeout=900)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
