"""The Kiwix files served by Debian's kiwix-serve (kiwix-tools; make test installs it), as an
office network would serve them: the home page, a guide and a search are answered over HTTP, in
every language. (The site's own search inside kiwix-serve: tests/browser/test_kiwix_search.py.)
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from scripts.site import zim
from tests.support.browsing import corpus, language_of, search_term
from tests.support.project import LANGUAGES, SETTINGS, SITE_FILE_NAME, kiwix_file
from tests.support.serving import kiwix_content_prefix, kiwix_get as get, run_kiwix_serve


@pytest.fixture(scope="module")
def kiwix(built_site):
    yield from run_kiwix_serve([kiwix_file(built_site, language) for language in LANGUAGES])


def book(language: str) -> str:
    return zim.zim_name(SITE_FILE_NAME, language)


def content_prefix(port: int, language: str) -> str:
    return kiwix_content_prefix(port, book(language))


def followed(port: int, path: str):
    response = get(port, path)
    for _ in range(3):
        if response.status not in (301, 302):
            break
        location = re.sub(r"^https?://[^/]+", "", response.getheader("Location"))
        response = get(port, location)
    return response


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_book_opens_on_its_languages_home_page(kiwix, language):
    home = followed(kiwix, content_prefix(kiwix, language))
    assert home.status == 200
    assert f'<html lang="{SETTINGS.languages[language].html_lang}"' in home.body
    assert corpus().get(language, "home").title in home.body


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_guide_is_served_by_its_folder_address(kiwix, language):
    guide = next(d for d in sorted(corpus().in_language(language), key=lambda d: d.rel_path) if d.type == "guide")
    response = followed(kiwix, content_prefix(kiwix, language) + guide.site_path)
    assert response.status == 200
    assert guide.title.split(":")[0] in response.body
    assert "text/html" in response.getheader("Content-Type")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_search_answers_with_the_languages_pages(kiwix, language):
    word = search_term(language)
    response = get(kiwix, f"/search?content={book(language)}&pattern={quote(word)}")
    assert response.status == 200
    results = re.findall(rf'href="(?:/content)?/{book(language)}/([^"]+)"', response.body)
    pages = [path for path in results if path.endswith(".html")]
    assert pages, f"no result for {word!r}"
    assert [path for path in pages if language_of(path) != language] == []


def test_title_suggestions_over_http(kiwix):
    guide = next(d for d in corpus().in_language("sr") if d.type == "guide")
    response = get(kiwix, f"/suggest?content={book('sr')}&term={quote(guide.title.split()[0])}")
    assert response.status == 200
    assert guide.site_path + "index.html" in response.body
