"""The .docx reader on files built from mini-drafts: italics, numbering, footnotes, tracked changes, comments."""
from __future__ import annotations

import itertools

import pytest

from conftest import errors, lint_docx, lint_path
from draftlint.formats.docx.build import write_package
from draftlint.formats.docx.read import read_docx

DRAFT = """Austria and Brazil: draft resolution

Countering the threat posed by improvised explosive devices

*The General Assembly,*

*Recalling* its resolution 77/64 of 7 December 2022,

*Expressing grave concern* over the use of such devices,¹

1. *Takes note* of the report of the Secretary-General;²

2. *Requests* the Secretary-General:

(a) To report annually;

(b) To consult States:

(i) Affected States;

(ii) Other States;

(c) To act;

3. *Decides* to remain seized of the matter.

¹ See resolution 69/51.

² A/79/100.
"""

OPTIONS = [dict(numbering=n, footnotes=f, italics=i)
           for n, f, i in itertools.product(("typed", "auto"), ("word", "typed"), ("direct", "style"))]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: "-".join(o.values()))
def test_faithful_draft_is_clean_in_every_form(tmp_path, options):
    res, findings = lint_docx(DRAFT, tmp_path, **options)
    assert [f.rule for f in findings] == []
    assert [n.label for n in res.nodes if n.kind == "sub"] == ["OP2(a)", "OP2(b)", "OP2(b)(i)", "OP2(b)(ii)", "OP2(c)"]
    assert [n.lead.text for n in res.operative] == ["Takes note", "Requests", "Decides"]
    assert [(e.number, e.footnote.text) for e in res.footnotes] == [("1", "See resolution 69/51."), ("2", "A/79/100.")]
    assert res.kind == "ga-draft"


def test_automatic_numbers_are_computed(tmp_path):
    res, _ = lint_docx(DRAFT, tmp_path, numbering="auto")
    assert [n.number for n in res.nodes if n.number] == ["1.", "2.", "(a)", "(b)", "(i)", "(ii)", "(c)", "3."]
    assert all(not n.typed for n in res.nodes if n.number)


def test_half_italic_lead_in_char_style_is_found(tmp_path):
    _, findings = lint_docx(DRAFT.replace("*Takes note*", "*Takes* note"), tmp_path, italics="style", numbering="auto")
    assert errors(findings) == [("OP1", "italics.lead")]


def test_tracked_changes_are_read_as_accepted(tmp_path):
    text = DRAFT.replace("3. *Decides* to remain seized of the matter.",
                         "3. *Decides* {--hereby --}to remain seized of the matter{++ and to act++}.")
    res, findings = lint_docx(text, tmp_path)
    assert res.operative[-1].text == "Decides to remain seized of the matter and to act."
    assert findings == []
    # the deleted words are in the file, but not in what is checked
    import zipfile

    xml = zipfile.ZipFile(tmp_path / "draft.docx").read("word/document.xml").decode("utf-8")
    assert "<w:delText" in xml and "hereby" in xml and "hereby" not in res.operative[-1].text


def test_deleted_semicolon_and_inserted_full_stop(tmp_path):
    text = DRAFT.replace("3. *Decides* to remain seized of the matter.", "3. *Decides* to remain seized of the matter{--;--}{++.++}")
    _, findings = lint_docx(text, tmp_path)
    assert findings == []
    text = DRAFT.replace("3. *Decides* to remain seized of the matter.", "3. *Decides* to remain seized of the matter{--.--}{++;++}")
    _, findings = lint_docx(text, tmp_path, name="b.docx")
    assert errors(findings) == [("OP3", "punctuation.op-end")]


def test_comments_are_kept_on_their_paragraph(tmp_path):
    res, _ = lint_docx(DRAFT.replace("(c) To act;", "(c) To act;{>>draftlint: allow punctuation<<}"), tmp_path)
    node = next(n for n in res.nodes if n.label == "OP2(c)")
    assert [res.source.comments[c].text for c in node.para.comments] == ["draftlint: allow punctuation"]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _doc(body: str, **parts) -> dict:
    out = {"word/document.xml": f'<w:document {W}><w:body>{body}</w:body></w:document>'}
    for name, xml in parts.items():
        out[f"word/{name}.xml"] = xml
    return out


def _p(*runs, ppr=""):
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _r(text, rpr=""):
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_italics_through_styles_and_toggles(tmp_path):
    styles = (f'<w:styles {W}><w:style w:type="paragraph" w:styleId="Quote"><w:rPr><w:i/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Em"><w:rPr><w:i/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Lead"><w:basedOn w:val="Em"/></w:style></w:styles>')
    body = (_p(_r("direct", "<w:i/>"), _r(" off", '<w:i w:val="0"/>'), _r(" false", '<w:i w:val="false"/>'))
            + _p(_r("based", '<w:rStyle w:val="Lead"/>'))
            + _p(_r("para"), _r(" toggled", '<w:rStyle w:val="Em"/>'), ppr='<w:pPr><w:pStyle w:val="Quote"/></w:pPr>'))
    path = tmp_path / "s.docx"
    write_package(str(path), _doc(body, styles=styles))
    paras = read_docx(str(path)).paragraphs
    assert [(r.text.strip(), r.italic) for p in paras for r in p.runs] == [
        ("direct", True), ("off", False), ("false", False), ("based", True), ("para", True), ("toggled", False)]


def test_paragraphs_in_tables_and_content_controls_in_order(tmp_path):
    body = (_p(_r("one")) + f"<w:tbl><w:tr><w:tc>{_p(_r('two'))}</w:tc><w:tc>{_p(_r('three'))}</w:tc></w:tr></w:tbl>"
            + f"<w:sdt><w:sdtPr/><w:sdtContent>{_p(_r('four'))}</w:sdtContent></w:sdt>")
    path = tmp_path / "t.docx"
    write_package(str(path), _doc(body))
    paras = read_docx(str(path)).paragraphs
    assert [(p.text, p.index) for p in paras] == [("one", 1), ("two", 2), ("three", 3), ("four", 4)]


NUMBERING = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
             '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
             '</w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def _num(num, lvl):
    return f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'


def test_numbering_levels_overrides_and_continuation(tmp_path):
    seq = [(1, 0), (1, 1)] + [(1, 1)] * 27 + [(1, 2), (1, 2), (1, 0), (2, 0), (3, 0), (1, 0)]
    body = "".join(_p(_r("x"), ppr=_num(n, lvl)) for n, lvl in seq)
    path = tmp_path / "n.docx"
    write_package(str(path), _doc(body, numbering=NUMBERING))
    numbers = [p.number for p in read_docx(str(path)).paragraphs]
    letters = [numbers[1 + k] for k in range(28)]
    assert letters[:3] == ["(a)", "(b)", "(c)"] and letters[25:] == ["(z)", "(aa)", "(bb)"]
    assert numbers[29:] == ["(i)", "(ii)", "2.", "7.", "8.", "9."]


def test_footnotes_numbered_by_reference_not_id(tmp_path):
    ref = '<w:r><w:footnoteReference w:id="{}"/></w:r>'
    notes = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="0"><w:p/></w:footnote>'
             f'<w:footnote w:id="7"><w:p>{_r("Seven.")}</w:p></w:footnote>'
             f'<w:footnote w:id="2"><w:p>{_r("Two.")}</w:p></w:footnote></w:footnotes>')
    body = (_p(_r("The General Assembly,", "<w:i/>")) + _p(_r("Recalling", "<w:i/>"), _r(" its work,"), ref.format(7))
            + _p(_r("1.\t"), _r("Decides", "<w:i/>"), _r(" to act."), ref.format(2)))
    path = tmp_path / "f.docx"
    write_package(str(path), _doc(body, footnotes=notes))
    res, findings = lint_path(path)
    assert [(e.number, e.footnote.text) for e in res.footnotes] == [("1", "Seven."), ("2", "Two.")]
    assert findings == []


def test_deleted_paragraph_mark_joins_paragraphs(tmp_path):
    body = (_p(_r("Decides to"), ppr='<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>')
            + _p(_r(" act.")))
    path = tmp_path / "d.docx"
    write_package(str(path), _doc(body))
    assert [p.text for p in read_docx(str(path)).paragraphs] == ["Decides to act."]
