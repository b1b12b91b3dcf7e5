"""Serving a built site to the browser tests: a quiet local server, one that sends the headers of
deploy/nginx.conf, and the Chromium the tests drive (Debian's, with the flags this machine needs):
the server and the Chromium flags are the benchmarks' own (scripts/bench/browser.py)."""

from __future__ import annotations

from scripts.bench.browser import CHROMIUM, CHROMIUM_ARGS, QuietHandler, serve_directory  # noqa: F401
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
