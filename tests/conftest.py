"""Shared fixtures: one strict build of the real site per session, a local server, a browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.tools.chromium import CHROMIUM, MISSING, launch
from tests.support.serving import serve_directory
from tests.support.sites import ROOT, build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per session with `scripts.site.build` (strict)."""
    site_dir = tmp_path_factory.mktemp("real-site") / "site"
    result = build(ROOT / "mkdocs.yml", site_dir)
    assert result.returncode == 0, f"the real site does not build:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the real site served from 127.0.0.1."""
    server, url = serve_directory(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(MISSING)
    with sync_playwright() as playwright:
        chromium = launch(playwright.chromium)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    """A fresh page in its own context; closed after the test."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
