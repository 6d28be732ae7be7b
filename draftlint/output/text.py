"""The text report: one line a finding, a file that could not be read as one line of its own."""
from __future__ import annotations

from draftlint.output import shown


class Text:
    def start(self, out) -> None:
        self.out = out

    def file(self, r) -> None:
        path = shown(r.path)
        lines = [f"{path}: error: {r.error}"] if r.error else []
        lines += [f"{path}:{f.label}: {f.severity}: {f.message} [{f.rule}]" for f in r.findings]
        if lines:
            self.out.write("\n".join(lines) + "\n")

    def end(self) -> None:
        pass
