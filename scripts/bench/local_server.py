"""A quiet local server on a free port, for the benchmarks and the tests to look at a built site."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


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
