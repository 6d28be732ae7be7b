"""Report formats written file by file (issue 16): the JSON text is the same as one json.dumps of the whole
document, each file's report is out before the next file is checked, and SARIF carries the docs of a
delegation's own pack rules."""
from __future__ import annotations

import io
import json

import pytest

from conftest import EXAMPLES, run_cli
from draftlint import output
from draftlint.lint.engine import check_file
from draftlint.output.json import as_dict

PATHS = [EXAMPLES / "A_RES_75_59.docx", EXAMPLES / "S_RES_2365_2017.docx", EXAMPLES / "A_RES_77_64.docx"]


@pytest.mark.parametrize("n", [0, 1, 3])
def test_streamed_json_is_the_documents_json(n):
    results = [check_file(str(p)) for p in PATHS[:n]]
    whole = json.dumps({"version": 1, "files": [as_dict(r) for r in results]}, ensure_ascii=False, indent=2) + "\n"
    assert output.render("json", results) == whole


@pytest.mark.parametrize("fmt", output.names())
def test_each_file_is_written_before_the_next_comes(fmt):
    results = [check_file(str(p)) for p in PATHS[:2]]
    out = io.StringIO()
    w = output.writer(fmt)
    w.start(out)
    w.file(results[0])
    first = out.getvalue()
    assert "A_RES_75_59" in first and "S_RES_2365" not in first
    w.file(results[1])
    w.end()
    assert "S_RES_2365" in out.getvalue() and out.getvalue().startswith(first)
    if fmt in ("json", "sarif"):
        json.loads(out.getvalue())


@pytest.mark.parametrize("how", ["found beside the draft", "--config", "--config, -j 2"])
def test_sarif_carries_the_docs_of_a_house_pack_rule(how, tmp_path):
    mission = tmp_path / "mission" if how != "found beside the draft" else tmp_path
    mission.mkdir(exist_ok=True)
    (mission / "house.yaml").write_text(
        "pack: house\nrules:\n- id: no-hereby\n  kind: forbid\n  category: style\n  severity: warning\n"
        "  scope: [operative]\n  tokens: [hereby]\n  message: Drop “{match}”.\n  doc:\n"
        "    summary: No hereby in an operative paragraph.\n    why: It adds nothing to the verb.\n"
        "    wrong: 1. *Decides* hereby to act;\n    right: 1. *Decides* to act;\n", encoding="utf-8")
    (mission / ".draftlint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n"
                     "1. *Decides* hereby to remain seized of the matter.\n", encoding="utf-8")
    args = {"found beside the draft": [], "--config": ["--config", mission / ".draftlint.yaml"],
            "--config, -j 2": ["--config", mission / ".draftlint.yaml", "-j", "2", EXAMPLES / "A_RES_77_64.docx"]}[how]
    run = json.loads(run_cli("check", "--format", "sarif", *args, draft).stdout)["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["house.no-hereby"]["shortDescription"]["text"] == "No hereby in an operative paragraph."
    assert rules["house.no-hereby"]["properties"]["pack"] == "house"
    assert [r["ruleId"] for r in run["results"]] == ["house.no-hereby"]
