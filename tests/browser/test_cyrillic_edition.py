"""The Serbian Cyrillic edition in Chromium: the switcher moves between the two scripts (and from
the other languages) on the same page, by mouse and keyboard, and search on the Cyrillic pages
answers Cyrillic and Latin queries alike with Cyrillic titles and excerpts, served and from disk."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from scripts.cyrillic.check import latin_left_text
from tests.support.browsing import LANGUAGE_LINK, SEARCH_INPUT

ACT = "acts/regulation-02-2010/"
RESULT_TITLE = ".md-search-result__item article h1"
LATIN_LETTER = re.compile(r"[A-Za-zčćšžđČĆŠŽĐ]")


def switch(page, hreflang: str) -> None:
    page.hover(".md-header__option .md-select button")
    with page.expect_navigation():
        page.click(f"{LANGUAGE_LINK}[hreflang='{hreflang}']")


def test_the_switcher_moves_between_the_scripts_on_the_same_page(browser_page, site_url):
    page = browser_page
    page.goto(f"{site_url}en/{ACT}")
    switch(page, "sr-Cyrl")
    assert page.url == f"{site_url}sr-cyrl/{ACT}" and page.get_attribute("html", "lang") == "sr-Cyrl"
    assert page.inner_text("h1").startswith("Правилник бр. 02/2010")
    names = page.eval_on_selector_all(LANGUAGE_LINK, "links => links.map(a => [a.hreflang, a.innerText.trim()])")
    # hreflang: the lang of the page each entry leads to
    assert names == [["sq", "Shqip"], ["sr-Latn", "Srpski (latinica)"], ["sr-Cyrl", "Српски (ћирилица)"], ["en", "English"]]
    switch(page, "sr-Latn")
    assert page.url == f"{site_url}sr/{ACT}" and page.get_attribute("html", "lang") == "sr-Latn"
    assert page.inner_text("h1").startswith("Pravilnik br. 02/2010")
    switch(page, "sr-Cyrl")
    assert page.url == f"{site_url}sr-cyrl/{ACT}"
    switch(page, "sq")
    assert page.url == f"{site_url}{ACT}"


def test_the_cyrillic_entry_is_reached_with_the_keyboard(browser_page, site_url):
    page = browser_page
    page.goto(f"{site_url}sr/{ACT}", wait_until="load")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.md-select__link[hreflang=\"sr-Cyrl\"]')"):
            break
    else:
        pytest.fail("Tab never reached the Cyrillic entry of the language switcher")
    assert page.is_visible("a.md-select__link[hreflang='sr-Cyrl']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}sr-cyrl/{ACT}"


def cyrillic_results(page, start: str, query: str) -> list[tuple[str, str, str]]:
    """(URL, title, HTML) of each page result (with its sections) for a query typed on a Cyrillic page."""
    page.goto(start)
    page.click(SEARCH_INPUT)
    page.fill(SEARCH_INPUT, query)
    page.keyboard.press("End")  # Material reads the box on keyup
    page.wait_for_selector(RESULT_TITLE, timeout=30_000)
    return page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => [item.querySelector('a.md-search-result__link').href,
                                       item.querySelector('article h1').innerText, item.innerHTML])""")


@pytest.mark.parametrize("query", ["заштита", "zastita", "zaštita", "ЗАШТИТА"])
def test_search_on_the_cyrillic_edition_answers_both_scripts_in_cyrillic(browser_page, site_url, query):
    results = cyrillic_results(browser_page, f"{site_url}sr-cyrl/", query)
    assert results
    for url, title, excerpt in results:
        assert urlsplit(url).path.startswith("/sr-cyrl/"), url  # the Cyrillic edition's own pages
        assert [word for _, word in latin_left_text(title)] == [], title
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", " ".join(excerpt for _, _, excerpt in results))
    assert marked and all(not LATIN_LETTER.search(word) for word in marked), marked  # Cyrillic words highlighted
    assert any(word.lower().startswith("заштит") for word in marked), marked


def test_an_act_number_finds_its_act_first_in_cyrillic(browser_page, site_url):
    url, title, _ = cyrillic_results(browser_page, f"{site_url}sr-cyrl/", "02/2010")[0]
    assert url.split("?")[0] == f"{site_url}sr-cyrl/{ACT}" and title.startswith("Правилник бр. 02/2010")


def test_search_on_the_cyrillic_edition_from_disk(browser_page, built_site):
    requests = []
    browser_page.on("request", lambda request: requests.append(request.url))
    results = cyrillic_results(browser_page, (built_site / "sr-cyrl" / "index.html").as_uri(), "zastita")
    assert results and all("/sr-cyrl/" in url for url, _, _ in results)
    assert any(url.endswith("/assets/search/index.sr-cyrl.js") for url in requests)
    assert all(url.startswith("file://") for url in requests)
