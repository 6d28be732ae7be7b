"""The draftlint command. Exit codes a hook can trust: 0 clean, 1 errors found, 2 usage or input error.

click reads the command line (help, usage errors, shell completion); a usage error is one line and exit 2,
as a hook's log should show it."""
from __future__ import annotations

import os
import sys

import click

from draftlint import __version__, output
from draftlint.output import shown


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


# A file to read or write, never a folder (click says "… is a directory" in the one-line usage error).
FILE = click.Path(dir_okay=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             invoke_without_command=True)
@click.version_option(__version__, prog_name="draftlint", message="%(prog)s, version %(version)s")
@click.pass_context
def cli(ctx):
    """Check United Nations draft resolutions against UN editorial conventions."""
    if ctx.invoked_subcommand is None:  # `draftlint` alone is a usage error: the help, exit 2
        click.echo(ctx.get_help())
        ctx.exit(2)


def main(argv=None) -> None:
    """The command line `argv` (default: sys.argv[1:]); leaves by SystemExit with the exit code."""
    try:
        code = cli.main(args=argv, prog_name="draftlint", standalone_mode=False)
    except click.UsageError as exc:
        prog = exc.ctx.command_path if exc.ctx is not None else "draftlint"
        message = " ".join(exc.format_message().split())
        _err(f"{prog}: error: {message} (see {prog} --help)")
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort as exc:  # click turns Ctrl-C into Abort; command.run() words it and exits 130
        raise KeyboardInterrupt from exc
    sys.exit(code if isinstance(code, int) else 0)


def _err(message: str) -> None:
    print(message, file=sys.stderr)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(output.names()), default="text",
              help="How to print the findings: " + "; ".join(f"{n}: {h}" for n, (_, _, h) in output.FORMATS.items()) + ".")
@click.option("-o", "--output", type=FILE, metavar="FILE",
              help="Write the report to this file (atomically) instead of printing it.")
@click.option("--skip-non-drafts", is_flag=True,
              help="Pass over files that are not resolutions (a README among the drafts) instead of failing.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (id or prefix, e.g. italics). Repeatable.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Not these rules (id or prefix). Repeatable.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when errors are found (input errors still exit 2).")
@click.option("--config", "config_path", type=FILE, metavar="FILE",
              help="Use this configuration file instead of the .draftlint.yaml found beside the drafts.")
@click.option("--strict", is_flag=True, help="Warnings fail the check too (exit 1).")
@click.option("--previous", type=FILE, metavar="FILE",
              help="Last session's resolution on the same item (.docx, .md, .txt): the chain must extend it.")
@click.option("--profile", type=click.Choice(["default", "style"]), default=None,
              help="style: also run the rules of style that adopted texts often do not follow "
                   "(repeated leads without also/further, unusual lead phrases).")
@click.option("--debug", is_flag=True, help="With an internal error (a bug in draftlint), also print its traceback.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="Files checked at once (default 0: one per processor core).")
@click.option("--annotate", type=FILE, metavar="OUT.docx",
              help="Also write a copy of the draft with each finding as a Word comment on the words at fault.")
@click.option("--diff", "show_diff", is_flag=True, help="Print what `draftlint fix` would change; write nothing.")
@click.option("--force", is_flag=True, help="With --annotate: replace the copy if it exists.")
def check(paths, fmt, select, ignore, exit_zero, config_path, strict, previous, jobs, output, skip_non_drafts,
          debug=False, profile=None, annotate=None, show_diff=False, force=False):
    """Check drafts (.docx, .md, .txt; folders are searched for .docx)."""
    from draftlint.lint.engine import Options

    options = Options(select=_split(select), ignore=_split(ignore), config=config_path, strict=strict,
                      previous=previous, debug=debug, profile=profile)
    if show_diff:
        from draftlint.writers.fix_command import print_diff

        sys.exit(print_diff(expand(paths), options))
    if annotate:
        from draftlint.writers.fix_command import write_annotated

        if len(paths) != 1 or os.path.isdir(paths[0]):
            _err("draftlint check: error: --annotate takes one draft (see draftlint check --help)")
            sys.exit(2)
        write_annotated(paths[0], annotate, options, force)
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
            _err(f"{shown(output)}: error: cannot write the report ({exc.strerror or exc})")
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


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


def _refuse_writing_over_inputs(output: str, inputs) -> None:
    """-o never replaces a file the same run reads: `check draft.docx -o draft.docx` would lose the draft."""
    for path in inputs:
        if _same_file(output, path):
            _err(f"{shown(output)}: error: the report would replace {shown(path)}, which this run reads; "
                 "choose another file for -o")
            sys.exit(2)


def _report(files, options, jobs, skip_non_drafts, fmt, out, counts) -> None:
    """Check the files and write each one's report as it comes: memory stays flat over a large batch."""
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
            _err(f"{shown(r.path)}: not a resolution, passed over")
        else:
            yield r


def run_all(files: list[str], options, jobs: int):
    """Results in the order of `files`, whatever the number of processes, one at a time."""
    from draftlint.lint.engine import check_file

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
    from draftlint.lint.engine import check_file

    return check_file(path, options)


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@cli.command(short_help="Write a copy of a draft with every safe fix as a tracked change.")
@click.argument("draft", type=FILE, metavar="DRAFT")
@click.option("-o", "--output", type=FILE, metavar="OUT.docx", help="The fixed copy. Default: DRAFT-fixed.docx beside it.")
@click.option("--no-track", is_flag=True, help="Apply the fixes directly instead of as tracked changes.")
@click.option("--unsafe", is_flag=True,
              help="Also make the fixes that are right almost always but not always (the comma before “and” in a "
                   "list of resolutions); draftlint rules says which.")
@click.option("--select", multiple=True, metavar="RULES", help="Only fix these rules (id or prefix). Repeatable.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not fix these rules (id or prefix). Repeatable.")
@click.option("--config", "config_path", type=FILE, metavar="FILE", help="Configuration file (default: found beside the draft).")
@click.option("--in-place", is_flag=True, help="Fix the draft itself (written atomically).")
@click.option("--diff", "show_diff", is_flag=True, help="Print what would change; write nothing.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--profile", type=click.Choice(["default", "style"]), default=None,
              help="style: also fix what the rules of style find (also/further in a run of the same lead).")
def fix(draft, output, no_track, unsafe, select, ignore, config_path, in_place, show_diff, force, profile):
    """Write a copy of DRAFT (.docx) in which every finding marked fixable is mended, as tracked changes."""
    from draftlint.lint.engine import Options
    from draftlint.writers.fix_command import print_diff, run_fix

    options = Options(select=_split(select), ignore=_split(ignore), config=config_path, profile=profile)
    if show_diff:
        sys.exit(print_diff([draft], options, unsafe=unsafe))
    sys.exit(run_fix(draft, output, options, track=not no_track, in_place=in_place, force=force, unsafe=unsafe))


@cli.command(short_help="List every rule, show one rule's doc, or validate a pack.")
@click.argument("args", nargs=-1, metavar="[ID | validate PACK...]")
@click.option("--markdown", is_flag=True, help="Print the rule reference as Markdown (docs/rules.md).")
@click.option("--build-cache", is_flag=True,
              help="Rewrite rules/builtin.json (what check reads) from the built-in YAML packs.")
@click.option("--config", "config_path", type=FILE, metavar="FILE", help="Also list the packs of this configuration.")
def rules(args, markdown, config_path, build_cache):
    """List every rule, show one rule's doc (draftlint rules ID), or validate a pack (draftlint rules validate PACK.yaml)."""
    from draftlint.errors import InputError
    from draftlint.lint import docs as ruledocs

    if build_cache:
        from draftlint.files import atomic_write
        from draftlint.lint.packs import CACHE, builtin_cache
        from draftlint.resources import resource_dir

        atomic_write(str(resource_dir("rules") / CACHE), builtin_cache().encode("utf-8"))
        print(f"wrote {resource_dir('rules') / CACHE}")
        return

    if args and args[0] == "validate":
        if len(args) < 2:
            _err("draftlint rules: error: give the pack to validate: draftlint rules validate PACK.yaml")
            sys.exit(2)
        from draftlint.lint.packs import load_pack

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
            from draftlint.lint.config import load_config

            config = load_config(config_path)
        text = ruledocs.render(args[0] if args else None, markdown=markdown, config=config)
    except InputError as exc:
        print(f"error: {exc}")
        sys.exit(2)
    if text is None:
        print(f"error: no rule {args[0]!r}; draftlint rules lists them all")
        sys.exit(2)
    sys.stdout.write(text)


@cli.command(short_help="Write next session's draft from the last adopted resolution on the item.")
@click.argument("previous", type=FILE, metavar="PREVIOUS")
@click.option("-o", "--output", type=FILE, metavar="FILE", help="The new draft (.docx). Default: its title.")
@click.option("--session", type=click.IntRange(min=1),
              help="The session the new draft is for (default: the one the previous resolution put the item on).")
@click.option("--cycle", type=click.IntRange(min=1), help="Sessions between two texts on the item (default: as before).")
@click.option("--sponsors", help='The sponsors\' line, e.g. "Austria, Brazil and Japan".')
@click.option("--changes", is_flag=True, help="Show every change against the previous text as a tracked change.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def scaffold(previous, output, session, cycle, sponsors, changes, force):
    """Write next session's draft from the last adopted resolution on the item (.docx, .md or .txt)."""
    from draftlint.errors import InputError
    from draftlint.writers.scaffold import scaffold as make

    notes: list[str] = []
    try:
        written = make(previous, output, session=session, cycle=cycle, sponsors=sponsors, changes=changes, force=force,
                       notes=notes)
    except InputError as exc:
        print(f"{shown(previous)}: error: {exc}")
        sys.exit(2)
    except FileExistsError as exc:
        print(f"{shown(exc.filename or output)}: error: the file exists already; give another name with -o, "
              "or --force to replace it")
        sys.exit(2)
    except OSError as exc:
        print(f"{shown(output or previous)}: error: cannot write the draft ({exc.strerror or exc})")
        sys.exit(2)
    print(f"wrote {shown(written)}")
    for note in notes:
        print(f"{shown(written)}: note: {note}")


@cli.command()
@click.option("--kind", type=click.Choice(["ga-draft", "ga-plenary", "hrc", "ga", "sc"]), required=True,
              help="ga-draft: Main Committee draft (A/C.n/81/L.); ga-plenary: plenary draft (A/81/L.); "
                   "hrc: Human Rights Council draft (A/HRC/../L.); ga: General Assembly resolution; "
                   "sc: Security Council resolution.")
@click.option("-o", "--output", type=FILE, required=True, metavar="FILE", help="The new file (.docx).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def new(kind, output, force):
    """Write an empty skeleton of a resolution from a template."""
    from draftlint.files import atomic_write
    from draftlint.resources import resource_dir

    template = resource_dir("templates") / f"{kind}.docx"
    if os.path.exists(output) and not force:
        print(f"{shown(output)}: error: the file exists already; choose another name or give --force")
        sys.exit(2)
    try:
        atomic_write(output, template.read_bytes(), overwrite=force)
    except FileExistsError:
        print(f"{shown(output)}: error: the file exists already; choose another name or give --force")
        sys.exit(2)
    except OSError as exc:
        print(f"{shown(output)}: error: cannot write the file ({exc.strerror or exc})")
        sys.exit(2)
    print(f"wrote {shown(output)}")


@cli.command(short_help="Show the draft's changes against last session's text.")
@click.argument("previous", type=FILE, metavar="PREVIOUS")
@click.argument("draft", type=FILE, metavar="DRAFT")
@click.option("-o", "--output", type=FILE, metavar="REDLINE.docx",
              help="Also write a copy of DRAFT (.docx) with every change as a tracked change by draftlint.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text: a summary to paste into an e-mail; json: the same as data.")
def diff(previous, draft, output, fmt):
    """Compare DRAFT with PREVIOUS, last session's text (.docx, .md, .txt), paragraph by paragraph."""
    from draftlint.writers.diff_command import run_diff

    sys.exit(run_diff(previous, draft, output, fmt))


@cli.command(short_help="Open the web page on which drafters check drafts without a terminal.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Where the page listens; anything but this computer (127.0.0.1) opens it to the network.")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True,
              help="The port (0: any free one).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in the default browser.")
@click.option("--config", "config_path", type=FILE, metavar="FILE",
              help="Check every draft with this configuration (a mission's own packs and settings).")
def serve(host, port, no_browser, config_path):
    """Start the page on which a drafter drops drafts and sees the findings on the words, with the copies and
    reports to download. Needs the web extra: pip install '.[web]' in draftlint's folder."""
    try:
        from draftlint.web.serve import serve as run_server
    except ImportError as exc:  # starlette or uvicorn missing: the web extra is not installed
        _err(f"draftlint serve: error: the web page needs the web extra ({exc.name or exc} is not installed); "
             "pip install '.[web]' in draftlint's folder")
        sys.exit(2)
    sys.exit(run_server(host, port, open_browser=not no_browser, config=config_path))
