"""Where the package's data is: the built-in packs and their schema (rules/) and the templates of `new`."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def resource_dir(name: str) -> Path:
    """rules/ or templates/ (packages of their own): inside the installed package, or beside it in a source
    checkout."""
    here = Path(__file__).resolve().parent  # the draftlint package
    inside = here / name
    return inside if (inside / "__init__.py").exists() else here.parent / name
