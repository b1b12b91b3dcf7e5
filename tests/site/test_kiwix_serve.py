"""The Kiwix files served by Debian's kiwix-serve (kiwix-tools; .ci/run installs it), as an office
network would serve them: the home page, a guide and a search are answered over HTTP, in every
language, and the site's own search works in the pages kiwix-serve shows.
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
from urllib.parse import quote

import pytest

from scripts import zim
from scripts.documents import LANGUAGES
from tests.browsing import corpus, search, search_term
from tests.test_nginx import free_port, wait_for_port
from tests.test_zim import in_tree

KIWIX_SERVE = shutil.which("kiwix-serve") or "/usr/bin/kiwix-serve"


@pytest.fixture(scope="module")
def kiwix(built_site):
    """kiwix-serve on 127.0.0.1 with the three files, without its own bar (as deploy/README.md says)."""
    if not shutil.which(KIWIX_SERVE):
        pytest.fail("kiwix-serve is missing: apt-get install kiwix-tools (.ci/run does)")
    port = free_port()
    files = [str(zim.zim_path(built_site / zim.DOWNLOADS_DIR, language)) for language in LANGUAGES]
    process = subprocess.Popen([KIWIX_SERVE, "--nosearchbar", "--address", "127.0.0.1", "--port", str(port), *files],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wait_for_port(port)
    yield port
    process.terminate()
    process.wait(timeout=10)


def get(port: int, path: str):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.body = response.read().decode("utf-8", errors="replace")
    connection.close()
    return response


def book(language: str) -> str:
    return zim.zim_name(language)


def content_prefix(port: int, language: str) -> str:
    """Where kiwix-serve shows a file's entries: /<book>/ (kiwix-tools 3.3), /content/<book>/ (later)."""
    for prefix in (f"/content/{book(language)}/", f"/{book(language)}/"):
        if get(port, prefix + "index.html").status in (200, 302) or get(port, prefix).status in (200, 302):
            return prefix
    pytest.fail(f"kiwix-serve shows no entry of {book(language)}")


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
    prefix = content_prefix(kiwix, language)
    home = followed(kiwix, prefix)
    assert home.status == 200
    lang = {"sq": "sq", "sr": "sr-Latn", "en": "en"}[language]
    assert f'<html lang="{lang}"' in home.body
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
    assert [path for path in pages if not in_tree(path, language)] == []


def test_title_suggestions_over_http(kiwix):
    guide = next(d for d in corpus().in_language("sr") if d.type == "guide")
    response = get(kiwix, f"/suggest?content={book('sr')}&term={quote(guide.title.split()[0])}")
    assert response.status == 200
    assert guide.site_path + "index.html" in response.body


def test_the_sites_own_search_works_inside_kiwix_serve(browser, kiwix):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{kiwix}{content_prefix(kiwix, 'sr')}sr/index.html")
        results = search(page, search_term("sr"))
        assert results.count() > 0
        results.first.click()
        page.wait_for_load_state()
        assert page.url.startswith(f"http://127.0.0.1:{kiwix}{content_prefix(kiwix, 'sr')}sr/")
        assert page.locator("h1").count() == 1
    finally:
        context.close()
