"""The search box, its results and the language switcher work with the keyboard alone.

Every step is a key press (no clicks, no focus() from scripts): a reader who cannot use a mouse
finds a page through search and switches language on it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.support.project import LANGUAGES, SETTINGS
from tests.support.browsing import SEARCH_INPUT, search_term

MAX_TABS = 60


def active(page, script: str):
    return page.evaluate(f"(e => {script})(document.activeElement)")


def focused_result(page) -> str | None:
    """The address of the search result that has the focus, given a moment: Material may be
    drawing the list again for a query's second answer (at once, then with its excerpts), after
    which loader.js gives the focus back to the result that had it."""
    try:
        page.wait_for_function("() => { const e = document.activeElement;"
                               " return e && e.closest('.md-search-result__item') && e.href; }", timeout=2_000)
    except PlaywrightTimeoutError:
        return None
    return active(page, "e.href")


def tab_to(page, condition: str) -> None:
    """Press Tab until the focused element satisfies condition (JS on `e`), failing after MAX_TABS."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if active(page, condition):
            return
    pytest.fail(f"{MAX_TABS} Tab presses never reached an element where {condition}")


@pytest.fixture
def keyboard_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_with_the_keyboard(keyboard_page, site_url, language):
    page = keyboard_page
    home = site_url + SETTINGS.languages[language].prefix
    page.goto(home, wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut for the search box
    assert active(page, "e.matches('" + SEARCH_INPUT + "')"), "the '/' key does not focus the search box"
    page.keyboard.type(search_term(language))
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    target = focused_result(page)
    if not target and active(page, "e.matches('" + SEARCH_INPUT + "')"):
        # the key came while Material had taken the list down to draw it again (a query's second
        # answer, cold caches): nothing to move into then, as a reader sees, who presses again
        page.keyboard.press("ArrowDown")
        target = focused_result(page)
    assert target, "ArrowDown does not move to the first search result (or the focus was lost)"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "sq"])
def test_switch_language_with_the_keyboard(keyboard_page, site_url, language):
    from tests.support.browsing import representative_paths

    page = keyboard_page
    act = next(path for path in representative_paths() if path.startswith("acts/"))
    page.goto(site_url + act, wait_until="load")
    tab_to(page, "e.matches('.md-select button, .md-select__link')")
    hreflang = SETTINGS.languages[language].html_lang
    tab_to(page, f"e.matches('a.md-select__link[hreflang=\"{hreflang}\"]')")
    assert page.is_visible(f"a.md-select__link[hreflang='{hreflang}']"), "the focused language link is hidden"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}{language}/{act}"
    assert page.get_attribute("html", "lang").startswith(language)
