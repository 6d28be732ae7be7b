"""The `draftlint` command as a process: how it starts and how it leaves. Kept apart from the command line
itself (cli.py, click) so that the garbage collector is set before click and the checks are imported."""
from __future__ import annotations

import os
import sys


def run() -> None:
    """The `draftlint` command: cli.main(), then, unless DRAFTLINT_NO_FAST_EXIT=1 is set, leave without
    Python's teardown, which frees every object one by one when nothing is left to release: files are closed
    and written atomically, the process pool is shut down.

    The cyclic garbage collector is made to run rarely too (with the same switch), from before anything is
    imported: importing click and the checks, and a check, make many objects and free them all by reference
    counting (tests/test_cli.py holds check_file and the text and GitHub reports to that), so a collection would
    only walk live objects again. It still runs, now and then: the JSON and SARIF writers leave a few dozen
    objects a file in cycles (the standard library's indented JSON encoder), and an unusual input may leave
    some."""
    fast = os.environ.get("DRAFTLINT_NO_FAST_EXIT", "") in ("", "0")
    if fast:
        import gc

        gc.set_threshold(100_000, 50, 100)
    for stream in (sys.stdout, sys.stderr):
        # A message that quotes a file name which is not UTF-8 is printed with \x escapes, not a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        from draftlint.cli import main

        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BrokenPipeError:  # the reader of the output went away (`draftlint check | head`)
        code = 1
    except KeyboardInterrupt:  # Ctrl-C: no traceback; a file being written is whole or absent (files.py)
        print("draftlint: interrupted", file=sys.stderr)
        code = 130
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: what is left unwritten has no reader
        code = code or 1
        _silence_stdout()
    if fast:
        os._exit(code)
    sys.exit(code)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the flush of Python's teardown does not report the
    closed pipe again (the way the Python documentation handles SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
