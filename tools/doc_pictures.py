"""Make the README's pictures of Word files as LibreOffice prints them: the first page of `new` (ga-draft and
sc), of a scaffold of 77/64, of the 2365 example annotated, of the 77/64 redline against 75/59, and the pages
of the redline and of a fix that show what changed.

    .venv/bin/python tools/doc_pictures.py

Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext). Each file is made with the draftlint of this
checkout, converted to PDF by LibreOffice (a comment shows as a note mark on its words), and one page of it written to
docs/ at 60 dpi."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs"


def draftlint(*args, ok=(0,)) -> None:
    r = subprocess.run([sys.executable, "-m", "draftlint", *map(str, args)], cwd=ROOT, capture_output=True,
                       text=True)
    if r.returncode not in ok:
        sys.exit(f"draftlint {' '.join(map(str, args))} failed:\n{r.stdout}{r.stderr}")


# Comments printed as note marks on their words (LibreOffice 7.4 cannot print them in the margin).
WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def to_pdf(docx: Path, tmp: Path, target: str = "pdf") -> Path:
    # A profile of its own: a LibreOffice already running for someone else does not take the job.
    profile = (tmp / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                    "--outdir", str(tmp), str(docx)], check=True, capture_output=True, timeout=180)
    pdf = tmp / (docx.stem + ".pdf")
    if not pdf.exists():
        sys.exit(f"LibreOffice did not convert {docx.name}")
    return pdf


def page_with(pdf: Path, words: str) -> int:
    """The first page of `pdf` on which `words` stand (LibreOffice may break pages differently over time)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    for number, page in enumerate(text.split("\f"), 1):
        if words in " ".join(page.split()):
            return number
    sys.exit(f"{words!r} is on no page of {pdf.name}")


def picture(pdf: Path, page: int, name: str) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(DOCS / Path(name).stem)], check=True)
    print(f"wrote docs/{name} (page {page} of {pdf.stem})")


def main() -> None:
    for tool in ("soffice", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found: apt-get install libreoffice-writer poppler-utils")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for kind in ("ga-draft", "sc"):
            draftlint("new", "--kind", kind, "-o", tmp / f"new-{kind}.docx")
            picture(to_pdf(tmp / f"new-{kind}.docx", tmp), 1, f"new-{kind}.png")

        draftlint("scaffold", EXAMPLES / "A_RES_77_64.docx", "-o", tmp / "scaffold.docx",
                  "--sponsors", "Afghanistan, Australia, France, Germany and United States of America")
        picture(to_pdf(tmp / "scaffold.docx", tmp), 1, "scaffold.png")

        # check exits 1: the example has findings, which is the point of the picture.
        draftlint("check", EXAMPLES / "S_RES_2365_2017.docx", "--annotate", tmp / "annotate-2365.docx", ok=(0, 1))
        pdf = to_pdf(tmp / "annotate-2365.docx", tmp, WITH_NOTES)
        picture(pdf, page_with(pdf, "note of the ongoing elaboration"), "annotate-2365.png")

        draftlint("diff", EXAMPLES / "A_RES_75_59.docx", EXAMPLES / "A_RES_77_64.docx", "-o", tmp / "redline.docx")
        pdf = to_pdf(tmp / "redline.docx", tmp)
        picture(pdf, 1, "redline.png")
        # OP27 of 75/59, which 77/64 moved away: struck through where it stood, among new paragraphs.
        picture(pdf, page_with(pdf, "Further notes the completion of the first update"), "redline-operative.png")

        draftlint("fix", EXAMPLES / "A_RES_75_59.docx", "-o", tmp / "fix-75-59.docx", ok=(0, 1))
        pdf = to_pdf(tmp / "fix-75-59.docx", tmp)
        picture(pdf, page_with(pdf, "Recognizes that existing approaches in multilateral arms regulation"), "fix-75-59.png")


if __name__ == "__main__":
    main()
