"""`draftlint serve` (issue 18): the page in a real headless Chromium, the HTTP side's limits and one-line
errors, and a bounded load test, all against the real server on a loopback port, in a process of its own
whose TMPDIR, HOME and working folder are watched: it must write nothing outside its temporary folder and
leave nothing there after each answer.

The browser tests need the system's Chromium (Debian's chromium package; .ci/run installs it) and skip,
saying so, where there is none."""
from __future__ import annotations

import base64
import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install '.[web]')")
pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install '.[web]')")

import webserver  # noqa: E402
from webserver import get, post  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "A_RES_75_59.docx"
PREVIOUS = ROOT / "examples" / "A_RES_77_64.docx"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    s = webserver.start(folder)
    yield s
    code = s.stop()
    assert code == 0, s.proc.stderr.read()
    # Nothing written outside the server's own temporary folder, and that folder gone once it stops.
    for key in ("tmpdir", "home", "xdg_cache_home", "cwd"):
        left = [str(p.relative_to(folder)) for p in (folder / key).rglob("*")]
        assert left == [], f"the server left files in {key}: {left}"


def _cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "draftlint", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def _server_files(server) -> list[str]:
    """Every file under the server's TMPDIR (its temporary folder is there) but its cache of validated
    configurations, which holds no drafter's file and goes with the folder when the server stops."""
    return [str(p) for p in (server.folder / "tmpdir").rglob("*")
            if p.is_file() and "cache" not in p.relative_to(server.folder / "tmpdir").parts[1:2]]


# --- the HTTP side -------------------------------------------------------------------------------------

def test_the_page_is_served_whole_and_fetches_nothing_from_elsewhere(server):
    status, headers, body = get(server.port, "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in headers["content-security-policy"]
    for path in ("/", "/page.css", "/page.js"):
        status, _, text = get(server.port, path)
        assert status == 200
        text = text.decode("utf-8")
        for far in ("http://", "https://", "//cdn", "@import"):
            assert far not in text, f"{path} refers to {far}"


def test_a_request_addressed_to_another_name_is_refused(server):
    # A web site that points a name it owns at 127.0.0.1 must not reach the page (DNS rebinding).
    status, _, _ = get(server.port, "/", headers={"Host": "drafts.example.org"})
    assert status == 400
    assert get(server.port, "/", headers={"Host": f"localhost:{server.port}"})[0] == 200


def test_check_gives_the_draft_as_paragraphs_with_findings_on_the_words(server):
    status, _, body = post(server.port, "/check", [("draft", "A_RES_75_59.docx", EXAMPLE.read_bytes())])
    assert status == 200
    draft = json.loads(body)["drafts"][0]
    assert draft["name"] == "A_RES_75_59.docx" and draft["kind"] == "ga-resolution" and draft["error"] is None
    labels = [b["label"] for b in draft["blocks"]]
    assert labels[labels.index("opening") + 1:][:2] == ["PP1", "PP2"] and "OP31" in labels
    pp2 = draft["blocks"][labels.index("PP2")]
    marked = [(p["text"], [draft["findings"][k]["rule"] for k in p["findings"]]) for p in pp2["pieces"] if p.get("findings")]
    assert marked == [(".", ["punctuation.pp-end"])]
    assert {"note": "1"} in pp2["pieces"]  # the footnote mark where it stands
    assert any(p.get("italic") and p["text"] == "Expressing grave concern" for p in pp2["pieces"])
    note3 = next(n for n in draft["footnotes"] if n["label"] == "footnote 3")
    assert [p["text"] for p in note3["pieces"] if p.get("findings")] == ['"Protect, Respect and Remedy"']
    assert _server_files(server) == []


def test_sub_paragraphs_keep_their_labels_and_depth(server):
    text = (ROOT / "tests" / "drafts" / "ga_third_human_rights-flawed.md").read_bytes()
    status, _, body = post(server.port, "/check", [("draft", "third.md", text)])
    blocks = {b["label"]: b for b in json.loads(body)["drafts"][0]["blocks"]}
    assert (blocks["OP4(aa)"]["kind"], blocks["OP4(aa)"]["depth"]) == ("sub", 1)
    assert (blocks["OP6(a)(ii)"]["kind"], blocks["OP6(a)(ii)"]["depth"]) == ("sub", 2)
    assert blocks["OP6(a)(iv)"]["findings"]  # the skipped (iii) is reported on (iv)


def test_every_download_is_what_the_command_line_makes(server, tmp_path):
    from draftlint import output
    from draftlint.lint.engine import Options, check_file

    draft, previous = EXAMPLE.read_bytes(), PREVIOUS.read_bytes()
    both = [("draft", "A_RES_75_59.docx", draft), ("previous", "A_RES_77_64.docx", previous)]
    got = {}
    for what in ("annotated", "fixed", "json", "sarif", "redline"):
        status, headers, body = post(server.port, f"/download/{what}", both)
        assert status == 200, body
        got[what] = (headers["content-disposition"], body)
    assert 'filename="A_RES_75_59-fixed.docx"' in got["fixed"][0]
    report = json.loads(got["json"][1])
    assert report["files"][0]["path"] == "A_RES_75_59.docx"
    cli = json.loads(output.render("json", [check_file(str(EXAMPLE), Options(previous=str(PREVIOUS)))]))
    assert report["files"][0]["diagnostics"] == cli["files"][0]["diagnostics"]  # as check --format json prints it
    sarif = json.loads(got["sarif"][1])
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "A_RES_75_59.docx"
    status, headers, body = post(server.port, "/download/scaffold", [("previous", "A_RES_75_59.docx", draft)])
    assert status == 200 and "seventy-sixth session" in headers["content-disposition"]
    got["scaffold"] = (headers["content-disposition"], body)
    checked = {}
    for what in ("annotated", "fixed", "redline", "scaffold"):
        (tmp_path / f"{what}.docx").write_bytes(got[what][1])
        result = check_file(str(tmp_path / f"{what}.docx"))
        assert result.error is None
        checked[what] = {(f.label, f.rule) for f in result.findings}
    assert ("PP2", "punctuation.pp-end") in checked["annotated"] and ("PP2", "punctuation.pp-end") not in checked["fixed"]
    assert b"word/comments.xml" in got["annotated"][1] and b"word/comments.xml" not in draft
    assert checked["scaffold"] == {("heading", "placeholders.open")}  # only the sponsors and the symbol to fill in
    assert _server_files(server) == []


def test_a_missions_page_checks_with_its_own_configuration(tmp_path):
    """serve --config: every draft is checked with the mission's house pack, whose rules the SARIF report
    documents; a configuration that cannot be read stops the server at once, in one line."""
    mission = tmp_path / "mission"
    mission.mkdir()
    shutil.copyfile(ROOT / "examples" / "house.yaml", mission / "house.yaml")
    (mission / "config.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    draft = b"*The General Assembly,*\n\n1. *Decides* hereby to act.\n"
    s = webserver.start(tmp_path / "server", "--config", str(mission / "config.yaml"))
    try:
        status, _, body = post(s.port, "/download/sarif", [("draft", "draft.md", draft)])
    finally:
        assert s.stop() == 0
    run = json.loads(body)["runs"][0]
    assert status == 200 and [r["ruleId"] for r in run["results"]] == ["house.no-hereby"]
    assert run["tool"]["driver"]["rules"][0]["properties"]["pack"] == "house"
    (mission / "broken.yaml").write_text("packs: [missing.yaml]\n", encoding="utf-8")
    r = _cli("serve", "--no-browser", "--port", "0", "--config", mission / "broken.yaml")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "missing.yaml" in r.stderr and r.stdout == ""


def test_a_configuration_above_the_servers_folder_changes_nothing(tmp_path):
    """Without --config the page checks with none: a .draftlint.yaml in a folder above its temporary folder
    (such as /tmp, which anyone on the machine may write) is not read, for the check nor for the SARIF report."""
    folder = tmp_path / "server"
    folder.mkdir()
    for where in (tmp_path, folder, folder / "tmpdir"):
        where.mkdir(exist_ok=True)
        (where / ".draftlint.yaml").write_text("ignore: [punctuation]\n", encoding="utf-8")
    s = webserver.start(folder)
    try:
        draft = [("draft", "A_RES_75_59.docx", EXAMPLE.read_bytes())]
        found = json.loads(post(s.port, "/check", draft)[2])
        sarif = json.loads(post(s.port, "/download/sarif", draft)[2])
    finally:
        assert s.stop() == 0
    assert "punctuation.pp-end" in {f["rule"] for f in found["drafts"][0]["findings"]}
    assert "punctuation.pp-end" in {r["ruleId"] for r in sarif["runs"][0]["results"]}


def test_a_long_name_in_any_script_is_shortened_not_refused(server):
    name = "\u6587" * 119 + ".md"  # 119 characters, 361 bytes in UTF-8: more than a Linux file name holds
    status, _, body = post(server.port, "/check", [("draft", name, (ROOT / "examples" / "A_RES_75_59.md").read_bytes())])
    assert status == 200, body
    shown = json.loads(body)["drafts"][0]["name"]
    assert shown.endswith(".md") and len(shown.encode("utf-8")) <= 200 and shown.startswith("\u6587" * 10)


def test_another_loopback_address_answers_by_its_own_name(tmp_path):
    s = webserver.start(tmp_path, "--host", "127.0.0.2")
    try:
        conn = http.client.HTTPConnection("127.0.0.2", s.port, timeout=30)
        conn.request("GET", "/")
        status = conn.getresponse().status
        conn.close()
    finally:
        assert s.stop() == 0
    assert status == 200


def test_what_cannot_be_done_is_one_line(server):
    md = (ROOT / "examples" / "A_RES_75_59.md").read_bytes()
    status, _, body = post(server.port, "/download/fixed", [("draft", "A_RES_75_59.md", md)])
    assert status == 400 and body.decode().count("\n") == 1
    assert body.decode().startswith("A_RES_75_59.md: error: the fixed copy is made from a Word draft")
    status, _, body = post(server.port, "/download/redline", [("draft", "A_RES_75_59.docx", EXAMPLE.read_bytes())])
    assert status == 400 and "last session's resolution" in body.decode()
    status, _, body = post(server.port, "/download/scaffold", [("previous", "notes.txt", b"shopping list")])
    assert status == 400 and body.decode().startswith("notes.txt: error: ")
    assert post(server.port, "/check", [])[0] == 400


def test_hostile_files_get_the_command_lines_line(server, tmp_path):
    from badinputs import make_corpus

    cases = [c for c in make_corpus(tmp_path / "bad") if c.expect == "error" and c.path.is_file()
             and not c.path.is_symlink() and c.path.stat().st_size <= 5 * 2**20 and os.access(c.path, os.R_OK)
             and c.root_can_read is False and not c.skip_reason]
    assert len(cases) >= 20
    names = [c.path.name for c in cases]
    cli = _cli("check", *names, cwd=tmp_path / "bad")
    expected = {line.split(": error: ")[0]: line for line in cli.stdout.splitlines() if ": error: " in line}
    shown = {}
    for k in range(0, len(cases), 10):
        batch = cases[k:k + 10]
        status, _, body = post(server.port, "/check", [("draft", c.path.name, c.path.read_bytes()) for c in batch])
        assert status == 200, body
        shown.update({d["name"]: d["error"] for d in json.loads(body)["drafts"]})
    for name in names:
        if name in expected:  # a case the command line reads cleanly is no error on the page either
            assert shown[name] == expected[name]
        else:
            assert shown[name] is None, shown[name]
    assert len(expected) >= 20
    assert _server_files(server) == []


def test_limits_on_count_size_and_names(server):
    md = (ROOT / "examples" / "A_RES_75_59.md").read_bytes()
    for n in (11, 12):  # eleven drafts fit the form (ten and the previous resolution), twelve do not
        status, _, body = post(server.port, "/check", [("draft", f"d{k}.md", md) for k in range(n)])
        assert status == 413 and body.decode().count("\n") == 1 and "the page takes at most 10" in body.decode()
    status, _, body = post(server.port, "/check", [("draft", "huge.docx", b"PK" + b"\0" * (5 * 2**20))])
    assert status == 413 and body.decode().startswith("huge.docx: error: the file is larger than 5 MB")
    # A name that climbs out of the folder is only a name: the draft is checked where the server puts it.
    status, _, body = post(server.port, "/check", [("draft", "../../../../etc/x.md", md),
                                                   ("draft", "..\\..\\y.md", md)])
    assert status == 200
    assert [d["name"] for d in json.loads(body)["drafts"]] == ["x.md", "y.md"]
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("POST", "/check")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    conn.send(b"0\r\n\r\n")
    assert conn.getresponse().status == 411
    conn.close()
    # A request larger than ten drafts and a previous resolution is refused before it is read.
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("POST", "/check")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(60 * 2**20))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413 and b"larger than 55 MB" in response.read()
    conn.close()
    assert _server_files(server) == []


def test_a_request_leaves_nothing_in_the_engines_caches():
    from draftlint.lint import config, engine
    from draftlint.web import jobs

    md = (ROOT / "examples" / "A_RES_75_59.md").read_bytes()
    found = jobs.check([jobs.Upload("draft.md", md)], jobs.Upload("A_RES_77_64.docx", PREVIOUS.read_bytes()))
    assert found["previous"] == "A_RES_77_64.docx"
    assert any(f["rule"].startswith("recall-chain") for f in found["drafts"][0]["findings"])
    assert not [k for k in engine._PREVIOUS if "draftlint-web-" in k]
    assert not [k for k in config._FOUND if "draftlint-web-" in k]


# --- the command ----------------------------------------------------------------------------------------

def test_check_never_loads_the_web_framework():
    code = ("import sys\nfrom draftlint.cli import main\ntry:\n    main(['check', '--exit-zero', sys.argv[1]])\n"
            "except SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.startswith(('starlette', "
            "'uvicorn', 'multipart', 'python_multipart', 'draftlint.web'))))")
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_serve_without_the_web_extra_says_how_to_get_it():
    code = ("import sys\nsys.modules['uvicorn'] = None\nsys.modules['starlette'] = None\n"
            "from draftlint.cli import main\nmain(['serve', '--no-browser'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1
    assert out.stderr.startswith("draftlint serve: error: the web page needs the web extra")
    assert "pip install '.[web]'" in out.stderr


def test_serve_on_a_port_in_use_is_one_line(server):
    out = _cli("serve", "--port", server.port, "--no-browser")
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert out.stderr.startswith(f"draftlint serve: error: cannot serve the page at 127.0.0.1:{server.port} (")


def test_serve_opens_the_default_browser_and_warns_beyond_this_computer(tmp_path):
    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(f"import sys\nopen({str(opened)!r}, 'w').write(sys.argv[1])\n", encoding="utf-8")
    s = webserver.start(tmp_path / "srv", "--host", "0.0.0.0", browser=f"{sys.executable} {script} %s")
    try:
        for _ in range(100):
            if opened.exists() and opened.read_text():
                break
            time.sleep(0.05)
        assert opened.read_text() == s.url
        # Beyond loopback the page answers whatever name the network gives this computer.
        assert get(s.port, "/", headers={"Host": "drafting-pc.mission.example"})[0] == 200
    finally:
        code = s.stop()
    assert code == 0
    assert "warning: the page is open to every computer that can reach this one" in s.proc.stderr.read()


# --- a bounded load test --------------------------------------------------------------------------------

def _variants(folder: Path) -> list[tuple[str, bytes]]:
    """Twenty different drafts: the 75/59 example with operative paragraph k+1 ending in a full stop, as text
    or as Word, so that each has a finding of its own at OP{k+1}."""
    from draftlint.formats.docx.build import build_docx

    text = (ROOT / "examples" / "A_RES_75_59.md").read_text(encoding="utf-8")
    out = []
    for k in range(20):
        lines = text.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{k + 1}. "))
        end = next(i for i in range(at, len(lines)) if not lines[i].strip()) - 1
        cut = lines[end].rindex(";")  # before a footnote mark, if any
        lines[end] = lines[end][:cut] + "." + lines[end][cut + 1:]
        variant = "\n".join(lines)
        if k % 2:
            path = folder / f"variant-{k}.docx"
            build_docx(variant, str(path))
            out.append((path.name, path.read_bytes()))
        else:
            out.append((f"variant-{k}.md", variant.encode("utf-8")))
            (folder / f"variant-{k}.md").write_text(variant, encoding="utf-8")
    return out


def test_twenty_drafters_at_once_each_get_their_own_draft(server, tmp_path):
    from draftlint.lint.engine import check_file

    drafts = _variants(tmp_path)
    expected = {name: [(f.label, f.rule, f.message) for f in check_file(str(tmp_path / name)).findings]
                for name, _ in drafts}
    assert len({tuple(v) for v in expected.values()}) == 20  # twenty different answers to tell apart

    def round_of_uploads() -> dict:
        answers, barrier = {}, threading.Barrier(len(drafts))

        def one(name, data):
            barrier.wait()
            answers[name] = post(server.port, "/check", [("draft", name, data)], timeout=120)

        threads = [threading.Thread(target=one, args=d) for d in drafts]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return answers

    round_of_uploads()  # the first requests load the engine and the rules: the level memory comes back to
    time.sleep(0.3)
    before = server.rss_kb()
    started = time.perf_counter()
    answers = round_of_uploads()
    seconds = time.perf_counter() - started
    for name, (status, _, body) in answers.items():
        assert status == 200, body
        (draft,) = json.loads(body)["drafts"]
        assert draft["name"] == name and draft["error"] is None
        got = [(f["label"], f["rule"], f["message"]) for f in draft["findings"]]
        assert got == expected[name]
    round_of_uploads()
    time.sleep(0.3)
    after = server.rss_kb()
    print(f"20 concurrent uploads in {seconds:.2f} s; server memory {before / 1024:.0f} MB before, "
          f"{after / 1024:.0f} MB after two more rounds")
    assert after - before < 25 * 1024, f"the server grew from {before} kB to {after} kB"
    assert _server_files(server) == []


# --- the page in a browser --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser_page(server, tmp_path_factory):
    if webserver.chromium() is None:
        pytest.skip("no Chromium on this computer (Debian: apt-get install chromium); .ci/run installs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install '.[test]')")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = webserver.browser_context(p, str(profile), viewport={"width": 1280, "height": 900})
        page = context.new_page()
        far, problems = [], []
        page.on("request", lambda r: far.append(r.url) if not r.url.startswith((server.url, "blob:", "data:")) else None)
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(server.url)
        yield page
        assert far == [], f"the page fetched from elsewhere: {far}"
        assert problems == [], problems
        context.close()


def test_the_page_marks_the_pp2_full_stop_and_gives_a_fixed_copy_fix_has_nothing_left_in(browser_page, tmp_path):
    page = browser_page
    page.get_by_label("Drafts to check").set_input_files(str(EXAMPLE))
    section = page.locator("section.draft").first
    section.wait_for()
    assert "Checked 1 draft: 23 errors, 5 warnings." in page.get_by_role("status").inner_text()
    pp2 = section.locator(".block", has=page.locator(".label", has_text="PP2")).first
    mark = pp2.locator("mark.on")
    assert mark.count() == 1 and mark.inner_text() == "."
    assert "ends with a full stop; a preambular paragraph ends with a comma [punctuation.pp-end]" in mark.get_attribute("title")
    assert "punctuation.pp-end" in pp2.locator(".notes").inner_text()
    assert "sev-error" in mark.get_attribute("class")
    with page.expect_download() as info:
        section.get_by_role("button", name="Fixed copy, the fixes as tracked changes (.docx)").click()
    assert info.value.suggested_filename == "A_RES_75_59-fixed.docx"
    fixed = tmp_path / info.value.suggested_filename
    info.value.save_as(fixed)
    report = json.loads(_cli("check", "--format", "json", "--exit-zero", fixed).stdout)["files"][0]
    assert report["error"] is None
    assert [d for d in report["diagnostics"] if d["fixable"]] == []
    assert len(report["diagnostics"]) == 2  # the straight quotes in footnotes 3 and 14, which fix leaves alone


def test_the_page_works_from_the_keyboard_with_named_controls(browser_page):
    page = browser_page
    section = page.locator("section.draft").first
    if not section.count():
        page.get_by_label("Drafts to check").set_input_files(str(EXAMPLE))
    section.wait_for()
    # Every control has a name a screen reader reads out.
    italics = section.get_by_role("checkbox", name="italics (22)")
    punctuation = section.get_by_role("checkbox", name="punctuation (6)")
    assert italics.is_checked() and punctuation.is_checked()
    assert section.get_by_role("checkbox", name="errors (23)").count() == 1
    assert page.get_by_role("button", name="Check the drafts").count() == 1
    assert page.get_by_label("Last session's resolution").count() == 1
    # The filter, from the keyboard: Space on the italics box leaves the six punctuation findings.
    italics.focus()
    page.keyboard.press("Space")
    assert not italics.is_checked()
    assert section.locator(".shown").inner_text() == "6 of 28 findings shown"
    visible = section.locator(".findings-list li:visible")
    assert visible.count() == 6
    assert section.locator("mark.on").count() == 6
    # Tab from the filter's last box reaches the first finding shown; Enter on it puts the focus on its words.
    section.get_by_role("checkbox", name="warnings (5)").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith(
        "PP2, error: ends with a full stop")
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.tagName + ' ' + document.activeElement.textContent")
    assert focused == "MARK ."
    # What a screen reader reads there: the finding's caption under the paragraph.
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby').split(' ')"
                              ".map(id => document.getElementById(id).textContent).join(' / ')")
    assert described == "error: ends with a full stop; a preambular paragraph ends with a comma [punctuation.pp-end]"
    # The focus is visible: the outline the page gives every focused control.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    italics.focus()
    page.keyboard.press("Space")
    assert section.locator(".shown").inner_text() == "28 of 28 findings shown"


def test_a_dropped_draft_with_last_sessions_resolution_offers_the_redline(browser_page, tmp_path):
    page = browser_page
    page.get_by_role("button", name="Start again").click()
    assert page.locator("section.draft").count() == 0
    page.get_by_label("Last session's resolution").set_input_files(str(PREVIOUS))
    # Drop the draft on its box, as a drafter drags it from a folder.
    page.evaluate("""data => {
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], "dropped.docx"));
        document.getElementById("drop-drafts").dispatchEvent(
            new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", base64.b64encode(EXAMPLE.read_bytes()).decode("ascii"))
    section = page.locator("section.draft").first
    section.wait_for()
    assert section.locator("h2").inner_text() == "dropped.docx"
    with page.expect_download() as info:
        section.get_by_role("button", name="Redline against last session's resolution (.docx)").click()
    assert info.value.suggested_filename == "dropped-redline.docx"
    info.value.save_as(tmp_path / "redline.docx")
    with zipfile.ZipFile(tmp_path / "redline.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body and 'w:author="draftlint"' in body
    assert page.get_by_role("button", name="Download next session's draft (.docx)").is_visible()
