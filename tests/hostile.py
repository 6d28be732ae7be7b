"""Hostile inputs, second round (issue 15): files and configurations that once cost minutes, gigabytes, a
hang, a traceback or a leak. ``make_cases(folder)`` builds each case in a folder of its own and returns
them; ``run_limited`` runs a command under the bounds every case must keep (5 s of CPU, 300 MB of data).

Each case is a command line of draftlint, the path whose error line is expected (or None when a report is
expected) and the words that line must hold. Only the standard library is used, with tests/badinputs.py
for the .docx parts."""
from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from badinputs import (GOOD_BODY, GOOD_MD, NUMBERING_XML, STYLES_XML, W_NS, minimal_docx, resolution_xml)

ROOT = Path(__file__).resolve().parents[1]
CPU_SECONDS = 5
DATA_BYTES = 300 * 1024 * 1024
SECRET = "s3cr3t-Token-do-not-print"


@dataclass
class Case:
    name: str
    argv: list  # after `draftlint`; run in the case's folder
    error_path: str | None  # the path of the one `PATH: error:` line expected; None: no error line
    words: str = ""  # what that line says
    code: int | None = 2
    forbidden: tuple = ()  # never in the output
    folder: Path = field(default=None)


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def _limits():
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_DATA, (DATA_BYTES, DATA_BYTES))


def run_limited(argv, cwd, timeout: float = 30.0, env=None) -> Outcome:
    """draftlint `argv` in a process of its own under the bounds, with its own peak memory (wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-m", "draftlint", *map(os.fspath, argv)], cwd=cwd, stdout=out,
                             stderr=err, preexec_fn=_limits, env=env)
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.01)
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return Outcome(p.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                       seconds, usage.ru_maxrss / 1024)


# ----------------------------------------------------------------------------------------------------
# .docx parts
# ----------------------------------------------------------------------------------------------------

_W = f'xmlns:w="{W_NS}"'
_NUM_PR = '<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
_HEAD = ('<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>The General Assembly,</w:t></w:r></w:p>'
         '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Recalling</w:t></w:r>'
         '<w:r><w:t xml:space="preserve"> its resolution 75/59 of 7 December 2020,</w:t></w:r></w:p>')


def _numbered_doc(n: int, lvl: int = 0, num: int = 1, style: str = "") -> bytes:
    ppr = _NUM_PR.format(lvl=lvl, num=num)
    if style:
        ppr = ppr.replace("<w:pPr>", f'<w:pPr><w:pStyle w:val="{style}"/>')
    ops = "".join(f'<w:p>{ppr}<w:r><w:rPr><w:i/></w:rPr><w:t>Requests</w:t></w:r>'
                  f'<w:r><w:t xml:space="preserve"> a report on item {k};</w:t></w:r></w:p>' for k in range(n))
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{_HEAD}{ops}'
            '</w:body></w:document>').encode()


def _numbering(start: int, fmt: str) -> bytes:
    return NUMBERING_XML.replace(b'<w:start w:val="1"/><w:numFmt w:val="decimal"/>',
                                 f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'.encode(), 1)


def _link_chain(n: int) -> tuple[bytes, bytes]:
    """numbering.xml and styles.xml where list i links through numbering style S{i} to list i + 1, n times."""
    nums, styles = [], []
    for i in range(n):
        nums.append(f'<w:abstractNum w:abstractNumId="{i}"><w:numStyleLink w:val="S{i}"/></w:abstractNum>')
        styles.append(f'<w:style w:type="numbering" w:styleId="S{i}"><w:name w:val="S{i}"/>'
                      f'<w:pPr><w:numPr><w:numId w:val="{i + 2}"/></w:numPr></w:pPr></w:style>')
    nums.append(f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>')
    nums += [f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>' for i in range(n + 1)]
    numbering = f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {_W}>{"".join(nums)}</w:numbering>'.encode()
    return numbering, STYLES_XML.replace(b"</w:styles>", "".join(styles).encode() + b"</w:styles>")


def _style_chain(n: int) -> bytes:
    """n paragraph styles, each based on the next: P0 <- P1 <- ... (the last one in italics)."""
    styles = [f'<w:style w:type="paragraph" w:styleId="P{i}"><w:name w:val="P{i}"/><w:basedOn w:val="P{i + 1}"/>'
              '</w:style>' for i in range(n)]
    styles.append(f'<w:style w:type="paragraph" w:styleId="P{n}"><w:name w:val="P{n}"/></w:style>')
    return STYLES_XML.replace(b"</w:styles>", "".join(styles).encode() + b"</w:styles>")


def _styled_doc(n_styles: int, n_paragraphs: int) -> bytes:
    step = max(1, n_styles // n_paragraphs)
    ops = "".join(f'<w:p><w:pPr><w:pStyle w:val="P{(k * step) % n_styles}"/></w:pPr><w:r><w:rPr><w:i/></w:rPr>'
                  f'<w:t>Requests</w:t></w:r><w:r><w:t xml:space="preserve"> a report on item {k};</w:t></w:r></w:p>'
                  for k in range(n_paragraphs))
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{_HEAD}{ops}</w:body></w:document>'.encode()


def _empty_paragraphs(n: int) -> bytes:
    """A .docx whose document.xml is n empty paragraphs (56 MB for 9.4 million), stored without compression
    so that no zip-bomb ratio check refuses it: only a limit on what the part holds can."""
    buffer = io.BytesIO()
    parts = minimal_docx(GOOD_BODY, {"styles.xml": STYLES_XML})
    with zipfile.ZipFile(io.BytesIO(parts)) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_STORED
        with dst.open(info, "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>'.encode())
            chunk = b"<w:p/>" * 100_000
            for _ in range(n // 100_000):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return buffer.getvalue()


def _utf16_doctype() -> bytes:
    doc = resolution_xml(prolog='<!DOCTYPE w:document [<!ENTITY x "expanded">]>\n').decode()
    doc = doc.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace("7 December 2020,", "7 December 2020, &x;")
    return doc.encode("utf-16")


# ----------------------------------------------------------------------------------------------------
# The cases
# ----------------------------------------------------------------------------------------------------

GOOD_DOCX = None


def _good_docx() -> bytes:
    global GOOD_DOCX
    if GOOD_DOCX is None:
        GOOD_DOCX = minimal_docx(GOOD_BODY, {"styles.xml": STYLES_XML})
    return GOOD_DOCX


HOUSE_PACK = """pack: house
rules:
  - id: slow
    kind: forbid
    category: style
    severity: warning
    scope: [operative]
    patterns: ['{pattern}']
    message: 'Avoid "{{match}}".'
    doc:
      summary: A pattern.
      why: Because.
      wrong: "1. *Decides* aaaa."
      right: "1. *Decides* b."
"""


def make_cases(base: Path) -> list[Case]:
    base = Path(base)
    cases: list[Case] = []

    def case(name: str, argv, error_path, words="", **kw) -> Case:
        c = Case(name, argv, error_path, words, folder=base / name, **kw)
        c.folder.mkdir(parents=True, exist_ok=True)
        cases.append(c)
        return c

    def write(c: Case, rel: str, data) -> Path:
        p = c.folder / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    # --- configurations and packs PyYAML cannot build ---------------------------------------------------
    for name, yaml_text, words in [
        ("config_impossible_date", "select: 2020-13-45\n", "select"),
        ("config_impossible_date_key", "2020-02-30: x\n", "2020-02-30"),
        ("config_5000_digits", "strict: " + "9" * 5000 + "\n", "100 digits"),
        ("config_nested_5000", "select: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than"),
        ("config_nested_5000_block", "".join("  " * k + "- \n" for k in range(2000)), "nested more than"),
    ]:
        c = case(name, ["check", "draft.md"], ".draftlint.yaml", words)
        write(c, ".draftlint.yaml", yaml_text)
        write(c, "draft.md", GOOD_MD)
        c.error_path = "draft.md"
    for name, yaml_text, words in [
        ("pack_nested_5000", "pack: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than"),
        ("pack_impossible_date", "pack: house\nrules: 2020-13-45\n", "rules"),
        ("pack_5000_digits", "pack: " + "1" * 5000 + "\n", "100 digits"),
    ]:
        c = case(name, ["rules", "validate", "pack.yaml"], "pack.yaml", words)
        write(c, "pack.yaml", yaml_text)
    c = case("pyproject_5000_digits", ["check", "draft.md"], "draft.md", "pyproject.toml")
    write(c, "pyproject.toml", "[tool.draftlint]\nstrict = " + "9" * 5000 + "\n")
    write(c, "draft.md", GOOD_MD)

    # --- reads without end, contents leaked --------------------------------------------------------------
    c = case("extends_dev_zero", ["check", "draft.md"], "draft.md", "is a device, not a file")
    write(c, ".draftlint.yaml", "extends: /dev/zero\n")
    write(c, "draft.md", GOOD_MD)
    c = case("packs_dev_zero", ["check", "draft.md"], "draft.md", "is a device, not a file")
    write(c, ".draftlint.yaml", "packs: [/dev/zero]\n")
    write(c, "draft.md", GOOD_MD)
    secret = f"root:x:0:0:root:/root:/bin/bash\nAPI_TOKEN={SECRET}\n-----BEGIN KEY-----\n{SECRET}\n"
    c = case("extends_secret_file", ["check", "draft.md"], "draft.md", "is not a YAML mapping", forbidden=(SECRET, "root:x"))
    write(c, "passwd", secret)
    write(c, ".draftlint.yaml", "extends: passwd\n")
    write(c, "draft.md", GOOD_MD)
    c = case("packs_secret_file", ["check", "draft.md"], "draft.md", "is not a YAML mapping", forbidden=(SECRET, "root:x"))
    write(c, "passwd", secret)
    write(c, ".draftlint.yaml", "packs: [passwd]\n")
    write(c, "draft.md", GOOD_MD)
    c = case("extends_secret_value", ["check", "draft.md"], "draft.md", "select", forbidden=(SECRET,))
    write(c, "secrets.yaml", f"select: {SECRET}-{'x' * 40}\n")
    write(c, ".draftlint.yaml", "extends: secrets.yaml\n")
    write(c, "draft.md", GOOD_MD)
    c = case("extends_etc_passwd", ["check", "draft.md"], "draft.md", "/etc/passwd", forbidden=("root:x:0",))
    write(c, ".draftlint.yaml", "extends: /etc/passwd\n")
    write(c, "draft.md", GOOD_MD)
    for name in ("fifo_given", "fifo_in_folder", "fifo_config"):
        c = case(name, ["check", "draft.docx"], "draft.docx", "named pipe")
        os.mkfifo(c.folder / ("draft.docx" if name != "fifo_config" else "pipe.yaml"))
    cases[-2].argv = ["check", "."]
    cases[-2].error_path = os.path.join(".", "draft.docx")
    write(cases[-2], "good.docx", _good_docx())
    c = cases[-1]
    write(c, "draft.docx", _good_docx())
    write(c, ".draftlint.yaml", "extends: pipe.yaml\n")
    c = case("fifo_text", ["check", "draft.md"], "draft.md", "named pipe")
    os.mkfifo(c.folder / "draft.md")
    c = case("fifo_previous", ["check", "--previous", "last.docx", "draft.docx"], "draft.docx", "named pipe")
    os.mkfifo(c.folder / "last.docx")
    write(c, "draft.docx", _good_docx())
    c = case("dev_zero_as_draft", ["check", "draft.docx", "draft.md"], "draft.docx", "is a device, not a file")
    os.symlink("/dev/zero", c.folder / "draft.docx")
    os.symlink("/dev/urandom", c.folder / "draft.md")

    # --- .docx that cost unbounded time and memory --------------------------------------------------------
    c = case("list_start_2e9_letters", ["check", "draft.docx"], "draft.docx", "starts a list at 2000000000")
    write(c, "draft.docx", minimal_docx(_numbered_doc(3, lvl=0),
                                        {"styles.xml": STYLES_XML, "numbering.xml": _numbering(2_000_000_000, "lowerLetter")}))
    c = case("list_start_1e12_roman", ["check", "draft.docx"], "draft.docx", "starts a list at 1000000000000")
    write(c, "draft.docx", minimal_docx(_numbered_doc(3, lvl=0),
                                        {"styles.xml": STYLES_XML, "numbering.xml": _numbering(10 ** 12, "upperRoman")}))
    c = case("list_level_2e9", ["check", "draft.docx"], None, code=None)
    write(c, "draft.docx", minimal_docx(_numbered_doc(3, lvl=2_000_000_000),
                                        {"styles.xml": STYLES_XML, "numbering.xml": NUMBERING_XML.replace(
                                            b'w:ilvl="1"', b'w:ilvl="2000000000"')}))
    c = case("empty_paragraphs_9_4_million", ["check", "draft.docx"], "draft.docx", "XML elements")
    write(c, "draft.docx", _empty_paragraphs(9_400_000))
    c = case("paragraphs_30000", ["check", "draft.docx"], "draft.docx", "more than 20,000 paragraphs")
    write(c, "draft.docx", minimal_docx(_numbered_doc(30_000), {"styles.xml": STYLES_XML, "numbering.xml": NUMBERING_XML}))
    numbering, styles = _link_chain(10_000)
    c = case("numbering_link_chain_10000", ["check", "draft.docx"], None, code=None)
    write(c, "draft.docx", minimal_docx(_numbered_doc(20), {"styles.xml": styles, "numbering.xml": numbering}))
    c = case("styles_chain_4000", ["check", "draft.docx"], None, code=None)
    write(c, "draft.docx", minimal_docx(_styled_doc(4000, 1500), {"styles.xml": _style_chain(4000)}))
    c = case("styles_25000", ["check", "draft.docx"], "draft.docx", "styles")
    write(c, "draft.docx", minimal_docx(_styled_doc(100, 10), {"styles.xml": _style_chain(25_000)}))
    c = case("utf16_doctype", ["check", "draft.docx"], "draft.docx", "DOCTYPE", forbidden=("expanded",))
    write(c, "draft.docx", minimal_docx(_utf16_doctype(), {"styles.xml": STYLES_XML}))

    # --- Markdown whose inline markup was parsed in quadratic time ------------------------------------------
    for name, junk in [("md_40000_unclosed_comments", "<!--" * 40_000), ("md_40000_unclosed_critic", "{--" * 40_000),
                       ("md_20000_unclosed_links", "[x " * 20_000), ("md_20000_links_one_close", "[x " * 20_000 + "]"),
                       ("md_40000_closed_comments", "<!-- c -->\n" * 40_000),
                       ("md_40000_stars", " *a" * 40_000), ("md_40000_lone_stars", "a" + " * " * 40_000),
                       ("md_20000_substitutions", "{~~a~>" * 20_000)]:
        c = case(name, ["check", "draft.md"], None, code=None)
        write(c, "draft.md", GOOD_MD.replace("of the report;", "of the report " + junk + ";"))
    c = case("md_40000_lone_stars_at_start", ["check", "draft.md"], None, code=None)
    write(c, "draft.md", GOOD_MD + "\n" + " * " * 40_000 + "\n")
    # Paragraphs that are one: a page-break split in text, a deleted paragraph mark in Word (joined once).
    c = case("md_19000_continued_paragraphs", ["check", "draft.md"], None, code=None)
    write(c, "draft.md", GOOD_MD.replace("of the report;", "of the report;\n\n" + "".join(
        f"and *more* text {k}\n\n" for k in range(19_000))))
    c = case("docx_19000_deleted_marks", ["check", "draft.docx"], None, code=None)
    deleted = ('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">'
               'more words </w:t></w:r></w:p>')
    write(c, "draft.docx", minimal_docx(_numbered_doc(1).replace(b"</w:body>", deleted.encode() * 19_000 + (
        b'<w:p><w:r><w:t>2. Decides to remain seized of the matter.</w:t></w:r></w:p></w:body>')),
        {"styles.xml": STYLES_XML, "numbering.xml": NUMBERING_XML}))
    c = case("md_500000_lines", ["check", "draft.md"], "draft.md", "lines")
    write(c, "draft.md", GOOD_MD + "a\n" * 500_000)
    c = case("md_30000_paragraphs", ["check", "draft.md"], "draft.md", "paragraphs")
    write(c, "draft.md", GOOD_MD + "a\n\n" * 30_000)

    # --- a delegation's pack patterns -----------------------------------------------------------------------
    c = case("pack_catastrophic_validate", ["rules", "validate", "house.yaml"], "house.yaml", "exponential time")
    write(c, "house.yaml", HOUSE_PACK.format(pattern="(a+)+$"))
    c = case("pack_catastrophic_check", ["check", "draft.md"], "draft.md", "exponential time")
    write(c, "house.yaml", HOUSE_PACK.format(pattern="(a+)+$"))
    write(c, ".draftlint.yaml", "packs: [house.yaml]\n")
    write(c, "draft.md", GOOD_MD.replace("of the report;", "of the report " + "a" * 28 + "!;"))
    # (a|aa)+$ escapes the static check: its matches stop at the timeout, with one warning naming the rule.
    c = case("pack_pattern_timeout", ["check", "draft.md"], None, "took over", code=None)
    write(c, "house.yaml", HOUSE_PACK.format(pattern="(a|aa)+$"))
    write(c, ".draftlint.yaml", "packs: [house.yaml]\n")
    write(c, "draft.md", GOOD_MD.replace("of the report;", "of the report " + "a" * 40 + "!;"))
    return cases
