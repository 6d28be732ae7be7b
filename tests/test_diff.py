"""draftlint diff: the alignment of two texts, the e-mail summary, the JSON, and the redline .docx read back
independently (reject all gives last session's wording, accept all gives the draft)."""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import EXAMPLES, FRAME, run_cli
from ooxml_checks import audit, parts, q, unwrap

PREVIOUS, DRAFT = EXAMPLES / "A_RES_75_59.docx", EXAMPLES / "A_RES_77_64.docx"
SOFFICE = shutil.which("soffice")

# Read off the two texts (examples/A_RES_75_59.md and A_RES_77_64.md) side by side.
EXPECTED = {
    ("changed", "PP1"),  # the recall chain extended with 73/67 … 75/59 and decision 76/516
    ("changed", "PP2"),  # "times." → "times,": 75/59's full stop mended
    ("new", "PP19"),  # Noting, in this regard, the establishment pursuant to resolution 76/233 …
    ("changed", "PP19 → PP20"),  # Stressing also → Stressing
    ("changed", "PP21 → PP22"),  # its clause "and further noting that … anti-personnel mines" taken out …
    ("new", "PP23"),  # … into a paragraph of its own
    ("changed", "PP22 → PP24"),  # Noting further → Noting; "to counter the proliferation and use of"
    ("changed", "PP23 → PP25"),  # establishment → work
    ("changed", "OP7"),  # trafficking added
    ("changed", "OP10"),  # a comma
    ("new", "OP11"), ("new", "OP12"),  # the CCW update and questionnaire
    ("changed", "OP11 → OP13"),  # Further encourages → Encourages
    ("changed", "OP13 → OP15"),  # 75/59's stray "_" in "Peace _ Operations"
    ("changed", "OP14 → OP16"),  # and the United Nations Office on Drugs and Crime
    ("new", "OP17"),  # Working Group on Border Management
    ("changed", "OP22 → OP25"),  # 75/59's typed "18" beside its footnote mark
    ("moved", "OP27 → OP28"),  # the Peacekeeping manual, now before the Mine Action Standards
    ("changed", "OP25 → OP29"), ("changed", "OP26 → OP30"),  # Notes → Recalls, Also notes → Notes
    ("new", "OP31"),  # the independent strategic review
    ("changed", "OP28 → OP32"),  # the self-assessment tool
    ("new", "OP34"),  # Requests the Secretary-General to report
    ("changed", "OP31 → OP36"),  # seventy-sixth → seventy-ninth session
    ("new", "footnote 16"), ("new", "footnote 17"), ("new", "footnote 19"), ("new", "footnote 22"),
}


def _compare(previous, draft):
    from draftlint.formats import read
    from draftlint.writers.redline import compare
    from draftlint.model.resolution import build

    return compare(build(read(str(previous))), build(read(str(draft))))


def _changes(red) -> set[tuple[str, str]]:
    return {(p.status, p.names) for p in red.changes()}


def test_the_77_64_redline_shows_the_real_changes_and_nothing_else():
    red = _compare(PREVIOUS, DRAFT)
    assert _changes(red) == EXPECTED
    pp1 = next(p for p in red.paragraphs if p.names == "PP1")
    assert any("75/59 of 7 December 2020" in e.new for e in pp1.edits)
    assert any("decision 76/516" in e.new for e in pp1.edits)
    # Every paragraph of either text is accounted for exactly once.
    assert len([p for p in red.paragraphs if p.old]) == 1 + 24 + 31  # the opening line, PPs, OPs
    assert len([p for p in red.paragraphs if p.new]) == 1 + 26 + 36


def test_the_text_copy_of_the_previous_resolution_gives_the_same_changes():
    assert _changes(_compare(EXAMPLES / "A_RES_75_59.md", DRAFT)) == _changes(_compare(PREVIOUS, DRAFT))


def test_against_a_text_copy_rejecting_gives_its_footnotes_back(tmp_path):
    """Last session's text as .md: its footnotes are typed, the draft's are Word's; PP21's footnote 9, whose
    words the draft moved into a paragraph of their own, still comes back with them."""
    from draftlint.writers.redline import fold

    previous = EXAMPLES / "A_RES_75_59.md"
    out, rejected = tmp_path / "red.docx", tmp_path / "rejected.docx"
    assert run_cli("diff", previous, DRAFT, "-o", out).returncode == 0
    _reject_all(out, rejected)
    assert [fold(n) for n in _notes(rejected)] == [fold(n) for n in _notes(previous)]
    assert _note_marks(rejected) == _note_marks(previous)


def test_the_summary_names_the_changes_by_label():
    result = run_cli("diff", PREVIOUS, DRAFT)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("A_RES_77_64.docx against A_RES_75_59.docx: paragraphs 7 new, 16 changed, 1 moved; "
                          "footnotes 4 new\n")
    assert "OP11 → OP13 changed: 'Further encourages' → 'Encourages';" in out
    assert "OP31 → OP36 changed: 'seventy-sixth' → 'seventy-ninth';" in out
    assert "PP19 new: 'Noting, in this regard" in out
    assert "OP27 → OP28 moved and changed: 'Further notes' → 'Notes'" in out
    assert "footnote 22 new: 'S/2021/1042, annex.'" in out
    assert len(out.strip().splitlines()) == 1 + len(EXPECTED)


def test_json_holds_the_same_as_data():
    result = run_cli("diff", PREVIOUS, DRAFT, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counts"]["paragraphs"] == {"new": 7, "changed": 16, "moved": 1, "deleted": 0}
    op13 = next(p for p in data["paragraphs"] if p["draft"] and p["draft"]["label"] == "OP13")
    assert op13["status"] == "changed" and op13["previous"]["label"] == "OP11"
    assert op13["previous"]["paragraph"] == 44 and op13["draft"]["paragraph"] == 49
    assert op13["edits"] == [{"previous": "Further encourages", "draft": "Encourages",
                              "previous_span": [0, 18], "draft_span": [0, 10]}]
    assert len(data["summary"]) == len(EXPECTED)


# ------------------------------------------------------------------ small drafts: moves, renumbering, deletions

def _mini(tmp_path: Path, name: str, ops: list[str], docx: bool = True) -> Path:
    text = FRAME + "\n\n".join(f"{k}. {op}" for k, op in enumerate(ops, 1)) + "\n"
    if not docx:
        path = tmp_path / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        return path
    from draftlint.formats.docx.build import build_docx

    path = tmp_path / f"{name}.docx"
    build_docx(text, str(path))
    return path


OPS = ["*Welcomes* the report of the Secretary-General on the item;",
       "*Encourages* States to share information on improvised explosive devices;",
       "*Requests* the Secretary-General to seek the views of Member States on the matter;",
       "*Urges* States to secure their stockpiles of conventional ammunition;",
       "*Decides* to include the item in the provisional agenda of its next session."]


def test_a_move_and_renumbering_are_named_in_both_texts(tmp_path):
    # OP4 goes to the front; OP2 gets "Also"; a new OP; OP3 is deleted.
    new_ops = [OPS[3], OPS[0], "*Calls upon* all States to cooperate in countering the threat;",
               "*Also encourages* States to share information on improvised explosive devices;", OPS[4]]
    red = _compare(_mini(tmp_path, "old", OPS), _mini(tmp_path, "new", new_ops))
    assert _changes(red) == {("moved", "OP4 → OP1"), ("new", "OP3"), ("changed", "OP2 → OP4"),
                             ("deleted", "OP3")}
    op4 = next(p for p in red.paragraphs if p.names == "OP2 → OP4")
    from draftlint.writers.redline_report import describe

    assert describe(op4) == "OP2 → OP4 changed: 'Encourages' → 'Also encourages'"
    # Kept paragraphs that only moved up or down a number are not changes.
    assert next(p for p in red.paragraphs if p.names == "OP1 → OP2").status == "same"
    assert [p.status for p in red.paragraphs].count("deleted") == 1


def test_identical_texts_have_no_changes(tmp_path):
    path = _mini(tmp_path, "same", OPS)
    result = run_cli("diff", path, _mini(tmp_path, "same-text", OPS, docx=False))
    assert result.returncode == 0 and result.stdout == "same-text.md against same.docx: no changes\n"


# ------------------------------------------------------------------ the redline .docx

def _accept(src: Path, author: str = "draftlint") -> bytes:
    """Accept `author`'s changes as Word does, in the body and the footnotes: insertions and move destinations
    unwrapped, deletions and move sources removed, and a paragraph whose mark is deleted (or moved away)
    joined with the next one (its text being deleted too, it is simply removed)."""
    return _resolved(src, author, accept=True)


def _reject_all(src: Path, dst: Path, author: str = "draftlint") -> None:
    """Reject as Word does: a paragraph inserted (or moved here) with its mark goes altogether, deleted text
    and a move's source stay as plain text."""
    dst.write_bytes(_resolved(src, author, accept=False))


def _resolved(src: Path, author: str, accept: bool) -> bytes:
    gone, kept = (("del", "moveFrom"), ("ins", "moveTo")) if accept else (("ins", "moveTo"), ("del", "moveFrom"))
    files = parts(src)
    for name in ("word/document.xml", "word/footnotes.xml"):
        if name not in files:
            continue
        root = etree.fromstring(files[name])
        for p in [p for p in root.iter(q("p")) if any(_mark_revision(p, k, author) for k in gone)]:
            p.getparent().remove(p)
        for el in [e for e in root.iter(*map(q, gone)) if e.get(q("author")) == author]:
            el.getparent().remove(el)
        for el in [e for e in root.iter(*map(q, kept)) if e.get(q("author")) == author]:
            if el.getparent().tag == q("rPr"):
                el.getparent().remove(el)
                continue
            unwrap(el)
        kinds = [q(k) for k in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")]
        for el in list(root.iter(*kinds)):
            el.getparent().remove(el)
        files[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zip(files)


def _mark_revision(p, kind: str, author: str) -> bool:
    mark = p.find(f"{q('pPr')}/{q('rPr')}/{q(kind)}")
    return mark is not None and mark.get(q("author")) == author


def _zip(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _wording(path: Path) -> list[str]:
    """The compared paragraphs' words, in order, as the redline compares them."""
    from draftlint.formats import read
    from draftlint.writers.redline import fold, items
    from draftlint.model.resolution import build

    return [fold(i.text) for i in items(build(read(str(path))))[0]]


def _texts(path: Path) -> dict[int, str]:
    from draftlint.formats import read

    return {p.index: p.text for p in read(str(path)).paragraphs}


@pytest.fixture(scope="module")
def redline(tmp_path_factory):
    out = tmp_path_factory.mktemp("redline") / "redline.docx"
    result = run_cli("diff", PREVIOUS, DRAFT, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote {out}\n"
    return out


def test_accepting_all_gives_the_draft_exactly(redline, tmp_path):
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(_accept(redline))
    assert _texts(accepted) == _texts(DRAFT)
    assert _notes(accepted) == _notes(DRAFT)


def _expected_after_reject(red) -> list[str]:
    """Last session's paragraphs in last session's order: kept and deleted ones where they stood, and a moved
    one back in its old place (a move's source is rejected into plain text, its destination removed)."""
    from draftlint.writers.redline import fold

    return [fold(p.old.text) for p in sorted((p for p in red.paragraphs if p.old), key=lambda p: p.old.order)]


def test_rejecting_all_gives_last_sessions_wording(redline, tmp_path):
    from draftlint.writers.redline import fold

    rejected = tmp_path / "rejected.docx"
    _reject_all(redline, rejected)
    red = _compare(PREVIOUS, DRAFT)
    assert _wording(rejected) == _expected_after_reject(red) == _wording(PREVIOUS)
    # The four new footnotes go with their marks, and footnote 9 (PP21's last words, now in PP23) comes back
    # with the words it was on. Quotes folded: 75/59 has straight ones where 77/64 has curly ones.
    assert [fold(n) for n in _notes(rejected)] == [fold(n) for n in _notes(PREVIOUS)] != [fold(n) for n in _notes(DRAFT)]
    assert _note_marks(rejected) == _note_marks(PREVIOUS)  # each mark where it stood, after the same word
    # The draft really differs: the check above can fail.
    kept = [p for p in red.paragraphs if p.old and p.new]
    assert len(kept) == 56 and sum(fold(p.new.text) != fold(p.old.text) for p in kept) == 17
    assert _wording(DRAFT) != _wording(rejected)


def test_the_redline_is_tracked_by_draftlint_and_marks_the_new_paragraphs(redline):
    import docx

    document = docx.Document(str(redline))
    assert len(document.paragraphs) >= 74
    root = etree.fromstring(parts(redline)["word/document.xml"])
    ours = [e for e in root.iter(q("ins"), q("del")) if e.get(q("author")) == "draftlint"]
    assert all(e.get(q("id")) and e.get(q("date")) for e in ours)
    marks = [e for e in root.iter(q("ins")) if e.getparent().tag == q("rPr") and e.getparent().getparent().tag == q("pPr")]
    assert len(marks) == 7  # one per new paragraph
    # New footnotes' marks inside new paragraphs are inserted with them.
    refs = [r for r in root.iter(q("footnoteReference"))]
    inserted = {r.get(q("id")) for r in refs if any(a.tag == q("ins") for a in r.iterancestors())}
    notes = etree.fromstring(parts(redline)["word/footnotes.xml"])
    words = {f.get(q("id")): "".join(f.itertext()).strip() for f in notes.iter(q("footnote"))}
    # The four new footnotes, and the one whose mark went from PP21's last words into the new PP23.
    assert {words[i] for i in inserted} == {"CCW/AP.II/CONF.23/6, annex V.", "CCW/AP.II/CONF.23/5.",
                                           "Security Council resolution 2370 (2017).", "S/2021/1042, annex.",
                                           "Ibid., vol. 2056, No. 35597."}
    # Footnote ids run in the order of their marks (LibreOffice gives the marks the footnotes in id order).
    ids = [int(r.get(q("id"))) for r in refs]
    assert ids == sorted(ids) == list(range(2, 2 + len(refs)))
    assert "word/comments.xml" not in parts(redline)  # a move is a move, not a comment


def test_a_moved_paragraph_is_a_word_move_with_matching_ranges(redline):
    """OP27 → OP28: the draft's paragraph is the move's destination, last session's wording its source where
    OP27 stood, before the paragraph that followed it then (OP28 → OP32)."""
    root = etree.fromstring(parts(redline)["word/document.xml"])
    starts = {k: list(root.iter(q(f"{k}RangeStart"))) for k in ("moveFrom", "moveTo")}
    assert len(starts["moveFrom"]) == len(starts["moveTo"]) == 1
    source, destination = starts["moveFrom"][0], starts["moveTo"][0]
    assert source.get(q("name")) == destination.get(q("name"))
    assert source.get(q("author")) == "draftlint" and source.get(q("date"))
    for start in (source, destination):
        kind = start.tag.split("}")[1].replace("RangeStart", "")
        ends = [e for e in root.iter(q(f"{kind}RangeEnd")) if e.get(q("id")) == start.get(q("id"))]
        assert len(ends) == 1 and ends[0].getparent() is start.getparent()
        p = start.getparent()
        assert p.find(f"{q('pPr')}/{q('rPr')}/{q(kind)}") is not None  # the paragraph mark moves too
    moved_from = "".join(t.text for t in source.getparent().iter(q("t")))
    assert moved_from.startswith("Further notes the completion of the first update of the United Nations Peacekeeping")
    moved_to = "".join(t.text for e in destination.getparent().iter(q("moveTo")) for t in e.iter(q("t")))
    assert "the completion of the update of the United Nations Peacekeeping" in moved_to
    # Words the draft added are insertions inside the destination, not part of the move.
    added = "".join(t.text for e in destination.getparent().iter(q("ins")) for t in e.iter(q("t")))
    assert "Military Engineer Unit" in added
    # The source stands where OP27 stood: after last session's OP26 (the draft's OP30), before OP28 → OP32.
    following = source.getparent().getnext()
    assert "".join(t.text for t in following.iter(q("t"))).lstrip().startswith("Notes the use by interested States")
    # Every revision and range id is used once.
    ids = [e.get(q("id")) for e in root.iter() if e.get(q("id")) is not None and not e.tag.endswith("RangeEnd")
           and e.tag not in (q("footnoteReference"), q("commentReference"), q("bookmarkEnd"), q("commentRangeEnd"))]
    assert len(ids) == len(set(ids))


def test_no_new_openxml_findings(redline):
    pytest.importorskip("openxml_audit")

    def finding(e):
        return re.sub(r"\[\d+\]", "", f"{e.error_type.value} {e.part_uri} {e.description}")

    before = {finding(e) for e in audit(DRAFT)}
    assert [str(e) for e in audit(redline) if finding(e) not in before] == []


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_redline_and_sees_the_changes(redline, tmp_path):
    profile = tmp_path / "profile"
    for target in ("pdf", "fodt"):
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                        "--outdir", str(tmp_path), str(redline)], capture_output=True, timeout=600)
    assert (tmp_path / "redline.pdf").stat().st_size > 10_000
    fodt = (tmp_path / "redline.fodt").read_text(encoding="utf-8")
    regions = re.findall(r"<text:changed-region.*?</text:changed-region>", fodt, re.S)
    kinds = {k for r in regions if "<dc:creator>draftlint</dc:creator>" in r
             for k in re.findall(r"<text:(insertion|deletion)>", r)}
    assert kinds == {"insertion", "deletion"}
    # LibreOffice reads the move as one: it names both ends after the move (a bookmark of its own).
    name = next(etree.fromstring(parts(redline)["word/document.xml"]).iter(q("moveFromRangeStart"))).get(q("name"))
    assert f"__RefMoveFrom__{name}" in fodt and f"__RefMoveTo__{name}" in fodt
    # And gives each mark its own footnote: the deleted one put back in PP21's dropped words, the draft's
    # in PP23, the new ones, the last.
    notes = [re.sub(r"<[^>]+>", "", body).strip() for body in
             re.findall(r"<text:note-body>(.*?)</text:note-body>", fodt, re.S)]
    assert notes[8:10] == ["Ibid., vol. 2056, No. 35597."] * 2 and notes[-1] == "S/2021/1042, annex."
    assert len(notes) == 23


def test_a_deleted_paragraph_comes_back_as_a_tracked_deletion_where_it_stood(tmp_path):
    old = _mini(tmp_path, "old", OPS)
    new = _mini(tmp_path, "new", OPS[:2] + OPS[3:])
    out = tmp_path / "red.docx"
    result = run_cli("diff", old, new, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "OP3 deleted: 'Requests the Secretary-General" in result.stdout
    root = etree.fromstring(parts(out)["word/document.xml"])
    gone = [p for p in root.iter(q("p")) if _mark_revision(p, "del", "draftlint")]
    assert len(gone) == 1
    assert [t.text for t in gone[0].iter(q("delText"))] == \
        ["3.", "Requests the Secretary-General to seek the views of Member States on the matter;"]
    assert len(list(gone[0].iter(q("tab")))) == 1  # its typed number, as in the previous text
    assert not list(gone[0].iter(q("t")))
    following = gone[0].getnext()
    assert "".join(t.text for t in following.iter(q("t"))).startswith("3.")  # the draft's OP3, Urges …
    # Reject all: the draft becomes the previous text again, paragraph for paragraph.
    rejected, accepted = tmp_path / "rejected.docx", tmp_path / "accepted.docx"
    _reject_all(out, rejected)
    assert _wording(rejected) == _wording(old)
    accepted.write_bytes(_accept(out))
    assert _texts(accepted) == _texts(new)
    # The reader of the redline sees the draft: the deleted paragraph joins the next one and adds nothing.
    assert _wording(out) == _wording(new)


def test_deleted_paragraphs_at_the_end_and_together(tmp_path):
    old = _mini(tmp_path, "old", OPS)
    new = _mini(tmp_path, "new", [OPS[0], OPS[3]])
    out = tmp_path / "red.docx"
    assert run_cli("diff", old, new, "-o", out).returncode == 0
    rejected = tmp_path / "rejected.docx"
    _reject_all(out, rejected)
    assert _wording(rejected) == _wording(old)
    assert [e for e in audit(out) if e.error_type.value == "schema"] == []


# ------------------------------------------------------------------ errors: one line, exit 2

@pytest.mark.parametrize("args, starts", [
    (["missing.docx", DRAFT], "missing.docx: error: "),
    ([PREVIOUS, EXAMPLES / "A_RES_77_64.md", "-o", "x.docx"], f"{EXAMPLES / 'A_RES_77_64.md'}: error: -o writes"),
    ([PREVIOUS, DRAFT, "-o", "x.pdf"], "x.pdf: error: "),
    ([PREVIOUS, DRAFT, "-o", DRAFT], f"{DRAFT}: error: the redline would replace"),
    ([PREVIOUS, Path(__file__)], f"{Path(__file__)}: error: "),
])
def test_errors_are_one_line_naming_the_file(args, starts, tmp_path):
    result = run_cli("diff", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(starts), result.stderr
    assert "Traceback" not in result.stderr and not list(tmp_path.iterdir())


# ------------------------------------------------------------------ the calibration corpus

CORPUS = EXAMPLES.parent.parent / "shared" / "corpus"


@pytest.mark.parametrize("a, b", [("10", "100"), ("101", "102"), ("103", "104"), ("105", "106"), ("107", "108")])
def test_redlines_between_unrelated_resolutions_accept_and_reject_exactly(a, b, tmp_path):
    """Two different resolutions: many new and deleted paragraphs, a few changed; every edit must still
    land where the reader puts it (Word numbering of one, typed numbering of the other)."""
    from draftlint.writers.redline_docx import write

    if not (CORPUS / "word").is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    previous, draft = CORPUS / "word" / f"A_RES_78_{a}.docx", CORPUS / "libreoffice" / f"A_RES_78_{b}.docx"
    red = _compare(previous, draft)
    assert {p.status for p in red.paragraphs} >= {"new", "deleted"}
    out, accepted, rejected = tmp_path / "r.docx", tmp_path / "a.docx", tmp_path / "j.docx"
    write(red, str(draft), str(out))
    accepted.write_bytes(_accept(out))
    assert _texts(accepted) == _texts(draft)
    assert _notes(accepted) == _notes(draft)
    _reject_all(out, rejected)
    assert _wording(rejected) == _expected_after_reject(red)
    from draftlint.writers.redline import fold

    assert [fold(n) for n in _notes(rejected)] == [fold(n) for n in _notes(previous)]
    # Each footnote has its marks back; where a draft's mark kept in place stands for a mark of last session's
    # in dropped words, it stays where the draft has it.
    assert [len(m) for m in _note_marks(rejected)] == [len(m) for m in _note_marks(previous)]


def test_the_same_resolution_from_word_and_from_libreoffice_has_no_changes():
    if not (CORPUS / "word").is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    for name in ("A_RES_78_10.docx", "A_RES_78_200.docx", "A_RES_78_281.docx"):
        assert _compare(CORPUS / "word" / name, CORPUS / "libreoffice" / name).changes() == []


def test_a_bug_in_draftlint_is_one_line_too(monkeypatch, capsys):
    import draftlint.writers.redline
    from draftlint.writers.diff_command import run_diff

    def broken(*args):
        raise ValueError("boom")

    monkeypatch.setattr(draftlint.writers.redline, "compare", broken)
    assert run_diff(str(PREVIOUS), str(DRAFT), None, "text") == 2
    err = capsys.readouterr().err
    assert err == f"{DRAFT}: error: internal error in draftlint while comparing (ValueError: boom); please report it\n"


def test_the_check_command_does_not_import_the_diff_machinery():
    code = ("import sys; from draftlint import cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('draftlint.writers.redline', 'difflib', 'draftlint.formats.docx'))))")
    out = subprocess.run([__import__("sys").executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_extended_chain_reads_as_one_change():
    """A comma kept between two insertions does not split the change in the e-mail."""
    from draftlint.writers.redline_report import describe

    pp1 = next(p for p in _compare(PREVIOUS, DRAFT).paragraphs if p.names == "PP1")
    assert describe(pp1) == ("PP1 changed: '2017 and' → '2017,', '2018,' → '2018 and 75/59 of 7 December 2020, "
                             "and its decision 76/516 of 6 Decem…'")


# ------------------------------------------------------------------ footnotes

NOTED = ["*Welcomes* the report of the Secretary-General;¹",
         "*Encourages* States to share information on improvised explosive devices;²",
         "*Requests* the Secretary-General to seek the views of Member States on the matter;³",
         "*Decides* to include the item in the provisional agenda of its next session."]


def _noted(tmp_path: Path, name: str, ops: list[str], notes: list[str]) -> Path:
    from draftlint.formats.docx.build import build_docx

    text = FRAME + "\n\n".join(f"{k}. {op}" for k, op in enumerate(ops, 1)) + "\n\n"
    text += "\n\n".join(f"{'¹²³⁴'[k]} {note}" for k, note in enumerate(notes)) + "\n"
    path = tmp_path / f"{name}.docx"
    build_docx(text, str(path))
    return path


def _note_marks(path: Path) -> list[list[tuple[str, int]]]:
    """Each footnote's marks: the paragraph's words and how many characters of them stand before the mark
    (typed numbers and spaces left out: the redline does not compare them; nor labels, which follow the
    draft's numbering styles in a redline)."""
    from draftlint.formats import read
    from draftlint.writers.redline import fold, items
    from draftlint.model.resolution import build

    paras, notes = items(build(read(str(path))))
    text = {p.label: p.text for p in paras}
    return [[(fold(text[label]), len(fold(text[label][:at]).replace(" ", ""))) for label, at in note.marks]
            for note in notes]


def _notes(path: Path) -> list[str]:
    from draftlint.formats import read
    from draftlint.model.resolution import build

    return [e.footnote.text for e in build(read(str(path))).footnotes if e.footnote is not None]


def test_footnotes_are_redlined_word_by_word_new_and_deleted(tmp_path):
    """Footnote 1's wording changes, footnote 2 goes with its mark from a kept paragraph, footnote 3 with the
    paragraph that held it, and the draft adds a footnote to OP4."""
    old = _noted(tmp_path, "old", NOTED, ["A/79/100.", "A/79/200.", "A/79/300."])
    new_ops = [NOTED[0], NOTED[1].replace("²", ""), NOTED[3].replace("session.", "session.²")]
    new = _noted(tmp_path, "new", new_ops, ["A/79/100, annex.", "See resolution 78/12."])
    out = tmp_path / "red.docx"
    result = run_cli("diff", old, new, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "footnote 1 changed: 'A/79/100' → 'A/79/100, annex';" in result.stdout
    assert "footnote 2 deleted: 'A/79/200.'" in result.stdout and "footnote 3 deleted" in result.stdout
    assert "footnote 2 new: 'See resolution 78/12.'" in result.stdout
    notes = etree.fromstring(parts(out)["word/footnotes.xml"])
    inserted = "".join(t.text for e in notes.iter(q("ins")) for t in e.iter(q("t")))
    deleted = "".join(t.text for e in notes.iter(q("del")) for t in e.iter(q("delText")))
    assert ", annex" in inserted and "See resolution 78/12." in inserted
    assert "A/79/200." in deleted and "A/79/300." in deleted
    # The reader of the redline sees the draft; accepting gives it, rejecting gives last session's text.
    accepted, rejected = tmp_path / "accepted.docx", tmp_path / "rejected.docx"
    accepted.write_bytes(_accept(out))
    _reject_all(out, rejected)
    assert _notes(out) == _notes(accepted) == _notes(new) == ["A/79/100, annex.", "See resolution 78/12."]
    assert _notes(rejected) == _notes(old) == ["A/79/100.", "A/79/200.", "A/79/300."]
    assert _texts(accepted) == _texts(new)
    assert _wording(rejected) == _wording(old)
    # Each deleted mark stands where it stood: after "devices;" in OP2, after "matter;" in the old OP3.
    from draftlint.formats import read
    from draftlint.model.resolution import build

    marks = [(node.label, node.para.text[mark.offset - 1]) for e in build(read(str(rejected))).footnotes
             for node, mark in e.marks]
    assert marks == [("OP1", ";"), ("OP2", ";"), ("OP3", ";")]
    assert [str(e) for e in audit(out)] == []
    import docx

    assert len(docx.Document(str(out)).paragraphs) == len(_texts(out)) + 1  # the deleted OP3 is a paragraph too


def test_a_moved_paragraph_with_a_typed_number_moves_back_on_reject(tmp_path):
    old = _mini(tmp_path, "old", OPS)
    new = _mini(tmp_path, "new", [OPS[3], OPS[0], OPS[1], OPS[2], OPS[4]])
    out = tmp_path / "red.docx"
    result = run_cli("diff", old, new, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "OP4 → OP1 moved" in result.stdout
    root = etree.fromstring(parts(out)["word/document.xml"])
    source = next(root.iter(q("moveFromRangeStart"))).getparent()
    assert "".join(t.text for t in source.iter(q("t"))) == "4.Urges States to secure their stockpiles of conventional ammunition;"
    accepted, rejected = tmp_path / "accepted.docx", tmp_path / "rejected.docx"
    accepted.write_bytes(_accept(out))
    _reject_all(out, rejected)
    assert _texts(accepted) == _texts(new)
    # The paragraphs that moved down a number are no change of wording, but their typed numbers are tracked:
    # rejecting gives last session's paragraphs, numbers and all, in last session's order.
    assert _wording(rejected) == _wording(old)
    assert sorted(_texts(rejected).values()) == sorted(_texts(old).values())
    assert [t.split("\t")[0] for t in _texts(rejected).values() if t[:1].isdigit()] == ["1.", "2.", "3.", "4.", "5."]
    assert [str(e) for e in audit(out)] == []


def test_footnotes_come_back_in_a_draft_that_has_none(tmp_path):
    """The draft dropped every footnote: the redline makes the footnotes part to put them back in."""
    old = _noted(tmp_path, "old", NOTED, ["A/79/100.", "A/79/200.", "A/79/300."])
    new = _noted(tmp_path, "new", [op.rstrip("¹²³") for op in NOTED], [])
    files = parts(new)  # build_docx always writes a footnotes part: take it out, as a draft may not have one
    del files["word/footnotes.xml"]
    files["word/_rels/document.xml.rels"] = re.sub(rb"<Relationship [^>]*footnotes[^>]*/>", b"",
                                                   files["word/_rels/document.xml.rels"])
    files["[Content_Types].xml"] = re.sub(rb"<Override [^>]*footnotes[^>]*/>", b"", files["[Content_Types].xml"])
    new.write_bytes(_zip(files))
    assert b"footnotes" not in files["word/_rels/document.xml.rels"] + files["[Content_Types].xml"]
    out = tmp_path / "red.docx"
    assert run_cli("diff", old, new, "-o", out).returncode == 0
    accepted, rejected = tmp_path / "accepted.docx", tmp_path / "rejected.docx"
    accepted.write_bytes(_accept(out))
    _reject_all(out, rejected)
    assert _notes(out) == _notes(accepted) == [] and _texts(accepted) == _texts(new)
    assert _notes(rejected) == _notes(old) and _note_marks(rejected) == _note_marks(old)
    assert [str(e) for e in audit(out)] == []
