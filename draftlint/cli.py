"""The draftlint command. Exit codes a hook can trust: 0 clean, 1 errors found, 2 usage or input error."""
from __future__ import annotations

import os
import sys

import click

from draftlint import __version__


def expand(paths: tuple[str, ...]) -> list[str]:
    """Files as given; folders recurse into their .docx drafts (Word's ~$ lock files are skipped)."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path) and not path.lower().endswith((".docx", ".md", ".txt")):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(".docx") and not name.startswith("~$"):
                        out.append(os.path.join(root, name))
        else:
            out.append(path)
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="draftlint")
def main():
    """Check United Nations draft resolutions against UN editorial conventions."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the findings.")
@click.option("--select", multiple=True, help="Only these rules (id or prefix, e.g. italics). Repeatable.")
@click.option("--ignore", multiple=True, help="Not these rules (id or prefix). Repeatable.")
def check(paths, fmt, select, ignore):
    """Check drafts (.docx, .md, .txt; folders are searched for .docx)."""
    from draftlint.engine import Options, check_file
    from draftlint.report import FORMATS

    options = Options(select=_split(select), ignore=_split(ignore))
    results = [check_file(p, options) for p in expand(paths)]
    sys.stdout.write(FORMATS[fmt](results))
    if any(r.error for r in results):
        sys.exit(2)
    if any(f.severity == "error" for r in results for f in r.findings):
        sys.exit(1)


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())
