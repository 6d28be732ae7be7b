"""One loop for every rule: read, build the model, run the checks, select, sort."""
from __future__ import annotations

from dataclasses import dataclass, field

from draftlint.errors import InputError
from draftlint.rule import Finding


@dataclass(slots=True)
class FileResult:
    path: str
    kind: str | None = None
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def selected(rule_id: str, options: Options) -> bool:
    """Longest matching prefix wins between --select and --ignore; nothing selected means everything."""
    def best(prefixes):
        return max((len(p) for p in prefixes if rule_id == p or rule_id.startswith(p.rstrip(".") + ".")
                    or p == ""), default=-1)

    sel = best(options.select) if options.select else 0
    ign = best(options.ignore)
    return sel >= 0 and sel >= ign if ign >= 0 else sel >= 0


def lint_resolution(res, options: Options | None = None) -> list[Finding]:
    from draftlint.checks import modules

    options = options or Options()
    findings = []
    for mod in modules():
        for f in mod.check(res):
            if selected(f.rule, options):
                findings.append(f)
    findings.sort(key=lambda f: (f.order, f.rule, f.message))
    return findings


def check_file(path: str, options: Options | None = None) -> FileResult:
    from draftlint.readers import read
    from draftlint.structure import build

    result = FileResult(path=path)
    try:
        res = build(read(path))
    except InputError as exc:
        result.error = str(exc)
        return result
    except (RecursionError, MemoryError):
        result.error = "the document is too deeply nested or too large to read"
        return result
    result.kind = res.kind
    result.findings = lint_resolution(res, options)
    return result
