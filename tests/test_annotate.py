"""`draftlint check --annotate`: each finding as a Word comment by "draftlint" on the words at fault."""
from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli
from ooxml_checks import audit, document_xml, q
from draftlint.lint.engine import check_file

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "S_RES_2365_2017.docx"
LO_COMMENTS = ROOT / "tests" / "fixtures" / "lo" / "lo_tracked_comments.docx"
SOFFICE = shutil.which("soffice")


def anchored(path) -> dict[str, str]:
    """Comment id -> the text between its range start and end."""
    root = document_xml(path)
    out, open_ = {}, {}
    for el in root.iter():
        if el.tag == q("commentRangeStart"):
            open_[el.get(q("id"))] = []
        elif el.tag == q("commentRangeEnd"):
            out[el.get(q("id"))] = "".join(open_.pop(el.get(q("id")), []))
        elif el.tag == q("t"):
            for words in open_.values():
                words.append(el.text or "")
    return out


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    out = tmp_path_factory.mktemp("annotate") / "2365-annotated.docx"
    before = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    r = run_cli("check", EXAMPLE, "--annotate", out)
    assert r.returncode == 1  # the check's own exit code: the draft has an error
    assert hashlib.sha256(EXAMPLE.read_bytes()).hexdigest() == before
    return out, r


def test_a_comment_on_op14_s_note(annotated):
    import docx

    out, r = annotated
    comments = {c.comment_id: c for c in docx.Document(str(out)).comments}
    ranges = anchored(out)
    lead = [cid for cid, c in comments.items() if "[italics.lead]" in c.text]
    assert len(lead) == 1 and ranges[str(lead[0])] == "note"
    assert comments[lead[0]].author == "draftlint"
    assert "“Takes note”" in comments[lead[0]].text


def test_every_finding_in_the_body_has_its_comment(annotated):
    import docx

    out, r = annotated
    findings = check_file(str(EXAMPLE)).findings
    texts = sorted(f"{f.message} [{f.rule}]" for f in findings if f.paragraph is not None)
    comments = docx.Document(str(out)).comments
    assert sorted(c.text for c in comments) == texts
    assert {c.author for c in comments} == {"draftlint"}
    ranges = anchored(out)
    assert sorted(v for v in ranges.values() if v == "stake holders") == ["stake holders"] * 4
    # The report is printed as always: the comments come on top of it.
    assert "[italics.lead]" in r.stdout


def test_the_annotated_copy_is_valid_and_opens_in_libreoffice(annotated, tmp_path):
    pytest.importorskip("openxml_audit")
    out, _ = annotated
    base = {_finding(e) for e in audit(EXAMPLE)}
    assert [str(e) for e in audit(out) if e.error_type.value == "schema" or _finding(e) not in base] == []
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "fodt", "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=600)
    fodt = (tmp_path / (out.stem + ".fodt")).read_text(encoding="utf-8")
    assert fodt.count("<office:annotation") >= 9 and "[italics.lead]" in fodt
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=600)
    assert (tmp_path / (out.stem + ".pdf")).stat().st_size > 1000


def _finding(error) -> str:
    return re.sub(r"\[\d+\]", "", f"{error.error_type.value} {error.part_uri} {error.description}")


def test_a_suppression_comment_is_kept(tmp_path):
    """The draft's own "draftlint: allow …" comment stays, and what it silences gets no comment."""
    import docx

    from draftlint.formats.docx.edit import Document
    from draftlint.formats import read

    draft = tmp_path / "allowed.docx"
    op14 = next(p for p in read(str(EXAMPLE)).paragraphs if p.text.startswith("Takes note"))
    doc = Document(str(EXAMPLE), author="A drafter")
    doc.add_comment(op14.index, 0, 5, "draftlint: allow italics.lead", author="A drafter")
    doc.save(str(draft))
    out = tmp_path / "annotated.docx"
    r = run_cli("check", draft, "--annotate", out)
    assert r.returncode == 0, r.stderr
    comments = docx.Document(str(out)).comments
    assert [c.text for c in comments if c.author == "A drafter"] == ["draftlint: allow italics.lead"]
    assert not [c for c in comments if "[italics.lead]" in c.text]
    assert len([c for c in comments if c.author == "draftlint"]) == 8
    # A second annotation of the annotated copy does not count the comments as findings, and keeps them all.
    again = run_cli("check", out, "--annotate", tmp_path / "twice.docx")
    assert len(docx.Document(str(tmp_path / "twice.docx")).comments) == 9 + 8


def test_existing_comments_and_tracked_changes_of_the_draft_are_kept(tmp_path):
    out = tmp_path / "lo.docx"
    run_cli("check", LO_COMMENTS, "--annotate", out)
    before, after = document_xml(LO_COMMENTS), document_xml(out)
    for tag in ("ins", "del", "commentRangeStart"):
        assert len(list(after.iter(q(tag)))) >= len(list(before.iter(q(tag))))
    assert len(list(before.iter(q("ins")))) + len(list(before.iter(q("del")))) > 0


def test_refusals_are_one_line(tmp_path):
    out = tmp_path / "a.docx"
    out.write_bytes(b"x")
    for args in ((EXAMPLE, "--annotate", out), (EXAMPLE, "--annotate", tmp_path / "a.txt"),
                 (EXAMPLE, "--annotate", EXAMPLE)):
        r = run_cli("check", *args)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    assert out.read_bytes() == b"x"
    assert run_cli("check", EXAMPLE, "--annotate", out, "--force").returncode == 1
