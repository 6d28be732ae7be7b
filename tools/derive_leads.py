"""Write draftlint/model/leadforms.py: the lead phrases as the UN italicized them in the calibration corpus.

    python tools/derive_leads.py [SPEC_FOLDER]     # default: ../shared/corpus/spec

The corpus's spec/ holds, for every preambular and operative paragraph, the lead exactly as the UN typeset it
in italics. From those leads this writes what the italics check and the lead finder accept:
- FORMS: every lead, lower case, its words joined by one space, with and without the adverbs before its head
  ("also takes note" and "takes note"), so that "Further takes note" is known from "Also takes note";
- BIGRAMS: pairs of words that follow each other inside a lead ("its call", "call for"), and WORDS, the words
  found after the head: a lead longer than any seen (“*Reaffirms its unwavering support*”) is accepted when it
  goes on from a known form through a known pair, or ends on a word that ends leads (ENDINGS: "concern",
  "commitment"), and has only such words;
- HEADS: the first word after the adverbs, by part (preamble, operative).
tests/test_leadforms.py fails when the committed file is not what this script writes from the corpus."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from draftlint.model.leads import head_index  # noqa: E402
from draftlint.model.patterns import WORD  # noqa: E402

SPEC = ROOT.parent / "shared" / "corpus" / "spec"
TARGET = ROOT / "draftlint" / "model" / "leadforms.py"
LONGEST_SEEN = 16  # words read from the head on; longer than any lead


def words(lead: str) -> list[str]:
    return [w.lower() for w in WORD.findall(lead)]


def without_adverbs(toks: list[str]) -> list[str]:
    """The lead from its head on, as the lead finder reads it (draftlint.model.leads.head_index)."""
    return toks[head_index(toks):]


def derive(spec_files) -> dict:
    forms: dict[str, int] = {}
    offered: dict[str, int] = {}  # paragraphs whose words begin with the form, whatever was in italics
    bigrams, vocab, endings = set(), set(), set()
    heads: dict[str, set] = {"preamble": set(), "operative": set()}
    texts = 0
    phrases: list[list[str]] = []
    for path in spec_files:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        texts += 1
        for part in ("preamble", "operative"):
            for para in doc.get(part, []):
                if not para.get("lead_italic") or para.get("text", "")[:1].isalpha():
                    continue  # no italics, or italics that cut a word in two ("*Encourage*s"): a flaw
                toks = words(para["lead"])
                if not toks:
                    continue
                core = without_adverbs(toks)
                for form in {" ".join(toks), " ".join(core)}:
                    forms[form] = forms.get(form, 0) + 1
                full = without_adverbs(words(para["lead"] + para.get("text", ""))[:LONGEST_SEEN])
                phrases.append(full)
                heads[part].add(core[0])
                bigrams.update(f"{a} {b}" for a, b in zip(core, core[1:]))
                vocab.update(core[1:])
                endings.add(core[-1])
    for full in phrases:
        for k in range(1, len(full) + 1):
            phrase = " ".join(full[:k])
            if phrase in forms:
                offered[phrase] = offered.get(phrase, 0) + 1
    # A form is usual where the UN put it in italics at least half the times the words allowed it: "takes note"
    # is, "takes note of" (once in 180 paragraphs beginning so) is not.
    usual = {f for f, n in forms.items() if n * 2 >= offered.get(f, n)}
    return {"texts": texts, "forms": forms, "usual": usual, "bigrams": bigrams, "words": vocab, "endings": endings,
            "heads": heads}


def _set(name: str, values) -> str:
    body = "".join(f"    {v!r},\n" for v in sorted(values))
    return f"{name} = frozenset({{\n{body}}})\n"


def _counts(name: str, values: dict) -> str:
    body = "".join(f"    {k!r}: {v},\n" for k, v in sorted(values.items()))
    return f"{name} = {{\n{body}}}\n"


def render(data: dict) -> str:
    return (
        f'"""Lead phrases as the UN italicized them in {data["texts"]} resolutions of the General Assembly\'s '
        f'78th session.\n\nWritten by tools/derive_leads.py from the corpus\'s spec/: do not edit by hand."""\n\n'
        + "# Each lead with the number of paragraphs that had it.\n" + _counts("FORMS", data["forms"]) + "\n"
        + "# The forms printed in italics at least half the times a paragraph began with their words.\n"
        + _set("USUAL", data["usual"]) + "\n"
        + _set("BIGRAMS", data["bigrams"]) + "\n"
        + _set("WORDS", data["words"]) + "\n"
        + "# The last words of leads: a lead longer than any seen ends on one of them.\n"
        + _set("ENDINGS", data["endings"]) + "\n"
        + _set("PREAMBLE_HEADS", data["heads"]["preamble"]) + "\n"
        + _set("OPERATIVE_HEADS", data["heads"]["operative"])
        + f"\nLONGEST = {max(len(f.split()) for f in data['forms'])}\n"
    )


def main(argv: list[str]) -> None:
    spec = Path(argv[0]) if argv else SPEC
    files = sorted(spec.glob("*.json"))
    if not files:
        sys.exit(f"{spec}: no spec files found")
    text = render(derive(files))
    tmp = TARGET.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(TARGET)
    print(f"wrote {TARGET} from {len(files)} texts")


if __name__ == "__main__":
    main(sys.argv[1:])
