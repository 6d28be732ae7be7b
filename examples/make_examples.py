"""Builds the example drafts in this folder from the seed texts in ../shared/seeds/.

    python examples/make_examples.py        (needs ../shared beside the repository)

The seed texts are copies of public UN documents with the flaws of their PDF conversion (lost italics, lost
footnote marks, heading lines glued together). Each edit below repairs one such conversion flaw, so that
the examples carry the real documents' own flaws only:
- A_RES_77_64.docx: 77/64 as adopted; checks clean.
- A_RES_75_59.docx: 75/59 as adopted, with its real flaws: PP2 ends "at all times." and many operative lead
  verbs are in roman.
- S_RES_2365_2017.docx: Security Council 2365 (2017), OP14 "*Takes* note" half in italics.
- A_C1_79_L_draft.docx: a First Committee draft (L-document form) for the seventy-ninth session.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from draftlint.formats.docx.build import build_docx  # noqa: E402
from draftlint.formats.text.read import read_text  # noqa: E402
from draftlint.model.resolution import build  # noqa: E402
from draftlint.formats.text.write import to_text  # noqa: E402

SEEDS = HERE.parent.parent / "shared" / "seeds"


def seed_text(name: str) -> str:
    """The seed as a mini-draft, with every preambular lead phrase and the opening in italics (lost in the copy)."""
    res = build(read_text(str(SEEDS / name)))
    return to_text(res, italic_leads=True)


def restore_operative_italics(text: str, seed_name: str) -> str:
    """to_text(italic_leads=True) italicizes every lead; 75/59 keeps the roman lead verbs of the real document."""
    res = build(read_text(str(SEEDS / seed_name)))
    return to_text(res, italic_leads=False), res


def replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise SystemExit(f"make_examples: expected text not found: {old[:60]!r}")
    return text.replace(old, new, 1)


def example_77_64() -> str:
    t = seed_text("A_RES_77_64.txt")
    t = replace(t, "*46th plenary meeting 7 December 2022*", "*46th plenary meeting*\n\n*7 December 2022*")
    return "United Nations A/RES/77/64\n\nGeneral Assembly\n\nDistr.: General 13 December 2022\n\n" + t


def example_75_59() -> str:
    t = seed_text("A_RES_75_59.txt")
    plain = to_text(build(read_text(str(SEEDS / "A_RES_75_59.txt"))))
    # Operative lead phrases keep the italics the seed has (many are roman in the adopted text).
    ops_italic = {line.split(" ", 1)[0]: line for line in t.split("\n\n") if line[:1].isdigit()}
    for line in plain.split("\n\n"):
        if line[:1].isdigit() and line.split(" ", 1)[0] in ops_italic:
            t = t.replace(ops_italic[line.split(" ", 1)[0]], line, 1)
    t = replace(t, "Seventy-fifth session Agenda item 103 (ii) General and complete disarmament:",
                "Seventy-fifth session\n\nAgenda item 103 (ii)\n\nGeneral and complete disarmament:")
    # Footnote marks the PDF conversion lost (1, 3, 13 and 18).
    t = replace(t, "other unauthorized recipients, which has affected", "other unauthorized recipients,¹ which has affected")
    t = replace(t, "counter the threat of improvised explosive devices, including to prevent",
                "counter the threat of improvised explosive devices,³ including to prevent")
    t = replace(t, "submitted pursuant to resolution 73/67, 13 including", "submitted pursuant to resolution 73/67,¹³ including")
    t = replace(t, "efforts undertaken under relevant conventions", "efforts undertaken under relevant conventions¹⁸")
    t = replace(t, "37th plenary meeting 7 December 2020", "37th plenary meeting\n\n7 December 2020")
    return t


def example_2365() -> str:
    t = seed_text("S_RES_2365_2017.txt")
    plain = to_text(build(read_text(str(SEEDS / "S_RES_2365_2017.txt"))))
    # OP14 keeps its real flaw: only "Takes" in italics.
    t = replace(t, "14. *Takes note* of", "14. *Takes* note of")
    assert "14. *Takes* note of" in plain
    return "United Nations S/RES/2365 (2017)\n\n" + t


def example_first_committee_draft() -> str:
    t = example_77_64()
    closing = t.index("*46th plenary meeting")
    body = t[t.index("*The General Assembly,*"):closing].rstrip()
    notes = t[t.index("7 December 2022", closing) + len("7 December 2022"):].strip(" *\n")
    heading = ("United Nations A/C.1/79/L.31\n\nGeneral Assembly\n\nDistr.: Limited 11 October 2024\n\nOriginal: English\n\n"
               "Seventy-ninth session\n\nFirst Committee\n\nAgenda item 99 (kk)\n\n"
               "General and complete disarmament: countering the threat posed by improvised explosive devices\n\n"
               "Afghanistan, Australia, France, Germany and United States of America: draft resolution\n\n"
               "Countering the threat posed by improvised explosive devices\n\n")
    body = replace(body, "73/67 of 5 December 2018 and 75/59 of 7 December 2020, and its decision 76/516",
                   "73/67 of 5 December 2018, 75/59 of 7 December 2020 and 77/64 of 7 December 2022, and its decision 76/516")
    body = replace(body, "submitted pursuant to resolution 73/67", "submitted pursuant to resolution 77/64")
    body = replace(body, "at its seventy-ninth session on the implementation", "at its eighty-first session on the implementation")
    body = replace(body, "provisional agenda of its seventy-ninth session", "provisional agenda of its eighty-first session")
    notes = replace(notes, "A/75/175 and A/75/175/Corr.1.", "A/79/157.")
    return heading + body + "\n\n" + notes + "\n"


def main() -> None:
    out = {
        "A_RES_77_64": (example_77_64(), dict(numbering="auto", footnotes="word", italics="direct")),
        "A_RES_75_59": (example_75_59(), dict(numbering="typed", footnotes="word", italics="direct")),
        "S_RES_2365_2017": (example_2365(), dict(numbering="auto", footnotes="word", italics="direct")),
        "A_C1_79_L_draft": (example_first_committee_draft(), dict(numbering="auto", footnotes="word", italics="style")),
    }
    for name, (text, options) in out.items():
        (HERE / f"{name}.md").write_text(text, encoding="utf-8")
        build_docx(text, str(HERE / f"{name}.docx"), **options)
        print(f"wrote examples/{name}.docx and .md")


if __name__ == "__main__":
    main()
