"""The floor: the least any .docx draft reader must do.

    python bench/floor.py FILE.docx [FILE2.docx ...]

Open the package with zipfile, parse word/document.xml and word/footnotes.xml with lxml, and walk every
w:r run: its text (w:t) and whether it is in direct italics (w:rPr/w:i). No styles, no numbering, no
model, no checks. draftlint's cost is measured against this (bench/run.py).
"""
from __future__ import annotations

import sys
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R, T, RPR, I = W + "r", W + "t", W + "rPr", W + "i"
PARTS = ("word/document.xml", "word/footnotes.xml")


def floor_read(path: str) -> tuple[int, int, int]:
    """(runs, characters, italic runs) of the body and footnotes of one .docx."""
    runs = chars = italic = 0
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for part in PARTS:
            if part not in names:
                continue
            root = etree.fromstring(z.read(part))
            for r in root.iter(R):
                runs += 1
                chars += sum(len(t.text or "") for t in r.iter(T))
                rpr = r.find(RPR)
                if rpr is not None and rpr.find(I) is not None:
                    italic += 1
    return runs, chars, italic


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python bench/floor.py FILE.docx [FILE2.docx ...]", file=sys.stderr)
        return 2
    for path in argv:
        runs, chars, italic = floor_read(path)
        print(f"{path}: {runs} runs, {chars} characters, {italic} in italics")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
