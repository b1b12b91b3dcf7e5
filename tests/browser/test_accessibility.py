"""Accessibility: axe-core finds no serious or critical violation on any page type in any language,
and every page says which language it is in (and which language each switcher link leads to).

axe-core 4.12.1 comes inside the pinned PyPI package axe-playwright-python (nothing is downloaded
when the tests run). One page of each document type per language is checked, plus 404 and the
page with the search results open.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.project import LANGUAGES, SETTINGS
from tests.support.browsing import LANGUAGE_LINK, language_of, representative_paths, search, search_term

SERIOUS = ("serious", "critical")
HTML_LANG = {"sq": "sq", "sr": "sr-Latn", "en": "en", "sr-cyrl": "sr-Cyrl"}
HREFLANG_CODES = [*LANGUAGES, *(edition.code for edition in SETTINGS.languages.editions)]
AXE = Axe()


def serious_violations(page) -> list[str]:
    """'rule (impact): where' for every serious or critical axe violation on the page."""
    results = AXE.run(page).response
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in results["violations"] if v["impact"] in SERIOUS]


@pytest.fixture(scope="module")
def axe_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", representative_paths())
def test_no_serious_violation(axe_page, site_url, path):
    axe_page.goto(site_url + path, wait_until="load")
    assert serious_violations(axe_page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_violation_with_search_results_open(axe_page, site_url, language):
    axe_page.goto(site_url + SETTINGS.languages[language].prefix, wait_until="load")
    search(axe_page, search_term(language)).first.wait_for()
    assert serious_violations(axe_page) == []


@pytest.mark.parametrize("path", [p for p in representative_paths() if p != "404.html"])
def test_lang_and_hreflang(axe_page, site_url, path):
    axe_page.goto(site_url + path, wait_until="load")
    assert axe_page.get_attribute("html", "lang") == HTML_LANG[language_of(path)]
    switcher = axe_page.eval_on_selector_all(LANGUAGE_LINK, "links => links.map(a => a.getAttribute('hreflang'))")
    assert sorted(switcher) == sorted(HTML_LANG[code] for code in HREFLANG_CODES)  # hreflang = the linked page's lang
    # No <link rel="alternate" hreflang> in the head, on the Cyrillic twins either: Material's script
    # would fetch a missing sitemap.xml under each (scripts/mkdocs_adapter/pages.py); the switcher's
    # links name the translations and the edition, and a site with an address has sitemaps that do.
    assert axe_page.locator("link[rel=alternate][hreflang]").count() == 0


def test_axe_reports_a_serious_violation(axe_page, site_url):
    """The check sees what it is for: an image without alternative text is a critical violation."""
    axe_page.goto(site_url, wait_until="load")
    axe_page.evaluate("""document.querySelector('article').append(Object.assign(document.createElement('img'),
        {src: 'assets/images/favicon.png'}))""")
    assert any(v.startswith("image-alt") for v in serious_violations(axe_page))
