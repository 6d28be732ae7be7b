"""One loop for every rule: read, build the model, run the checks and packs, select, suppress, sort."""
from __future__ import annotations

from dataclasses import dataclass, field

from draftlint.errors import InputError
from draftlint.lint import registry
from draftlint.lint.rule import Finding, prefix_length


@dataclass(slots=True)
class FileResult:
    """What checking one file gave: its findings, or the one-line reason it could not be checked."""

    path: str
    kind: str | None = None
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    strict: bool = False
    not_a_draft: bool = False
    internal: str | None = None  # the traceback of a fault in draftlint itself, shown with --debug
    config: str | None = None  # the configuration file given for it (--config), else found beside it


@dataclass(slots=True)
class Options:
    """How a check runs, from the command line: rules selected or ignored, configuration, profile."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: str | None = None  # a configuration file given on the command line
    strict: bool = False
    previous: str | None = None  # last session's resolution on the same item
    debug: bool = False  # keep the traceback of an internal error
    profile: str | None = None  # "style" runs the rules of the style profile too; None: as configured


class InternalError(Exception):
    """A fault in draftlint itself (a bug), caught so that one rule or one file never costs the others' report."""

    def __init__(self, where: str, exc: BaseException):
        import traceback

        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        super().__init__(f"internal error in draftlint while checking ({where}): {reason}; please report it")
        self.trace = "".join(traceback.format_exception(exc))


def _longest(rule_id: str, prefixes) -> int:
    return max((prefix_length(rule_id, p) for p in prefixes), default=-1)


def selected(rule_id: str, select, ignore) -> bool:
    """Longest matching prefix wins between select and ignore; nothing selected means everything."""
    sel = _longest(rule_id, select) if select else 0
    ign = _longest(rule_id, ignore)
    return sel >= 0 and sel >= ign if ign >= 0 else sel >= 0


def severity_for(rule_id: str, default: str, overrides: dict[str, str]) -> str:
    best, level = -1, default
    for prefix, value in overrides.items():
        n = _longest(rule_id, [prefix])
        if n > best:
            best, level = n, value
    return level


def lint_resolution(res, options: Options | None = None, config=None, path: str | None = None) -> list[Finding]:
    from draftlint.lint import suppress

    options = options or Options()
    select = tuple(options.select) or tuple(config.select if config else ())
    ignore = tuple(config.ignore if config else ()) + tuple(options.ignore)
    if config is not None and path:
        ignore += tuple(config.ignores_for(path))
    overrides = config.severity if config is not None else {}
    profile = options.profile or (config.profile if config is not None else "default")
    style = registry.style_rules(config) if profile != "style" else frozenset()
    findings, failed = [], None
    for name, check in registry.checkers(config):
        kept = []
        try:
            for f in check(res):
                if not selected(f.rule, select, ignore) or (f.rule in style and not any(prefix_length(f.rule, p) > 0 for p in select)):
                    continue
                if overrides:
                    f.severity = severity_for(f.rule, f.severity, overrides)
                    if f.severity == "off":
                        continue
                kept.append(f)
        except (InputError, RecursionError, MemoryError):
            raise
        except Exception as exc:  # a bug in one rule: report the others, and the bug, for this file
            failed = failed or InternalError(name if name.startswith(("rule ", "module ")) else f"rule {name}", exc)
            continue
        findings += kept
    findings.sort(key=lambda f: (f.order, f.rule, f.message))
    findings = suppress.apply(res, findings)
    findings = [f for f in findings if selected(f.rule, select, ignore)]
    if failed is not None:
        failed.findings = findings
        raise failed
    return findings


_PREVIOUS: dict[str, object] = {}


def read_previous(path: str):
    """Last session's resolution, read once per process; a problem with it is named as such."""
    from draftlint.formats import read
    from draftlint.model.resolution import build

    if path not in _PREVIOUS:
        try:
            _PREVIOUS[path] = build(read(path))
        except InputError as exc:
            _PREVIOUS[path] = InputError(f"the previous resolution {path} cannot be used: {exc}")
    found = _PREVIOUS[path]
    if isinstance(found, InputError):
        raise found
    return found


def forget(folder: str) -> None:
    """Drop what this process keeps of the files under `folder`: previous resolutions read from there and the
    configurations found for them. The web page checks each upload in a temporary folder removed after the
    answer; kept, they would grow a long-running server with every request."""
    import os

    from draftlint.lint import config

    inside = os.path.join(os.path.abspath(folder), "")
    for key in [k for k in list(_PREVIOUS) if os.path.abspath(k).startswith(inside)]:
        _PREVIOUS.pop(key, None)
    config.forget(inside)


def check_file(path: str, options: Options | None = None) -> FileResult:
    from draftlint.lint.config import find_config, load_config
    from draftlint.formats import read
    from draftlint.model.resolution import build

    options = options or Options()
    result = FileResult(path=path, config=options.config)
    try:
        config = load_config(options.config) if options.config else find_config(path)
        result.strict = options.strict or config.strict
        res = build(read(path))
        if options.previous:
            res.previous = read_previous(options.previous)
        result.kind = res.kind
        result.findings = lint_resolution(res, options, config, path)
    except InputError as exc:
        from draftlint.errors import NotAResolution

        result.error = str(exc)
        result.not_a_draft = isinstance(exc, NotAResolution)
        result.kind = None
        result.findings = []
    except InternalError as exc:
        _internal(result, exc, options, getattr(exc, "findings", []))
    except (RecursionError, MemoryError):
        result.error = "the document is too deeply nested or too large to read"
    except Exception as exc:  # a bug while reading or building the model
        _internal(result, InternalError("reading the document", exc), options, [])
    return result


def _internal(result: FileResult, exc: InternalError, options: Options, findings) -> None:
    result.error = str(exc)
    result.findings = list(findings)  # what the other rules found still stands
    result.internal = exc.trace if options.debug else None
