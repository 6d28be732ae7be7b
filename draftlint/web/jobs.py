"""The work behind each request of the page, on the uploads it carries: check them, or make one download (the
copy with comments, the fixed copy, a report, next session's draft, the redline). Each request works in a
temporary folder of its own, removed before the answer goes out, and nothing of it stays in the process:
the server keeps no draft between requests, so two drafters never see each other's files.

Everything a drafter can get wrong is a `Refused` with the one line the command line prints for it."""
from __future__ import annotations

import os
import re
import tempfile
import threading
from importlib import resources
from dataclasses import dataclass

from draftlint.errors import InputError

# The engine and its caches were written for one check at a time in a process (the command line runs files
# in parallel in processes of their own); the page runs its requests one after another through it. A check
# takes a fraction of a second, and only one upload is in memory as a model at any time.
ENGINE = threading.Lock()
NAME_LENGTH = 120
NAME_BYTES = 200
WORD = ".docx"  # what fix, annotate and the redline write into (not .docm or .dotx)


@dataclass(frozen=True)
class Upload:
    name: str  # as the drafter's browser gave it
    data: bytes


class Refused(Exception):
    """A request that cannot be answered with what it asks for: `line` says why, as the command line would;
    `status` is the HTTP status."""

    def __init__(self, line: str, status: int = 400):
        super().__init__(line)
        self.line, self.status = line, status


def safe_name(name: str) -> str:
    """The file name to show and to save under: its last part only, without characters that mean something to a
    file system or a terminal, at most NAME_LENGTH characters with its extension kept, and short enough in
    UTF-8 for any file system (255 bytes on Linux: 120 Chinese characters are 360)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join("_" if c in '<>:"|?*' or ord(c) < 32 or ord(c) == 127 else c for c in base).strip(" .")
    stem, ext = os.path.splitext(base)
    if not stem:
        stem = "draft"
    ext = ext[:12]
    stem = stem[:NAME_LENGTH - len(ext)]
    while len((stem + ext).encode("utf-8")) > NAME_BYTES:
        stem = stem[:-1]
    return (stem or "draft") + ext


class Workspace:
    """A request's temporary folder, each upload saved in a folder of its own under the name the drafter sees."""

    def __enter__(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="draftlint-web-")
        self.root = self._tmp.name
        self.names: dict[str, str] = {}
        return self

    def save(self, upload: Upload, slot: str) -> str:
        folder = os.path.join(self.root, slot)
        os.mkdir(folder)
        path = os.path.join(folder, safe_name(upload.name))
        with open(path, "xb") as fh:
            fh.write(upload.data)
        self.names[path] = os.path.basename(path)
        return path

    def public(self, text: str) -> str:
        """`text` with every path of this folder replaced by the name the drafter gave the file."""
        for path, name in sorted(self.names.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(path, name)
        return text.replace(self.root + os.sep, "").replace(self.root, "")

    def out(self, name: str) -> str:
        folder = os.path.join(self.root, "out")
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, name)

    def __exit__(self, *exc):
        from draftlint.lint.engine import forget

        try:
            forget(self.root)
        finally:
            self._tmp.cleanup()


# Without `serve --config`, the page checks with no configuration at all: one found by walking up from the
# temporary folder (a /tmp/.draftlint.yaml anyone on the machine may write) must not change the findings.
NO_CONFIGURATION = str(resources.files("draftlint.web") / "no-configuration.yaml")


def _options(previous: str | None, config: str | None):
    from draftlint.lint.engine import Options

    return Options(previous=previous, config=config or NO_CONFIGURATION)


def check(drafts: list[Upload], previous: Upload | None = None, config: str | None = None) -> dict:
    """Each draft checked (against last session's resolution, if given) and shaped for the page."""
    from draftlint.lint.engine import check_file

    with ENGINE, Workspace() as ws:
        prev = ws.save(previous, "previous") if previous is not None else None
        out = []
        for k, upload in enumerate(drafts):
            path = ws.save(upload, str(k))
            result = check_file(path, _options(prev, config))
            out.append(_shown(ws, path, result))
        return {"drafts": out, "previous": ws.names[prev] if prev else None}


def _shown(ws: Workspace, path: str, result) -> dict:
    from draftlint.lint.rule import CATEGORIES

    name = ws.names[path]
    item = {"name": name, "kind": result.kind, "word": path.lower().endswith(WORD),
            "error": None, "categories": list(CATEGORIES)}
    if result.error:
        item["error"] = f"{name}: error: {ws.public(result.error)}"
    if result.error and not result.findings:
        return item
    from draftlint.formats import read
    from draftlint.model.resolution import build
    from draftlint.web.view import draft_view

    try:
        item.update(draft_view(build(read(path)), result.findings))
    except InputError:  # the check read it a moment ago; a model that fails now is shown by its error alone
        pass
    except Exception as exc:  # a bug in draftlint: one line, as the command line reports its own
        item["error"] = (f"{name}: error: internal error in draftlint while showing the draft "
                         f"({type(exc).__name__}: {ws.public(str(exc))}); please report it")
    for f in item.get("findings", ()):
        f["message"] = ws.public(f["message"])
    return item


# Each download: the name it gets from the draft's stem (next session's draft is named by its title), its type.
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOWNLOADS = {
    "annotated": ("{stem}-comments.docx", DOCX),
    "fixed": ("{stem}-fixed.docx", DOCX),
    "sarif": ("{stem}.sarif", "application/sarif+json"),
    "json": ("{stem}.json", "application/json"),
    "redline": ("{stem}-redline.docx", DOCX),
    "scaffold": ("", DOCX),
}


def download(what: str, draft: Upload | None, previous: Upload | None = None,
             config: str | None = None) -> tuple[str, str, bytes]:
    """(file name, media type, bytes) of one download; the temporary folder is gone when this returns."""
    if what not in DOWNLOADS:
        raise Refused(f"draftlint: error: no download called {what!r}", 404)
    pattern, media = DOWNLOADS[what]
    if what == "scaffold":
        if previous is None:
            raise Refused("draftlint: error: next session's draft is made from last session's resolution; add it first")
    elif draft is None:
        raise Refused("draftlint: error: choose a draft first")
    if what == "redline" and previous is None:
        raise Refused("draftlint: error: the redline compares the draft with last session's resolution; add it first")
    with ENGINE, Workspace() as ws:
        prev = ws.save(previous, "previous") if previous is not None else None
        path = ws.save(draft, "0") if draft is not None and what != "scaffold" else None
        who = path or prev  # the file a problem is named by
        try:
            name, data = _make(what, ws, path, prev, config)
        except Refused:
            raise
        except InputError as exc:
            raise Refused(f"{ws.names[who]}: error: {ws.public(str(exc))}") from None
        except (RecursionError, MemoryError):
            raise Refused(f"{ws.names[who]}: error: the document is too deeply nested or too large to edit") from None
        except (RuntimeError, IndexError) as exc:  # the document layer refused an edit it cannot place exactly
            raise Refused(f"{ws.names[who]}: error: cannot write the copy: {ws.public(str(exc))}") from None
        except Exception as exc:  # a bug in draftlint: one line, as the command line reports its own
            raise Refused(f"{ws.names[who]}: error: internal error in draftlint ({type(exc).__name__}: "
                          f"{ws.public(str(exc))}); please report it", 500) from None
        stem = os.path.splitext(ws.names[path])[0] if path else ""
        return (name or pattern.format(stem=stem)), media, data


def _word_only(ws: Workspace, path: str, what: str) -> None:
    if not path.lower().endswith(WORD):
        raise Refused(f"{ws.names[path]}: error: {what} is made from a Word draft (.docx); this draft is not "
                      "one, so change it by hand as the findings say")


def _make(what: str, ws: Workspace, path: str | None, prev: str | None, config: str | None) -> tuple[str, bytes]:
    """The download's own name ("" for the usual one) and its bytes."""
    if what in ("json", "sarif"):
        from draftlint import output
        from draftlint.lint.engine import check_file

        result = check_file(path, _options(prev, config))
        result.path = ws.names[path]
        if result.error:
            result.error = ws.public(result.error)
        return "", output.render(what, [result]).encode("utf-8")
    if what == "annotated":
        from draftlint.writers.annotate import annotate_file

        _word_only(ws, path, "the copy with comments")
        target = ws.out("annotated.docx")
        annotate_file(path, target, options=_options(prev, config))
    elif what == "fixed":
        from draftlint.writers.fix import fix_file

        _word_only(ws, path, "the fixed copy")
        target = ws.out("fixed.docx")
        fix_file(path, target, options=_options(None, config), track=True)  # as `draftlint fix`, which has no --previous
    elif what == "redline":
        from draftlint.formats import read
        from draftlint.model.resolution import build
        from draftlint.writers.redline import compare
        from draftlint.writers.redline_docx import write

        _word_only(ws, path, "the redline")
        try:
            old = build(read(prev))
        except InputError as exc:
            raise Refused(f"{ws.names[prev]}: error: {ws.public(str(exc))}") from None
        target = ws.out("redline.docx")
        write(compare(old, build(read(path))), path, target)
    else:
        from draftlint.writers.scaffold import Scaffold, default_output, scaffold

        target = ws.out("next.docx")
        scaffold(prev, target)
        with open(target, "rb") as fh:
            return safe_name(default_output(Scaffold(prev))), fh.read()
    with open(target, "rb") as fh:
        return "", fh.read()
