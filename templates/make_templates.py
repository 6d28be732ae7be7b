"""Builds the .docx templates `draftlint new` copies and whose styles `draftlint scaffold` uses.

    python templates/make_templates.py

Each heading follows the L-document (or adopted text) of its organ line by line, so that `check` reads the
kind of text from it; what the drafter fills in is in brackets, which `check` reports as placeholders.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from draftlint.formats.docx.build import build_docx  # noqa: E402

BODY = ("*The {organ},*\n\n*Recalling* [..],\n\n1. *Decides* [..];\n\n2. *Requests* [..];\n\n{last}\n")
GA_LAST = ("3. *Decides* to include in the provisional agenda of its [..] session the item entitled “[Title]”.")
SC_LAST = "3. *Decides* to remain seized of the matter."
HRC_LAST = "3. *Decides* to remain seized of the matter."
# The lines every L-document of the Assembly and its subsidiary bodies opens with (symbol, issuing body, distribution).
L_HEAD = "United Nations {symbol}\n\nGeneral Assembly\n\nDistr.: Limited\n\n[date]\n\nOriginal: English\n\n"
GA_SESSION = "Eighty-first session\n\n"
DRAFT_TAIL = "Agenda item [..]\n\n[Agenda item title]\n\n[Sponsors]: draft resolution\n\n[Title]\n\n"
TEMPLATES = {
    # A Main Committee draft (A/C.1/81/L.5 and the like): the committee line follows the session.
    "ga-draft": L_HEAD.format(symbol="A/C.[..]/81/L.[..]") + GA_SESSION + "[Committee]\n\n" + DRAFT_TAIL
                + BODY.format(organ="General Assembly", last=GA_LAST),
    # A draft put straight to the plenary (A/81/L.12): no committee line.
    "ga-plenary": L_HEAD.format(symbol="A/81/L.[..]") + GA_SESSION + DRAFT_TAIL
                  + BODY.format(organ="General Assembly", last=GA_LAST),
    # A Human Rights Council draft: issued as a General Assembly document, the Council and its session below.
    "hrc": L_HEAD.format(symbol="A/HRC/[..]/L.[..]") + "Human Rights Council\n\n[Ordinal] session\n\n[Dates]\n\n"
           + DRAFT_TAIL + BODY.format(organ="Human Rights Council", last=HRC_LAST),
    "ga": "United Nations A/RES/[..]\n\nGeneral Assembly\n\nDistr.: General\n\n[date]\n\n[Ordinal] session\n\n"
          "Agenda item [..]\n\nResolution adopted by the General Assembly on [date]\n\n"
          "[on the report of the [Committee] (A/[..])]\n\n[..]. [Title]\n\n"
          + BODY.format(organ="General Assembly", last=GA_LAST) + "\n[..] plenary meeting\n\n[date]\n",
    "sc": "United Nations S/RES/[..] ([year])\n\nSecurity Council\n\nDistr.: General\n\n[date]\n\n"
          "Resolution [..] ([year])\n\nAdopted by the Security Council at its [..] meeting, on [date]\n\n"
          + BODY.format(organ="Security Council", last=SC_LAST),
}


def main() -> None:
    for name, text in TEMPLATES.items():
        build_docx(text, str(HERE / f"{name}.docx"), numbering="auto", footnotes="word", italics="direct")
        print(f"wrote templates/{name}.docx")


if __name__ == "__main__":
    main()
