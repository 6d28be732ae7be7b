"""Builds the .docx templates `draftlint new` copies and whose styles `draftlint scaffold` uses.

    python templates/make_templates.py
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
TEMPLATES = {
    "ga-draft": "[Ordinal] session\n\n[Committee]\n\nAgenda item [..]\n\n[Agenda item title]\n\n"
                "[Sponsors]: draft resolution\n\n[Title]\n\n" + BODY.format(organ="General Assembly", last=GA_LAST),
    "ga": "United Nations A/RES/[..]\n\n[Ordinal] session\n\nAgenda item [..]\n\nResolution adopted by the General "
          "Assembly on [date]\n\n[on the report of the [Committee] (A/[..])]\n\n[..]. [Title]\n\n"
          + BODY.format(organ="General Assembly", last=GA_LAST) + "\n[..] plenary meeting\n\n[date]\n",
    "sc": "United Nations S/RES/[..] ([year])\n\nResolution [..] ([year])\n\nAdopted by the Security Council at its "
          "[..] meeting, on [date]\n\n" + BODY.format(organ="Security Council", last=SC_LAST),
}


def main() -> None:
    for name, text in TEMPLATES.items():
        build_docx(text, str(HERE / f"{name}.docx"), numbering="auto", footnotes="word", italics="direct")
        print(f"wrote templates/{name}.docx")


if __name__ == "__main__":
    main()
