"""`draftlint diff`: read both texts, compare, print, and write the redline; every failure is one line
naming the file, exit 2. Kept out of cli.py so that `check` never imports difflib or the document layer."""
from __future__ import annotations

import json
import os
import sys

from draftlint.output import shown


def _fail(path: str, message: str) -> int:
    print(f"{shown(path)}: error: {message}", file=sys.stderr)
    return 2


def _build(path: str):
    from draftlint.formats import read
    from draftlint.model.resolution import build

    return build(read(path))


def run_diff(previous: str, draft: str, output: str | None, fmt: str) -> int:
    try:
        return _run(previous, draft, output, fmt)
    except (KeyboardInterrupt, BrokenPipeError):
        raise  # run() words these
    except Exception as exc:  # a bug in draftlint: one line for the drafter, as check does
        return _fail(draft, f"internal error in draftlint while comparing ({type(exc).__name__}: {exc}); "
                            "please report it")


def _run(previous: str, draft: str, output: str | None, fmt: str) -> int:
    from draftlint.errors import InputError

    if output:
        if not draft.lower().endswith(".docx"):
            return _fail(draft, "-o writes tracked changes into the draft's Word file: give DRAFT as .docx")
        if not output.lower().endswith(".docx"):
            return _fail(output, "the redline is a Word document: give -o a name ending in .docx")
        for path in (previous, draft):
            if os.path.exists(output) and os.path.exists(path) and os.path.samefile(output, path):
                return _fail(output, f"the redline would replace {shown(path)}, which this run reads; "
                                     "choose another file for -o")
    built = []
    for path in (previous, draft):
        try:
            built.append(_build(path))
        except InputError as exc:
            return _fail(path, str(exc))
        except OSError as exc:
            return _fail(path, f"cannot read the file ({exc.strerror or exc})")
    from draftlint.writers import redline_report
    from draftlint.writers.redline import compare

    red = compare(*built)
    if output:
        from draftlint.writers.redline_docx import write

        try:
            write(red, draft, output)
        except InputError as exc:
            return _fail(draft, str(exc))
        except OSError as exc:
            return _fail(output, f"cannot write the redline ({exc.strerror or exc})")
        except (RuntimeError, IndexError) as exc:  # the document layer refused an edit it cannot place exactly
            return _fail(draft, f"cannot write the redline: {exc}")
    if fmt == "json":
        sys.stdout.write(json.dumps(redline_report.data(red), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(redline_report.text(red))
    if output:
        print(f"wrote {shown(output)}", file=sys.stderr)
    return 0
