"""The page's web application (ASGI, Starlette): the page itself, POST /check and POST /download/{what}.

The server keeps nothing between requests: the page holds the drafter's files and sends them again with each
download. Limits keep one request from costing the server more than a few drafts: MAX_DRAFTS drafts of at
most MAX_BYTES each, and last session's resolution. A refused request is answered with one line of plain
text, the one the command line prints for the same file."""
from __future__ import annotations

from importlib import resources
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from draftlint.web import jobs

MAX_DRAFTS = 10
MAX_BYTES = 5 * 1024 * 1024
# The whole request: every draft and the previous resolution at their largest, and room for the form itself.
MAX_REQUEST = (MAX_DRAFTS + 1) * MAX_BYTES + 256 * 1024
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]

STATIC = {"/": ("index.html", "text/html; charset=utf-8"),
          "/page.css": ("page.css", "text/css; charset=utf-8"),
          "/page.js": ("page.js", "text/javascript; charset=utf-8")}
# The page loads nothing but itself: no other site, no inline script.
HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                      "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
           "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


def _refused(line: str, status: int = 400) -> PlainTextResponse:
    return PlainTextResponse(line + "\n", status_code=status, headers=HEADERS)


async def _form(request: Request):
    """The drafts and the previous resolution of a request, read within the limits; a Refused otherwise."""
    from starlette.exceptions import HTTPException
    from starlette.formparsers import MultiPartException

    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise jobs.Refused("draftlint: error: the upload did not say its size; send it from the page", 411)
    if int(length) > MAX_REQUEST:
        raise jobs.Refused(f"draftlint: error: the upload is larger than {MAX_REQUEST // 2**20} MB; send fewer or "
                           "smaller drafts", 413)
    try:
        form = await request.form(max_files=MAX_DRAFTS + 1, max_fields=MAX_DRAFTS + 4)
    except (MultiPartException, HTTPException) as exc:  # Starlette words a form it refuses as an HTTPException
        if "too many files" in str(getattr(exc, "detail", exc)).lower():
            raise jobs.Refused(f"draftlint: error: too many drafts at once; the page takes at most {MAX_DRAFTS}",
                               413) from None
        raise jobs.Refused(f"draftlint: error: the upload cannot be read as a form "
                           f"({getattr(exc, 'detail', exc)}); send it from the page",
                           400) from None
    try:
        drafts = [await _read(f) for f in form.getlist("draft") if _is_file(f)]
        previous = form.get("previous")
        previous = await _read(previous) if _is_file(previous) else None
    finally:
        await form.close()
    if len(drafts) > MAX_DRAFTS:
        raise jobs.Refused(f"draftlint: error: {len(drafts)} drafts at once; the page takes at most {MAX_DRAFTS}", 413)
    return drafts, previous


def _is_file(value) -> bool:
    return hasattr(value, "read") and bool(getattr(value, "filename", ""))


async def _read(upload) -> jobs.Upload:
    data = await upload.read(MAX_BYTES + 1)
    name = jobs.safe_name(upload.filename)
    if len(data) > MAX_BYTES:
        raise jobs.Refused(f"{name}: error: the file is larger than {MAX_BYTES // 2**20} MB, the most the page takes "
                           "(a resolution is far smaller; is it the right file?)", 413)
    return jobs.Upload(name, data)


async def page(request: Request) -> Response:
    name, media = STATIC[request.url.path]
    data = resources.files("draftlint.web").joinpath("static", name).read_bytes()
    return Response(data, media_type=media, headers=HEADERS)


async def check(request: Request) -> Response:
    try:
        drafts, previous = await _form(request)
        if not drafts:
            raise jobs.Refused("draftlint: error: choose a draft first (.docx, .md or .txt)")
        found = await run_in_threadpool(jobs.check, drafts, previous, request.app.state.config)
    except jobs.Refused as exc:
        return _refused(exc.line, exc.status)
    return JSONResponse(found, headers=HEADERS)


async def download(request: Request) -> Response:
    what = request.path_params["what"]
    try:
        drafts, previous = await _form(request)
        if len(drafts) > 1:
            raise jobs.Refused("draftlint: error: one draft at a time for a download")
        name, media, data = await run_in_threadpool(jobs.download, what, drafts[0] if drafts else None, previous,
                                                    request.app.state.config)
    except jobs.Refused as exc:
        return _refused(exc.line, exc.status)
    return Response(data, media_type=media, headers={**HEADERS, "Content-Disposition": _attachment(name)})


def _attachment(name: str) -> str:
    """The header that names a download, in ASCII for old browsers and in UTF-8 for the others (RFC 6266)."""
    plain = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in name)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


def create_app(loopback_only: bool = True, config: str | None = None, also_hosts: tuple = ()) -> Starlette:
    """The application; `loopback_only` answers only requests addressed to this computer by name (127.0.0.1,
    localhost), which keeps another web site from reaching the page through a name it controls. `config`: the
    configuration file (a mission's house packs) every draft is checked with; `also_hosts`: the loopback
    address the server listens on when it is not one of the usual ones (127.0.0.2)."""
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS + list(also_hosts))] if loopback_only else []
    routes = [Route(path, page, methods=["GET"]) for path in STATIC]
    routes += [Route("/check", check, methods=["POST"]), Route("/download/{what}", download, methods=["POST"])]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.config = config
    return app
