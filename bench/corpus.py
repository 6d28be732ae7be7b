"""Generates the benchmark corpus from the example drafts (examples/*.md).

    python bench/corpus.py [--n 1000] [--out bench/out/corpus] [--seed 0] [--force]

Writes
  OUT/drafts/draft-NNNN.docx   N drafts: each one of the examples with some operative paragraphs dropped or
                               repeated (1/3 to 3 times as many), renumbered 1., 2., 3. ..., the last one
                               (ending with a full stop) kept last; numbering automatic or typed, italics
                               direct or through a character style, footnotes as real Word footnotes.
  OUT/linear/p40.docx          A/RES/77/64 shrunk to 40 body paragraphs   } half preambular, half operative
  OUT/linear/p2000.docx        A/RES/77/64 grown to 2,000 body paragraphs } (994 OPs: numbers stay < 1000)
  OUT/manifest.json            what was generated (drafts are generated per index, deterministically, so
                               a corpus of 200 is the first 200 drafts of a corpus of 1,000).

Copies of a paragraph lose their footnote marks, and a footnote whose mark is dropped is dropped too, so
every draft stays a valid draft (marks and footnotes match). An existing corpus is reused when the
manifest says it is the same generator, seed and example texts.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from draftlint.formats.docx.build import build_docx  # noqa: E402

GENERATOR = 2
EXAMPLES = ROOT / "examples"
DEFAULT_OUT = HERE / "out" / "corpus"
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE = re.compile(rf"^([{SUP}]+)\s")
MARK = re.compile(rf"[{SUP}]+")
OP_NUMBER = re.compile(r"^(\d{1,3})\.\s+")
SUB = re.compile(r"^\(([a-z]{1,4})\)\s+")
OPENING = re.compile(r"^\*?The [A-Z][\w ]+,\*?$")
LINEAR_SIZES = (40, 2000)


class Example:
    """An example draft cut into heading (up to and with the opening line), PPs, OPs, closing, footnotes."""

    def __init__(self, path: Path):
        self.name = path.stem
        self.text = path.read_text(encoding="utf-8")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", self.text.strip()) if b.strip()]
        self.footnotes = [b for b in blocks if FOOTNOTE.match(b)]
        body = [b for b in blocks if not FOOTNOTE.match(b)]
        first_op = next(i for i, b in enumerate(body) if OP_NUMBER.match(b))
        opening = max((i for i, b in enumerate(body[:first_op]) if OPENING.match(b)), default=-1)
        self.heading = body[:opening + 1]
        self.pps = body[opening + 1:first_op]
        self.ops: list[list[str]] = []  # each operative paragraph with its sub-paragraphs
        self.closing: list[str] = []
        for b in body[first_op:]:
            if OP_NUMBER.match(b):
                self.ops.append([b])
            elif SUB.match(b) and not self.closing:
                self.ops[-1].append(b)
            else:
                self.closing.append(b)

    @property
    def fixed(self) -> int:
        return len(self.heading) + len(self.closing)

    def draft(self, n_pp: int, n_op: int) -> str:
        """The example with n_pp preambular and n_op operative paragraphs (first ones kept, then repeated)."""
        pps = [p if k < len(self.pps) else MARK.sub("", p) for k, p in
               ((k, self.pps[k % len(self.pps)]) for k in range(n_pp))]
        middle, last = self.ops[:-1], self.ops[-1]
        ops = []
        for k in range(n_op - 1):
            unit = middle[k % len(middle)]
            ops.append(unit if k < len(middle) else [MARK.sub("", b) for b in unit])
        ops.append(last)
        numbered = []
        for number, unit in enumerate(ops, 1):
            numbered.append(OP_NUMBER.sub(f"{number}. ", unit[0], count=1))
            numbered.extend(unit[1:])
        body = self.heading + pps + numbered + self.closing
        used = {m for b in body for m in MARK.findall(b)}
        notes = [f for f in self.footnotes if FOOTNOTE.match(f).group(1) in used]
        return "\n\n".join(body + notes) + "\n"


def examples() -> list[Example]:
    return [Example(p) for p in sorted(EXAMPLES.glob("*.md"))]


def fingerprint() -> str:
    h = hashlib.sha256(f"generator {GENERATOR}".encode())
    for p in sorted(EXAMPLES.glob("*.md")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:16]


def draft_spec(exs: list[Example], index: int, seed: int) -> tuple[Example, int, dict]:
    rng = random.Random(seed * 1_000_003 + index)
    ex = exs[rng.randrange(len(exs))]
    n = len(ex.ops)
    n_op = rng.randint(max(2, n // 3), n * 3)
    options = dict(numbering=rng.choice(("auto", "typed")), footnotes="word",
                   italics=rng.choice(("direct", "style")))
    return ex, n_op, options


def linear_draft(ex: Example, paragraphs: int) -> str:
    content = paragraphs - ex.fixed
    n_pp = content // 2  # half preambular, half operative: 2,000 paragraphs keep the OPs under 1,000
    return ex.draft(n_pp, content - n_pp)  # generate() checks the paragraph count of the .docx


def count_paragraphs(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml")
    return xml.count(b"<w:p>") + xml.count(b"<w:p ")


def generate(n: int = 1000, out: Path = DEFAULT_OUT, seed: int = 0, force: bool = False, quiet: bool = False) -> dict:
    """Make sure OUT holds at least n drafts and the linearity pair; returns the manifest."""
    out = Path(out)
    manifest_path = out / "manifest.json"
    fp = fingerprint()
    manifest = {}
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("fingerprint") != fp or manifest.get("seed") != seed:
            manifest = {}
    have = manifest.get("drafts", 0)
    drafts_dir, linear_dir = out / "drafts", out / "linear"
    drafts_dir.mkdir(parents=True, exist_ok=True)
    linear_dir.mkdir(parents=True, exist_ok=True)
    exs = examples()
    start = time.perf_counter()
    made = 0
    for i in range(n):
        path = drafts_dir / f"draft-{i:04d}.docx"
        if i < have and path.exists():
            continue
        ex, n_op, options = draft_spec(exs, i, seed)
        build_docx(ex.draft(len(ex.pps), n_op), str(path), **options)
        made += 1
    base = next(e for e in exs if e.name == "A_RES_77_64")
    linear = {}
    for size in LINEAR_SIZES:
        path = linear_dir / f"p{size}.docx"
        if not (manifest.get("linear") and path.exists()):
            build_docx(linear_draft(base, size), str(path), numbering="auto", footnotes="word", italics="direct")
            made += 1
        linear[str(size)] = str(path)
        got = count_paragraphs(path)
        if got != size:
            raise SystemExit(f"corpus: {path} has {got} body paragraphs, expected {size}")
    manifest = {"generator": GENERATOR, "fingerprint": fp, "seed": seed, "drafts": max(n, have),
                "drafts_dir": str(drafts_dir), "linear": linear}
    manifest_path.write_text(json.dumps(manifest, indent=1))
    if made and not quiet:
        print(f"corpus: wrote {made} files into {out} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return manifest


def draft_paths(manifest: dict, n: int) -> list[str]:
    d = Path(manifest["drafts_dir"])
    return [str(d / f"draft-{i:04d}.docx") for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of drafts (default 1000)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder (default bench/out/corpus)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--force", action="store_true", help="regenerate even if the manifest matches")
    args = ap.parse_args()
    m = generate(args.n, args.out, args.seed, args.force)
    print(json.dumps(m, indent=1))


if __name__ == "__main__":
    main()
