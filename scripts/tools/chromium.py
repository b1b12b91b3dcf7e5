"""The browser the project drives: Debian's Chromium through Playwright (never a downloaded one).

The tests, and `make booklet` (scripts/booklet.py), launch it with these arguments, which this
machine class needs (no sandbox in containers, no GPU, nothing fetched in the background).
"""

from __future__ import annotations

from pathlib import Path

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


def launch(playwright, *extra_args: str):
    """Headless Chromium; a clear error when Debian's package is missing."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, *extra_args])
