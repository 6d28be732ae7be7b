"""Plain record classes: what draftlint used from dataclasses, without its cost.

`dataclasses` imports `inspect` (and with it ast, dis, tokenize, enum …) and builds each class through
general machinery: about 10 ms of every `draftlint check`, more than reading a draft. draftlint's records
need only an __init__ in field order with defaults, __post_init__, __repr__, __eq__ (or identity), frozen
records that hash, and __slots__.
"""
from __future__ import annotations

_MISSING = object()


class _Field:
    __slots__ = ("default_factory", "repr", "compare")

    def __init__(self, default_factory, repr: bool, compare: bool):
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def field(*, default_factory, repr: bool = True, compare: bool = True):
    """A field whose default is made anew for each record (a list, a dict)."""
    return _Field(default_factory, repr, compare)


def record(cls=None, *, slots: bool = True, eq: bool = True, frozen: bool = False):
    """@record or @record(slots=…, eq=…, frozen=…) over a class whose annotated names are its fields."""
    if cls is None:
        return lambda c: _build(c, slots, eq, frozen)
    return _build(cls, slots, eq, frozen)


def _build(cls, slots: bool, eq: bool, frozen: bool):
    names = list(cls.__dict__.get("__annotations__", {}))
    spec = {n: cls.__dict__.get(n, _MISSING) for n in names}
    env = {"_MISSING": _MISSING, "_set": object.__setattr__}
    params, lines = [], []
    for n, default in spec.items():
        if default is _MISSING:
            params.append(n)
            value = n
        elif isinstance(default, _Field):
            env[f"_f_{n}"] = default.default_factory
            params.append(f"{n}=_MISSING")
            value = f"_f_{n}() if {n} is _MISSING else {n}"
        else:
            env[f"_d_{n}"] = default
            params.append(f"{n}=_d_{n}")
            value = n
        lines.append(f"    _set(self, {n!r}, {value})" if frozen else f"    self.{n} = {value}")
    if "__post_init__" in cls.__dict__:
        lines.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(lines) or "    pass") + "\n"
    exec(source, env)  # noqa: S102 - source built above from the class's own field names

    shown = [n for n, d in spec.items() if not (isinstance(d, _Field) and not d.repr)]
    compared = tuple(n for n, d in spec.items() if not (isinstance(d, _Field) and not d.compare))
    ns = {k: v for k, v in cls.__dict__.items() if k not in spec and k not in ("__dict__", "__weakref__")}
    ns["__init__"] = env["__init__"]
    ns["__repr__"] = _repr(shown)
    if slots:
        ns["__slots__"] = tuple(names)
    if eq:
        ns["__eq__"] = _eq(compared)
        ns["__hash__"] = _hash(compared) if frozen else None
    if frozen:
        ns["__setattr__"] = _frozen
        ns["__delattr__"] = _frozen
    return type(cls)(cls.__name__, cls.__bases__, ns)


def _repr(names):
    def __repr__(self):
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in names)})"
    return __repr__


def _eq(names):
    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in names)
    return __eq__


def _hash(names):
    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))
    return __hash__


def _frozen(self, name, *value):
    raise AttributeError(f"cannot change {name!r}: {type(self).__name__} is frozen")
