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
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              show_default=True, help="How to print the findings.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False),
              help="Write the report to this file (atomically) instead of printing it.")
@click.option("--skip-non-drafts", is_flag=True,
              help="Pass over files that are not resolutions (a README among the drafts) instead of failing.")
@click.option("--select", multiple=True, help="Only these rules (id or prefix, e.g. italics). Repeatable.")
@click.option("--ignore", multiple=True, help="Not these rules (id or prefix). Repeatable.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when errors are found (input errors still exit 2).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Use this configuration file instead of the .draftlint.yaml found beside the drafts.")
@click.option("--strict", is_flag=True, help="Warnings fail the check too (exit 1).")
@click.option("--previous", type=click.Path(dir_okay=False),
              help="Last session's resolution on the same item (.docx, .md, .txt): the chain must extend it.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Files checked at once (default 0: one per processor core).")
def check(paths, fmt, select, ignore, exit_zero, config_path, strict, previous, jobs, output, skip_non_drafts):
    """Check drafts (.docx, .md, .txt; folders are searched for .docx)."""
    from draftlint.engine import Options
    from draftlint.report import FORMATS

    options = Options(select=_split(select), ignore=_split(ignore), config=config_path, strict=strict,
                      previous=previous)
    files = expand(paths)
    results = run_all(files, options, jobs or os.cpu_count() or 1)
    if skip_non_drafts:
        results = _skip_non_drafts(results)
    streaming = fmt in ("text", "github") and not output
    kept, counts = [], {"files": 0, "error": 0, "warning": 0, "unread": 0, "failing": False}
    for r in results:
        counts["files"] += 1
        counts["unread"] += bool(r.error)
        for f in r.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        counts["failing"] |= r.strict and any(f.severity == "warning" for f in r.findings)
        if streaming:
            sys.stdout.write(FORMATS[fmt]([r]))  # one file at a time: memory stays flat over a large batch
        else:
            kept.append(r)
    if not streaming:
        report = FORMATS[fmt](kept)
        if output:
            from draftlint.files import atomic_write

            try:
                atomic_write(output, report.encode("utf-8"))
            except OSError as exc:
                click.echo(f"{output}: error: cannot write the report ({exc.strerror or exc})", err=True)
                sys.exit(2)
        else:
            sys.stdout.write(report)
    errors, warnings, n = counts["error"], counts["warning"], counts["files"]
    if fmt == "text":
        summary = f"{n} file{'s' if n != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, " \
                  f"{warnings} warning{'s' if warnings != 1 else ''}" + (f", {counts['unread']} not readable" if counts["unread"] else "")
        click.echo(summary, err=True)
    if counts["unread"]:
        sys.exit(2)
    if (errors or counts["failing"]) and not exit_zero:
        sys.exit(1)


def _skip_non_drafts(results):
    for r in results:
        if r.not_a_draft:
            click.echo(f"{r.path}: not a resolution, passed over", err=True)
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

    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        yield from pool.map(partial(check_file, options=options), files, chunksize=max(1, min(64, len(files) // (jobs * 8))))


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@main.command()
@click.argument("args", nargs=-1)
@click.option("--markdown", is_flag=True, help="Print the rule reference as Markdown (docs/rules.md).")
@click.option("--build-cache", is_flag=True, help="Rewrite rules/builtin.json from the built-in YAML packs.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Also list the packs of this configuration.")
def rules(args, markdown, config_path, build_cache):
    """List every rule, show one rule's doc (draftlint rules ID), or validate a pack (draftlint rules validate PACK.yaml)."""
    from draftlint.errors import InputError
    from draftlint import ruledocs

    if build_cache:
        from draftlint.files import atomic_write
        from draftlint.packs import CACHE, builtin_cache, resource_dir

        atomic_write(str(resource_dir("rules") / CACHE), builtin_cache().encode("utf-8"))
        click.echo(f"wrote {resource_dir('rules') / CACHE}")
        return

    if args and args[0] == "validate":
        if len(args) < 2:
            raise click.UsageError("give the pack to validate: draftlint rules validate PACK.yaml")
        from draftlint.packs import load_pack

        status = 0
        for path in args[1:]:
            try:
                rules_found = load_pack(path)
                click.echo(f"{path}: valid, {len(rules_found)} rule{'s' if len(rules_found) != 1 else ''}")
            except InputError as exc:
                click.echo(str(exc))
                status = 2
        sys.exit(status)
    try:
        config = None
        if config_path:
            from draftlint.config import load_config

            config = load_config(config_path)
        text = ruledocs.render(args[0] if args else None, markdown=markdown, config=config)
    except InputError as exc:
        click.echo(f"error: {exc}")
        sys.exit(2)
    if text is None:
        click.echo(f"error: no rule {args[0]!r}; draftlint rules lists them all")
        sys.exit(2)
    sys.stdout.write(text)


@main.command()
@click.argument("previous", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="The new draft (.docx). Default: its title.")
@click.option("--session", type=click.IntRange(min=1), help="The session the new draft is for (default: the one "
              "the previous resolution put the item on).")
@click.option("--cycle", type=click.IntRange(min=1), help="Sessions between two texts on the item (default: as before).")
@click.option("--sponsors", help="The sponsors' line, e.g. \"Austria, Brazil and Japan\".")
@click.option("--changes", is_flag=True, help="Show every change against the previous text as a tracked change.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def scaffold(previous, output, session, cycle, sponsors, changes, force):
    """Write next session's draft from the last adopted resolution on the item (.docx, .md or .txt)."""
    from draftlint.errors import InputError
    from draftlint.scaffold import scaffold as make

    try:
        written = make(previous, output, session=session, cycle=cycle, sponsors=sponsors, changes=changes, force=force)
    except InputError as exc:
        click.echo(f"{previous}: error: {exc}")
        sys.exit(2)
    except OSError as exc:
        click.echo(f"{output or previous}: error: cannot write the draft ({exc.strerror or exc})")
        sys.exit(2)
    click.echo(f"wrote {written}")


@main.command()
@click.option("--kind", type=click.Choice(["ga-draft", "ga", "sc"]), required=True,
              help="ga-draft: Main Committee draft; ga: General Assembly resolution; sc: Security Council resolution.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="The new file (.docx).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def new(kind, output, force):
    """Write an empty skeleton of a resolution from a template."""
    from draftlint.files import atomic_write
    from draftlint.packs import resource_dir

    template = resource_dir("templates") / f"{kind}.docx"
    if os.path.exists(output) and not force:
        click.echo(f"{output}: error: the file exists already; choose another name or give --force")
        sys.exit(2)
    try:
        atomic_write(output, template.read_bytes())
    except OSError as exc:
        click.echo(f"{output}: error: cannot write the file ({exc.strerror or exc})")
        sys.exit(2)
    click.echo(f"wrote {output}")
