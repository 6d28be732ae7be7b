"""The JSON report, a contract other tools rely on (README, "JSON output"), written file by file: the text is
exactly what json.dumps(indent=2) gives for the whole document, without holding it."""
from __future__ import annotations

import json

from draftlint.output import shown


def as_dict(r) -> dict:
    return {
        "path": shown(r.path),
        "kind": r.kind,
        "error": r.error,
        "diagnostics": [_diagnostic(f) for f in r.findings],
    }


def _diagnostic(f) -> dict:
    d = {"rule": f.rule, "category": f.category, "severity": f.severity, "message": f.message,
         "location": {"label": f.label, "paragraph": f.paragraph, "line": f.line}, "fixable": f.fixable}
    # Added keys only where known, so that readers of the first contract see the same objects.
    if f.start is not None:
        d["location"]["start"], d["location"]["end"] = f.start, f.end
    if f.unsafe:
        d["unsafe_fix"] = f.fix  # what `fix --unsafe` puts in place of start:end
    elif f.fix is not None:
        d["fix"] = f.fix
    elif f.italic is not None:
        d["fix"] = {"italic": f.italic}
    elif f.mark is not None:
        d["fix"] = {"footnote_mark": f.mark}
    return d


def nested(doc, depth: int) -> str:
    """`doc` as json.dumps(indent=2) prints it at `depth` levels inside a document."""
    return json.dumps(doc, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


class Json:
    def start(self, out) -> None:
        self.out, self.count = out, 0
        out.write('{\n  "version": 1,\n  "files": [')

    def file(self, r) -> None:
        self.out.write(("," if self.count else "") + "\n    " + nested(as_dict(r), 2))
        self.count += 1

    def end(self) -> None:
        self.out.write("\n  ]\n}\n" if self.count else "]\n}\n")
