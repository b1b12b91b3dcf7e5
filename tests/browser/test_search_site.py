"""Search on the built real site, typed into Material's search box in headless Chromium: served over
http and opened from disk (file://), each language finds its own pages whatever accents or script
the reader types, act numbers find their act first, and nothing is requested from another host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts.search import folding
from scripts.model.documents import load_corpus
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT

CORPUS = load_corpus(ROOT / "docs")
OCA = "institutions/office-for-community-affairs/"  # "Zyra për Çështje të Komuniteteve"
REGULATION = "acts/regulation-02-2010/"


def pages_with_title_word(language: str, folded_prefix: str) -> set[str]:
    """Site paths of the pages whose title has a word starting with folded_prefix."""
    return {
        doc.site_path for doc in CORPUS.in_language(language)
        if any(folding.fold(word).startswith(folded_prefix) for _, _, word in folding.tokens(doc.title))
    }


def test_the_content_has_what_the_queries_look_for():
    assert pages_with_title_word("sq", "ceshtje") >= {OCA}
    assert pages_with_title_word("sr", "zastit"), "no Serbian title has a form of 'zaštita' any more: pick another query"
    for language in LANGUAGES:
        assert CORPUS.get(language, "regulation-02-2010").site_path == SETTINGS.languages[language].prefix + REGULATION


def search(page, start: str, query: str) -> list[str]:
    """Type a query into Material's search box on `start`; the result pages' URLs, in order."""
    page.goto(start)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill(query)
    page.keyboard.press("End")  # Material reads the box on keyup
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    return result_urls(page)


def result_urls(page) -> list[str]:
    """The URLs of the results Material has rendered so far (its first ten, then four more each time
    the end of the list scrolls into view)."""
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link:first-child",
        "links => links.map(link => link.href)",
    )


def every_result_url(page) -> list[str]:
    """All the results' URLs: the list scrolled to its end until no more are rendered."""
    urls = result_urls(page)
    while True:
        page.locator(".md-search-result__item").last.scroll_into_view_if_needed()
        try:
            page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n",
                                   arg=len(urls), timeout=3_000)
        except PlaywrightTimeout:
            return urls
        urls = result_urls(page)


def site_path(url: str, base: str) -> str:
    assert url.startswith(base), f"{url} is outside the site {base}"
    return urlsplit(url[len(base):]).path.removesuffix("index.html")


CASES = [  # (language, query, expected first page or None for "a page whose title has the word")
    ("sq", "ceshtje", OCA),
    ("sq", "02/2010", REGULATION),
    ("sr", "zastita", None),
    ("sr", "заштита", None),
    ("sr", "02/2010", REGULATION),
    ("en", "02/2010", REGULATION),
]


def check_results(urls: list[str], base: str, language: str, query: str, expected: str | None) -> None:
    paths = [site_path(url, base) for url in urls]
    assert paths, f"no result for {query!r}"
    if expected is None:
        assert paths[0] in pages_with_title_word(language, "zastit"), paths
    else:
        assert paths[0] == SETTINGS.languages[language].prefix + expected, paths
    other_languages = tuple(SETTINGS.languages[other].prefix for other in LANGUAGES if other != language and SETTINGS.languages[other].prefix)
    foreign = [path for path in paths if not path.startswith(SETTINGS.languages[language].prefix) or path.startswith(other_languages)]
    assert not foreign, f"results from another language for {query!r}: {foreign}"


@pytest.mark.parametrize("language, query, expected", CASES)
def test_search_over_http(site_url, browser_page, language, query, expected):
    urls = search(browser_page, site_url + SETTINGS.languages[language].prefix, query)
    check_results(urls, site_url, language, query, expected)


@pytest.mark.parametrize("language, query, expected", CASES)
def test_search_from_disk(built_site, browser_page, language, query, expected):
    requests, errors = [], []
    browser_page.on("request", lambda request: requests.append(request.url))
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    browser_page.on("console", lambda message: message.type == "error" and "search" in message.text and errors.append(message.text))
    base = built_site.as_uri() + "/"
    urls = search(browser_page, base + SETTINGS.languages[language].prefix + "index.html", query)
    check_results(urls, base, language, query, expected)
    assert not errors
    assert requests and all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file://")]
    assert any(url.endswith(f"/assets/search/index.{language}.js") for url in requests)


def test_material_interface_keeps_working(site_url, browser_page):
    """The result count, keyboard navigation into the results, Enter, and highlighting on the page."""
    urls = search(browser_page, site_url + "en/", "02/2010")
    meta = browser_page.inner_text(".md-search-result__meta")
    assert meta == f"{len(every_result_url(browser_page))} matching documents"
    assert browser_page.locator(".md-search-result__item mark").first.inner_text() == "02/2010"
    browser_page.keyboard.press("ArrowDown")
    focused = browser_page.evaluate("document.activeElement.href")
    assert focused == urls[0]
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(f"{site_url}en/{REGULATION}*")
    browser_page.wait_for_selector("article mark[data-md-highlight]")  # Material highlights once loaded
