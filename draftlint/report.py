"""Output formats. The JSON shape is a contract other tools rely on (README, "JSON output")."""
from __future__ import annotations

from draftlint.engine import FileResult


def shown(path: str) -> str:
    """A path as it can be printed: bytes of a file name that are not UTF-8 (which Python keeps as lone
    surrogates) written as \\xff, so that no output format fails on them."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def text(results: list[FileResult]) -> str:
    lines = []
    for r in results:
        path = shown(r.path)
        if r.error:
            lines.append(f"{path}: error: {r.error}")
        for f in r.findings:
            lines.append(f"{path}:{f.label}: {f.severity}: {f.message} [{f.rule}]")
    return "\n".join(lines) + ("\n" if lines else "")


def _dumps(doc) -> str:
    import json  # only for these two formats: the text report of a hook does without it

    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def as_json(results: list[FileResult]) -> str:
    files = []
    for r in results:
        files.append({
            "path": shown(r.path),
            "kind": r.kind,
            "error": r.error,
            "diagnostics": [
                {"rule": f.rule, "category": f.category, "severity": f.severity, "message": f.message,
                 "location": {"label": f.label, "paragraph": f.paragraph, "line": f.line}, "fixable": f.fixable}
                for f in r.findings
            ],
        })
    return _dumps({"version": 1, "files": files})


LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://pypi.org/project/draftlint/"


def fingerprint(f, seen: dict) -> str:
    """Stable across renumbering: the rule, the words at fault and the paragraph's own text, not its label."""
    import hashlib

    base = "\x00".join((f.rule, f.match, " ".join(f.context.split())))
    n = seen.get(base, 0)
    seen[base] = n + 1
    return hashlib.sha256(f"{base}\x00{n}".encode("utf-8")).hexdigest()[:32]


def sarif(results: list[FileResult]) -> str:
    from draftlint import __version__
    from draftlint.engine import documented_rules

    docs = {r.id: r for r in documented_rules()}
    used = sorted({f.rule for r in results for f in r.findings})
    index = {rid: k for k, rid in enumerate(used)}
    rules = []
    for rid in used:
        r = docs.get(rid)
        summary = r.summary if r else rid
        rules.append({
            "id": rid,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": r.why if r else summary},
            "help": {"text": f"{summary}\n\nWrong:\n{r.wrong}\n\nRight:\n{r.right}" if r else summary,
                     "markdown": f"{summary}\n\n{r.why}\n\nWrong:\n```\n{r.wrong}\n```\n\nRight:\n```\n{r.right}\n```"
                     if r else summary},
            "defaultConfiguration": {"level": LEVELS[r.severity] if r else "warning"},
            "properties": {"category": r.category if r else "", "pack": r.pack if r else ""},
        })
    out_results, notifications = [], []
    for r in results:
        if r.error:
            notifications.append({"level": "error", "message": {"text": f"{shown(r.path)}: {r.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]})
        seen: dict = {}
        for f in r.findings:
            physical = {"artifactLocation": {"uri": _uri(r.path)}}
            if f.line:
                physical["region"] = {"startLine": f.line}
            out_results.append({
                "ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVELS[f.severity],
                "message": {"text": f"{f.label}: {f.message}"},
                "locations": [{"physicalLocation": physical,
                               "logicalLocations": [{"name": f.label, "kind": "paragraph"}]}],
                "partialFingerprints": {"draftlintFinding/v1": fingerprint(f, seen)},
            })
    run = {"tool": {"driver": {"name": "draftlint", "version": __version__, "semanticVersion": __version__,
                               "informationUri": INFO_URI, "rules": rules}},
           "results": out_results,
           "invocations": [{"executionSuccessful": not notifications,
                            "toolExecutionNotifications": notifications}]}
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return _dumps(doc)


def _uri(path: str) -> str:
    import os
    from urllib.parse import quote

    # Quoted as bytes: a file name that is not UTF-8 keeps its own bytes, %-escaped, as a URI should.
    raw = os.fsencode(path.replace(os.sep, "/"))
    return quote(raw) if not os.path.isabs(path) else "file://" + quote(raw)


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(results: list[FileResult]) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for r in results:
        if r.error:
            lines.append(f"::error file={_escape_property(shown(r.path))},title=draftlint::{_escape_data(r.error)}")
        for f in r.findings:
            props = [f"file={_escape_property(shown(r.path))}"]
            if f.line:
                props.append(f"line={f.line}")
            props.append(f"title={_escape_property(f'{f.label} [{f.rule}]')}")
            lines.append(f"::{kinds[f.severity]} {','.join(props)}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATS = {"text": text, "json": as_json, "sarif": sarif, "github": github}
