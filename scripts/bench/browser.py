"""What the benchmarks (and the tests) share to look at a built site in a browser: Debian's headless
Chromium with the flags this machine needs, and a quiet local server on a free port.

Playwright drives `/usr/bin/chromium` (never a downloaded browser: `playwright install` is not used).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


class LocalServer(http.server.ThreadingHTTPServer):
    """A server whose shutdown also closes its socket (an open one is a ResourceWarning)."""

    def shutdown(self) -> None:
        super().shutdown()
        self.server_close()


def serve_directory(directory: Path, handler=QuietHandler) -> tuple[LocalServer, str]:
    """Serve a folder on 127.0.0.1 on a free port in a thread; returns (server, base URL)."""
    server = LocalServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@contextlib.contextmanager
def chromium() -> Iterator:
    """A headless Chromium (Playwright's Browser), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
