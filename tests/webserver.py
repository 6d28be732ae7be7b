"""The page's server and browser for the tests and tools/web_screenshots.py: `draftlint serve` in a process of its
own on a free loopback port, a multipart POST through the standard library (never through a proxy), and
the system's Chromium driven by Playwright (never a browser Playwright downloads)."""
from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

# Chromium as a test runs it: no sandbox (containers), nothing fetched from the network by the browser itself.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-proxy-server", "--disable-dev-shm-usage"]


def chromium() -> str | None:
    """The system's Chromium (Debian's chromium package), or None."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


@dataclass
class Server:
    proc: subprocess.Popen
    url: str
    port: int
    folder: Path  # the server's TMPDIR, HOME and working folder live under it

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss_kb(self) -> int:
        with open(f"/proc/{self.pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise


def start(folder: Path, *args: str, browser: str | None = None) -> Server:
    """`draftlint serve --port 0` with TMPDIR, HOME and its working folder in `folder`; --no-browser unless
    `browser` is given, the command that stands for the default browser (BROWSER, as Python's webbrowser reads it)."""
    env = dict(os.environ)
    if browser:
        env["BROWSER"] = browser
    for key in ("TMPDIR", "HOME", "XDG_CACHE_HOME"):
        (folder / key.lower()).mkdir(parents=True, exist_ok=True)
        env[key] = str(folder / key.lower())
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    (folder / "cwd").mkdir(exist_ok=True)
    argv = [sys.executable, "-m", "draftlint", "serve", "--port", "0", *([] if browser else ["--no-browser"]), *args]
    proc = subprocess.Popen(argv,
                            cwd=folder / "cwd", env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        raise RuntimeError(f"the server did not start: {line}{proc.stderr.read()}")
    url = line[line.index("http://"):].split()[0]
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    return Server(proc, url, port, folder)


def post(port: int, path: str, files: list[tuple[str, str, bytes]], headers: dict | None = None,
         timeout: float = 60) -> tuple[int, dict, bytes]:
    """POST multipart/form-data `files` ((field, file name, bytes)) to the server; (status, headers, body)."""
    boundary = uuid.uuid4().hex
    body = b"".join((f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                     "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8") + data + b"\r\n"
                    for field, name, data in files) + f"--{boundary}--\r\n".encode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}",
                                          **(headers or {})})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def browser_context(playwright, profile: str, **kw):
    """A fresh Chromium profile in `profile`, the system's browser, headless."""
    return playwright.chromium.launch_persistent_context(
        profile, executable_path=chromium(), args=CHROMIUM_ARGS, headless=True, accept_downloads=True, **kw)
