"""The document layer's redline operations (draftlint.formats.docx.marking, draftlint.formats.docx.paragraphs) on a small
built draft: the reader's text is unchanged by each, and rejecting or accepting gives what it should."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import FRAME
from ooxml_checks import audit, parts, q
from test_diff import _accept, _reject_all, _texts

DRAFT = FRAME + """1. *Welcomes* the report of the Secretary-General,¹ and its recommendations;

2. *Decides* to include the item in the provisional agenda of its next session.

¹ A/79/100.
"""


@pytest.fixture
def draft(tmp_path) -> Path:
    from draftlint.formats.docx.build import build_docx

    path = tmp_path / "draft.docx"
    build_docx(DRAFT, str(path))
    return path


def _index(path: Path, start: str) -> int:
    return next(i for i, t in _texts(path).items() if t.startswith(start))


def _save(doc, tmp_path: Path) -> Path:
    out = tmp_path / "out.docx"
    doc.save(str(out))
    return out


def test_marking_words_inserted_takes_the_footnote_mark_among_them(draft, tmp_path):
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.marking import insert_deleted, mark_inserted

    doc = Document(str(draft))
    n = _index(draft, "1.")
    text = doc.text(n)
    start, end = text.index("the report"), text.index(" its")  # the footnote mark stands inside
    mark_inserted(doc, n, start, end)
    insert_deleted(doc, n, start, "a note", like=start)
    assert doc.text(n) == text  # neither operation changes the reader's text: offsets stay valid
    out = _save(doc, tmp_path)
    root = etree.fromstring(parts(out)["word/document.xml"])
    ref = next(root.iter(q("footnoteReference")))
    assert any(a.tag == q("ins") for a in ref.iterancestors())
    assert _texts(out)[n] == text
    rejected = tmp_path / "rejected.docx"
    _reject_all(out, rejected)
    assert _texts(rejected)[n] == text[:start] + "a note" + text[end:]
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(_accept(out))
    assert _texts(accepted)[n] == text
    assert [e for e in audit(out) if e.error_type.value == "schema"] == []


def test_deleted_words_at_the_start_and_the_end(draft, tmp_path):
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.marking import insert_deleted

    doc = Document(str(draft))
    n = _index(draft, "2.")
    text = doc.text(n)
    insert_deleted(doc, n, 0, "Old ")
    insert_deleted(doc, n, len(text), " (end)")
    out = _save(doc, tmp_path)
    rejected = tmp_path / "rejected.docx"
    _reject_all(out, rejected)
    assert _texts(rejected)[n] == "Old " + text + " (end)"
    assert _texts(out)[n] == text


def test_a_paragraph_marked_inserted_goes_whole_on_reject(draft, tmp_path):
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.marking import mark_paragraph_inserted

    doc = Document(str(draft))
    n = _index(draft, "1.")
    mark_paragraph_inserted(doc, n)
    mark_paragraph_inserted(doc, n)  # twice: nothing is wrapped again
    out = _save(doc, tmp_path)
    root = etree.fromstring(parts(out)["word/document.xml"])
    assert not [i for i in root.iter(q("ins")) if i.getparent().tag == q("ins")]
    assert len([i for i in root.iter(q("ins")) if i.getparent().tag == q("rPr")]) == 1
    rejected = tmp_path / "rejected.docx"
    _reject_all(out, rejected)
    assert not any(t.startswith("1.") for t in _texts(rejected).values())
    assert [e for e in audit(out) if e.error_type.value == "schema"] == []


def test_a_new_footnotes_mark_is_inserted_and_rejecting_removes_it(draft, tmp_path):
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.marking import mark_footnote_inserted

    doc = Document(str(draft))
    root = etree.fromstring(parts(draft)["word/document.xml"])
    fid = next(root.iter(q("footnoteReference"))).get(q("id"))
    assert mark_footnote_inserted(doc, fid) and not mark_footnote_inserted(doc, "999")
    assert mark_footnote_inserted(doc, fid)  # already marked: nothing wrapped twice
    out = _save(doc, tmp_path)
    rejected = tmp_path / "rejected.docx"
    _reject_all(out, rejected)
    assert not list(etree.fromstring(parts(rejected)["word/document.xml"]).iter(q("footnoteReference")))
    assert _texts(out) == _texts(draft)
    assert [e for e in audit(out) if e.error_type.value == "schema"] == []


@pytest.mark.parametrize("after", [False, True])
def test_deleted_paragraphs_come_back_on_reject_and_leave_nothing_on_accept(draft, tmp_path, after):
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.paragraphs import insert_deleted_paragraphs

    before = list(_texts(draft).values())
    doc = Document(str(draft))
    # After OP1 or before OP2: the same place, reached from either side.
    n = _index(draft, "1." if after else "2.")
    insert_deleted_paragraphs(doc, n, ["2.\tFirst old.", "3.\tSecond old."], after=after)
    out = _save(doc, tmp_path)
    assert list(_texts(out).values()) == before  # the reader joins a deleted paragraph with the next one
    rejected, accepted = tmp_path / "rejected.docx", tmp_path / "accepted.docx"
    _reject_all(out, rejected)
    k = before.index(next(t for t in before if t.startswith("2.")))
    assert list(_texts(rejected).values()) == before[:k] + ["2.\tFirst old.", "3.\tSecond old."] + before[k:]
    accepted.write_bytes(_accept(out))
    assert list(_texts(accepted).values()) == before
    assert [e for e in audit(out) if e.error_type.value == "schema"] == []


def test_deleted_paragraphs_after_the_last_one_of_the_document(draft, tmp_path):
    """Word cannot delete the body's last paragraph mark, so the last deleted paragraph joins nothing: the
    reader sees one empty paragraph more at the end, and reject and accept still give the two texts."""
    from draftlint.formats.docx.edit import Document
    from draftlint.formats.docx.paragraphs import insert_deleted_paragraphs

    before = list(_texts(draft).values())
    doc = Document(str(draft))
    insert_deleted_paragraphs(doc, _index(draft, "2."), ["3.\tOld last."], after=True)
    out = _save(doc, tmp_path)
    assert list(_texts(out).values()) == before + [""]
    rejected, accepted = tmp_path / "rejected.docx", tmp_path / "accepted.docx"
    _reject_all(out, rejected)
    assert list(_texts(rejected).values()) == before + ["3.\tOld last."]
    accepted.write_bytes(_accept(out))
    assert list(_texts(accepted).values()) == before
