"""Output formats. The JSON shape is a contract other tools rely on (README, "JSON output")."""
from __future__ import annotations

import json

from draftlint.engine import FileResult


def text(results: list[FileResult]) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"{r.path}: error: {r.error}")
        for f in r.findings:
            lines.append(f"{r.path}:{f.label}: {f.severity}: {f.message} [{f.rule}]")
    return "\n".join(lines) + ("\n" if lines else "")


def as_json(results: list[FileResult]) -> str:
    files = []
    for r in results:
        files.append({
            "path": r.path,
            "kind": r.kind,
            "error": r.error,
            "diagnostics": [
                {"rule": f.rule, "category": f.category, "severity": f.severity, "message": f.message,
                 "location": {"label": f.label, "paragraph": f.paragraph, "line": f.line}, "fixable": f.fixable}
                for f in r.findings
            ],
        })
    return json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": text, "json": as_json}
