"""Mini-drafts in the manner of every Main Committee, the plenary, the Security Council, the Human Rights
Council and ECOSOC (tests/drafts/): faithful ones raise no error, flawed ones exactly their flaws, and the
.docx built from each gives the same findings as the text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import lint_docx, lint_path
from draftlint.errors import NotAResolution

DRAFTS = sorted((Path(__file__).parent / "drafts").glob("*.md"))


def _expect(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".expect.yaml").read_text(encoding="utf-8"))


def _subparagraphs(res) -> dict:
    out: dict[int, list[str]] = {}
    for k, op in enumerate(res.operative, 1):
        labels = [".".join(re.findall(r"\(([a-z]+)\)", n.label)) for n in res.nodes
                  if n.kind == "sub" and n.label.startswith(op.label + "(")]
        if labels:
            out[k] = labels
    return out


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_draft_model_and_findings(path):
    expect = _expect(path)
    if expect["kind"] == "not-resolution":
        with pytest.raises(NotAResolution):
            lint_path(path)
        return
    res, findings = lint_path(path)
    assert res.kind == expect["kind"]
    if res.has_structure:
        assert [n.lead.text if n.lead else "" for n in res.preamble] == expect.get("preamble", [])
        assert [n.lead.text if n.lead and not n.clause else "" for n in res.operative] == expect.get("operative", [])
        assert _subparagraphs(res) == {int(k): v for k, v in (expect.get("subparagraphs") or {}).items()}
    assert len([e for e in res.footnotes if e.footnote is not None]) == expect.get("footnotes", 0)
    wanted = {(f["label"], f["category"]) for f in expect.get("findings") or []}
    got = {(f.label, f.category) for f in findings if f.severity == "error"}
    assert got == wanted


# A text draft cut by a page break is one paragraph to the text reader but two in a .docx built from it.
PARITY = [p for p in DRAFTS if _expect(p)["kind"] != "not-resolution" and "footnotes_between" not in p.stem]


@pytest.mark.parametrize("path", PARITY, ids=lambda p: p.stem)
@pytest.mark.parametrize("footnotes", ["typed", "word"])
def test_docx_built_from_draft_reads_the_same(path, footnotes, tmp_path):
    text = path.read_text(encoding="utf-8")
    _, from_text = lint_path(path)
    res, from_docx = lint_docx(text, tmp_path, numbering="typed", footnotes=footnotes, italics="style")
    # Word footnotes number themselves in order: typed marks out of order cannot happen there.
    skip = {"footnotes.sequence"} if footnotes == "word" else set()
    key = lambda fs: sorted((f.label, f.rule) for f in fs if f.rule not in skip)  # noqa: E731
    assert key(from_docx) == key(from_text)
