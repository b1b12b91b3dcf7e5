"""The directory's filter box in Chromium: typing a name hides the other rows, served and from disk."""

from __future__ import annotations


def _visible_rows(browser_page) -> list[str]:
    return browser_page.locator(".crch-directory tbody tr:visible td:first-child").all_inner_texts()


def test_typing_a_name_hides_the_other_rows(browser_page, site_url):
    browser_page.goto(site_url + "sr/directory/")
    box = browser_page.locator("#crch-directory-filter")
    assert box.is_visible()
    assert len(_visible_rows(browser_page)) == 38
    box.fill("decane")  # accents and case do not matter
    assert _visible_rows(browser_page) == ["Deçan"]
    box.fill("no such place")
    assert _visible_rows(browser_page) == []
    assert browser_page.locator("[data-crch-directory-empty]").is_visible()
    box.fill("")
    assert len(_visible_rows(browser_page)) == 38


def test_the_filter_works_from_disk(browser_page, built_site):
    browser_page.goto((built_site / "en/directory/index.html").as_uri())
    browser_page.locator("#crch-directory-filter").fill("Mitrovica")
    assert _visible_rows(browser_page) == ["Mitrovicë", "Mitrovicë e Veriut"]
