"""Checks of the bad-input corpus itself (tests/badinputs.py), not of draftlint."""
from __future__ import annotations

import io
import os
import stat
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from badinputs import GOOD_BODY, OLE_MAGIC, STYLES_XML, W_NS, Case, make_corpus, minimal_docx  # noqa: E402

SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
REQUIRED = {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("badinputs")
    t0 = time.perf_counter()
    cases = make_corpus(d)
    return d, cases, time.perf_counter() - t0


@pytest.fixture(scope="module")
def by_name(built):
    return {c.name: c for c in built[1]}


def test_build_is_fast_and_repeatable(built):
    d, cases, seconds = built
    assert seconds < 3, f"corpus took {seconds:.2f}s"
    again = make_corpus(d)  # rebuilding over an existing corpus (chmod 000 file, folder) must work
    assert [c.name for c in again] == [c.name for c in cases]


def test_cases_are_well_formed(built):
    _, cases, _ = built
    assert len({c.name for c in cases}) == len(cases)
    for c in cases:
        assert isinstance(c, Case)
        assert c.expect in ("error", "clean")
        assert c.problem.strip()
        assert c.path.name == c.name
    kinds = {c.expect for c in cases}
    assert kinds == {"error", "clean"}


def test_every_case_file_exists_except_the_missing_one(built):
    _, cases, _ = built
    for c in cases:
        if c.name == "does_not_exist.docx":
            assert not c.path.exists()
        elif c.name == "draft.docx":
            assert c.path.is_dir()
        else:
            assert c.path.is_file(), c.name


def test_unreadable_case(by_name):
    c = by_name["unreadable.docx"]
    assert stat.S_IMODE(c.path.stat().st_mode) == 0
    assert c.root_can_read
    if os.geteuid() == 0:
        assert c.skip_reason


def test_zip_bombs_are_small_on_disk(by_name):
    bombs = [c for n, c in by_name.items() if n.startswith("zip_bomb")]
    assert len(bombs) == 4
    for c in bombs:
        assert c.path.stat().st_size < 4 * 1024 * 1024, c.name
        assert c.expect == "error"
    big = by_name["zip_bomb_300mb_member.docx"]
    assert big.path.stat().st_size < 1024 * 1024
    with zipfile.ZipFile(big.path) as zf:
        info = zf.getinfo("word/document.xml")
        assert info.file_size == 300 * 1024 * 1024
        # It really holds 300 MB of zeros with a correct CRC (read in chunks, never all at once).
        total = 0
        with zf.open(info) as fh:
            while chunk := fh.read(8 * 1024 * 1024):
                total += len(chunk)
        assert total == info.file_size
    with zipfile.ZipFile(by_name["zip_bomb_extreme_ratio.docx"].path) as zf:
        info = zf.getinfo("word/document.xml")
        assert info.file_size > 900 * info.compress_size  # ~1000:1
        assert zf.read(info).startswith(b"<?xml")
    with zipfile.ZipFile(by_name["zip_bomb_20000_entries.docx"].path) as zf:
        assert len(zf.infolist()) >= 20000
    with zipfile.ZipFile(by_name["zip_bomb_header_claims_4gb.docx"].path) as zf:
        assert sum(i.file_size for i in zf.infolist()) > 4_000_000_000


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        return {n: zf.read(n) for n in zf.namelist()}


def test_good_docx_opens_and_parses(by_name):
    parts = _parts(by_name["good_minimal.docx"].path)
    assert REQUIRED <= set(parts)
    for name, data in parts.items():
        etree.fromstring(data, SAFE)
    root = etree.fromstring(parts["word/document.xml"], SAFE)
    assert root.tag == f"{{{W_NS}}}document"
    paras = ["".join(p.itertext()) for p in root.iter(f"{{{W_NS}}}p")]
    assert paras == ["The General Assembly,", "Recalling its resolution 75/59 of 7 December 2020,",
                     "1.Takes note of the report;", "2.Decides to remain seized of the matter."]
    italic = ["".join(r.itertext()) for r in root.iter(f"{{{W_NS}}}r")
              if r.find(f"{{{W_NS}}}rPr/{{{W_NS}}}i") is not None]
    assert italic == ["The General Assembly,", "Recalling", "Takes note", "Decides"]
    assert len(root.findall(f".//{{{W_NS}}}tab")) == 2


def test_minimal_docx_has_all_parts():
    with zipfile.ZipFile(io.BytesIO(minimal_docx(GOOD_BODY))) as zf:
        assert set(zf.namelist()) == REQUIRED
        assert zf.read("word/document.xml") == GOOD_BODY
    extra = {"styles.xml": STYLES_XML, "word/numbering.xml": b"<x/>", "footnotes.xml": b"<x/>",
             "comments.xml": b"<x/>"}
    with zipfile.ZipFile(io.BytesIO(minimal_docx(GOOD_BODY, extra))) as zf:
        names = set(zf.namelist())
        assert REQUIRED | {"word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/comments.xml"} == names
        rels = zf.read("word/_rels/document.xml.rels").decode()
        types = zf.read("[Content_Types].xml").decode()
        for kind in ("styles", "numbering", "footnotes", "comments"):
            assert f'relationships/{kind}" Target="{kind}.xml"' in rels
            assert f'PartName="/word/{kind}.xml"' in types
        assert "officeDocument" in zf.read("_rels/.rels").decode()


def test_clean_docx_cases_are_valid_packages(built):
    _, cases, _ = built
    for c in cases:
        if c.expect == "clean" and c.name.endswith(".docx"):
            parts = _parts(c.path)
            assert REQUIRED <= set(parts), c.name
            for name, data in parts.items():
                assert b"<!DOCTYPE" not in data
                etree.fromstring(data, SAFE)


def test_ole_files(by_name):
    for name in ("legacy_word97.doc", "legacy_word97_renamed.docx", "password_protected.docx"):
        data = by_name[name].path.read_bytes()
        assert data.startswith(OLE_MAGIC)
        assert len(data) >= 4096 and len(data) % 512 == 0
    legacy = by_name["legacy_word97.doc"].path.read_bytes()
    assert "WordDocument".encode("utf-16-le") in legacy[512:2048]
    enc = by_name["password_protected.docx"].path.read_bytes()
    for stream in ("EncryptionInfo", "EncryptedPackage"):
        assert stream.encode("utf-16-le") in enc[1024:1536]  # the directory sector


def test_damaged_zips_fail_as_intended(by_name):
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(by_name["truncated_zip.docx"].path)
    with zipfile.ZipFile(by_name["corrupt_member.docx"].path) as zf:
        assert zf.read("[Content_Types].xml")
        with pytest.raises((zipfile.BadZipFile, zlib.error, EOFError)):
            zf.read("word/document.xml")
    with zipfile.ZipFile(by_name["no_document_xml.docx"].path) as zf:
        assert "word/document.xml" not in zf.namelist()


def test_xml_attacks_carry_their_doctype(built):
    _, cases, _ = built
    attacks = [c for c in cases if "_in_" in c.name and c.name.endswith("_xml.docx")]
    assert len(attacks) == 16
    for c in attacks:
        part = "word/" + c.name.rsplit("_in_", 1)[1].replace("_xml.docx", ".xml")
        data = _parts(c.path)[part]
        assert b"<!DOCTYPE" in data, c.name
        if "xxe" in c.name:
            assert b"SYSTEM" in data and b"&xxe;" in data
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                               recover=True))


def test_text_encodings(by_name):
    assert by_name["utf8_bom.txt"].path.read_bytes().startswith(b"\xef\xbb\xbf")
    by_name["utf8_bom.txt"].path.read_bytes().decode("utf-8-sig")
    assert by_name["utf16_bom.txt"].path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    for name in ("latin1.txt", "windows1252.md", "binary_junk.md"):
        with pytest.raises(UnicodeDecodeError):
            by_name[name].path.read_bytes().decode("utf-8")
    # UTF-16 of ASCII text without a BOM decodes as "UTF-8" full of NULs: a reader must catch the NULs.
    for name in ("binary_junk.md", "utf16le_no_bom.txt"):
        assert b"\0" in by_name[name].path.read_bytes()
    assert by_name["empty.md"].path.stat().st_size == 0
    assert by_name["empty.docx"].path.stat().st_size == 0
