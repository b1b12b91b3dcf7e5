"""Every page on a phone: Chromium as a 360 px touch screen, page after page of the real site.

On every page: nothing scrolls sideways (neither the page nor a table in it), the menu opens
and shows the site's sections, the page's table of contents is reached from the menu, a page
inside a section offers the rest of the section, and no request the page makes ends in 404. With
the keyboard: Tab never moves the focus to something out of sight (the closed menu), and the
menu opens with it.
"""

from __future__ import annotations

import pytest

from scripts.cyrillic.text import transliterate
from tests.support.browsing import all_page_paths, corpus, language_of, representative_paths
from tests.support.project import DEFAULT_LANGUAGE, SETTINGS, STRINGS

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
MENU_BUTTON = "label.md-header__button[for='__drawer']"
DRAWER = ".md-sidebar--primary"
TOC_TOGGLE = f"{DRAWER} label.md-nav__link[for='__toc']"
TOC_LINKS = f"{DRAWER} nav.md-nav--secondary a.md-nav__link"
# The sections of the site: the folders of the documents ('acts/', 'guides/', …).
SECTIONS = sorted({doc.rel_path.split("/")[0] + "/" for doc in corpus().in_language(DEFAULT_LANGUAGE) if "/" in doc.rel_path})

SIDEWAYS = """() => {
    const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const boxes = [...document.querySelectorAll('.md-content *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
        .map(e => e.tagName.toLowerCase() + '.' + e.className);
    return {page, boxes};
}"""
IN_SIGHT = """e => {
    const box = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth && box.bottom > 0
        && box.top < innerHeight && style.visibility === 'visible';
}"""
# Shown, or shown once the reader scrolls the menu down: a long table of contents goes below the
# screen's bottom edge, never off to a side.
IN_REACH = """e => {
    const box = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth && box.bottom > 0
        && style.visibility === 'visible';
}"""
# Where the focus is, the reader can see it: not off to the side, not collapsed, not hidden (the
# browser scrolls a focused element into view, so height on the page does not matter).
FOCUS_SHOWN = """e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.left >= -1 && box.right <= innerWidth + 1
        && getComputedStyle(e).visibility === 'visible';
}"""
# Material's hidden checkboxes that open the menu and the search box show their focus on these.
TOGGLE_BUTTONS = {"__drawer": MENU_BUTTON, "__search": "label.md-header__button[for='__search']"}


def headings(page) -> list[str]:
    """The ids of the second-level headings of the page's text: the first level of its table of
    contents ("Referenced by", which the templates add after the text, is not in it)."""
    return page.eval_on_selector_all("article h2[id]:not([id^='crch-'])", "hs => hs.map(h => h.id)")


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda response: response.status == 404 and failed.append(response.url))
    yield page, failed
    context.close()


def problems_on(page, site_url: str, path: str) -> list[str]:
    """What a reader on a phone cannot do on one page."""
    found = []
    page.goto(site_url + path, wait_until="load")
    sideways = page.evaluate(SIDEWAYS)
    if sideways["page"] > 0:
        found.append(f"the page scrolls {sideways['page']} px sideways")
    if sideways["boxes"]:
        found.append(f"to be read, these slide sideways: {sideways['boxes'][:3]}")
    page.tap(MENU_BUTTON)
    page.wait_for_function(f"() => document.querySelector('{DRAWER}').getBoundingClientRect().left >= 0")
    shown = page.eval_on_selector_all(f"{DRAWER} a.md-nav__link", f"links => links.filter({IN_SIGHT}).map(a => a.pathname)")
    if not shown:
        found.append("the menu shows no link")
    part = SETTINGS.languages.language_or_edition(language_of(path))  # a Cyrillic twin: its edition
    rel = path.removeprefix(part.prefix)
    section = next((name for name in SECTIONS if rel.startswith(name) and rel != name), None)
    if section:  # a document inside a section: the way to the rest of the section
        overview = STRINGS.t("nav.section-overview", part.generated_from or part.code)
        overview = transliterate(overview) if part.generated_from else overview
        if not page.locator(f"{DRAWER} a.md-nav__link", has_text=overview).first.evaluate(IN_SIGHT):
            found.append(f"the menu does not offer '{overview}'")
    wanted = headings(page)
    if wanted:
        toggle = page.locator(TOC_TOGGLE).first
        if not toggle.count() or not toggle.evaluate(IN_SIGHT):
            found.append("the menu has no way to the table of contents")
        else:
            toggle.tap()
            page.wait_for_function(f"() => [...document.querySelectorAll(\"{TOC_LINKS}\")].some({IN_SIGHT})", timeout=3000)
            targets = page.eval_on_selector_all(TOC_LINKS, f"links => links.filter({IN_REACH}).map(a => a.hash.slice(1))")
            missing = [anchor for anchor in wanted if anchor not in targets]
            if missing:
                found.append(f"the table of contents in the menu lacks {missing[:3]}")
    return found


def test_every_page_works_on_a_phone(phone, site_url, built_site):
    page, not_found = phone
    problems = {}
    for path in all_page_paths(built_site):
        not_found.clear()
        found = problems_on(page, site_url, path)
        if not_found:
            found.append(f"requests that end in 404: {sorted(set(not_found))[:3]}")
        if found:
            problems[path] = found
    assert problems == {}


def test_the_check_sees_a_page_that_scrolls_sideways(phone, site_url):
    page, _ = phone
    page.goto(site_url, wait_until="load")
    page.evaluate("document.querySelector('article').append(Object.assign(document.createElement('div'),"
                  " {style: 'width: 900px; height: 10px'}))")
    assert page.evaluate(SIDEWAYS)["page"] > 0


@pytest.mark.parametrize("path", [p for p in representative_paths() if p.count("/") >= 2][:3])
def test_tab_never_leaves_the_reader_looking_for_the_focus(browser, site_url, path):
    """Tab through the start of a page: the focus is always where the reader sees it, never in
    the closed menu or the closed search box."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    hidden = []
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        shown_on = TOGGLE_BUTTONS.get(focused.evaluate("e => e.id"))
        if not (page.locator(shown_on).evaluate(FOCUS_SHOWN) if shown_on else focused.evaluate(FOCUS_SHOWN)):
            hidden.append(focused.evaluate("e => e.outerHTML.slice(0, 80)"))
    context.close()
    assert hidden == []


def test_the_keyboard_opens_the_menu_and_the_search(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    path = next(p for p in representative_paths() if p.startswith("guides/"))
    page.goto(site_url + path, wait_until="load")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "__drawer", "the first Tab does not reach the menu"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == STRINGS.t("page.menu", DEFAULT_LANGUAGE)
    page.keyboard.press(" ")
    page.wait_for_function(f"() => document.querySelector('{DRAWER}').getBoundingClientRect().left >= 0")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => !!document.activeElement.closest('{DRAWER}')"):
            assert page.evaluate_handle("document.activeElement").evaluate(FOCUS_SHOWN)
            break
    else:
        pytest.fail("Tab never reaches the open menu's links")
    page.goto(site_url + path, wait_until="load")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "__search"
    page.keyboard.press(" ")
    page.wait_for_function(f"() => document.activeElement.matches('input.md-search__input')"
                           f" && ({FOCUS_SHOWN})(document.activeElement)", timeout=3000)
    context.close()
