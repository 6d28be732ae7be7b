"""A plain command line read without argparse.

Building the argparse parser costs a fresh `draftlint check` about 5 ms (argparse, gettext, locale and shutil
are imported, and a help formatter is made for every option), which is about a tenth of what a pre-commit
hook pays per save. Each command declares its options once, through `add_argument`. Here those declarations
are recorded and a plain command line is read directly from them.

Anything this reader does not handle is left to argparse, with argparse's own messages: help, an unknown or
abbreviated option, a missing or bad value, `--`, or an option between the paths. So this reader accepts
only command lines that argparse accepts too, and it gives the same values (tests/test_cli.py holds it to
that).
"""
from __future__ import annotations


class Option:
    __slots__ = ("dest", "action", "default", "type", "choices", "nargs", "required")

    def __init__(self, dest, action=None, default=None, type=None, choices=None, nargs=None, required=False):
        self.dest, self.action, self.type, self.choices, self.nargs = dest, action, type, choices, nargs
        self.required = required
        self.default = False if action == "store_true" and default is None else default


class Declared:
    """Stands in for an argparse parser while a command declares its options, and records them."""

    def __init__(self):
        self.positional: list[Option] = []
        self.flags: dict[str, Option] = {}

    def add_argument(self, *names, dest=None, action=None, default=None, type=None, choices=None, nargs=None,
                     required=False, **_help):
        if not names[0].startswith("-"):
            self.positional.append(Option(names[0], action, default, type, choices, nargs))
            return
        long = next((n for n in names if n.startswith("--")), names[0])
        option = Option(dest or long.lstrip("-").replace("-", "_"), action, default, type, choices, nargs, required)
        for name in names:
            self.flags[name] = option


def read(declare, argv: list[str]) -> dict | None:
    """The values of a plain command line (argv without the command's name) for the options `declare` adds;
    None when argparse must read it."""
    spec = Declared()
    declare(spec)
    if len(spec.positional) != 1:
        return None
    values = {o.dest: list(o.default) if o.action == "append" else o.default
              for o in (*spec.positional, *spec.flags.values())}
    plain: list[str] = []
    given: set[str] = set()
    ended = False  # an option came after the paths: argparse takes later paths differently
    k = 0
    while k < len(argv):
        token = argv[k]
        k += 1
        if not token.startswith("-") or token == "-":
            if ended:
                return None
            plain.append(token)
            continue
        ended = bool(plain)
        name, eq, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        option = spec.flags.get(name)
        if option is None or option.nargs is not None or option.action not in (None, "store_true", "append"):
            return None
        given.add(option.dest)
        if option.action == "store_true":
            if eq:
                return None
            values[option.dest] = True
            continue
        if not eq:
            if k >= len(argv) or argv[k].startswith("-"):
                return None
            inline = argv[k]
            k += 1
        value = _value(option, inline)
        if value is _BAD:
            return None
        if option.action == "append":
            values[option.dest].append(value)
        else:
            values[option.dest] = value
    if any(o.required and o.dest not in given for o in spec.flags.values()):
        return None
    return _positional(spec.positional[0], plain, values)


_BAD = object()


def _value(option: Option, text: str):
    try:
        value = option.type(text) if option.type is not None else text
    except Exception:  # argparse words the message
        return _BAD
    if option.choices is not None and value not in option.choices:
        return _BAD
    return value


def _positional(option: Option, plain: list[str], values: dict) -> dict | None:
    if option.nargs == "+" and plain or option.nargs == "*":
        converted = [_value(option, p) for p in plain]
        if _BAD in converted:
            return None
        values[option.dest] = converted if plain or option.nargs != "*" else (option.default or [])
        return values
    if option.nargs is None and len(plain) == 1:
        value = _value(option, plain[0])
        if value is _BAD:
            return None
        values[option.dest] = value
        return values
    return None
