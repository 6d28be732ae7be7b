"""draftlint.formats.docx.Document on real files: the examples, LibreOffice-written fixtures and corpus resolutions.

Each edit is read back with draftlint's own reader (the accepted view), with python-docx, by rejecting the
tracked changes (which must give back the original), by openxml-audit and, where installed, by LibreOffice.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from conftest import LONG, run_cli
from ooxml_checks import audit, document_xml, parts, q, reject
from draftlint.formats.docx.edit import Document
from draftlint.formats.docx.names import RPR_ORDER
from draftlint.errors import InputError
from draftlint.formats import read

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
LO = ROOT / "tests" / "fixtures" / "lo"
EXAMPLES = sorted((ROOT / "examples").glob("*.docx"))
TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))
CORPUS_SAMPLE = ["word/A_RES_78_10.docx", "word/A_RES_78_100.docx", "libreoffice/A_RES_78_10.docx",
                 "libreoffice/A_RES_78_101.docx"]
SOFFICE = shutil.which("soffice")


def _corpus(name: str):
    path = CORPUS / name
    return pytest.param(path, id=name, marks=pytest.mark.skipif(not path.exists(), reason="../shared/corpus is absent"))


INPUTS = ([pytest.param(p, id=p.name) for p in EXAMPLES]
          + [pytest.param(LO / n, id=n) for n in ("lo_tracked_comments.docx", "lo_emphasis_auto.docx")]
          + [_corpus(n) for n in CORPUS_SAMPLE])

# Every file a test writes, with the file it was made from: the validator and LibreOffice tests read them all.
WRITTEN: list[tuple[Path, Path]] = []


def texts(path) -> dict[int, str]:
    return {p.index: p.text for p in read(str(path)).paragraphs}


def paragraph(path, index: int):
    return next(p for p in read(str(path)).paragraphs if p.index == index)


def save(doc: Document, path: Path, source) -> Path:
    doc.save(str(path))
    WRITTEN.append((path, Path(source)))
    return path


# ------------------------------------------------------------------ one edit of each kind on every input

@dataclass
class Edited:
    source: Path
    tracked: Path
    direct: Path
    expected: dict[int, str]
    italic_span: tuple[int, int, int]
    comment_span: tuple[int, int, int]
    comment_ids: dict[str, str] = field(default_factory=dict)


def _targets(path) -> list:
    """Five body paragraphs long enough to edit, the first with a footnote mark inside when there is one."""
    paras = [p for p in read(str(path)).paragraphs if len(p.text) >= 30]
    marked = [p for p in paras if any(0 < m.offset < len(p.text) for m in p.marks)]
    first = marked[0] if marked else paras[0]
    rest = [p for p in paras if p.index != first.index]
    return [first] + (rest * 5)[:4]


def _edit(source: Path, out: Path, track: bool) -> Edited:
    p1, p2, p3, p4, p5 = _targets(source)
    expected = texts(source)
    doc = Document(str(source))
    inner = [m.offset for m in p1.marks if 0 < m.offset < len(p1.text)]
    at = inner[0] if inner else len(p1.text) // 2
    doc.insert(p1.index, at, " [inserted]", track=track)
    expected[p1.index] = expected[p1.index][:at] + " [inserted]" + expected[p1.index][at:]
    # A second edit in the same paragraph counts offsets in the text as it now reads.
    doc.replace(p1.index, 0, 3, "Abc", track=track)
    expected[p1.index] = "Abc" + expected[p1.index][3:]
    doc.delete(p2.index, 5, 15, track=track)
    expected[p2.index] = expected[p2.index][:5] + expected[p2.index][15:]
    third = len(p3.text) // 3
    doc.replace(p3.index, third, third + 8, "replaced", track=track)
    expected[p3.index] = expected[p3.index][:third] + "replaced" + expected[p3.index][third + 8:]
    doc.set_italic(p4.index, 2, 25, track=track)
    cid = doc.add_comment(p5.index, 4, 20, "draftlint: a comment\non two lines")
    save(doc, out, source)
    return Edited(source, out if track else None, None if track else out, expected, (p4.index, 2, 25),
                  (p5.index, 4, 20), {cid: "draftlint: a comment on two lines"})


@pytest.fixture(scope="module", params=INPUTS)
def edited(request, tmp_path_factory) -> Edited:
    source = request.param
    folder = tmp_path_factory.mktemp(source.stem)
    tracked = _edit(source, folder / f"{source.stem}-tracked.docx", track=True)
    direct = _edit(source, folder / f"{source.stem}-direct.docx", track=False)
    assert tracked.expected == direct.expected
    tracked.direct = direct.direct
    return tracked


def test_accepted_view_has_the_edits(edited):
    """The reader (all changes accepted) gives the edited text in every paragraph, tracked or not."""
    assert texts(edited.tracked) == edited.expected
    assert texts(edited.direct) == edited.expected


def test_rejecting_the_changes_gives_back_the_original(edited, tmp_path):
    before = read(str(edited.source))
    reject(edited.tracked, tmp_path / "rejected.docx")
    after = read(str(tmp_path / "rejected.docx"))
    assert [(p.index, p.text) for p in after.paragraphs] == [(p.index, p.text) for p in before.paragraphs]
    assert [p.italic_mask() for p in after.paragraphs] == [p.italic_mask() for p in before.paragraphs]
    assert [[(m.offset, m.key) for m in p.marks] for p in after.paragraphs] == \
        [[(m.offset, m.key) for m in p.marks] for p in before.paragraphs]


def test_tracked_changes_are_real_revisions(edited):
    root = document_xml(edited.tracked)
    ours = [el for el in root.iter(q("ins"), q("del"), q("rPrChange")) if el.get(q("author")) == "draftlint"]
    kinds = {el.tag for el in ours}
    assert kinds == {q("ins"), q("del"), q("rPrChange")}
    now = datetime.now(timezone.utc)
    for el in ours:
        stamp = datetime.strptime(el.get(q("date")), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        assert now - timedelta(minutes=30) < stamp <= now + timedelta(seconds=1)
    for dele in (el for el in ours if el.tag == q("del")):
        assert not list(dele.iter(q("t"))) and list(dele.iter(q("delText")))
    revisions = [el.get(q("id")) for el in root.iter(q("ins"), q("del"), q("rPrChange"), q("pPrChange"))]
    assert len(revisions) == len(set(revisions)), "a revision id is used twice"
    direct = document_xml(edited.direct)
    assert not [el for el in direct.iter(q("ins"), q("del"), q("rPrChange")) if el.get(q("author")) == "draftlint"]


def test_italics_are_set_on_the_span_only(edited):
    index, start, end = edited.italic_span
    before = paragraph(edited.source, index).italic_mask()
    for path in (edited.tracked, edited.direct):
        mask = paragraph(path, index).italic_mask()
        assert mask[start:end] == [True] * (end - start)
        assert mask[:start] == before[:start] and mask[end:] == before[end:]


def test_comment_is_anchored_on_the_span(edited):
    index, start, end = edited.comment_span
    for path in (edited.tracked, edited.direct):
        source = read(str(path))
        (text,) = edited.comment_ids.values()
        (cid,) = [k for k, c in source.comments.items() if c.text == text and c.author == "draftlint"]
        para = next(p for p in source.paragraphs if p.index == index)
        assert cid in para.comments
        assert _commented_text(path, cid) == edited.expected[index][start:end]
        files = parts(path)
        assert b"relationships/comments" in files["word/_rels/document.xml.rels"]
        assert b"wordprocessingml.comments+xml" in files["[Content_Types].xml"]


def _commented_text(path, cid: str) -> str:
    """The accepted text between commentRangeStart and commentRangeEnd of `cid`, in document order."""
    inside, out = False, []
    for el in document_xml(path).iter():
        if el.tag == q("commentRangeStart") and el.get(q("id")) == cid:
            inside = True
        elif el.tag == q("commentRangeEnd") and el.get(q("id")) == cid:
            return "".join(out)
        elif inside and el.tag == q("t") and not any(a.tag == q("del") for a in el.iterancestors()):
            out.append(el.text or "")
        elif inside and el.tag == q("tab") and el.getparent().tag == q("r"):
            out.append("\t")
    raise AssertionError("comment range not closed")


def test_python_docx_opens_and_sees_the_comment(edited):
    import docx

    for path in (edited.tracked, edited.direct):
        document = docx.Document(str(path))
        assert document.paragraphs
        if hasattr(document, "comments"):  # python-docx 1.2
            assert "draftlint: a comment" in [c.text.split("\n")[0] for c in document.comments]


# ------------------------------------------------------------------ addressing: offsets as the reader sees them

def _agreement(path) -> None:
    doc = Document(str(path))
    mine = {i: p.text for i, p in doc.paragraphs().items()}
    assert mine == texts(path)


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in EXAMPLES + TEMPLATES + sorted(LO.glob("*.docx"))])
def test_offsets_agree_with_the_reader(path):
    _agreement(path)


def _corpus_files(build: str) -> list[Path]:
    files = sorted((CORPUS / build).glob("*.docx"))
    return files if LONG else files[::20]


@pytest.mark.parametrize("build", ["word", "libreoffice"])
def test_offsets_agree_with_the_reader_on_the_corpus(build):
    files = _corpus_files(build)
    if not files:
        pytest.skip("../shared/corpus is absent")
    for path in files:
        _agreement(path)


# ------------------------------------------------------------------ the reader's harder cases, built by code

def _constructs(path: Path) -> Path:
    """The 77/64 example with what Word files hold and the reader treats specially: a hyperlink, a field,
    a hidden run, a deleted paragraph mark, another author's insertion and deletion, typed superscript
    footnote marks after a leading space, a table and a content control."""
    files = parts(_example("A_RES_77_64.docx"))
    root = etree.fromstring(files["word/document.xml"])
    paras = list(root.find(q("body")).iterchildren(q("p")))

    def run(text: str, tag: str = "t", **props):
        r = etree.Element(q("r"))
        if props:
            rpr = etree.SubElement(r, q("rPr"))
            for name, val in props.items():
                etree.SubElement(rpr, q(name), {q("val"): val} if val else {})
        t = etree.SubElement(r, q(tag))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return r

    def field_char(kind: str):
        r = etree.Element(q("r"))
        etree.SubElement(r, q("fldChar"), {q("fldCharType"): kind})
        return r

    def revision(tag: str, rid: int):
        return etree.Element(q(tag), {q("id"): str(rid), q("author"): "Reviewer", q("date"): "2025-05-05T10:00:00Z"})

    def runs(p):
        return list(p.iterchildren(q("r")))

    link = etree.Element(q("hyperlink"), {q("anchor"): "_top"})
    for r in runs(paras[10])[1:]:
        link.append(r)
    paras[10].append(link)
    first = runs(paras[11])[0]
    for el in reversed([field_char("begin"), run(" PAGE ", "instrText"), field_char("separate"), run("7"),
                        field_char("end")]):
        first.addnext(el)
    runs(paras[12])[0].addnext(run("hidden words", vanish=""))
    ppr = paras[13].find(q("pPr"))
    if ppr is None:
        ppr = etree.Element(q("pPr"))
        paras[13].insert(0, ppr)
    etree.SubElement(etree.SubElement(ppr, q("rPr")), q("del"),
                     {q("id"): "9001", q("author"): "Reviewer", q("date"): "2025-05-05T10:00:00Z"})
    ins = revision("ins", 9002)
    first = runs(paras[15])[0]
    first.addprevious(ins)
    ins.append(run("Reviewer text "))
    dele = revision("del", 9003)
    dele.append(run("gone ", "delText"))
    first.addnext(dele)
    first = runs(paras[16])[0]
    first.find(q("t")).text += "\u00b9"
    first.addnext(run("4", vertAlign="superscript"))
    first.addprevious(run(" "))
    table = etree.Element(q("tbl"))
    etree.SubElement(table, q("tblPr"))
    etree.SubElement(etree.SubElement(table, q("tblGrid")), q("gridCol"), {q("w"): "9000"})
    paras[17].addprevious(table)
    etree.SubElement(etree.SubElement(table, q("tr")), q("tc")).append(paras[17])
    sdt = etree.Element(q("sdt"))
    content = etree.SubElement(sdt, q("sdtContent"))
    for r in runs(paras[18]):
        content.append(r)
    paras[18].append(sdt)
    files["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def constructs(tmp_path_factory) -> Path:
    return _constructs(tmp_path_factory.mktemp("constructs") / "constructs.docx")


def test_the_constructs_fixture_has_what_it_says(constructs):
    original = texts(_example("A_RES_77_64.docx"))
    now = texts(constructs)
    assert "7" in now[12] and "hidden" not in now[13] and "gone" not in now[16]
    assert 15 not in now and now[14] == original[14] + original[15]  # the deleted paragraph mark joins them
    assert now[16].startswith("Reviewer text ")
    assert [m.key for m in paragraph(constructs, 17).marks][:2] == ["1", "4"] and "\u00b9" not in now[17]
    assert now[18] == original[18] and now[19] == original[19]


def test_text_after_a_field_result_goes_after_the_field(constructs, tmp_path):
    before = texts(constructs)[12]
    at = before.index("7") + 1  # the PAGE field's result
    doc = Document(str(constructs))
    doc.insert(12, at, " (new)", track=False)
    out = save(doc, tmp_path / "field.docx", constructs)
    assert texts(out)[12] == before[:at] + " (new)" + before[at:]
    p = list(document_xml(out).find(q("body")).iterchildren(q("p")))[11]
    order = [("end" if r.find(q("fldChar")) is not None and r.find(q("fldChar")).get(q("fldCharType")) == "end"
              else "".join(t.text or "" for t in r.iter(q("t")))) for r in p.iter(q("r"))]
    assert order.index("end") < order.index(" (new)")


def test_offsets_agree_with_the_reader_on_the_constructs(constructs):
    _agreement(constructs)


# Two seeds keep the default suite short; the long profile tries eight.
@pytest.mark.parametrize("seed", range(8) if LONG else range(2))
@pytest.mark.parametrize("track", [True, False], ids=["tracked", "direct"])
def test_random_edits_on_the_constructs(constructs, seed, track, tmp_path):
    out = tmp_path / f"constructs-{seed}.docx"
    model = _random_edits(constructs, out, seed=seed, track=track, indexes=range(11, 21))
    assert texts(out) == model
    if track:
        reject(out, tmp_path / "rejected.docx")
        assert texts(tmp_path / "rejected.docx") == texts(constructs)


# ------------------------------------------------------------------ random edits against a string model

def _random_edits(source: Path, out: Path, seed: int, track: bool, indexes=None) -> dict[int, str]:
    rng = random.Random(seed)
    model = texts(source)
    doc = Document(str(source))
    indexes = [i for i, t in model.items() if t and (indexes is None or i in indexes)]
    for _ in range(25):
        index = rng.choice(indexes)
        text = model[index]
        a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        new = rng.choice(["x", " new words ", "«»", "tab\there", "line\nbreak", "é"])
        op = rng.choice(["insert", "delete", "replace", "italic", "comment"])
        if op == "insert":
            doc.insert(index, a, new, track=track)
            model[index] = text[:a] + new + text[a:]
        elif op == "delete":
            doc.delete(index, a, b, track=track)
            model[index] = text[:a] + text[b:]
        elif op == "replace":
            doc.replace(index, a, b, new, track=track)
            model[index] = text[:a] + new + text[b:]
        elif op == "italic":
            doc.set_italic(index, a, b, rng.random() < 0.7, track=track)
        else:
            doc.add_comment(index, a, b, f"note {a}-{b}")
        assert doc.text(index) == model[index]
    save(doc, out, source)
    ids = [el.get(q("id")) for el in document_xml(out).iter(q("ins"), q("del"), q("rPrChange"))]
    assert len(ids) == len(set(ids)), "a revision id is used twice"
    return model


@pytest.mark.parametrize("source", INPUTS[:2] + INPUTS[4:])
@pytest.mark.parametrize("track", [True, False], ids=["tracked", "direct"])
def test_random_edits_read_back_as_the_model_says(source, track, tmp_path):
    out = tmp_path / f"{source.stem}-random.docx"
    model = _random_edits(source, out, seed=len(source.name), track=track)
    assert texts(out) == model
    if track:
        reject(out, tmp_path / "rejected.docx")
        assert texts(tmp_path / "rejected.docx") == texts(source)


# ------------------------------------------------------------------ placement details

def _example(name: str) -> Path:
    return ROOT / "examples" / name


def test_text_at_a_footnote_mark_goes_before_the_mark(tmp_path):
    """'… devices,¹' + '.' at the mark's offset reads '… devices,.¹': the mark stays after the new text."""
    source = _example("A_RES_75_59.docx")
    para = next(p for p in read(str(source)).paragraphs if p.marks and 0 < p.marks[0].offset < len(p.text))
    mark = para.marks[0]
    doc = Document(str(source))
    doc.insert(para.index, mark.offset, "X")
    out = save(doc, tmp_path / "mark.docx", source)
    after = paragraph(out, para.index)
    assert after.text[mark.offset] == "X"
    assert (after.marks[0].offset, after.marks[0].key) == (mark.offset + 1, mark.key)


def test_new_text_takes_the_formatting_of_the_character_before(tmp_path):
    source = _example("A_RES_77_64.docx")
    para = next(p for p in read(str(source)).paragraphs if p.text.startswith("Recalling"))
    lead = len("Recalling")
    doc = Document(str(source))
    doc.insert(para.index, lead, " also")  # after the italic lead: italic
    doc.insert(para.index, 0, "Further ")  # at the start: like the first character, italic
    doc.insert(para.index, len(doc.text(para.index)), " end")  # after roman text: roman
    out = save(doc, tmp_path / "format.docx", source)
    after = paragraph(out, para.index)
    mask = after.italic_mask()
    assert after.text.startswith("Further Recalling also ")
    assert all(mask[:len("Further Recalling also")]) and not any(mask[-4:])


def test_delete_across_a_footnote_mark_keeps_the_footnote(tmp_path):
    source = _example("A_RES_75_59.docx")
    para = next(p for p in read(str(source)).paragraphs if p.marks and 5 < p.marks[0].offset < len(p.text) - 5)
    m = para.marks[0].offset
    for track in (True, False):
        doc = Document(str(source))
        doc.delete(para.index, m - 5, m + 5, track=track)
        out = save(doc, tmp_path / f"del-{track}.docx", source)
        after = paragraph(out, para.index)
        assert after.text == para.text[:m - 5] + para.text[m + 5:]
        assert [mk.key for mk in after.marks] == [mk.key for mk in para.marks]
        assert parts(out)["word/footnotes.xml"] == parts(source)["word/footnotes.xml"]


def test_edit_inside_another_authors_insertion_splits_it(tmp_path):
    """Our text never lands inside someone else's w:ins: theirs is cut in two, each half with its own id."""
    source = LO / "lo_tracked_comments.docx"
    root = document_xml(source)
    theirs = next(el for el in root.iter(q("ins")) if len("".join(t.text or "" for t in el.iter(q("t")))) > 4)
    inserted = "".join(t.text or "" for t in theirs.iter(q("t")))
    para = next(p for p in read(str(source)).paragraphs if inserted in p.text)
    at = para.text.index(inserted) + 2
    doc = Document(str(source))
    doc.insert(para.index, at, "OURS")
    out = save(doc, tmp_path / "split.docx", source)
    assert paragraph(out, para.index).text == para.text[:at] + "OURS" + para.text[at:]
    for ins in document_xml(out).iter(q("ins")):
        if ins.get(q("author")) == "draftlint":
            assert all(a.tag != q("ins") for a in ins.iterancestors())
    reject(out, tmp_path / "rejected.docx")
    assert paragraph(tmp_path / "rejected.docx", para.index).text == para.text


def test_comment_on_a_file_that_has_comments_gets_a_new_id(tmp_path):
    source = LO / "lo_tracked_comments.docx"
    old = read(str(source)).comments
    assert old
    doc = Document(str(source))
    index = read(str(source)).paragraphs[3].index
    cid = doc.add_comment(index, 0, 5, "second opinion")
    out = save(doc, tmp_path / "comments.docx", source)
    now = read(str(out)).comments
    assert cid not in old and set(now) == set(old) | {cid}
    assert all(now[k] == old[k] for k in old)


def test_italics_off_and_on_again_leave_no_change_mark(tmp_path):
    source = _example("A_RES_77_64.docx")
    para = next(p for p in read(str(source)).paragraphs if p.text.startswith("Recalling"))
    doc = Document(str(source))
    doc.set_italic(para.index, 0, 9)  # already italic: nothing to record
    assert not list(doc.body.iter(q("rPrChange")))
    doc.set_italic(para.index, 0, 9, on=False)
    doc.set_italic(para.index, 0, 9, on=True)
    out = save(doc, tmp_path / "undone.docx", source)
    assert not list(document_xml(out).iter(q("rPrChange")))
    assert paragraph(out, para.index).italic_mask() == para.italic_mask()


def test_italics_through_a_style_are_turned_off_directly(tmp_path):
    """The First Committee example italicizes its leads through a character style; off means w:i w:val=0."""
    source = _example("A_C1_79_L_draft.docx")
    para = next(p for p in read(str(source)).paragraphs if p.text.startswith("Recalling") and p.italic_mask()[0])
    doc = Document(str(source))
    doc.set_italic(para.index, 0, 9, on=False)
    out = save(doc, tmp_path / "styled.docx", source)
    assert not any(paragraph(out, para.index).italic_mask()[:9])


def _richly_formatted(path: Path) -> Path:
    """The 2365 example with every body run carrying fonts, size, colour and language, in schema order."""
    files = parts(_example("S_RES_2365_2017.docx"))
    root = etree.fromstring(files["word/document.xml"])
    for run in root.iter(q("r")):
        old = run.find(q("rPr"))
        kept = {c.tag: c for c in (old if old is not None else [])}
        if old is not None:
            run.remove(old)
        rpr = etree.Element(q("rPr"))
        fonts = etree.Element(q("rFonts"), {q("ascii"): "Times New Roman", q("hAnsi"): "Times New Roman"})
        size = etree.Element(q("sz"), {q("val"): "20"})
        color = etree.Element(q("color"), {q("val"): "000000"})
        lang = etree.Element(q("lang"), {q("val"): "en-GB"})
        for el in (kept.get(q("rStyle")), fonts, kept.get(q("b")), kept.get(q("i")), color, size,
                   kept.get(q("highlight")), kept.get(q("vertAlign")), lang):
            if el is not None:
                rpr.append(el)
        run.insert(0, rpr)
    files["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def test_run_properties_stay_in_schema_order(tmp_path):
    source = _richly_formatted(tmp_path / "rich.docx")
    assert not [e for e in audit(source) if e.error_type.value == "schema"]
    doc = Document(str(source))
    for k, (index, para) in enumerate(doc.paragraphs().items()):
        if len(para.text) > 10:
            doc.set_italic(index, 0, 10, on=bool(k % 2))
            doc.replace(index, 3, 5, "ab")
    out = save(doc, tmp_path / "order.docx", source)
    assert not [str(e) for e in audit(out)]
    rank = {tag: k for k, tag in enumerate(RPR_ORDER)}
    for rpr in document_xml(out).iter(q("rPr")):
        ranks = [rank[c.tag] for c in rpr if c.tag in rank]
        assert ranks == sorted(ranks)


def test_an_edit_that_would_shift_the_reader_s_text_is_refused(tmp_path):
    """The reader drops a space-only run at the start of a paragraph that has typed footnote marks; cutting
    " Recalling" into " " and "Recalling" would make the text one character shorter, so the edit stops."""
    files = parts(_example("A_RES_77_64.docx"))
    root = etree.fromstring(files["word/document.xml"])
    p = list(root.find(q("body")).iterchildren(q("p")))[10]
    first = p.find(q("r"))
    first.find(q("t")).text = " " + first.find(q("t")).text
    mark = etree.SubElement(p, q("r"))
    etree.SubElement(etree.SubElement(mark, q("rPr")), q("vertAlign"), {q("val"): "superscript"})
    etree.SubElement(mark, q("t")).text = "5"
    files["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    source = tmp_path / "space.docx"
    with zipfile.ZipFile(source, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    assert texts(source)[11].startswith(" Recalling")
    doc = Document(str(source))
    doc.set_italic(11, 0, 5)
    with pytest.raises(RuntimeError):
        doc.set_italic(11, 1, 10)


# ------------------------------------------------------------------ the package

def test_untouched_parts_are_written_back_byte_for_byte(tmp_path):
    source = LO / "lo_emphasis_auto.docx"
    doc = Document(str(source))
    out = save(doc, tmp_path / "same.docx", source)
    assert parts(out) == parts(source)
    doc = Document(str(source))
    doc.add_comment(read(str(source)).paragraphs[2].index, 0, 3, "x")
    out = save(doc, tmp_path / "commented.docx", source)
    before, after = parts(source), parts(out)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert set(after) - set(before) == {"word/comments.xml"}


def test_save_never_replaces_the_input_unless_asked(tmp_path):
    source = tmp_path / "draft.docx"
    shutil.copy(_example("A_RES_75_59.docx"), source)
    original = source.read_bytes()
    doc = Document(str(source))
    doc.insert(read(str(source)).paragraphs[1].index, 0, "X")
    with pytest.raises(InputError):
        doc.save(str(source))
    assert source.read_bytes() == original
    doc.save(str(source), in_place=True)
    assert source.read_bytes() != original and texts(source)[read(str(source)).paragraphs[1].index].startswith("X")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]  # no temporary file left behind


def test_offsets_outside_the_paragraph_are_refused():
    doc = Document(str(_example("A_RES_75_59.docx")))
    index, para = next(iter(doc.paragraphs().items()))
    with pytest.raises(IndexError):
        doc.insert(index, len(para.text) + 1, "x")
    with pytest.raises(IndexError):
        doc.delete(index, 3, 2)
    with pytest.raises(IndexError):
        doc.set_italic(10_000, 0, 1)


def test_not_a_docx_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with pytest.raises(InputError):
        Document(str(bad))


# ------------------------------------------------------------------ validators and LibreOffice (run last)

@pytest.fixture(scope="module")
def all_written(tmp_path_factory) -> list[tuple[Path, Path]]:
    """What the tests above wrote, and one tracked edit of each kind on every input even when run alone."""
    folder = tmp_path_factory.mktemp("all-edits")
    for k, param in enumerate(INPUTS):
        source = param.values[0]
        if source.exists():
            _edit(source, folder / f"{k}-{source.stem}-tracked.docx", track=True)
    return list(dict.fromkeys(WRITTEN))


def test_draftlint_own_files_have_no_ooxml_violation():
    pytest.importorskip("openxml_audit")
    found = {p.name: [str(e) for e in audit(p)] for p in EXAMPLES + TEMPLATES}
    assert found == {p.name: [] for p in EXAMPLES + TEMPLATES}


@pytest.mark.parametrize("args", [("scaffold", "examples/A_RES_77_64.docx"),
                                  ("scaffold", "examples/A_RES_77_64.docx", "--changes"),
                                  ("scaffold", "examples/S_RES_2365_2017.docx", "--changes"),
                                  ("new", "--kind", "sc")], ids=["scaffold", "scaffold-changes", "scaffold-sc", "new"])
def test_scaffold_and_new_write_valid_ooxml(args, tmp_path):
    pytest.importorskip("openxml_audit")
    out = tmp_path / "out.docx"
    result = run_cli(*[ROOT / a if a.startswith("examples/") else a for a in args], "-o", out)
    assert result.returncode == 0, result.stderr
    assert [str(e) for e in audit(out)] == []


def test_every_written_file_is_valid_ooxml(all_written):
    """No schema violation at all, and no finding of any kind that the input did not already have (the
    LibreOffice builds come without a theme part, for one)."""
    pytest.importorskip("openxml_audit")
    written = all_written
    assert len(written) >= 10
    inputs: dict[Path, set[str]] = {}
    problems = {}
    for out, source in written:
        if source not in inputs:
            inputs[source] = {_finding(e) for e in audit(source)}
        errors = audit(out)
        bad = [str(e) for e in errors if e.error_type.value == "schema" or _finding(e) not in inputs[source]]
        if bad:
            problems[out.name] = bad
    assert problems == {}


def _finding(error) -> str:
    # The same fault in the input and the output may sit at another element index once runs are split.
    return re.sub(r"\[\d+\]", "", f"{error.error_type.value} {error.part_uri} {error.description}")


NO_SOFFICE = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"


def _soffice(target: str, files: list[Path], outdir: Path, profile: Path) -> subprocess.CompletedProcess:
    # A private profile, so that a LibreOffice the user has open does not take the job.
    return subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                           "--outdir", str(outdir), *map(str, files)], capture_output=True, text=True, timeout=900)


@pytest.mark.skipif(SOFFICE is None, reason=NO_SOFFICE)
def test_libreoffice_converts_every_written_file(all_written, tmp_path):
    written = []
    for k, (out, _) in enumerate(all_written):
        # Files of different inputs share names; LibreOffice names each PDF after its file.
        written.append(tmp_path / f"{k}-{out.name}")
        shutil.copy(out, written[-1])
    result = _soffice("pdf", written, tmp_path / "pdf", tmp_path / "profile")
    made = {p.stem for p in (tmp_path / "pdf").glob("*.pdf") if p.stat().st_size > 1000}
    assert made == {p.stem for p in written}, result.stderr[-2000:]


@pytest.mark.skipif(SOFFICE is None, reason=NO_SOFFICE)
def test_libreoffice_sees_the_tracked_changes_and_the_comment(edited, tmp_path):
    """LibreOffice's own flat ODT of the tracked copy lists draftlint's insertions, deletions and
    formatting change as tracked changes and holds the comment as an annotation."""
    _soffice("fodt", [edited.tracked], tmp_path, tmp_path / "profile")
    fodt = (tmp_path / (edited.tracked.stem + ".fodt")).read_text(encoding="utf-8")
    regions = re.findall(r"<text:changed-region.*?</text:changed-region>", fodt, re.S)
    ours = [r for r in regions if "<dc:creator>draftlint</dc:creator>" in r]
    kinds = {k for r in ours for k in re.findall(r"<text:(insertion|deletion|format-change)>", r)}
    assert kinds == {"insertion", "deletion", "format-change"}
    assert "draftlint: a comment" in fodt and "<office:annotation" in fodt
