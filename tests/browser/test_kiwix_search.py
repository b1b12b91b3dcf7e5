"""The site's own search works in the pages Debian's kiwix-serve shows from a Kiwix file (with
`--nosearchbar`, as deploy/README.md tells operators): typed, answered, and a result opened."""

from __future__ import annotations

import pytest

from scripts.site import zim
from tests.support.browsing import search, search_term
from tests.support.project import SITE_FILE_NAME, kiwix_file
from tests.support.serving import kiwix_content_prefix, run_kiwix_serve


@pytest.fixture(scope="module")
def kiwix(built_site):
    yield from run_kiwix_serve([kiwix_file(built_site, "sr")])


def test_the_sites_own_search_works_inside_kiwix_serve(browser, kiwix):
    prefix = kiwix_content_prefix(kiwix, zim.zim_name(SITE_FILE_NAME, "sr"))
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{kiwix}{prefix}sr/index.html")
        results = search(page, search_term("sr"))
        assert results.count() > 0
        results.first.click()
        page.wait_for_load_state()
        assert page.url.startswith(f"http://127.0.0.1:{kiwix}{prefix}sr/")
        assert page.locator("h1").count() == 1
    finally:
        context.close()
