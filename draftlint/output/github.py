"""GitHub Actions workflow commands: one annotation per finding."""
from __future__ import annotations

from draftlint.output import shown

KINDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


class Github:
    def start(self, out) -> None:
        self.out = out

    def file(self, r) -> None:
        where = f"file={_escape_property(shown(r.path))}"
        lines = [f"::error {where},title=draftlint::{_escape_data(r.error)}"] if r.error else []
        for f in r.findings:
            props = [where] + ([f"line={f.line}"] if f.line else []) + [f"title={_escape_property(f'{f.label} [{f.rule}]')}"]
            lines.append(f"::{KINDS[f.severity]} {','.join(props)}::{_escape_data(f.message)}")
        if lines:
            self.out.write("\n".join(lines) + "\n")

    def end(self) -> None:
        pass
