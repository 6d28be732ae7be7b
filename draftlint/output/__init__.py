"""The report formats, one module each, in one registry that drives `--format`, its help and streaming.

A format is a class with `start(out)`, `file(result)` and `end()`: the command hands it each file's result as
it comes, so that a report of a thousand drafts costs no more memory than one of ten. A new format is a module
here and one line in FORMATS."""
from __future__ import annotations

import importlib

# name: (module, class, what --help says of it)
FORMATS = {
    "text": ("text", "Text", "one line a finding, PATH:LABEL: SEVERITY: MESSAGE [RULE] (the default)"),
    "json": ("json", "Json", "one JSON document (the shape in the README is a contract)"),
    "sarif": ("sarif", "Sarif", "SARIF 2.1.0, for code-scanning tools"),
    "github": ("github", "Github", "GitHub Actions annotations"),
}


def names() -> list[str]:
    return list(FORMATS)


def writer(name: str):
    """A new writer of the format `name`."""
    module, cls, _ = FORMATS[name]
    return getattr(importlib.import_module(f"draftlint.output.{module}"), cls)()


def render(name: str, results) -> str:
    """The whole report as one string (tests, small callers)."""
    import io

    out = io.StringIO()
    w = writer(name)
    w.start(out)
    for r in results:
        w.file(r)
    w.end()
    return out.getvalue()


def shown(path: str) -> str:
    """A path as it can be printed: bytes of a file name that are not UTF-8 (which Python keeps as lone
    surrogates) written as \\xff, so that no output format fails on them."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
