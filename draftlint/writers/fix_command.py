"""The command-line side of `fix`, `check --diff` and `check --annotate`: messages and exit codes. Every
problem is one line naming the file (exit 2), never a traceback."""
from __future__ import annotations

import os
import shutil
import sys

from draftlint.errors import InputError
from draftlint.output import shown


def _fail(path: str, message: str) -> int:
    print(f"{shown(path)}: error: {message}", file=sys.stderr)
    return 2


def _guarded(path: str, out: str | None, work):
    try:
        return work(), 0
    except InputError as exc:
        return None, _fail(path, str(exc))
    except FileExistsError as exc:
        return None, _fail(exc.filename or out or path, "the file exists already; give another name with -o, "
                                                        "or --force to replace it")
    except OSError as exc:
        return None, _fail(out or path, f"cannot write the file ({exc.strerror or exc})")
    except (RecursionError, MemoryError):
        return None, _fail(path, "the document is too deeply nested or too large to edit")
    except Exception as exc:  # a bug in draftlint: one line, as check reports its own (README, "Using it")
        return None, _fail(path, f"internal error in draftlint ({type(exc).__name__}: {exc}); please report it")


def run_fix(path: str, output: str | None, options, *, track: bool, in_place: bool, force: bool,
            unsafe: bool = False) -> int:
    from draftlint.writers.fix import fix_file

    if not os.path.exists(path):
        return _fail(path, "no such file")
    outcome, code = _guarded(path, output, lambda: fix_file(path, output, options=options, track=track, unsafe=unsafe,
                                                             in_place=in_place, force=force))
    if outcome is None:
        return code
    n = len(outcome.applied)
    how = ("tracked " if track else "") + ("change" if n == 1 else "changes")
    print(f"wrote {shown(outcome.written)}: {n} {how}"
          + (f"; {len(outcome.left)} finding{'s' if len(outcome.left) != 1 else ''} left for you "
             "(draftlint check lists them)" if outcome.left else ""))
    return 0


def print_diff(paths: list[str], options, unsafe: bool = False) -> int:
    """What fix would change, file by file; a text draft gets one line saying fix does not write it."""
    from draftlint.writers.fix import describe, fix_file

    worst = 0
    for path in paths:
        if not os.path.exists(path):
            worst = max(worst, _fail(path, "no such file"))
            continue
        outcome, code = _guarded(path, None, lambda: fix_file(path, None, options=options, track=False, write=False,
                                                              unsafe=unsafe))
        if outcome is None:
            worst = max(worst, code)
            continue
        try:
            lines = describe(path, outcome.written)
        finally:
            shutil.rmtree(os.path.dirname(outcome.written), ignore_errors=True)
        for line in lines:
            print(f"{shown(path)}:{line}")
        print(f"{shown(path)}: fix would make {len(outcome.applied)} change{'s' if len(outcome.applied) != 1 else ''}",
              file=sys.stderr)
    return worst


def write_annotated(path: str, output: str, options, force: bool) -> None:
    from draftlint.writers.annotate import annotate_file

    if not os.path.exists(path):
        sys.exit(_fail(path, "no such file"))
    done, code = _guarded(path, output, lambda: annotate_file(path, output, options=options, force=force))
    if done is None:
        sys.exit(code)
    written, unplaced = done
    print(f"wrote {shown(output)}: {written} comment{'s' if written != 1 else ''}"
          + (f" ({unplaced} finding{'s' if unplaced != 1 else ''} in footnotes or the heading have none)"
             if unplaced else ""), file=sys.stderr)
