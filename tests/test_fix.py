"""`draftlint fix` on real files: the 75/59 example (22 roman operative leads, PP2's full stop, straight
quotes), damaged copies of corpus resolutions, and the command line's promises (input untouched, default
name, no overwriting, one-line errors)."""
from __future__ import annotations

import difflib
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from accepting import accept, revisions
from conftest import run_cli
from ooxml_checks import audit
from draftlint.lint.engine import check_file
from draftlint.writers.fix import fix_file
from draftlint.formats import read
from draftlint.model.resolution import build

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "A_RES_75_59.docx"
CORPUS = ROOT.parent / "shared" / "corpus"
SOFFICE = shutil.which("soffice")
# The corpus resolutions that have something fixable of their own, then others that the test damages.
CORPUS_FILES = ([f"{kind}/A_RES_78_{n}.docx" for kind in ("word", "libreoffice") for n in (158, 167, 222, 265, 319)]
                + [f"{kind}/A_RES_78_{n}.docx" for kind in ("word", "libreoffice") for n in (10, 112, 154, 207, 235)])


def paragraphs(path) -> dict:
    return {p.index: p for p in read(str(path)).paragraphs}


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fix")
    before = sha(EXAMPLE)
    tracked = fix_file(str(EXAMPLE), str(folder / "tracked.docx"))
    direct = fix_file(str(EXAMPLE), str(folder / "direct.docx"), track=False)
    assert sha(EXAMPLE) == before  # the input is never written
    accept(folder / "tracked.docx", folder / "accepted.docx")
    return folder, tracked, direct


def test_the_example_s_operative_leads_and_pp2_are_fixed_as_tracked_changes(fixed):
    folder, tracked, _ = fixed
    found = check_file(str(EXAMPLE)).findings
    roman = {f.label for f in found if f.rule == "italics.lead"}
    assert len(roman) == 22 and {f.label for f in found if f.rule == "punctuation.pp-end"} == {"PP2"}
    counts = revisions(folder / "tracked.docx")
    assert counts["rPrChange"] >= 22 and counts["ins"] >= 1 and counts["del"] >= 1
    assert sum(counts.values()) >= 23 and len(tracked.applied) >= 23
    res = build(read(str(folder / "accepted.docx")))
    ops = {n.label: n for n in res.operative}
    for label in roman:
        node = ops[label]
        assert all(node.para.italic_mask()[node.lead.start:node.lead.usual_end]), label
        assert not any(node.para.italic_mask()[node.lead.usual_end:]), label  # exactly the lead
    assert res.preamble[1].text.endswith(",")


def test_check_of_the_output_reports_none_of_the_fixed_findings(fixed):
    folder, tracked, _ = fixed
    before = {(f.rule, f.label) for f in check_file(str(EXAMPLE)).findings if f.fixable}
    for name in ("tracked.docx", "direct.docx"):
        after = check_file(str(folder / name)).findings
        assert not [f for f in after if f.fixable]
        assert not before & {(f.rule, f.label) for f in after}
    assert {(f.rule, f.label) for f in tracked.left} == {(f.rule, f.label) for f in check_file(str(folder / "tracked.docx")).findings}


def test_text_outside_the_fixes_is_unchanged(fixed):
    folder, tracked, _ = fixed
    old, new = paragraphs(EXAMPLE), paragraphs(folder / "direct.docx")
    assert old.keys() == new.keys()
    changed = {}
    for k in old:
        a, b = old[k].text, new[k].text
        ops = [(a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
               if tag != "equal"]
        if ops:
            changed[k] = ops
    # PP2's full stop, and the straight quotes of OP9 and OP31: nothing else.
    assert all(x in ('.', '"') and y in (',', '“', '”') for ops in changed.values() for x, y in ops), changed
    assert sum(len(ops) for ops in changed.values()) == 1 + 2 + 4
    # Italics change only inside the leads.
    res = build(read(str(EXAMPLE)))
    leads = {n.para.index: n.lead for n in res.operative + res.preamble if n.lead is not None}
    for k in old:
        was, now = old[k].italic_mask(), new[k].italic_mask()
        diff = [i for i, (x, y) in enumerate(zip(was, now)) if x != y]
        if diff:
            assert leads[k].start <= min(diff) and max(diff) < leads[k].usual_end, k


def test_accepting_every_change_gives_the_untracked_fix(fixed):
    folder, _, _ = fixed
    accepted, direct = paragraphs(folder / "accepted.docx"), paragraphs(folder / "direct.docx")
    assert {k: (p.text, p.italic_mask()) for k, p in accepted.items()} == \
           {k: (p.text, p.italic_mask()) for k, p in direct.items()}


def test_python_docx_opens_and_the_validator_finds_nothing_new(fixed):
    import docx

    pytest.importorskip("openxml_audit")
    folder, _, _ = fixed
    base = {_finding(e) for e in audit(EXAMPLE)}
    for name in ("tracked.docx", "direct.docx"):
        doc = docx.Document(str(folder / name))
        assert len(doc.paragraphs) > 40
        assert [str(e) for e in audit(folder / name) if e.error_type.value == "schema" or _finding(e) not in base] == []


def _finding(error) -> str:
    import re

    return re.sub(r"\[\d+\]", "", f"{error.error_type.value} {error.part_uri} {error.description}")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_output_and_accepting_its_changes_gives_the_untracked_text(fixed, tmp_path):
    """LibreOffice converts both copies to PDF; its flat ODT of the tracked copy holds draftlint's changes,
    and its plain text of the accepted copy is the text of the untracked one."""
    folder, _, _ = fixed
    files = [folder / "tracked.docx", folder / "direct.docx", folder / "accepted.docx"]
    _soffice("pdf", files, tmp_path / "pdf", tmp_path / "profile")
    assert {p.stem for p in (tmp_path / "pdf").glob("*.pdf") if p.stat().st_size > 1000} == {p.stem for p in files}
    _soffice("fodt", files[:1], tmp_path, tmp_path / "profile")
    fodt = (tmp_path / "tracked.fodt").read_text(encoding="utf-8")
    import re

    ours = [r for r in re.findall(r"<text:changed-region.*?</text:changed-region>", fodt, re.S)
            if "<dc:creator>draftlint</dc:creator>" in r]
    assert len(ours) >= 23
    _soffice("txt:Text (encoded):UTF8", files[1:], tmp_path / "txt", tmp_path / "profile")
    assert (tmp_path / "txt" / "accepted.txt").read_text(encoding="utf-8") == \
           (tmp_path / "txt" / "direct.txt").read_text(encoding="utf-8")


def _soffice(target: str, files, outdir: Path, profile: Path) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(outdir), *map(str, files)], capture_output=True, text=True, timeout=900)


# ------------------------------------------------------------------ the corpus, damaged and mended

def _damage(source: Path, out: Path) -> int:
    """Roman leads in up to four operative paragraphs and a full stop for the comma of the first
    preambular paragraph: the slips fix must undo. Returns the number of slips made."""
    from draftlint.formats.docx.edit import Document

    res = build(read(str(source)))
    doc = Document(str(source))
    made = 0
    for node in [n for n in res.operative if n.lead is not None and not n.children][:4]:
        if doc.text(node.para.index) == node.para.text:
            doc.set_italic(node.para.index, node.lead.start, node.lead.usual_end, False, track=False)
            made += 1
    pp = next((n for n in res.preamble if not n.children and n.para.text.rstrip().endswith(",")), None)
    if pp is not None and doc.text(pp.para.index) == pp.para.text:
        k = len(pp.para.text.rstrip()) - 1
        doc.replace(pp.para.index, k, k + 1, ".", track=False)
        made += 1
    doc.save(str(out))
    return made


def _errors(path) -> set:
    return {(f.rule, f.label, f.message) for f in check_file(str(path)).findings if f.severity == "error"}


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_fix_on_the_corpus_mends_what_it_says_and_nothing_else(name, tmp_path):
    source = CORPUS / name
    if not source.exists():
        pytest.skip("../shared/corpus is absent")
    damaged = tmp_path / "damaged.docx"
    made = _damage(source, damaged)
    fix_file(str(damaged), str(tmp_path / "tracked.docx"))
    fix_file(str(damaged), str(tmp_path / "direct.docx"), track=False)
    accept(tmp_path / "tracked.docx", tmp_path / "accepted.docx")
    original = {k: p.text for k, p in paragraphs(source).items()}
    direct = paragraphs(tmp_path / "direct.docx")
    accepted = paragraphs(tmp_path / "accepted.docx")
    assert {k: (p.text, p.italic_mask()) for k, p in accepted.items()} == \
           {k: (p.text, p.italic_mask()) for k, p in direct.items()}
    # The damaged copy's fixes give back the original's text, except where the original had fixable findings
    # of its own (a spelling swap, a sub-paragraph's end), and only inside those findings' spans.
    own = {}
    for f in check_file(str(source)).findings:
        if f.fixable:
            own.setdefault(f.paragraph, []).append(f)
    for k, text in original.items():
        if text != direct[k].text:
            assert k in own, (k, text, direct[k].text)
            assert len(direct[k].text) - len(text) == sum(len(f.fix or "") - (f.end - f.start) for f in own[k])
    assert not [f for f in check_file(str(tmp_path / "direct.docx")).findings if f.fixable]
    assert _errors(tmp_path / "tracked.docx") <= _errors(source)
    assert made >= 1


# ------------------------------------------------------------------ the command line

def test_default_output_name_input_untouched_and_no_overwrite(tmp_path):
    draft = tmp_path / "draft.docx"
    shutil.copy(EXAMPLE, draft)
    before = sha(draft)
    r = run_cli("fix", draft)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "draft-fixed.docx").exists() and sha(draft) == before
    assert "tracked changes" in r.stdout
    again = run_cli("fix", draft)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "draft-fixed.docx" in again.stderr
    assert "exists" in again.stderr
    assert run_cli("fix", draft, "--force").returncode == 0


def test_in_place_and_no_track(tmp_path):
    draft = tmp_path / "draft.docx"
    shutil.copy(EXAMPLE, draft)
    r = run_cli("fix", draft, "--in-place", "--no-track")
    assert r.returncode == 0, r.stderr
    assert revisions(draft) == {"ins": 0, "del": 0, "rPrChange": 0}
    assert not [f for f in check_file(str(draft)).findings if f.fixable]


def test_select_fixes_only_those_rules(tmp_path):
    out = tmp_path / "out.docx"
    r = run_cli("fix", EXAMPLE, "-o", out, "--select", "punctuation")
    assert r.returncode == 0, r.stderr
    left = {f.rule for f in check_file(str(out)).findings}
    assert "italics.lead" in left and "punctuation.pp-end" not in left


def test_diff_prints_the_changes_and_writes_nothing(tmp_path):
    draft = tmp_path / "draft.docx"
    shutil.copy(EXAMPLE, draft)
    for command in (("fix", draft, "--diff"), ("check", draft, "--diff")):
        r = run_cli(*command)
        assert r.returncode == 0, r.stderr
        lines = r.stdout.splitlines()
        assert any("PP2:" in line and "times.” → “" in line and line.endswith("times,”") for line in lines)
        assert any(line.endswith("OP2: italics on “Recognizes”") for line in lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]


def test_problems_are_one_line_naming_the_file(tmp_path):
    text = tmp_path / "draft.md"
    text.write_text("*The General Assembly,*\n\n1. Decides to act.\n", encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    for args, name in (((text,), "draft.md"), ((broken,), "broken.docx"), ((tmp_path / "none.docx",), "none.docx"),
                       ((EXAMPLE, "-o", tmp_path / "out.txt"), "A_RES_75_59.docx")):
        r = run_cli("fix", *args)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and name in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not (tmp_path / "out.txt").exists()


def _unsafe_rules():
    from draftlint.lint.registry import documented_rules

    return [r for r in documented_rules() if r.unsafe_fix]


@pytest.mark.parametrize("rule", _unsafe_rules(), ids=lambda r: r.id)
def test_an_unsafe_fix_is_made_only_with_unsafe(rule, tmp_path):
    """A rule's unsafe fix (the serial comma of recall-chain.list): its finding is not called fixable, JSON
    says what --unsafe would put there, plain `fix` leaves it, and `fix --unsafe` mends it, tracked or not,
    accepting the tracked copy giving the untracked text."""
    import json

    from conftest import frame
    from draftlint.formats.docx.build import build_docx

    draft = tmp_path / "wrong.docx"
    build_docx(frame(rule.wrong), str(draft))
    r = run_cli("check", "--format", "json", "--exit-zero", "--select", rule.id, draft)
    unsafe = [d for d in json.loads(r.stdout)["files"][0]["diagnostics"] if "unsafe_fix" in d]
    assert unsafe and all(not d["fixable"] for d in unsafe), r.stdout

    assert run_cli("fix", draft, "-o", tmp_path / "safe.docx").returncode == 0
    safe = check_file(str(tmp_path / "safe.docx")).findings
    assert len([f for f in safe if f.unsafe and f.rule == rule.id]) == len(unsafe)

    r = run_cli("fix", "--unsafe", "--diff", draft)
    assert r.returncode == 0 and r.stdout.strip(), r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["safe.docx", "wrong.docx"]  # --diff writes nothing
    for args, name in ((("--unsafe",), "tracked.docx"), (("--unsafe", "--no-track"), "direct.docx")):
        r = run_cli("fix", *args, draft, "-o", tmp_path / name)
        assert r.returncode == 0, r.stderr
    assert revisions(tmp_path / "tracked.docx")["del"] > 0
    assert not [f for f in check_file(str(tmp_path / "direct.docx")).findings if f.rule == rule.id]
    accept(tmp_path / "tracked.docx", tmp_path / "accepted.docx")
    texts = [[p.text for p in read(str(tmp_path / n)).paragraphs] for n in ("accepted.docx", "direct.docx")]
    assert texts[0] == texts[1]
    assert audit(tmp_path / "tracked.docx") == []


def test_fix_and_annotate_are_not_imported_by_check():
    import sys

    code = ("import sys; from draftlint.cli import main; sys.argv=['draftlint','check',%r]\n"
            "try: main()\nexcept SystemExit: pass\n"
            "print('LOADED', [m for m in ('draftlint.writers.fix','draftlint.writers.annotate','draftlint.formats.docx.edit') if m in sys.modules])"
            ) % str(EXAMPLE)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "LOADED []" in r.stdout


# ------------------------------------------------------------------ fixable means fixed

def _fixable_rules():
    from draftlint.lint.registry import documented_rules

    return [r for r in documented_rules() if r.fixable]


@pytest.mark.parametrize("rule", _fixable_rules(), ids=lambda r: r.id)
def test_every_fixable_rule_s_wrong_example_is_fixed(rule, tmp_path):
    """Each rule that says fixable: its doc's wrong example, as a Word draft, has a fixable finding of the
    rule, and after fix the rule finds nothing fixable there."""
    from conftest import frame
    from draftlint.formats.docx.build import build_docx
    from draftlint.lint.engine import Options

    draft = tmp_path / "wrong.docx"
    # Word numbers its own footnotes: a rule about footnote numbers is about typed ones.
    build_docx(frame(rule.wrong), str(draft), footnotes="typed" if rule.category == "footnotes" else "word")
    options = Options(select=(rule.id,))
    before = [f for f in check_file(str(draft), options).findings if f.rule == rule.id]
    assert [f for f in before if f.fixable], before
    fix_file(str(draft), str(tmp_path / "fixed.docx"), options=options)
    after = check_file(str(tmp_path / "fixed.docx"), options).findings
    assert not [f for f in after if f.fixable], after
    assert len(after) < len(before)


def test_a_draft_with_many_slips(tmp_path):
    from draftlint.formats.docx.build import build_docx

    draft = tmp_path / "b.docx"
    build_docx("*The General Assembly,*\n\n"
               "*Recalling* its resolution 70/46 of 7 December 2015 and 71/72 of 5 December 2016,\n\n"
               "*Recalling also* its resolutions 72/36 of 4 December 2017.\n\n"
               "1. Welcomes the efforts of regional organisations;\n\n"
               "3. *Requests* the Secretary-General:\n\n"
               'a. To report on "co-operation";\n\n'
               "c. To consult States.\n\n"
               "4. *Takes note of* the report,\n\n"
               "5. *Decides* to remain seized of the matter;\n", str(draft))
    assert len([f for f in check_file(str(draft)).findings if f.fixable]) == 13
    fix_file(str(draft), str(tmp_path / "fixed.docx"))
    accept(tmp_path / "fixed.docx", tmp_path / "accepted.docx")
    assert check_file(str(tmp_path / "fixed.docx")).findings == []
    texts = [p.text for p in read(str(tmp_path / "accepted.docx")).paragraphs]
    assert texts[1:] == ["Recalling its resolutions 70/46 of 7 December 2015 and 71/72 of 5 December 2016,",
                         "Recalling also its resolution 72/36 of 4 December 2017,",
                         "1.\tWelcomes the efforts of regional organizations;",
                         "2.\tRequests the Secretary-General:",
                         "(a) To report on “cooperation”;",
                         "(b) To consult States;",
                         "3.\tTakes note of the report;",
                         "4.\tDecides to remain seized of the matter."]


LO = ROOT / "tests" / "fixtures" / "lo"


def test_the_draft_s_own_tracked_changes_comments_and_footnotes_are_kept(tmp_path):
    """A LibreOffice draft with another author's tracked changes and comments, given roman leads and a full
    stop: after fix, every revision, comment and footnote of the draft is still there, beside draftlint's."""
    import docx

    from ooxml_checks import document_xml, parts, q

    damaged = tmp_path / "damaged.docx"
    assert _damage(LO / "lo_tracked_comments.docx", damaged) >= 2
    out = tmp_path / "fixed.docx"
    fix_file(str(damaged), str(out))
    before, after = document_xml(damaged), document_xml(out)

    def theirs(root, tag):
        return [el for el in root.iter(q(tag)) if el.get(q("author")) != "draftlint"]

    for tag in ("ins", "del"):
        assert len(theirs(after, tag)) == len(theirs(before, tag)) > 0
    for tag in ("commentRangeStart", "footnoteReference", "fldSimple", "instrText"):
        assert len(list(after.iter(q(tag)))) == len(list(before.iter(q(tag))))
    assert parts(out).get("word/comments.xml") == parts(damaged).get("word/comments.xml")
    assert parts(out).get("word/footnotes.xml") == parts(damaged).get("word/footnotes.xml")
    assert sum(revisions(out).values()) >= 2
    assert len(docx.Document(str(out)).comments) == len(docx.Document(str(damaged)).comments)
    assert not [f for f in check_file(str(out)).findings if f.fixable]


def test_a_flawed_libreoffice_draft(tmp_path):
    out = tmp_path / "fixed.docx"
    outcome = fix_file(str(LO / "lo_flawed.docx"), str(out))
    assert len(outcome.applied) >= 4
    assert not [f for f in check_file(str(out)).findings if f.fixable]
    assert _errors(out) <= _errors(LO / "lo_flawed.docx")


def test_typed_operative_numbers_are_renumbered_to_the_end(tmp_path):
    """A gap after OP1 of 31 typed paragraphs: the check names one paragraph at a time, fix goes on until
    all run 1, 2, 3 …"""
    from draftlint.formats.docx.build import build_docx

    ops = "\n\n".join(f"{n}. *Requests* the Secretary-General to act on item {n};" for n in [1] + list(range(3, 32)))
    draft = tmp_path / "gap.docx"
    build_docx("*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n" + ops
               + "\n\n32. *Decides* to remain seized of the matter.\n", str(draft))
    outcome = fix_file(str(draft), str(tmp_path / "fixed.docx"), track=False)
    assert len(outcome.applied) == 30 and check_file(str(tmp_path / "fixed.docx")).findings == []
    numbers = [p.text.split("\t")[0] for p in read(str(tmp_path / "fixed.docx")).paragraphs[2:]]
    assert numbers == [f"{n}." for n in range(1, 32)]
    assert [p.text.split("\t")[1] for p in read(str(tmp_path / "fixed.docx")).paragraphs[2:5]] == \
           [p.text.split("\t")[1] for p in read(str(draft)).paragraphs[2:5]]


# ------------------------------------------------------------------ typed footnotes

TYPED_NOTES = ("1. *Takes note* of the report;²\n\n2. *Welcomes* the study;¹\n\n3. *Notes* the work;³ and the plan;²\n\n"
               "4. *Decides* to remain seized of the matter.\n\n¹ A/77/100.\n\n² A/77/200, annex.\n\n³ A/77/300.")


def _typed_notes(tmp_path: Path, characters: bool = False) -> Path:
    """The draft with typed footnotes: superscript runs holding "2", or (characters) the digits "²" typed in
    the text as Word users paste them."""
    import re
    import zipfile

    from conftest import frame
    from draftlint.formats.docx.build import build_docx

    path = tmp_path / ("typed-chars.docx" if characters else "typed.docx")
    build_docx(frame(TYPED_NOTES), str(path), footnotes="typed")
    if characters:
        files = {n: zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist()}
        xml = files["word/document.xml"].decode()
        xml, n = re.subn(r'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">(\d)</w:t></w:r>',
                         lambda m: f'<w:r><w:t xml:space="preserve">{"¹²³"[int(m.group(1)) - 1]}</w:t></w:r>', xml)
        assert n == 4 + 3  # the marks in the text, the numbers of the footnote lines
        files["word/document.xml"] = xml.encode()
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in files.items():
                zf.writestr(name, data)
    return path


def _typed_marks(path) -> list[tuple[str, str]]:
    """(label, number) of every typed mark in order, and the typed footnote lines' numbers and words."""
    res = build(read(str(path)))
    marks = [(node.label, mark.key) for node in res.nodes for mark in node.para.marks if mark.typed]
    notes = [e for e in res.footnotes if e.footnote is not None]
    lines = [(e.number, e.footnote.text) for e in sorted(notes, key=lambda e: e.footnote.paragraphs[0].index)]
    return marks, lines


@pytest.mark.parametrize("characters", [False, True], ids=["superscript-runs", "superscript-digits"])
def test_typed_footnotes_are_renumbered_with_their_texts(characters, tmp_path):
    from draftlint.lint.engine import Options

    draft = _typed_notes(tmp_path, characters)
    found = [f for f in check_file(str(draft)).findings if f.rule == "footnotes.sequence"]
    assert [f.label for f in found] == ["OP1", "OP2"] and all(f.fixable for f in found)
    assert [f.mark for f in found] == ["1", "2"] and found[0].start == found[0].end
    options = Options(select=("footnotes",))
    tracked, direct = tmp_path / "tracked.docx", tmp_path / "direct.docx"
    fix_file(str(draft), str(tracked), options=options)
    fix_file(str(draft), str(direct), options=options, track=False)
    accept(tracked, tmp_path / "accepted.docx")
    expected = ([("OP1", "1"), ("OP2", "2"), ("OP3", "3"), ("OP3", "1")],
                [("1", "A/77/200, annex."), ("2", "A/77/100."), ("3", "A/77/300.")])
    for path in (direct, tmp_path / "accepted.docx"):
        assert _typed_marks(path) == expected
        left = {f.rule for f in check_file(str(path)).findings if f.rule.startswith("footnotes")}
        assert left == {"footnotes.repeated"}  # the mark used twice is a warning of its own, not fixed
    # The tracked copy reads as the draft did until its changes are accepted; the words are all kept.
    assert _typed_marks(tracked) == expected  # the reader takes tracked insertions in
    assert {i: p.text for i, p in paragraphs(tmp_path / "accepted.docx").items()} == \
        {i: p.text for i, p in paragraphs(direct).items()}
    counts = revisions(tracked)
    assert counts["ins"] == counts["del"] == 3 + 2  # three marks (the repeated one too), two lines' words
    import docx

    assert len(docx.Document(str(tracked)).paragraphs) == len(paragraphs(draft))
    assert [str(e) for e in audit(tracked)] == []
    shown = run_cli("fix", "--diff", draft, "--select", "footnotes").stdout
    assert ":OP1: footnote marks 2 → 1\n" in shown and ":OP3: footnote marks 3, 2 → 3, 1\n" in shown
    assert ":footnote 1: “ A/77/100.” → “ A/77/200, annex.”\n" in shown


def test_typed_footnotes_without_one_line_each_are_not_fixable(tmp_path):
    from conftest import frame
    from draftlint.formats.docx.build import build_docx

    draft = tmp_path / "missing.docx"
    build_docx(frame(TYPED_NOTES.replace("\n\n³ A/77/300.", "")), str(draft), footnotes="typed")
    found = [f for f in check_file(str(draft)).findings if f.rule == "footnotes.sequence"]
    assert found and not any(f.fixable for f in found)
    fix_file(str(draft), str(tmp_path / "fixed.docx"))
    assert _typed_marks(tmp_path / "fixed.docx") == _typed_marks(draft)
