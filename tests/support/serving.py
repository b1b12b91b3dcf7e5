"""Serving a built site to the tests: the quiet local server (scripts/bench/local_server.py), one
that sends the headers of deploy/nginx.conf, the Kiwix files in Debian's kiwix-serve, and waiting for
a server of another program (nginx, kiwix-serve) to listen."""

from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator, Sequence

from scripts.bench.local_server import LocalServer, QuietHandler, serve_directory  # noqa: F401 - the tests' server
from scripts.tools.nginx import free_port, wait_for_port  # noqa: F401 - also for kiwix-serve
from scripts.site import csp

# The response headers deploy/nginx.conf adds (Content-Security-Policy and the other security headers).
CONF_HEADERS = csp.nginx_headers(csp.NGINX_CONF.read_text(encoding="utf-8"))


def headers_handler(headers: dict[str, str]):
    """A request handler that sends these headers with every response."""

    class Handler(QuietHandler):
        def end_headers(self):
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

    return Handler


KIWIX_SERVE = "kiwix-serve"


def run_kiwix_serve(files: Sequence[Path]) -> Iterator[int]:
    """kiwix-serve on 127.0.0.1 with these Kiwix files, without its own bar (as deploy/README.md
    says); yields its port (for a fixture: `yield from run_kiwix_serve(...)`)."""
    import pytest

    if shutil.which(KIWIX_SERVE) is None:
        pytest.fail("kiwix-serve is missing: apt-get install kiwix-tools (make test installs it)")
    port = free_port()
    process = subprocess.Popen([KIWIX_SERVE, "--nosearchbar", "--address", "127.0.0.1", "--port", str(port),
                                *map(str, files)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wait_for_port(port)
    yield port
    process.terminate()
    process.communicate(timeout=10)  # also closes its pipe


def kiwix_get(port: int, path: str) -> http.client.HTTPResponse:
    """GET from kiwix-serve; the text is in `.body`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.body = response.read().decode("utf-8", errors="replace")
    connection.close()
    return response


def kiwix_content_prefix(port: int, book: str) -> str:
    """Where kiwix-serve shows a file's entries: /<book>/ (kiwix-tools 3.3), /content/<book>/ (later)."""
    for prefix in (f"/content/{book}/", f"/{book}/"):
        if kiwix_get(port, prefix + "index.html").status in (200, 302) or kiwix_get(port, prefix).status in (200, 302):
            return prefix
    raise AssertionError(f"kiwix-serve shows no entry of {book}")
