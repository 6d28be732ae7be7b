"""draftlint scaffold of a .docx edits a copy of the previous resolution: its styles, page setup, headers and
footnotes stay; the adopted heading becomes a draft's; a Security Council text gets a Council draft; an
impossible request is refused in one line."""
from __future__ import annotations

import datetime
import re
import shutil
import subprocess

import docx
import pytest
from lxml import etree

from conftest import EXAMPLES, lint_path, run_cli
from ooxml_checks import document_xml, parts, q, reject

SOFFICE = shutil.which("soffice")
CARRIED = {"repetition.run"}  # see test_scaffold.py


def _scaffold(tmp_path, previous, *args, name="new.docx"):
    out = tmp_path / name
    r = run_cli("scaffold", previous, "-o", out, *args)
    assert r.returncode == 0, r.stdout + r.stderr
    docx.Document(str(out))  # python-docx opens what draftlint writes
    return out, r.stdout


def _footnotes(path) -> list[str]:
    root = etree.fromstring(parts(path)["word/footnotes.xml"])
    return ["".join(t.text or "" for t in fn.iter(q("t"))).strip() for fn in root.iterchildren(q("footnote"))
            if fn.get(q("type")) is None]


def _sect(path):
    return etree.tostring(document_xml(path).find(f"{q('body')}/{q('sectPr')}"))


def test_77_64_keeps_styles_page_and_every_footnote(tmp_path):
    previous = EXAMPLES / "A_RES_77_64.docx"
    out, _ = _scaffold(tmp_path, previous)
    before, after = parts(previous), parts(out)
    # Fonts, sizes and spacing live in styles.xml; page size and margins in the body's sectPr.
    for part in ("word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/fontTable.xml"):
        assert after[part] == before[part], part
    assert _sect(out) == _sect(previous)
    old, new = _footnotes(previous), _footnotes(out)
    assert len(new) == len(old) == 22
    # Only the footnote of the report paragraph changes: it names the new report.
    assert [k for k, (a, b) in enumerate(zip(old, new)) if a != b] == [12] and new[12] == "A/79/[..]."


def test_header_and_page_setup_of_the_previous_document_stay(tmp_path):
    from docx.shared import Cm

    previous = tmp_path / "with-header.docx"
    d = docx.Document(str(EXAMPLES / "A_RES_77_64.docx"))
    d.sections[0].header.paragraphs[0].text = "A/RES/77/64"
    d.sections[0].footer.paragraphs[0].text = "22-12345"
    d.sections[0].left_margin = Cm(3.1)
    d.save(str(previous))
    out, _ = _scaffold(tmp_path, previous)
    written = docx.Document(str(out))
    assert written.sections[0].header.paragraphs[0].text == "A/RES/77/64"
    assert written.sections[0].footer.paragraphs[0].text == "22-12345"
    assert round(written.sections[0].left_margin.cm, 2) == 3.1
    assert _sect(out) == _sect(previous)


def test_heading_becomes_a_first_committee_drafts(tmp_path):
    out, _ = _scaffold(tmp_path, EXAMPLES / "A_RES_77_64.docx", "--sponsors", "Austria, Brazil and Japan")
    res, _ = lint_path(out)
    assert res.kind == "ga-draft"
    assert [n.text for n in res.nodes if n.kind in ("heading", "title")] == [
        "United Nations A/C.1/79/L.[..]", "General Assembly", "Distr.: Limited [date]", "Original: English",
        "Seventy-ninth session", "First Committee", "Agenda item [..]",
        "General and complete disarmament: countering the threat posed by improvised explosive devices",
        "Austria, Brazil and Japan: draft resolution", "Countering the threat posed by improvised explosive devices"]
    styles = {n.para.style for n in res.nodes if n.kind == "heading"}
    assert styles == {"Doc Heading"}  # added lines take the formatting of the heading lines around them
    assert not res.of_kind("closing")


def test_seed_75_59_keeps_every_footnote(tmp_path, seeds):
    """The PDF copy lost the marks of footnotes 1, 3, 13 and 18: they are kept, marked where their numbers
    put them, and the drafter is told to check each place."""
    previous = seeds / "A_RES_75_59.txt"
    out, stdout = _scaffold(tmp_path, previous)
    res, _ = lint_path(out)
    texts = [e.footnote.text for e in res.footnotes]
    assert len(texts) == 18 and [e.number for e in res.footnotes] == [str(k) for k in range(1, 19)]
    assert all(e.marks for e in res.footnotes)
    assert texts[0].startswith("See resolution 69/51")
    assert re.findall(r"note: footnote (\d+) had no mark", stdout) == ["1", "3", "13", "18"]
    # the same footnotes as the example built from the seed with its marks restored
    example, _ = _scaffold(tmp_path, EXAMPLES / "A_RES_75_59.docx", name="example.docx")
    assert len(_footnotes(example)) == 18


def test_changes_are_tracked_dated_today_and_reject_to_the_previous_text(tmp_path):
    previous = EXAMPLES / "A_RES_77_64.docx"
    out, _ = _scaffold(tmp_path, previous, "--changes")
    root = document_xml(out)
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    marks = [el for tag in ("ins", "del", "rPrChange") for el in root.iter(q(tag))]
    assert marks and {el.get(q("date"))[:10] for el in marks} == {today}
    assert {el.get(q("author")) for el in marks} == {"draftlint"}
    # Rejecting every change gives the previous resolution back, paragraph by paragraph.
    rejected = tmp_path / "rejected.docx"
    reject(out, rejected)
    old, _ = lint_path(previous)
    back, _ = lint_path(rejected)
    assert [n.text for n in back.nodes if n.text] == [n.text for n in old.nodes if n.text]
    assert len(_footnotes(out)) == 22


def test_security_council_scaffold_needs_no_session(tmp_path):
    previous = EXAMPLES / "S_RES_2365_2017.docx"
    out, _ = _scaffold(tmp_path, previous)
    res, findings = lint_path(out)
    assert res.kind == "sc-draft" and res.organ == "Security Council"
    heading = [n.text for n in res.nodes if n.kind in ("heading", "title")]
    year = datetime.date.today().year
    assert heading == [f"United Nations S/{year}/[..]", "Security Council", "Distr.: General [date]",
                       "Original: English", "[Sponsors]: draft resolution"]
    assert res.preamble[0].text.startswith("Recalling its resolutions 1590 (2005), ")
    assert "2338 (2017), 2339 (2017), and 2365 (2017), which mandate" in res.preamble[0].text
    assert res.operative[-1].text == "Decides to remain actively seized of the matter."
    # scaffold brings no finding the adopted text did not have, besides the places to fill in
    _, before = lint_path(previous)
    assert {f.rule for f in findings} - {f.rule for f in before} == {"placeholders.open"}
    assert [f for f in findings if f.severity == "error"] == []
    if SOFFICE:
        r = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                           capture_output=True, text=True, timeout=300)
        pdf = tmp_path / "new.pdf"
        assert pdf.exists() and pdf.stat().st_size > 1000, r.stderr


@pytest.mark.parametrize("args, words", [
    (("A_RES_77_64.docx", "--session", "70"), "seventy-seventh session; a draft for the seventieth session"),
    (("A_RES_77_64.docx", "-o", "new.pdf"), "ending in .docx"),
    (("S_RES_2365_2017.docx", "--session", "81"), "has no sessions"),
], ids=["session-before-previous", "not-docx", "council-session"])
def test_impossible_requests_are_refused_in_one_line(tmp_path, args, words):
    previous, *rest = args
    if "-o" not in rest:
        rest += ["-o", "new.docx"]
    r = run_cli("scaffold", EXAMPLES / previous, *rest, cwd=tmp_path)
    assert r.returncode == 2 and r.stdout.count("\n") == 1 and words in r.stdout, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_edited_paragraphs_read_as_a_whole_new_walk_reads_them(tmp_path):
    """The editor walks again only the paragraph an edit changed; that must read as walking the whole body."""
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.textmap import body_paragraphs

    doc = Document(str(EXAMPLES / "A_RES_77_64.docx"))
    doc.replace(11, 0, 9, "Recalling also", track=True)
    doc.set_italic(11, 0, 14, True, track=True)
    doc.insert(12, 0, "Further ", track=False)
    doc.delete(12, 8, 19, track=True)
    doc.insert_paragraph(12, "Noting the new paragraph,", track=True)
    doc.replace(14, 0, 10, "Expressing", track=True)
    fresh = body_paragraphs(doc.body, doc.styles)
    assert {k: p.text for k, p in doc.paragraphs().items()} == {k: p.text for k, p in fresh.items()}
    assert doc.text(13) == "Noting the new paragraph,"
