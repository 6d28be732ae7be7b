"""SARIF 2.1.0, written result by result. The rules a run used are known only at its end, so the run's
"results" come first and its "tool" (with each rule's doc, a delegation's own pack rules included) after
them: the order of an object's members carries no meaning in JSON, and SARIF readers take it so."""
from __future__ import annotations

import hashlib
import os
from urllib.parse import quote

from draftlint.output import shown
from draftlint.output.json import nested

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://pypi.org/project/draftlint/"


def fingerprint(f, seen: dict) -> str:
    """Stable across renumbering: the rule, the words at fault and the paragraph's own text, not its label."""
    base = "\x00".join((f.rule, f.match, " ".join(f.context.split())))
    n = seen.get(base, 0)
    seen[base] = n + 1
    return hashlib.sha256(f"{base}\x00{n}".encode("utf-8")).hexdigest()[:32]


def uri(path: str) -> str:
    # Quoted as bytes: a file name that is not UTF-8 keeps its own bytes, %-escaped, as a URI should.
    raw = os.fsencode(path.replace(os.sep, "/"))
    return quote(raw) if not os.path.isabs(path) else "file://" + quote(raw)


def rule_entry(rid: str, r) -> dict:
    summary = r.summary if r else rid
    return {
        "id": rid,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": r.why if r else summary},
        "help": {"text": f"{summary}\n\nWrong:\n{r.wrong}\n\nRight:\n{r.right}" if r else summary,
                 "markdown": f"{summary}\n\n{r.why}\n\nWrong:\n```\n{r.wrong}\n```\n\nRight:\n```\n{r.right}\n```"
                 if r else summary},
        "defaultConfiguration": {"level": LEVELS[r.severity] if r else "warning"},
        "properties": {"category": r.category if r else "", "pack": r.pack if r else ""},
    }


def _docs_for(r) -> dict:
    """Every rule that can report on result r: the built-in ones and those of the packs its configuration
    (given with --config, else found beside the file) adds."""
    from draftlint.lint.config import find_config, load_config
    from draftlint.lint.registry import documented_rules
    from draftlint.errors import InputError

    try:
        config = load_config(r.config) if r.config else find_config(r.path)
    except (InputError, OSError):
        config = None
    return {r.id: r for r in documented_rules(config)}


class Sarif:
    def start(self, out) -> None:
        self.out, self.count = out, 0
        self.index: dict[str, int] = {}
        self.docs: dict[str, object] = {}
        self.notifications: list[dict] = []
        out.write('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n'
                  '  "runs": [\n    {\n      "results": [')

    def file(self, r) -> None:
        if r.error:
            self.notifications.append({"level": "error", "message": {"text": f"{shown(r.path)}: {r.error}"},
                                       "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(r.path)}}}]})
        new = [f.rule for f in r.findings if f.rule not in self.index]
        if new and any(rid not in self.docs for rid in new):
            self.docs.update(_docs_for(r))
        seen: dict = {}
        for f in r.findings:
            physical = {"artifactLocation": {"uri": uri(r.path)}}
            if f.line:
                physical["region"] = {"startLine": f.line}
            result = {
                "ruleId": f.rule, "ruleIndex": self.index.setdefault(f.rule, len(self.index)),
                "level": LEVELS[f.severity],
                "message": {"text": f"{f.label}: {f.message}"},
                "locations": [{"physicalLocation": physical,
                               "logicalLocations": [{"name": f.label, "kind": "paragraph"}]}],
                "partialFingerprints": {"draftlintFinding/v1": fingerprint(f, seen)},
            }
            self.out.write(("," if self.count else "") + "\n        " + nested(result, 4))
            self.count += 1

    def end(self) -> None:
        from draftlint import __version__

        rules = [rule_entry(rid, self.docs.get(rid)) for rid in self.index]  # in the order of ruleIndex
        tool = {"driver": {"name": "draftlint", "version": __version__, "semanticVersion": __version__,
                           "informationUri": INFO_URI, "rules": rules}}
        invocations = [{"executionSuccessful": not self.notifications,
                        "toolExecutionNotifications": self.notifications}]
        self.out.write(("\n      ]," if self.count else "],") + '\n      "tool": ' + nested(tool, 3)
                       + ',\n      "invocations": ' + nested(invocations, 3) + "\n    }\n  ]\n}\n")
