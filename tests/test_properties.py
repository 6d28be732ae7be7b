"""Property-based tests (hypothesis) for draftlint's readers, model and checks.

1. Random mini-drafts built as .docx in every combination of build_docx options read back to the same
   model and the same findings as the same text read as .md; faithful drafts raise no error.
2. Flaws injected into a generated draft are found at the right label.
3. Byte mutations of real .docx files (whole file, and word/*.xml re-zipped) raise nothing but InputError
   from read + build, and check_file never raises.
4. Random text written to a .md file: check_file never raises.

Two hypothesis profiles are registered here:

- ``ci`` (the default): 150 examples per property, derandomized (the same examples every run) and without
  an example database, so the whole file runs in about 15 s and writes nothing into the repository.
- ``long``: 10,000 random examples per property, for a soak run::

      cd /work/main && HYPOTHESIS_PROFILE=long /work/venv/bin/python -m pytest -q tests/test_properties.py \
          --hypothesis-show-statistics

  At about 40 ms per example for the slowest property (nine readings of one draft) it takes roughly
  20 minutes on one core. Failures are stored in ``.hypothesis/`` (ignored by git) and replayed first on
  the next long run; each failure also prints a ``@reproduce_failure`` blob.

A failure a property found is kept below it as a plain example test (and the generator leaves out its
trigger, with a comment saying so), so that the property goes on checking everything else.
"""
from __future__ import annotations

import io
import itertools
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from draftlint.formats.docx.build import build_docx
from draftlint.lint.engine import FileResult, check_file, lint_resolution
from draftlint.errors import InputError
from draftlint.formats import read
from draftlint.model.resolution import build

ROOT = Path(__file__).resolve().parents[1]

settings.register_profile(
    "ci", max_examples=150, deadline=None, derandomize=True, print_blob=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

OPTIONS = [dict(numbering=n, footnotes=f, italics=i)
           for n, f, i in itertools.product(("typed", "auto"), ("word", "typed"), ("direct", "style"))]
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def sup(n: int) -> str:
    return "".join(SUP[int(d)] for d in str(n))


@pytest.fixture(scope="module")
def workdir():
    d = tempfile.mkdtemp(prefix="draftlint-props-")
    yield Path(d)
    shutil.rmtree(d, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------
# A generator of valid-looking mini-drafts
# ---------------------------------------------------------------------------------------------------------

# Lead phrases whose extent find_lead() gives exactly as written here.
PP_LEADS = ["Recalling", "Reaffirming", "Noting with concern", "Expressing deep concern", "Bearing in mind",
            "Welcoming", "Mindful", "Convinced", "Taking note", "Having considered", "Deeply concerned",
            "Recognizing", "Stressing", "Guided by", "Noting further"]
OP_LEADS = ["Decides", "Requests", "Calls upon", "Takes note", "Encourages", "Urges", "Welcomes", "Invites",
            "Expresses its deep concern", "Reaffirms", "Also requests", "Stresses", "Strongly condemns",
            "Requests further"]
# The word right after a lead: none of them continues a lead phrase.
FIRST_WORDS = ["the", "that", "all", "its", "of", "States", "Member"]
WORDS = ["the", "report", "of", "Secretary-General", "on", "resolution", "75/59", "2030", "States", "and",
         "“Countering", "improvised", "explosive", "devices”", "‘quoted’", "Côte", "d’Ivoire", "São", "Tomé",
         "Türkiye", "naïve", "résumé", "Ελλάδα", "Кыргызстан", "développement", "ñandú", "l’Organisation",
         "implementation", "sustainable", "development", "women", "oceans", "peace", "security", "to", "in",
         "A/79/100", "paragraph\u00a05", "its", "work", "“entitled”", "œuvre", "Zürich"]
HEADINGS = ["Seventy-ninth session", "First Committee", "Agenda item 97", "A/C.1/79/L.5",
            "Austria and Brazil: draft resolution"]
TITLE_FIRST = ["Countering", "Promotion", "Situation", "Oceans", "Zone", "Cooperation"]
TITLE_WORDS = ["the", "threat", "posed", "by", "improvised", "explosive", "devices", "of", "women", "and",
               "sustainable", "development", "Côte", "d’Ivoire", "peace", "in", "Ελλάδα"]
FOOTNOTE_BODIES = ["See resolution 69/51.", "A/79/100.", "Official Records of the General Assembly.",
                   "United Nations, Treaty Series, vol. 1577, No. 27531.", "Voir « Côte d’Ivoire ».",
                   "See “Countering the threat”."]


@dataclass
class Sub:
    words: list[str]
    mark: bool
    children: list["Sub"] = field(default_factory=list)


@dataclass
class Para:
    lead: str
    words: list[str]
    mid_mark: int | None  # after which follow word a comma and a footnote mark stand
    end_mark: bool
    subs: list[Sub] = field(default_factory=list)
    italic: bool = True  # flaw: the lead's asterisks dropped
    number: int | None = None  # flaw: a typed number other than its position
    end: str | None = None  # flaw: end punctuation other than the right one


@dataclass
class Draft:
    heading: list[str]
    pps: list[Para]
    ops: list[Para]
    notes: list[str]  # footnote bodies, one per mark in order of appearance


words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10)


@st.composite
def paras(draw, leads, with_subs):
    follow = [draw(st.sampled_from(FIRST_WORDS))] + draw(words)
    mid = draw(st.none() | st.integers(0, len(follow) - 2)) if len(follow) > 1 else None
    subs = []
    if with_subs and draw(st.integers(0, 3)) == 0:
        for si in range(draw(st.integers(1, 8))):  # (a) … (h): no letter that is also a roman numeral
            children = []
            # Under "(h) …:" an "(i)" is read as the letter after (h), not as a nested (i) (see
            # test_roman_under_lead_in_h_is_nested); the generator gives (h) no children.
            if si < 7 and draw(st.integers(0, 3)) == 0:
                children = [Sub(draw(words), draw(st.booleans())) for _ in range(draw(st.integers(1, 4)))]
            # A footnote mark after the colon of a lead-in sub-paragraph trips draftlint.formats.docx.build (see
            # test_auto_numbered_lead_in_with_footnote_mark); the generator leaves it out so the rest is checked.
            subs.append(Sub(draw(words), draw(st.booleans()) and not children, children))
    return Para(draw(st.sampled_from(leads)), follow, mid, draw(st.booleans()), subs)


@st.composite
def drafts(draw):
    heading = []
    if draw(st.booleans()):
        heading = [h for h in HEADINGS if draw(st.booleans())]
        title = [draw(st.sampled_from(TITLE_FIRST))] + draw(st.lists(st.sampled_from(TITLE_WORDS), max_size=8))
        heading.append(" ".join(title))
    pps = draw(st.lists(paras(PP_LEADS, False), max_size=8))
    ops = draw(st.lists(paras(OP_LEADS, True), min_size=1, max_size=12))
    marks = sum(p.end_mark + (p.mid_mark is not None) + sum(s.mark + sum(c.mark for c in s.children) for s in p.subs)
                for p in pps + ops)
    notes = [draw(st.sampled_from(FOOTNOTE_BODIES)) for _ in range(marks)]
    return Draft(heading, pps, ops, notes)


def render(d: Draft) -> str:
    """The draft in the text format of docs/text-drafts.md."""
    blocks = list(d.heading) + ["*The General Assembly,*"]
    counter = itertools.count(1)

    def mark(flag):
        return sup(next(counter)) if flag else ""

    def body(p: Para, end: str) -> str:
        lead = f"*{p.lead}*" if p.italic else p.lead
        out = []
        for k, w in enumerate(p.words):
            out.append(w + (("," + mark(True)) if k == p.mid_mark else ""))
        return f"{lead} {' '.join(out)}{p.end if (p.end and not p.subs) else end}{mark(p.end_mark)}"

    for p in d.pps:
        blocks.append(body(p, ","))
    for k, p in enumerate(d.ops, 1):
        last = k == len(d.ops)
        number = p.number if p.number is not None else k
        if not p.subs:
            blocks.append(f"{number}. {body(p, '.' if last else ';')}")
            continue
        blocks.append(f"{number}. {body(p, ':')}")
        leaves = [(s, c) for s in p.subs for c in (s.children or [None])]
        for si, s in enumerate(p.subs):
            letter = "abcdefgh"[si]
            if s.children:
                blocks.append(f"({letter}) {' '.join(s.words)}:{mark(s.mark)}")
                for ci, c in enumerate(s.children):
                    end = ("." if last else ";") if (s, c) == leaves[-1] else ";"
                    end = p.end if (p.end and (s, c) == leaves[-1]) else end
                    blocks.append(f"({['i', 'ii', 'iii', 'iv'][ci]}) {' '.join(c.words)}{end}{mark(c.mark)}")
            else:
                end = ("." if last else ";") if (s, None) == leaves[-1] else ";"
                end = p.end if (p.end and (s, None) == leaves[-1]) else end
                blocks.append(f"({letter}) {' '.join(s.words)}{end}{mark(s.mark)}")
    for k, text in enumerate(d.notes, 1):
        blocks.append(f"{sup(k)} {text}")
    return "\n\n".join(blocks) + "\n"


def last_leaf_label(p_label: str, p: Para) -> str:
    if not p.subs:
        return p_label
    s = p.subs[-1]
    label = f"{p_label}({'abcdefgh'[len(p.subs) - 1]})"
    if s.children:
        label += f"({['i', 'ii', 'iii', 'iv'][len(s.children) - 1]})"
    return label


# ---------------------------------------------------------------------------------------------------------
# What is compared between readings
# ---------------------------------------------------------------------------------------------------------

def _italic_ranges(node) -> tuple:
    mask = node.para.italic_mask()[node.body:]
    return tuple((k, len(list(g))) for k, g in itertools.groupby(mask))


def model(res) -> dict:
    return {
        "kind": res.kind,
        "nodes": [(n.kind, n.label, n.number, n.text, n.lead.text if n.lead else None,
                   n.lead.min_end - n.body if n.lead else None, _italic_ranges(n),
                   tuple(m.offset - n.body for m in n.para.marks)) for n in res.nodes],
        "footnotes": [(e.number, e.footnote.text if e.footnote else None,
                       tuple((node.label, m.offset - node.body) for node, m in e.marks)) for e in res.footnotes],
    }


def findings_of(findings) -> list:
    return sorted((f.rule, f.label, f.severity, f.message) for f in findings)


def lint(path: Path):
    res = build(read(str(path)))
    return res, lint_resolution(res)


def write_md(text: str, workdir: Path, name="draft.md") -> Path:
    path = workdir / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------------------
# 1. docx and text agree; faithful drafts are clean
# ---------------------------------------------------------------------------------------------------------

@given(drafts())
def test_docx_in_every_form_reads_like_the_text(workdir, d):
    text = render(d)
    note(text)
    res_md, found_md = lint(write_md(text, workdir))
    errors_md = [f for f in found_md if f.severity == "error"]
    assert errors_md == [], errors_md
    want_model, want_findings = model(res_md), findings_of(found_md)
    assert [n.label for n in res_md.operative] == [f"OP{k}" for k in range(1, len(d.ops) + 1)]
    assert [n.label for n in res_md.preamble] == [f"PP{k}" for k in range(1, len(d.pps) + 1)]
    assert [e.number for e in res_md.footnotes] == [str(k) for k in range(1, len(d.notes) + 1)]
    for options in OPTIONS:
        path = workdir / "draft.docx"
        build_docx(text, str(path), **options)
        res, found = lint(path)
        got = model(res)
        for key in want_model:
            assert got[key] == want_model[key], (options, key)
        assert findings_of(found) == want_findings, options
        assert [f for f in found if f.severity == "error"] == [], options


# Two failures found by the property above, kept as plain examples so that the generator can leave out their
# trigger and go on checking everything else.

def test_auto_numbered_lead_in_with_footnote_mark(workdir):
    """"(a) …:¹" introduces "(i)": draftlint.formats.docx.build decides the list level from the raw text, which ends
    with the footnote mark, not the colon, so with automatic numbering (i) is written at level 1 and prints
    as "(b)"."""
    text = "*The General Assembly,*\n\n1. *Decides* the following:\n\n(a) one:¹\n\n(i) first.\n\n¹ A note.\n"
    res_md, _ = lint(write_md(text, workdir))
    assert [n.label for n in res_md.nodes] == ["opening", "OP1", "OP1(a)", "OP1(a)(i)"]
    for options in OPTIONS:
        path = workdir / "leadin.docx"
        build_docx(text, str(path), **options)
        res, found = lint(path)
        assert model(res) == model(res_md), options
        assert found == [], options


def test_roman_under_lead_in_h_is_nested(workdir):
    """After "(h) …:" (a paragraph that introduces sub-paragraphs) "(i)" is the first nested sub-paragraph;
    draftlint.model.resolution._add_sub prefers continuing the letter sequence (h) → (i), and then reports "(ii)" as
    a numbering error and (h) as a lead-in without sub-paragraphs."""
    subs = "".join(f"({c}) item {c};\n\n" for c in "abcdefg")
    text = f"*The General Assembly,*\n\n1. *Decides* the following:\n\n{subs}(h) item h:\n\n(i) first;\n\n(ii) second.\n"
    res, found = lint(write_md(text, workdir))
    assert [n.label for n in res.nodes][-3:] == ["OP1(h)", "OP1(h)(i)", "OP1(h)(ii)"]
    assert [(f.rule, f.label) for f in found if f.severity == "error"] == []


# ---------------------------------------------------------------------------------------------------------
# 2. injected flaws are found where they are
# ---------------------------------------------------------------------------------------------------------

@st.composite
def flawed(draw):
    d = draw(drafts())
    kinds = ["skip-number", "op-comma"]
    if len(d.pps) >= 2 or len(d.ops) >= 2:
        kinds.append("roman-lead")
    kind = draw(st.sampled_from(kinds))
    if kind == "roman-lead":
        parts = [(pl, "PP") for pl in [d.pps] if len(pl) >= 2] + [(ol, "OP") for ol in [d.ops] if len(ol) >= 2]
        part, prefix = draw(st.sampled_from(parts))
        k = draw(st.integers(0, len(part) - 1))
        part[k].italic = False
        expected = ("italics.lead", f"{prefix}{k + 1}")
    elif kind == "skip-number":
        k = draw(st.integers(0, len(d.ops) - 1))
        for j in range(k, len(d.ops)):
            d.ops[j].number = j + 2
        expected = ("numbering.op-sequence", f"OP{k + 1}")
    else:
        if len(d.ops) < 2:
            d.ops.append(draw(paras(OP_LEADS, False)))
            d.notes.extend(FOOTNOTE_BODIES[0] for _ in range(d.ops[-1].end_mark + (d.ops[-1].mid_mark is not None)))
        k = draw(st.integers(0, len(d.ops) - 2))
        d.ops[k].end = ","
        expected = ("punctuation.op-end", last_leaf_label(f"OP{k + 1}", d.ops[k]))
    options = draw(st.sampled_from(OPTIONS if kind != "skip-number" else OPTIONS[:4]))
    return d, kind, expected, options


@given(flawed())
def test_injected_flaw_is_found_at_its_label(workdir, case):
    d, kind, expected, options = case
    text = render(d)
    note(text)
    _, found_md = lint(write_md(text, workdir))
    path = workdir / "flawed.docx"
    build_docx(text, str(path), **options)
    _, found_docx = lint(path)
    for found in (found_md, found_docx):
        errors = [(f.rule, f.label) for f in found if f.severity == "error"]
        assert errors == [expected], (kind, options)


# ---------------------------------------------------------------------------------------------------------
# 3. damaged .docx files: InputError or a result, never a crash
# ---------------------------------------------------------------------------------------------------------

REAL_DOCX = sorted((ROOT / "examples").glob("*.docx")) + sorted((ROOT / "tests" / "fixtures" / "lo").glob("*.docx"))
REAL_BYTES = {p.name: p.read_bytes() for p in REAL_DOCX}


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


REAL_MEMBERS = {name: _members(data) for name, data in REAL_BYTES.items()}

mutation = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
    st.tuples(st.just("delete"), st.floats(0, 1, exclude_max=True), st.integers(1, 64)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=32)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0)),
)
XML_SNIPPETS = [b"<", b">", b"&", b"&amp;", b"<w:p>", b"</w:p>", b"<w:r>", b"</w:r>", b'w:val="', b"\xff\xfe",
                b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", b"&a;", b"\x00", b"<w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"1\"/></w:numPr>",
                b"<w:footnoteReference w:id=\"99\"/>", b"<w:i/>", b'<w:vertAlign w:val="superscript"/>', b"</w:body>",
                b"<w:tbl><w:tr><w:tc>", b"<w:del>", b"<w:ins>", b"<w:sdt><w:sdtContent>"]
xml_mutation = st.one_of(
    mutation,
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(XML_SNIPPETS)),
)


def mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for op, where, arg in ops:
        pos = min(int(where * len(buf)), max(len(buf) - 1, 0))
        if op == "flip" and buf:
            buf[pos] ^= arg
        elif op == "delete":
            del buf[pos:pos + arg]
        elif op == "insert":
            buf[pos:pos] = arg
        elif op == "truncate":
            del buf[int(where * len(buf)):]
    return bytes(buf)


def assert_only_input_error(path: Path) -> None:
    try:
        build(read(str(path)))
    except InputError:
        pass
    result = check_file(str(path))
    assert isinstance(result, FileResult)
    assert result.error is not None or result.kind is not None


@given(name=st.sampled_from(sorted(REAL_BYTES)), ops=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_docx_bytes_raise_only_input_error(workdir, name, ops):
    path = workdir / "mutated.docx"
    path.write_bytes(mutate(REAL_BYTES[name], ops))
    assert_only_input_error(path)


def test_zip_needing_a_newer_version_is_an_input_error(workdir):
    """Found by the property above (one flipped byte, in the central directory of lo_tracked_comments.docx):
    zipfile.ZipFile raises NotImplementedError("zip file version 6.4") for an entry whose "version needed to
    extract" is above 6.3, and draftlint.formats.docx.limits.Package does not turn it into an InputError, so check_file
    crashes instead of reporting the file as damaged."""
    data = bytearray(REAL_BYTES["A_RES_77_64.docx"])
    at = data.find(b"PK\x01\x02")  # first central directory header; +6 is "version needed to extract"
    data[at + 6:at + 8] = (64).to_bytes(2, "little")
    path = workdir / "newer_zip.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError):
        read(str(path))
    assert check_file(str(path)).error is not None


PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
         "word/_rels/document.xml.rels", "[Content_Types].xml", "_rels/.rels"]


@given(name=st.sampled_from(sorted(REAL_BYTES)), part=st.sampled_from(PARTS),
       ops=st.lists(xml_mutation, min_size=1, max_size=6), also_document=st.booleans())
def test_mutated_docx_xml_raise_only_input_error(workdir, name, part, ops, also_document):
    members = REAL_MEMBERS[name]
    names = [i.filename for i, _ in members]
    assume(part in names)
    path = workdir / "xmlmutated.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            if info.filename == part or (also_document and info.filename == "word/document.xml"):
                data = mutate(data, ops)
            zf.writestr(info.filename, data)
    assert_only_input_error(path)


@given(name=st.sampled_from(sorted(REAL_BYTES)),
       edits=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(XML_SNIPPETS + [b"<w:p><w:r><w:t>1.</w:t></w:r></w:p>"])),
                      min_size=1, max_size=4))
def test_docx_with_xml_inserted_at_tag_boundaries(workdir, name, edits):
    """Insert well-formed-ish fragments right after a '>' so the XML often stays parseable."""
    members = REAL_MEMBERS[name]
    path = workdir / "tagmutated.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            if info.filename == "word/document.xml":
                buf = bytearray(data)
                for where, snippet in edits:
                    at = buf.find(b">", int(where * len(buf)))
                    if at >= 0:
                        buf[at + 1:at + 1] = snippet
                data = bytes(buf)
            zf.writestr(info.filename, data)
    assert_only_input_error(path)


# ---------------------------------------------------------------------------------------------------------
# 4. random text as a .md draft
# ---------------------------------------------------------------------------------------------------------

def _encode(text: str) -> tuple[bytes, bool]:
    """UTF-8 bytes; a lone surrogate gets its CESU form, which is not valid UTF-8."""
    try:
        return text.encode("utf-8"), False
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="surrogatepass"), True


@st.composite
def draftish_text(draw):
    """A generated draft with random text spliced in, so the text gets past 'not a resolution'."""
    base = render(draw(drafts()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(base)))
        cut = draw(st.integers(0, 20))
        base = base[:at] + draw(st.text(max_size=20)) + base[at + cut:]
    return base


MARKUP = st.sampled_from(["*", "**", "***", "¹", "²³", "(a) ", "(i) ", "1. ", "- 1. ", "\t", "\n", "\n\n", "{++",
                          "++}", "{--", "--}", "{~~", "~>", "~~}", "{>>", "<<}", "<!--", "-->", "[x](y)", "\\*",
                          "* ", "The General Assembly,", "*Decides*", ";", ",", ".", ":", "1 ", "12/24 ", "\r",
                          "\ufeff", "\u00a0", "\u200b", "\x00"])


@given(st.one_of(st.text(), draftish_text(), st.lists(MARKUP | st.text(max_size=5), max_size=40).map("".join)))
def test_random_text_never_crashes_check_file(workdir, text):
    data, invalid = _encode(text)
    path = workdir / "random.md"
    path.write_bytes(data)
    result = check_file(str(path))
    assert isinstance(result, FileResult)
    if invalid:
        assert result.error is not None


@given(st.binary(max_size=300))
def test_random_bytes_never_crash_check_file(workdir, data):
    for name in ("random.md", "random.docx"):
        path = workdir / name
        path.write_bytes(data)
        assert isinstance(check_file(str(path)), FileResult)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 10000), st.integers(0, 13), st.integers(0, 32))
def test_dates_are_real_exactly_when_datetime_says_so(year, month, day):
    """A cited date ("of 5 December 2016") and a date in the text ("5 December 2016") are real exactly when
    datetime.date accepts them, and are written back the UN way."""
    import datetime

    from draftlint.lint.checks.dates import _valid
    from draftlint.model.citations import _date
    from draftlint.model.patterns import MONTHS, written

    try:
        expected = datetime.date(year, month, day)
    except ValueError:
        expected = None
    if 1 <= month <= 12:
        got, bad = _date(str(day), MONTHS[month - 1], str(year))
        assert (got, bad) == (expected, expected is None)
        if 1 <= year <= 9999:
            assert _valid(day, month, str(year)) == (expected is not None)
    if expected is not None:
        assert written(expected) == f"{day} {MONTHS[month - 1]} {year}"


CITE_TOKENS = ["70/46", "ES-10/1", "S-2/1", "2365", "(2017)", "(XXX)", "(S-V)", " ", "\u00a0", "of", "7", "December",
               "2015", "A", "and", "B", "to", ",", "3363", "12", "resolution", "Foo", "1/2/3", ".5", "٣"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CITE_TOKENS), max_size=10), st.integers(0, 40))
def test_forms_of_citation_tried_in_turn_match_as_one_alternation(tokens, pos):
    """citations._cited tries the forms one after another; one pattern of all four must give the same span."""
    import re

    from draftlint.model import citations

    forms = [citations.SESSION_FORM.pattern, citations.SC_FORM.pattern, citations.old_form().pattern,
             citations.BARE_FORM.pattern]
    whole = re.compile("|".join(f"(?:{f})" for f in forms))
    text = "".join(tokens)
    pos = min(pos, len(text))
    m = whole.match(text, pos)
    cited = citations._cited(text, pos)
    assert (m.span() if m else None) == ((cited.start, cited.end) if cited else None)
