"""The printed booklet of the guides (`make booklet`, scripts/site/booklet.py), read back with pypdf.

Printed from the session's real build by Debian's Chromium: one PDF per language (and one for the
Serbian Cyrillic edition, in Cyrillic) with a cover
(site, date, not legal advice), a table of contents whose page numbers are where each guide
starts, every guide from a new page, the contacts the guides name, and a footer with the date.
"""

from __future__ import annotations

import datetime
import re
import subprocess

import pypdf
import pytest

from scripts.site import booklet
from scripts.site.sources import SiteSources
from tests.support.browsing import EDITIONS, corpus

DATE = datetime.date(2026, 12, 1)
PDFTOTEXT = "/usr/bin/pdftotext"  # poppler-utils (requirements-system.txt)


@pytest.fixture(scope="module")
def sources() -> SiteSources:
    return SiteSources.read()


@pytest.fixture(scope="module")
def booklets(built_site, sources, browser, tmp_path_factory) -> dict:
    dist = tmp_path_factory.mktemp("dist")
    paths = booklet.make_booklets(built_site, dist, sources, EDITIONS, date=DATE, browser=browser)
    return {language: path for language, path in zip(EDITIONS, paths)}


def page_texts(path) -> list[str]:
    """The text of every page, whitespace collapsed, as poppler's pdftotext reads it (pypdf 7.1.1
    drops the б of the DejaVu Sans subsets Chromium embeds: 'децембар' came back 'децемар')."""
    text = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def guide_titles(sources: SiteSources, language: str) -> list[str]:
    """The title of every guide as the site shows it in this language's (or edition's) tree."""
    titles, source = [], sources.source(language)
    for doc_id in sorted({doc.id for doc in corpus() if doc.type == "guide"}):
        versions = corpus().versions(doc_id)
        title = (versions.get(source) or next(v for v in versions.values() if v.translation is None)).title
        titles.append(sources.converted(language, title))
    return titles


@pytest.mark.parametrize("language", EDITIONS)
def test_one_pdf_per_language_named_after_the_site(booklets, language):
    assert booklets[language].name == f"community-rights-clearing-house_{language}_guides.pdf"
    assert booklets[language].read_bytes()[:5] == b"%PDF-"


@pytest.mark.parametrize("language", EDITIONS)
def test_the_cover_names_the_site_the_date_and_that_it_is_not_legal_advice(booklets, sources, language):
    cover = page_texts(booklets[language])[0]
    texts = sources.texts(language)
    assert texts.site_name in cover and texts.copyright in cover
    assert booklet.long_date(sources, DATE, language) in cover
    assert sources.t("booklet.check", language) in cover


@pytest.mark.parametrize("language", EDITIONS)
def test_contents_list_every_guide_with_the_page_it_starts_on(booklets, sources, language):
    pages = page_texts(booklets[language])
    contents = pages[1]
    assert contents.startswith(sources.t("booklet.contents", language))
    titles = guide_titles(sources, language)
    assert len(titles) >= 5
    for title in titles:
        found = re.search(re.escape(" ".join(title.split())) + r" (\d+)", contents)
        assert found, f"{title!r} is not in the contents: {contents}"
        start = int(found.group(1))
        assert 2 < start <= len(pages)
        # a guide starts on its page (after the translation notice, if it has one), not before
        assert " ".join(title.split()) in pages[start - 1], f"{title!r} is not on page {start}"
        assert start == 3 or " ".join(title.split()) not in pages[start - 2], f"{title!r} starts before page {start}"


@pytest.mark.parametrize("language", EDITIONS)
def test_every_page_has_the_date_and_its_number(booklets, sources, language):
    pages = page_texts(booklets[language])
    when = booklet.long_date(sources, DATE, language)
    for number, text in enumerate(pages, 1):
        assert when in text and f"{sources.t('booklet.page', language)} {number} / {len(pages)}" in text, number


@pytest.mark.parametrize("language", EDITIONS)
def test_the_contacts_the_guides_name_are_printed(booklets, built_site, sources, language):
    """Every phone number a guide page shows (a tel: link or a number in its text) is in the booklet."""
    text = " ".join(page_texts(booklets[language]))
    numbers = set()
    for guide in booklet.guides_in(built_site, sources, language):
        html = guide.page.read_text(encoding="utf-8")
        numbers |= set(re.findall(r'href="tel:[^"]*">([^<]+)<', html))
        numbers |= set(re.findall(r"\b0\d{2}(?: \d{2,3}){2,3}\b", html))
    assert numbers, "the guides name no phone number to check"
    assert sorted(n for n in numbers if " ".join(n.split()) not in text) == []


def test_the_pdf_has_bookmarks_of_the_guides(booklets, sources):
    reader = pypdf.PdfReader(str(booklets["en"]))
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append("".join(str(item.title).split()))

    walk(reader.outline)  # compared without spaces: Chromium's outline drops the one where a heading wraps
    assert {"".join(title.split()) for title in guide_titles(sources, "en")} <= set(titles)


def test_a_guides_article_for_print(built_site, sources):
    guide = booklet.guides_in(built_site, sources, "en")[0]
    html = booklet.article_html(built_site, guide, 3)
    assert 'id="g3"' in html and not re.search(r'\sid="(?!g3)', html), "an id was not prefixed"
    assert "headerlink" not in html and "crch-referenced-by" not in html
    assert not re.search(r'href="(?!#g3|tel:|mailto:|https?:)', html), "a link to a page of the site is left"


def test_a_page_printed_on_its_own_shows_no_offline_control(browser, site_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_url + "en/guides/")
        page.wait_for_selector("[data-crch-offline]:not([hidden])", state="attached")
        assert page.locator("[data-crch-offline]").is_visible()
        page.emulate_media(media="print")
        assert not page.locator("[data-crch-offline]").is_visible()
    finally:
        context.close()


def test_command_line_names_a_folder_without_guides(tmp_path, capsys):
    assert booklet.main(["--site-dir", str(tmp_path), "--dist-dir", str(tmp_path / "dist"), "--language", "en"]) == 1
    assert "has no guide page in 'en'" in capsys.readouterr().err
    assert not list(tmp_path.glob("dist/*.pdf"))
