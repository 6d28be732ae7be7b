"""Take the README's pictures of the page: docs/web-findings.png (the 75/59 example checked, its findings on
the words) and docs/web-filter.png (the same with only the punctuation findings shown).

    .venv/bin/python tools/web_screenshots.py

Runs `draftlint serve` on a free loopback port and the system's Chromium (Debian's chromium package) through
Playwright, as tests/test_web.py does."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import webserver  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright

    if webserver.chromium() is None:
        sys.exit("no Chromium found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        server = webserver.start(Path(tmp) / "server")
        try:
            with sync_playwright() as p:
                context = webserver.browser_context(p, str(Path(tmp) / "profile"),
                                                    viewport={"width": 1280, "height": 1250}, device_scale_factor=1)
                page = context.new_page()
                page.goto(server.url)
                page.get_by_label("Drafts to check").set_input_files(str(ROOT / "examples" / "A_RES_75_59.docx"))
                section = page.locator("section.draft").first
                section.wait_for()
                # The page from its top: the drafts chosen, the summary, the findings beside the draft, the full
                # stop that ends PP2 marked, with the caption under the paragraph.
                page.evaluate("window.scrollTo(0, 0)")
                page.mouse.move(0, 0)
                page.screenshot(path=str(ROOT / "docs" / "web-findings.png"))
                # The filter in use: italics off leaves the six punctuation findings, in the list and in the draft.
                section.get_by_role("checkbox", name="italics (22)").click()
                page.set_viewport_size({"width": 1280, "height": 980})
                page.evaluate("y => window.scrollBy(0, y)", section.locator("fieldset").bounding_box()["y"] - 8)
                page.mouse.move(0, 0)
                page.screenshot(path=str(ROOT / "docs" / "web-filter.png"))
                context.close()
        finally:
            server.stop()
    print("wrote docs/web-findings.png and docs/web-filter.png")


if __name__ == "__main__":
    main()
