"""The heading block that build_docx writes looks like a UN document's (the symbol and "United Nations" over a
rule, the organ's name beside the distribution lines over a second rule) and still reads as the lines typed,
in their order; a scaffold adds its lines where a drafter would and with the look of the lines around them."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES, lint_path, run_cli
from ooxml_checks import document_xml, q

W_VAL = q("val")


def _heading(path) -> list[str]:
    res, _ = lint_path(path)
    return [n.text for n in res.nodes if n.kind in ("heading", "title")]


def _body_paragraphs(path) -> dict[str, object]:
    """Each body paragraph's text -> its w:p (the heading lines are unique in a document)."""
    body = document_xml(path).find(q("body"))
    return {"".join(t.text or "" for t in p.iter(q("t"))): p for p in body.iterchildren(q("p"))}


@pytest.mark.parametrize("name", ["A_RES_77_64", "A_RES_75_59", "S_RES_2365_2017", "A_C1_79_L_draft"])
def test_the_docx_heading_reads_as_the_text_copy(name):
    assert _heading(EXAMPLES / f"{name}.docx") == _heading(EXAMPLES / f"{name}.md")


def test_the_l_document_heading_is_laid_out_as_the_uns(tmp_path):
    out = tmp_path / "new.docx"
    assert run_cli("new", "--kind", "ga-draft", "-o", out).returncode == 0
    paras = _body_paragraphs(out)
    top = paras["United Nations A/C.[..]/81/L.[..]"]
    # The symbol's run is large, the widened space puts it on the distribution column, a rule is under the row.
    sizes = [r.find(f"{q('rPr')}/{q('sz')}") for r in top.iter(q("r"))]
    assert sizes[0] is None and int(sizes[-1].get(W_VAL)) >= 34
    assert int(top.find(f"{q('r')}[2]/{q('rPr')}/{q('spacing')}").get(W_VAL)) > 4000
    assert top.find(f"{q('pPr')}/{q('pBdr')}/{q('bottom')}") is not None
    organ = paras["General Assembly"]
    assert organ.find(f"{q('pPr')}/{q('framePr')}") is not None  # beside the lines that follow it
    assert organ.find(f".//{q('rPr')}/{q('b')}") is not None
    for line in ("Distr.: Limited", "[date]", "Original: English"):
        ppr = paras[line].find(q("pPr"))
        assert ppr.find(f"{q('pBdr')}/{q('bottom')}") is not None  # their common border: the second rule
        assert int(ppr.find(q("ind")).get(q("firstLine"))) > 5000
    assert paras["[Agenda item title]"].find(f".//{q('rPr')}/{q('b')}") is not None
    # Every heading line keeps the heading style: the look is direct formatting.
    styles = {p.find(f"{q('pPr')}/{q('pStyle')}").get(W_VAL) for t, p in paras.items()
              if t in ("General Assembly", "Distr.: Limited", "Eighty-first session", "[Sponsors]: draft resolution")}
    assert styles == {"DocHeading"}


def test_a_scaffold_adds_its_lines_where_they_belong(tmp_path):
    out = tmp_path / "draft.docx"
    r = run_cli("scaffold", EXAMPLES / "A_RES_77_64.docx", "-o", out, "--sponsors", "Austria, Brazil and Japan")
    assert r.returncode == 0, r.stderr
    paras = _body_paragraphs(out)
    # "Original: English" with the distribution lines, beside the organ and over the rule.
    original = paras["Original: English"].find(q("pPr"))
    assert original.find(f"{q('pBdr')}/{q('bottom')}") is not None and original.find(q("ind")) is not None
    # The committee line looks like the agenda item line, not like the session line spaced under the rule.
    assert paras["First Committee"].find(f"{q('pPr')}/{q('spacing')}") is None
    # The sponsors' line is not bold like the agenda item's title before it, and stands indented like the title.
    sponsors = paras["Austria, Brazil and Japan: draft resolution"]
    assert sponsors.find(f".//{q('rPr')}/{q('b')}") is None
    assert sponsors.find(f"{q('pPr')}/{q('ind')}").get(q("left")) == "1267"
    assert list(paras).index("Austria, Brazil and Japan: draft resolution") == \
        list(paras).index("Countering the threat posed by improvised explosive devices") - 1
