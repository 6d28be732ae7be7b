"""Rules as data: the house pack of the issue end to end, one-line errors for broken packs and configs,
suppression comments, the generated rule reference, and the built-in UN packs."""
from __future__ import annotations

import json
import textwrap

import pytest
import yaml

from conftest import ROOT, lint_docx, lint_text, run_cli
from draftlint.lint.registry import documented_rules

HOUSE = (ROOT / "examples" / "house.yaml").read_text(encoding="utf-8")

DRAFT = ("*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n"
         "1. *Welcomes* the Program of work;\n\n2. *Decides* hereby to remain seized of the matter.\n")


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / ".draftlint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_house_pack_end_to_end(repo):
    r = run_cli("check", repo / "drafts" / "draft.md", cwd=repo)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert any(line.endswith('OP1: warning: Write "Programme", not "Program". [house.us-spelling]') for line in lines)
    assert any(line.endswith('OP2: error: Avoid "hereby". [house.no-hereby]') for line in lines)
    r = run_cli("check", "--ignore", "house", repo / "drafts" / "draft.md", cwd=repo)
    assert "house." not in r.stdout and "un-spelling.oxford" in r.stdout and r.returncode == 0


def test_config_severity_per_file_ignores_and_strict(repo):
    (repo / ".draftlint.yaml").write_text(
        "packs: [house.yaml]\nseverity: {house.no-hereby: warning}\nper_file_ignores: {'drafts/old*.md': [house]}\n"
        "strict: true\n", encoding="utf-8")
    (repo / "drafts" / "old.md").write_text(DRAFT, encoding="utf-8")
    r = run_cli("check", repo / "drafts" / "draft.md", repo / "drafts" / "old.md", cwd=repo)
    assert "draft.md:OP2: warning: Avoid" in r.stdout
    assert "old.md:OP2: warning: Avoid" not in r.stdout and "old.md:OP1: warning: Write" not in r.stdout
    assert r.returncode == 1  # strict: warnings fail
    (repo / ".draftlint.yaml").write_text("packs: [house.yaml]\nseverity: {house: off, un-spelling: off}\n", encoding="utf-8")
    r = run_cli("check", repo / "drafts" / "draft.md", cwd=repo)
    assert (r.returncode, r.stdout) == (0, "")


def test_pyproject_configuration(tmp_path):
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.draftlint]\npacks = ["house.yaml"]\nignore = ["house.us-spelling"]\n')
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    r = run_cli("check", tmp_path / "d.md", cwd=tmp_path)
    assert "[house.no-hereby]" in r.stdout and "[house.us-spelling]" not in r.stdout


@pytest.mark.parametrize("change, message", [
    (lambda t: t.replace("    swap: {program: programme, labor: labour}\n", ""),
     "house.yaml: rules[1] (house.us-spelling): 'swap' is a required property"),
    (lambda t: t.replace("    tokens: [hereby]\n", "    tokens: [hereby]\n    tokenz: [x]\n"),
     "house.yaml: rules[0] (house.no-hereby): Unevaluated properties are not allowed ('tokenz' is not a known key)"),
    (lambda t: t.replace("severity: error", "severity: fatal"),
     "house.yaml: rules[0] (house.no-hereby): severity: 'fatal' is not one of ['error', 'warning', 'info']"),
    (lambda t: t.replace("scope: [operative]", "scope: [operatives]"),
     "house.yaml: rules[0] (house.no-hereby): scope.0: 'operatives' is not one of"),
    (lambda t: t.replace("'Avoid \"{match}\".'", "'Avoid {word}.'"),
     "house.yaml: rules[0] (house.no-hereby): message: unknown placeholder {word}"),
    (lambda t: t + "  - [\n", "house.yaml: not valid YAML (line"),
    (lambda t: "a: &a [x, x]\nb: *a\n", "house.yaml: not valid YAML: aliases (*name) are not allowed (line 2)"),
    (lambda t: "- just\n- a list\n", "house.yaml: is not a YAML mapping"),  # never its contents
])
def test_broken_pack_one_line_exit_2(repo, change, message):
    (repo / "house.yaml").write_text(change(HOUSE), encoding="utf-8")
    r = run_cli("check", repo / "drafts" / "draft.md", cwd=repo)
    assert r.returncode == 2
    line = [ln for ln in r.stdout.splitlines() if ": error: " in ln]
    assert len(line) == 1 and "Traceback" not in r.stderr
    assert message in line[0], line[0]
    r = run_cli("rules", "validate", repo / "house.yaml")
    assert r.returncode == 2 and message in r.stdout and r.stdout.count("\n") == 1


def test_broken_config(repo):
    (repo / ".draftlint.yaml").write_text("packs: house.yaml\n", encoding="utf-8")
    r = run_cli("check", repo / "drafts" / "draft.md", cwd=repo)
    assert r.returncode == 2 and ".draftlint.yaml: packs: 'house.yaml' is not of type 'array'" in r.stdout


def test_validate_good_pack(repo):
    r = run_cli("rules", "validate", repo / "house.yaml")
    assert (r.returncode, r.stdout.strip()) == (0, f"{repo / 'house.yaml'}: valid, 2 rules")


def test_suppression_in_markdown_and_unused(tmp_path):
    text = ("*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n"
            "1. Takes note of the report;<!-- draftlint: allow italics.lead -->\n\n"
            "2. *Decides* to remain seized of the matter.<!-- draftlint: allow numbering -->\n")
    _, findings = lint_text(text, tmp_path)
    assert [(f.label, f.rule) for f in findings] == [("OP2", "suppression.unused")]


def test_suppression_by_word_comment(tmp_path):
    text = ("*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n"
            "1. Takes note of the report;{>>draftlint: allow italics<<}\n\n2. Decides to act.\n")
    _, findings = lint_docx(text, tmp_path)
    assert [(f.label, f.rule) for f in findings] == [("OP2", "italics.lead")]


def test_rule_doc_command():
    r = run_cli("rules", "italics.lead")
    assert r.returncode == 0 and r.stdout.startswith("italics.lead  (italics, error")
    assert "Wrong:" in r.stdout and "*Takes* note" in r.stdout
    assert run_cli("rules", "no.such-rule").returncode == 2


def test_docs_rules_md_is_current():
    r = run_cli("rules", "--markdown")
    assert r.returncode == 0
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == r.stdout, \
        "docs/rules.md is stale: run draftlint rules --markdown > docs/rules.md"


def test_builtin_packs_match_the_schema():
    import jsonschema

    schema = json.loads((ROOT / "rules" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    packs = sorted((ROOT / "rules").glob("*.yaml"))
    assert packs, "no built-in packs"
    for path in packs:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def _pack_specs():
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for spec in data["rules"]:
            yield data["pack"], spec


def test_word_lists_sorted_and_sane():
    exact, folded = set(), set()  # swap keys of case-sensitive rules, and (lower-cased) of the others
    for pack, spec in _pack_specs():
        rid = f"{pack}.{spec['id']}"
        for key in ("tokens", "phrases", "exceptions"):
            words = spec.get(key, [])
            assert words == sorted(words, key=str.lower), f"{rid}: {key} not sorted"
            assert len(set(w.lower() for w in words)) == len(words), f"{rid}: {key} has a duplicate"
        swap = spec.get("swap", {})
        assert list(swap) == sorted(swap, key=str.lower), f"{rid}: swap keys not sorted"
        for wrong, right in swap.items():
            assert wrong != right, f"{rid}: {wrong} swapped for itself"
            (exact.add(wrong) if spec.get("case_sensitive") else folded.add(wrong.lower()))
    for pack, spec in _pack_specs():
        for right in spec.get("swap", {}).values():
            assert right not in exact and right.lower() not in folded, f"{pack}.{spec['id']}: {right} is itself swapped"


def test_no_suggestion_sets_off_another_rule(tmp_path):
    suggestions = [right for _, spec in _pack_specs() for right in spec.get("swap", {}).values()]
    text = ("*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n"
            + "".join(f"{k}. *Welcomes* the {s} of work;\n\n" for k, s in enumerate(suggestions, 1))
            + f"{len(suggestions) + 1}. *Decides* to remain seized of the matter.\n")
    _, findings = lint_text(text, tmp_path)
    assert [f for f in findings if f.rule.startswith(("un-spelling", "un-terms"))] == []


def test_every_rule_registered_and_documented():
    rules = documented_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert all(len(getattr(r, f).strip()) > 3 for f in ("summary", "why", "wrong", "right")), r.id


def test_builtin_cache_is_current():
    from draftlint.lint.packs import CACHE, builtin_cache

    assert (ROOT / "rules" / CACHE).exists(), "rules/builtin.json is missing: run draftlint rules --build-cache"
    assert (ROOT / "rules" / CACHE).read_text(encoding="utf-8") == builtin_cache(), \
        "rules/builtin.json is stale: run draftlint rules --build-cache"


CAPITALS_PACK = textwrap.dedent("""\
    pack: house
    rules:
      - id: shouting
        kind: forbid
        category: style
        severity: warning
        scope: [operative]
        case_sensitive: false
        patterns: ['\\b\\p{Lu}{2,}\\b', 'decides (?:\\p{Lu}\\w+|[\\p{Lu}\\d]{3})', 'member [[:upper:]]tates']
        message: 'Not in capitals: "{match}".'
        doc: {summary: No capitals., why: House style., wrong: "1. *Decides* NOW;", right: "1. *Decides* now;"}
    """)


@pytest.mark.parametrize("delegation", [True, False])
def test_a_unicode_case_class_keeps_its_case_when_the_pack_ignores_case(tmp_path, delegation):
    """case_sensitive: false makes a pattern's letters match either case; \\p{Lu} (or [[:upper:]]) still means
    a capital: `regex` under IGNORECASE alone would take \\p{Lu} for any letter and flag every word."""
    from draftlint.lint.packs import compile_pack

    data = yaml.safe_load(CAPITALS_PACK)
    rules = compile_pack(data, "house.yaml", eager=delegation)
    draft = tmp_path / "d.md"
    draft.write_text("*The General Assembly,*\n\n*Recalling* its resolution 75/59 of 7 December 2020,\n\n"
                     "1. *Urges* the ÉTATS and the States, Member States and member states to act now;\n\n"
                     "2. DECIDES Ébauche and Decides G77 but decides now and decides échelle;\n\n"
                     "3. *Decides* to remain seized of the matter.\n", encoding="utf-8")
    from draftlint.formats import read
    from draftlint.model.resolution import build

    res = build(read(str(draft)))
    found = sorted(f.match for r in rules for f in r.check(res))
    # Not "the", "and", "now" (as \p{Lu}{2,} alone would give), not "member states", "decides now" or
    # "decides échelle"; "DECIDES Ébauche" is found as "DECIDES", the first pattern to match there.
    assert found == sorted(["ÉTATS", "Member States", "DECIDES", "Decides G77"]), found


def test_keep_case_marks_only_the_classes_that_name_a_case():
    from draftlint.lint.packpatterns import keep_case

    assert keep_case(r"\p{Lu}\w+") == r"(?-i:\p{Lu})\w+"
    assert keep_case(r"[^\p{Ll}\d]x\p{L}") == r"(?-i:[^\p{Ll}\d])x\p{L}"
    assert keep_case(r"\p{Uppercase_Letter}|\p{gc=Lt}|\P{Lower}") == \
        r"(?-i:\p{Uppercase_Letter})|(?-i:\p{gc=Lt})|(?-i:\P{Lower})"
    assert keep_case(r"\\p{Lu}") == r"\\p{Lu}"  # an escaped backslash, then the letters p{Lu}
    assert keep_case(r"[]\p{Lu}]") == r"(?-i:[]\p{Lu}])"
    assert keep_case("hereby") == "hereby"


def test_pyproject_configuration_on_python_3_10(tmp_path, monkeypatch):
    """Without tomllib (Python 3.10), [tool.draftlint] is read with tomli, which pyproject.toml declares there."""
    import sys

    pytest.importorskip("tomli")
    from draftlint.lint import config

    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.draftlint]\npacks = ["house.yaml"]\nstrict = true\n')
    monkeypatch.setitem(sys.modules, "tomllib", None)  # `import tomllib` fails as on Python 3.10
    found = config._from_pyproject(str(tmp_path / "pyproject.toml"))
    assert found.strict is True and found.packs == [str(tmp_path / "house.yaml")]


def test_the_readme_shows_the_house_pack_as_it_is():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"\(this one is `examples/house.yaml`\):\n\n```yaml\n(.*?)```", readme, re.S).group(1)
    assert shown == "".join(l for l in HOUSE.splitlines(keepends=True) if not l.startswith("#"))


def test_every_kind_of_the_schema_has_its_class():
    """A kind the schema allows but no class runs would fail only when a pack first uses it."""
    from draftlint.lint.packrules import KINDS

    schema = json.loads((ROOT / "rules" / "schema.json").read_text(encoding="utf-8"))
    assert set(KINDS) == set(schema["$defs"]["common"]["properties"]["kind"]["enum"])
    assert all(cls.kind == kind for kind, cls in KINDS.items())
