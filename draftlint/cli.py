"""The draftlint command. Exit codes a hook can trust: 0 clean, 1 errors found, 2 usage or input error.

argparse rather than click: `draftlint check` runs on every commit, and click alone took longer to import
than reading a draft. A plain command line does not even build the argparse parser (see quickargs)."""
from __future__ import annotations

import os
import sys

from draftlint import __version__, quickargs


def expand(paths) -> list[str]:
    """Files as given; folders recurse into their .docx drafts (Word's ~$ lock files and draftlint's
    .draftlint-* temporary files are skipped)."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path) and not path.lower().endswith((".docx", ".md", ".txt")):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    # Word's lock files and draftlint's own temporary files (a killed write leaves one) are not drafts.
                    if name.lower().endswith(".docx") and not name.startswith(("~$", ".draftlint-")):
                        out.append(os.path.join(root, name))
        else:
            out.append(path)
    return out


def _at_least(low: int):
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise _type_error(f"{value!r} is not a whole number") from None
        if n < low:
            raise _type_error(f"{value} is below {low}")
        return n

    return parse


def _file(value: str) -> str:
    """A file to write or read, not a folder."""
    if os.path.isdir(value):
        raise _type_error(f"{value!r} is a folder, not a file")
    return value


def _type_error(message: str) -> Exception:
    import argparse

    return argparse.ArgumentTypeError(message)


def parser(only: str | None = None):
    """The command line; with `only`, the options of that one command (the others are listed, not built)."""
    import argparse

    class Parser(argparse.ArgumentParser):
        """Usage errors in one line, naming the command and where to read more; exit 2."""

        def error(self, message):
            sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
            sys.exit(2)

    top = Parser(prog="draftlint", description="Check United Nations draft resolutions against UN editorial "
                                               "conventions.")
    top.add_argument("--version", action="version", version=f"draftlint, version {__version__}")
    sub = top.add_subparsers(dest="name", metavar="COMMAND", parser_class=Parser)
    for name, (command, options, summary) in COMMANDS.items():
        p = sub.add_parser(name, help=summary or command.__doc__, description=command.__doc__)
        p.set_defaults(command=command)
        if only in (None, name):
            options(p)
    return top


def _check_options(c):
    c.add_argument("paths", nargs="+", metavar="PATH")
    from draftlint import output

    c.add_argument("--format", dest="fmt", choices=output.names(), default="text",
                   help="How to print the findings: " + "; ".join(f"{n}: {h}" for n, (_, _, h) in output.FORMATS.items()) + ".")
    c.add_argument("-o", "--output", type=_file, metavar="FILE",
                   help="Write the report to this file (atomically) instead of printing it.")
    c.add_argument("--skip-non-drafts", action="store_true",
                   help="Pass over files that are not resolutions (a README among the drafts) instead of failing.")
    c.add_argument("--select", action="append", default=[], metavar="RULES",
                   help="Only these rules (id or prefix, e.g. italics). Repeatable.")
    c.add_argument("--ignore", action="append", default=[], metavar="RULES", help="Not these rules (id or prefix). Repeatable.")
    c.add_argument("--exit-zero", action="store_true",
                   help="Exit 0 even when errors are found (input errors still exit 2).")
    c.add_argument("--config", dest="config_path", type=_file, metavar="FILE",
                   help="Use this configuration file instead of the .draftlint.yaml found beside the drafts.")
    c.add_argument("--strict", action="store_true", help="Warnings fail the check too (exit 1).")
    c.add_argument("--previous", type=_file, metavar="FILE",
                   help="Last session's resolution on the same item (.docx, .md, .txt): the chain must extend it.")
    c.add_argument("--profile", choices=["default", "style"], default=None,
                   help="style: also run the rules of style that adopted texts often do not follow "
                        "(repeated leads without also/further, unusual lead phrases).")
    c.add_argument("--debug", action="store_true",
                   help="With an internal error (a bug in draftlint), also print its traceback.")
    c.add_argument("-j", "--jobs", type=_at_least(0), default=0, metavar="N",
                   help="Files checked at once (default 0: one per processor core).")


def _rules_options(r):
    r.add_argument("args", nargs="*", metavar="ID | validate PACK")
    r.add_argument("--markdown", action="store_true", help="Print the rule reference as Markdown (docs/rules.md).")
    r.add_argument("--build-cache", action="store_true",
                   help="Rewrite rules/builtin.py (what check reads) from the built-in YAML packs.")
    r.add_argument("--config", dest="config_path", type=_file, metavar="FILE", help="Also list the packs of this configuration.")


def _scaffold_options(s):
    s.add_argument("previous", type=_file, metavar="PREVIOUS")
    s.add_argument("-o", "--output", type=_file, metavar="FILE", help="The new draft (.docx). Default: its title.")
    s.add_argument("--session", type=_at_least(1),
                   help="The session the new draft is for (default: the one the previous resolution put the item on).")
    s.add_argument("--cycle", type=_at_least(1), help="Sessions between two texts on the item (default: as before).")
    s.add_argument("--sponsors", help='The sponsors\' line, e.g. "Austria, Brazil and Japan".')
    s.add_argument("--changes", action="store_true",
                   help="Show every change against the previous text as a tracked change.")
    s.add_argument("--force", action="store_true", help="Replace the output file if it exists.")


def _new_options(n):
    n.add_argument("--kind", choices=["ga-draft", "ga", "sc"], required=True,
                   help="ga-draft: Main Committee draft; ga: General Assembly resolution; sc: Security Council "
                        "resolution.")
    n.add_argument("-o", "--output", type=_file, required=True, metavar="FILE", help="The new file (.docx).")
    n.add_argument("--force", action="store_true", help="Replace the output file if it exists.")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in COMMANDS:
        command, options, _ = COMMANDS[argv[0]]
        values = quickargs.read(options, argv[1:])
        if values is not None:
            command(**values)
            return
    args = parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    if getattr(args, "command", None) is None:
        parser().print_help()
        sys.exit(2)
    command = args.command
    del args.command, args.name
    command(**vars(args))


def run() -> None:
    """The `draftlint` command: main(), then leave without Python's teardown, which frees every object one
    by one (about 10 ms of a 90 ms check) when nothing is left to release: files are closed and written
    atomically, the process pool is shut down.

    The cyclic garbage collector is made to run rarely: a check makes many objects and leaves no reference
    cycles behind (tests/test_cli.py holds check_file to that), so each collection only walked live objects
    again, about 3 ms of a fresh check. It still runs, now and then, for what an unusual input may leave."""
    import gc

    gc.set_threshold(100_000, 50, 100)
    for stream in (sys.stdout, sys.stderr):
        # A message that quotes a file name which is not UTF-8 is printed with \x escapes, not a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BrokenPipeError:  # the reader of the output went away (`draftlint check | head`)
        os._exit(1)
    except KeyboardInterrupt:  # Ctrl-C: no traceback; a file being written is whole or absent (files.py)
        _err("draftlint: interrupted")
        code = 130
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        code = code or 1
    os._exit(code)


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def check(paths, fmt, select, ignore, exit_zero, config_path, strict, previous, jobs, output, skip_non_drafts,
          debug=False, profile=None):
    """Check drafts (.docx, .md, .txt; folders are searched for .docx)."""
    from draftlint.engine import Options

    options = Options(select=_split(select), ignore=_split(ignore), config=config_path, strict=strict,
                      previous=previous, debug=debug, profile=profile)
    files = expand(paths)
    if output:
        _refuse_writing_over_inputs(output, files + [p for p in (previous, config_path) if p])
    counts = {"files": 0, "error": 0, "warning": 0, "unread": 0, "failing": False}
    if output:
        from draftlint.files import atomic_stream

        try:
            with atomic_stream(output) as out:
                _report(files, options, jobs, skip_non_drafts, fmt, out, counts)
        except OSError as exc:
            _err(f"{_shown(output)}: error: cannot write the report ({exc.strerror or exc})")
            sys.exit(2)
    else:
        _report(files, options, jobs, skip_non_drafts, fmt, sys.stdout, counts)
    errors, warnings, n = counts["error"], counts["warning"], counts["files"]
    if fmt == "text":
        summary = f"{n} file{'s' if n != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, " \
                  f"{warnings} warning{'s' if warnings != 1 else ''}" + (f", {counts['unread']} not readable" if counts["unread"] else "")
        _err(summary)
    if counts["unread"]:
        sys.exit(2)
    if (errors or counts["failing"]) and not exit_zero:
        sys.exit(1)


def _shown(path: str) -> str:
    from draftlint.output import shown

    return shown(path)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


def _refuse_writing_over_inputs(output: str, inputs) -> None:
    """-o never replaces a file the same run reads: `check draft.docx -o draft.docx` would lose the draft."""
    for path in inputs:
        if _same_file(output, path):
            _err(f"{_shown(output)}: error: the report would replace {_shown(path)}, which this run reads; "
                 "choose another file for -o")
            sys.exit(2)


def _report(files, options, jobs, skip_non_drafts, fmt, out, counts) -> None:
    """Check the files and write each one's report as it comes: memory stays flat over a large batch."""
    from draftlint import output

    produced = run_all(files, options, jobs or os.cpu_count() or 1)
    results = _skip_non_drafts(produced) if skip_non_drafts else produced
    writer = output.writer(fmt)
    writer.start(out)
    try:
        for r in results:
            counts["files"] += 1
            counts["unread"] += bool(r.error)
            if r.internal:
                _err(f"{r.path}: traceback of the internal error:\n{r.internal.rstrip()}")
            for f in r.findings:
                counts[f.severity] = counts.get(f.severity, 0) + 1
            counts["failing"] |= r.strict and any(f.severity == "warning" for f in r.findings)
            writer.file(r)
    finally:
        produced.close()  # a closed output pipe ends the loop early: stop the worker processes too
    writer.end()


def _skip_non_drafts(results):
    for r in results:
        if r.not_a_draft:
            _err(f"{_shown(r.path)}: not a resolution, passed over")
        else:
            yield r


def run_all(files: list[str], options, jobs: int):
    """Results in the order of `files`, whatever the number of processes, one at a time."""
    from draftlint.engine import check_file

    if jobs <= 1 or len(files) < 4:
        for p in files:
            yield check_file(p, options)
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)))
    try:
        yield from pool.map(partial(_check_in_worker, options=options), files,
                            chunksize=max(1, min(64, len(files) // (jobs * 8))))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _check_in_worker(path: str, options):
    from draftlint.engine import check_file

    return check_file(path, options)


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def rules(args, markdown, config_path, build_cache):
    """List every rule, show one rule's doc (draftlint rules ID), or validate a pack (draftlint rules validate PACK.yaml)."""
    from draftlint.errors import InputError
    from draftlint import ruledocs

    if build_cache:
        from draftlint.files import atomic_write
        from draftlint.packs import CACHE, builtin_cache, resource_dir

        atomic_write(str(resource_dir("rules") / CACHE), builtin_cache().encode("utf-8"))
        print(f"wrote {resource_dir('rules') / CACHE}")
        return

    if args and args[0] == "validate":
        if len(args) < 2:
            _err("draftlint rules: error: give the pack to validate: draftlint rules validate PACK.yaml")
            sys.exit(2)
        from draftlint.packs import load_pack

        status = 0
        for path in args[1:]:
            try:
                rules_found = load_pack(path)
                print(f"{path}: valid, {len(rules_found)} rule{'s' if len(rules_found) != 1 else ''}")
            except InputError as exc:
                print(str(exc))
                status = 2
        sys.exit(status)
    try:
        config = None
        if config_path:
            from draftlint.config import load_config

            config = load_config(config_path)
        text = ruledocs.render(args[0] if args else None, markdown=markdown, config=config)
    except InputError as exc:
        print(f"error: {exc}")
        sys.exit(2)
    if text is None:
        print(f"error: no rule {args[0]!r}; draftlint rules lists them all")
        sys.exit(2)
    sys.stdout.write(text)


def scaffold(previous, output, session, cycle, sponsors, changes, force):
    """Write next session's draft from the last adopted resolution on the item (.docx, .md or .txt)."""
    from draftlint.errors import InputError
    from draftlint.scaffold import scaffold as make

    try:
        written = make(previous, output, session=session, cycle=cycle, sponsors=sponsors, changes=changes, force=force)
    except InputError as exc:
        print(f"{_shown(previous)}: error: {exc}")
        sys.exit(2)
    except FileExistsError as exc:
        print(f"{_shown(exc.filename or output)}: error: the file exists already; give another name with -o, "
              "or --force to replace it")
        sys.exit(2)
    except OSError as exc:
        print(f"{_shown(output or previous)}: error: cannot write the draft ({exc.strerror or exc})")
        sys.exit(2)
    print(f"wrote {_shown(written)}")


def new(kind, output, force):
    """Write an empty skeleton of a resolution from a template."""
    from draftlint.files import atomic_write
    from draftlint.packs import resource_dir

    template = resource_dir("templates") / f"{kind}.docx"
    if os.path.exists(output) and not force:
        print(f"{_shown(output)}: error: the file exists already; choose another name or give --force")
        sys.exit(2)
    try:
        atomic_write(output, template.read_bytes(), overwrite=force)
    except FileExistsError:
        print(f"{_shown(output)}: error: the file exists already; choose another name or give --force")
        sys.exit(2)
    except OSError as exc:
        print(f"{_shown(output)}: error: cannot write the file ({exc.strerror or exc})")
        sys.exit(2)
    print(f"wrote {_shown(output)}")


# name: (function, its options, a shorter line for `draftlint --help` when the docstring is long)
COMMANDS = {
    "check": (check, _check_options, ""),
    "rules": (rules, _rules_options, "List every rule, show one rule's doc, or validate a pack."),
    "scaffold": (scaffold, _scaffold_options, "Write next session's draft from the last adopted resolution on the item."),
    "new": (new, _new_options, ""),
}
