"""One loop for every rule: read, build the model, run the checks and packs, select, suppress, sort."""
from __future__ import annotations

from draftlint.errors import InputError
from draftlint.records import field, record
from draftlint.rule import Finding


@record
class FileResult:
    path: str
    kind: str | None = None
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    strict: bool = False
    not_a_draft: bool = False


@record
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: str | None = None  # a configuration file given on the command line
    strict: bool = False
    previous: str | None = None  # last session's resolution on the same item


def _longest(rule_id: str, prefixes) -> int:
    return max((len(p) for p in prefixes if p in ("", "all") or rule_id == p.rstrip(".")
                or rule_id.startswith(p.rstrip(".") + ".")), default=-1)


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


def checkers(config=None):
    """What runs: each Python check module, each rule of the built-in UN packs and of the configured packs."""
    from draftlint.checks import modules
    from draftlint.packs import builtin_rules, user_pack

    out = [mod.check for mod in modules()] + [p.check for p in builtin_rules()]
    for path in (config.packs if config is not None else ()):
        out += [p.check for p in user_pack(path)]
    return out


def documented_rules(config=None):
    """Every rule with its doc, for `draftlint rules` and docs/rules.md."""
    from draftlint import suppress
    from draftlint.checks import modules
    from draftlint.packs import builtin_rules, user_pack

    rules = [r for mod in modules() for r in mod.RULES] + suppress.RULES + [p.rule for p in builtin_rules()]
    for path in (config.packs if config is not None else ()):
        rules += [p.rule for p in user_pack(path)]
    return rules


def lint_resolution(res, options: Options | None = None, config=None, path: str | None = None) -> list[Finding]:
    from draftlint import suppress

    options = options or Options()
    select = tuple(options.select) or tuple(config.select if config else ())
    ignore = tuple(config.ignore if config else ()) + tuple(options.ignore)
    if config is not None and path:
        ignore += tuple(config.ignores_for(path))
    overrides = config.severity if config is not None else {}
    findings = []
    for check in checkers(config):
        for f in check(res):
            if not selected(f.rule, select, ignore):
                continue
            if overrides:
                f.severity = severity_for(f.rule, f.severity, overrides)
                if f.severity == "off":
                    continue
            findings.append(f)
    findings.sort(key=lambda f: (f.order, f.rule, f.message))
    findings = suppress.apply(res, findings)
    return [f for f in findings if selected(f.rule, select, ignore)]


_PREVIOUS: dict[str, object] = {}


def read_previous(path: str):
    """Last session's resolution, read once per process; a problem with it is named as such."""
    from draftlint.readers import read
    from draftlint.structure import build

    if path not in _PREVIOUS:
        try:
            _PREVIOUS[path] = build(read(path))
        except InputError as exc:
            _PREVIOUS[path] = InputError(f"the previous resolution {path} cannot be used: {exc}")
    found = _PREVIOUS[path]
    if isinstance(found, InputError):
        raise found
    return found


def check_file(path: str, options: Options | None = None) -> FileResult:
    from draftlint.config import find_config, load_config
    from draftlint.readers import read
    from draftlint.structure import build

    options = options or Options()
    result = FileResult(path=path)
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
    except (RecursionError, MemoryError):
        result.error = "the document is too deeply nested or too large to read"
    return result
