"""The browser the project drives: Debian's Chromium through Playwright (never a downloaded one).

One place for its path and launch arguments, which this machine class needs (no sandbox in
containers, no GPU, nothing fetched in the background): the tests (tests/conftest.py), the search
benchmark and relevance runner (scripts/bench/) and `make booklet` (scripts/site/booklet.py) all launch it here.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
MISSING = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; make test does)"


def launch(chromium, *extra_args: str):
    """Headless Debian Chromium with the project's arguments (and any extra ones); `chromium` is
    Playwright's browser type (`playwright.chromium`, or `browser.browser_type`)."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(MISSING)
    return chromium.launch(executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, *extra_args])


@contextlib.contextmanager
def chromium(*extra_args: str) -> Iterator:
    """A headless Debian Chromium (Playwright's Browser) for a script, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright.chromium, *extra_args)
        try:
            yield browser
        finally:
            browser.close()
