"""Recall on real texts (issue 14, item 6): a fault put into an adopted resolution is reported at its paragraph.

Each corpus text (``../shared/corpus``) gets one fault a copy (tests/faults.py builds them from the .docx) and
draftlint must report it at the paragraph where it was put, by a rule that names that fault, with a finding the
unmodified copy did not have. The default suite runs a fixed sample of texts, every fault, both builds, and
expects every fault found. ``DRAFTLINT_LONG=1`` adds the whole corpus (564 files × 15 faults, a few minutes,
one process a CPU) and expects at least 98 % found in each build.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import faults
from conftest import LONG

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE_SIZE = 20
MIN_PLACES = 3  # a fault with fewer places in the sample would prove too little about its checks
RECALL = 0.98

pytestmark = pytest.mark.skipif(not (CORPUS / "spec").is_dir(),
                                reason=f"the calibration corpus is absent: {CORPUS} (see issue 14)")


class Outcomes(list):
    """The outcomes of a run, shown by their count: pytest prints a fixture's value with every failure."""

    def __repr__(self) -> str:
        return f"<{len(self)} outcomes>"


def sample_names() -> list[str]:
    """Texts evenly spaced in name order: spread over the committees and kinds of text, the same on every run."""
    names = faults.corpus_names(CORPUS)
    return names[::max(1, len(names) // SAMPLE_SIZE)][:SAMPLE_SIZE]


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> list[faults.Outcome]:
    return Outcomes(faults.run_many(CORPUS, sample_names(), tmp_path_factory.mktemp("faults")))


@pytest.fixture(scope="module")
def whole_corpus(tmp_path_factory) -> list[faults.Outcome]:
    names = faults.corpus_names(CORPUS)
    return Outcomes(faults.run_many(CORPUS, names, tmp_path_factory.mktemp("faults-all"),
                                    workers=os.cpu_count() or 1))


def test_a_saved_copy_reads_as_the_corpus_file(tmp_path):
    """The diff against the clean run is only fair if saving a copy changes nothing draftlint sees."""
    for build in faults.BUILDS:
        for name in sample_names()[:5]:
            doc = faults.Doc.load(CORPUS / build / f"{name}.docx", CORPUS / "spec" / f"{name}.json")
            original = faults.check(CORPUS / build / f"{name}.docx")
            copied = faults.check(doc.save(tmp_path / build / f"{name}.docx"))
            assert copied.error == original.error, f"{build}/{name}"
            assert [(f.rule, f.label, f.message) for f in copied.findings] == \
                   [(f.rule, f.label, f.message) for f in original.findings], f"{build}/{name}"


def test_a_builder_leaves_the_loaded_document_alone():
    """Builders work on copies, so one text can carry each fault in turn."""
    name = sample_names()[0]
    doc = faults.Doc.load(CORPUS / "word" / f"{name}.docx", CORPUS / "spec" / f"{name}.json")
    before = [faults.text_of(s.p) for s in doc.slots]
    for fault in faults.FAULTS:
        fault.build(doc)
    assert [faults.text_of(s.p) for s in doc.slots] == before


@pytest.mark.parametrize("build", faults.BUILDS)
@pytest.mark.parametrize("kind", [f.kind for f in faults.FAULTS])
def test_every_fault_of_the_sample_is_found_at_its_paragraph(sample, build, kind):
    placed = [o for o in sample if o.build == build and o.kind == kind and o.applicable]
    assert len(placed) >= MIN_PLACES, f"the sample offers {len(placed)} places for {kind}: choose other texts"
    missed = [o for o in placed if not o.found]
    assert not missed, "\n".join(faults.misses(missed, examples=len(missed)))


@pytest.mark.skipif(not LONG, reason="the whole corpus runs with DRAFTLINT_LONG=1")
@pytest.mark.parametrize("build", faults.BUILDS)
def test_whole_corpus_recall_per_build(whole_corpus, build):
    these = [o for o in whole_corpus if o.build == build and o.applicable]
    found = sum(o.found for o in these)
    assert found >= RECALL * len(these), \
        f"{build}: {found}/{len(these)} faults found\n" + faults.report(whole_corpus)
