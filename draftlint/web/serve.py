"""`draftlint serve`: the page on this computer (or, with --host, on a mission's network), in the default browser.

The server works in a temporary folder of its own: the requests' folders, what the web framework spools
and draftlint's cache all go there, it is the working folder, and it is removed when the server stops. So
the server writes nothing anywhere else."""
from __future__ import annotations

import gc
import ipaddress
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time

import uvicorn

from draftlint.web.app import create_app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound here so that a port already in use is one line, not a log."""
    infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name != "nt":  # on Windows this would let two servers share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)  # from now on a browser's request waits for the server instead of being refused
    except OSError:
        sock.close()
        raise
    return sock


def url_of(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else ("[::1]" if host == "::" else host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _open_when_ready(url: str, sock: socket.socket) -> None:
    import webbrowser

    address = sock.getsockname()[:2]
    if address[0] in ("0.0.0.0", "::"):
        address = ("127.0.0.1" if sock.family == socket.AF_INET else "::1", address[1])
    for _ in range(100):
        try:
            with socket.create_connection(address, timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    webbrowser.open(url)


def serve(host: str, port: int, open_browser: bool, config: str | None = None) -> int:
    if config is not None:
        # Read before the server moves into its own folder, and checked now: a mission's page with a broken
        # house pack is one line at the start, not an error on every draft.
        from draftlint.errors import InputError
        from draftlint.lint.config import load_config
        from draftlint.lint.registry import documented_rules

        config = os.path.abspath(config)
        try:
            documented_rules(load_config(config))  # the configuration and every pack it names
        except InputError as exc:
            print(f"draftlint serve: error: {exc}", file=sys.stderr)
            return 2
    try:
        sock = listen(host, port)
    except (OSError, UnicodeError) as exc:
        print(f"draftlint serve: error: cannot serve the page at {host}:{port} ({getattr(exc, 'strerror', None) or exc});"
              " give another --port, or a --host this computer has", file=sys.stderr)
        return 2
    loopback = is_loopback(host)
    url = url_of(host, sock.getsockname()[1])
    if not loopback:
        print(f"draftlint serve: warning: the page is open to every computer that can reach this one at {url}",
              file=sys.stderr)
    gc.set_threshold(700, 10, 10)  # a server runs for long: collect as Python usually does (command.run raised it)
    here = os.getcwd()
    folder = tempfile.mkdtemp(prefix="draftlint-serve-")
    tempfile.tempdir = folder
    os.environ["XDG_CACHE_HOME"] = os.path.join(folder, "cache")
    os.chdir(folder)
    try:
        print(f"draftlint: the page is at {url} (press Ctrl+C to stop)", flush=True)
        if open_browser:
            threading.Thread(target=_open_when_ready, args=(url, sock), daemon=True).start()
        config = uvicorn.Config(create_app(loopback_only=loopback, config=config, also_hosts=(host.strip("[]"),) if loopback else ()), log_level="warning", access_log=False,
                                lifespan="off", server_header=False)
        # uvicorn stops on Ctrl+C or SIGTERM, then raises the signal again for the handler it found: ours, so
        # that the temporary folder is removed in any case.
        before = signal.signal(signal.SIGTERM, _stop)
        try:
            uvicorn.Server(config).run(sockets=[sock])
        except (KeyboardInterrupt, Stopped):
            pass
        finally:
            signal.signal(signal.SIGTERM, before)
    finally:
        os.chdir(here)
        tempfile.tempdir = None
        sock.close()
        shutil.rmtree(folder, ignore_errors=True)
    print("draftlint: the page is stopped", file=sys.stderr)
    return 0


class Stopped(Exception):
    """SIGTERM, once uvicorn has stopped serving."""


def _stop(signum, frame):
    raise Stopped()
