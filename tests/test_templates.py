"""The skeletons `draftlint new` writes look like UN L-documents (A4, Times New Roman 10 pt, the UN's body
indents and spacing, a heading block), read as the kind of text they are, and are valid OOXML that
LibreOffice opens."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from lxml import etree

from conftest import run_cli
from ooxml_checks import W, audit, parts, q

SOFFICE = shutil.which("soffice")
KINDS = {"ga-draft": "ga-draft", "ga-plenary": "ga-draft", "hrc": "hrc-draft", "ga": "ga-resolution",
         "sc": "sc-resolution"}
TWIPS_PER_CM = 1440 / 2.54


@pytest.fixture(scope="module")
def skeletons(tmp_path_factory):
    out = tmp_path_factory.mktemp("new")
    for kind in KINDS:
        r = run_cli("new", "--kind", kind, "-o", out / f"{kind}.docx")
        assert r.returncode == 0, r.stdout + r.stderr
    return out


def _xml(path, part):
    return etree.fromstring(parts(path)[part])


def _style(styles, style_id):
    found = styles.find(f"{{{W}}}style[@{{{W}}}styleId='{style_id}']")
    assert found is not None, style_id
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_page_is_a4_with_un_margins(skeletons, kind):
    sect = _xml(skeletons / f"{kind}.docx", "word/document.xml").find(f"{q('body')}/{q('sectPr')}")
    size = sect.find(q("pgSz"))
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")
    margins = sect.find(q("pgMar"))
    assert all(margins.get(q(side)) for side in ("top", "right", "bottom", "left"))


@pytest.mark.parametrize("kind", KINDS)
def test_body_font_is_times_new_roman_10(skeletons, kind):
    styles = _xml(skeletons / f"{kind}.docx", "word/styles.xml")
    rpr = styles.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
    assert rpr.find(q("rFonts")).get(q("ascii")) == "Times New Roman"
    assert rpr.find(q("sz")).get(q("val")) == "20"  # half-points
    # No style on the way from a body paragraph to the defaults sets another font or size.
    for sid in ("SingleTxt", "Normal"):
        st = _style(styles, sid)
        assert st.find(f"{q('rPr')}/{q('sz')}") is None and st.find(f"{q('rPr')}/{q('rFonts')}") is None


@pytest.mark.parametrize("kind", KINDS)
def test_paragraphs_are_laid_out_as_un_documents(skeletons, kind):
    path = skeletons / f"{kind}.docx"
    styles = _xml(path, "word/styles.xml")
    ppr = _style(styles, "SingleTxt").find(q("pPr"))
    ind, spacing = ppr.find(q("ind")), ppr.find(q("spacing"))
    assert abs(int(ind.get(q("firstLine"))) / TWIPS_PER_CM - 1.27) < 0.05
    assert int(ind.get(q("left"))) > 0 and spacing.get(q("after")) == "120"  # 6 pt
    doc = _xml(path, "word/document.xml")
    used = [p.find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) for p in doc.iter(q("p"))]
    text = ["".join(t.text or "" for t in p.iter(q("t"))) for p in doc.iter(q("p"))]
    opening = next(k for k, t in enumerate(text) if t.startswith("The ") and t.endswith(","))
    # The heading block: one paragraph per line, in the heading style, the organ's opening words after it.
    assert opening >= 5 and set(used[:opening]) <= {"DocHeading", "DocTitle"}
    assert used[opening] == "Opening" and set(used[opening + 1:]) == {"SingleTxt"}
    assert any(t.startswith("United Nations ") for t in text[:opening])
    # The operative paragraphs are numbered by Word at the first-line indent, with a tab after the number.
    numbering = _xml(path, "word/numbering.xml")
    lvl0 = numbering.find(f"{q('abstractNum')}/{q('lvl')}")
    assert lvl0.find(q("suff")).get(q("val")) == "tab"
    assert lvl0.find(f"{q('pPr')}/{q('ind')}").get(q("firstLine")) == ind.get(q("firstLine"))


@pytest.mark.parametrize("kind", ["ga-draft", "ga-plenary", "hrc"])
def test_draft_headings_name_the_l_document(skeletons, kind):
    text = [
        "".join(t.text or "" for t in p.iter(q("t")))
        for p in _xml(skeletons / f"{kind}.docx", "word/document.xml").iter(q("p"))
    ]
    symbol = {"ga-draft": "A/C.[..]/81/L.[..]", "ga-plenary": "A/81/L.[..]", "hrc": "A/HRC/[..]/L.[..]"}[kind]
    assert f"United Nations {symbol}" in text
    assert "Distr.: Limited" in text and "[Sponsors]: draft resolution" in text
    assert ("[Committee]" in text) == (kind == "ga-draft")


@pytest.mark.parametrize("kind", KINDS)
def test_check_finds_only_placeholders(skeletons, kind):
    r = run_cli("check", "--format", "json", skeletons / f"{kind}.docx")
    report = json.loads(r.stdout)["files"][0]
    assert report["kind"] == KINDS[kind]
    rules = {d["rule"] for d in report["diagnostics"]}
    assert rules == {"placeholders.open"}


@pytest.mark.parametrize("kind", KINDS)
def test_no_ooxml_violations(skeletons, kind):
    assert audit(skeletons / f"{kind}.docx") == []


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_each_to_pdf(skeletons, tmp_path):
    files = [skeletons / f"{kind}.docx" for kind in KINDS]
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, files)], capture_output=True, timeout=600)
    for kind in KINDS:
        pdf = tmp_path / "pdf" / f"{kind}.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), kind
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            assert "(A4)" in info, kind
