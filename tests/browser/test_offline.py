"""The offline copy (`make offline`): a zip that works unzipped and opened with file://.

Navigation, the language switcher, search and images work with no server, and the browser asks
for nothing but files of the copy.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from scripts.site import offline
from tests.support.browsing import LANGUAGE_LINK, RequestLog, corpus, search, search_term

DATE = "2026-11-24"
LOCAL_URL = re.compile(r'\s(?:href|src)="([^"]*)"')


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory) -> Path:
    return offline.make_offline(tmp_path_factory.mktemp("dist"), DATE)


@pytest.fixture(scope="module")
def offline_copy(offline_zip, tmp_path_factory) -> Path:
    """The zip unzipped, as a reader would: returns the top folder."""
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    (top,) = target.iterdir()
    return top


@pytest.fixture
def file_page(browser, offline_copy):
    """A browser page for file:// URLs, with every request recorded."""
    context = browser.new_context()
    log = RequestLog(context)
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    yield page
    context.close()
    outside = log.outside(lambda url: urlsplit(url).scheme in ("file", "data", "blob", "about"))
    assert outside == {}, "the offline copy asked for something that is not one of its files"
    assert violations == [], "the copy's own Content-Security-Policy blocked something"


def test_the_zip_is_named_after_the_site_and_date(offline_zip):
    assert offline_zip.name == f"community-rights-clearing-house-{DATE}.zip"
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert f"community-rights-clearing-house-{DATE}/index.html" in names
    assert {name.split("/")[0] for name in names} == {f"community-rights-clearing-house-{DATE}"}


def test_every_language_and_page_is_in_the_copy(offline_copy):
    missing = [doc.site_path for doc in corpus() if not (offline_copy / doc.site_path / "index.html").is_file()]
    assert missing == []


def test_every_page_carries_the_sites_csp(offline_copy):
    """No server sends headers on disk: the policy is in each page, so Markdown scripts stay inert."""
    without = [p.relative_to(offline_copy).as_posix() for p in offline_copy.rglob("*.html")
               if 'http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' \'sha256-'
               not in p.read_text(encoding="utf-8")]
    assert without == []


def test_the_copys_csp_blocks_an_inline_script(browser, offline_copy):
    meta = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', (offline_copy / "index.html").read_text()).group(0)
    probe = offline_copy / "assets" / "probe.html"
    probe.write_text(f"<!doctype html><head><meta charset=utf-8>{meta}<title>kept</title></head>"
                     "<body><script>document.title = 'ran'</script></body>")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(probe.as_uri())
        assert page.title() == "kept"
    finally:
        context.close()
        probe.unlink()


def broken_local_links(site: Path) -> dict[str, list[str]]:
    """{page: [links]} for relative href/src values that do not lead to a file of the copy."""
    broken: dict[str, list[str]] = {}
    for html_file in sorted(site.rglob("*.html")):
        for url in LOCAL_URL.findall(html_file.read_text(encoding="utf-8")):
            url = url.replace("&amp;", "&")
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another host (a link the reader clicks), or an anchor on the same page
            target = (html_file.parent / unquote(parts.path)).resolve()
            if not target.is_file() or not target.is_relative_to(site.resolve()):
                broken.setdefault(html_file.relative_to(site).as_posix(), []).append(url)
    return broken


def test_every_link_of_every_page_leads_to_a_file(offline_copy):
    """On file:// a folder URL shows a folder listing, not the page: every link must name a file."""
    assert broken_local_links(offline_copy) == {}


def test_the_link_check_sees_a_folder_link(tmp_path):
    (tmp_path / "acts").mkdir()
    (tmp_path / "acts" / "x.html").write_text('<a href="../acts/x/">x</a><a href="x.html">self</a>')
    assert broken_local_links(tmp_path) == {"acts/x.html": ["../acts/x/"]}


def test_navigate_and_switch_language(file_page, offline_copy):
    page = file_page
    page.goto((offline_copy / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "sq"
    # navigation: the first link of the main navigation opens a page of the copy
    nav_link = page.locator("nav.md-nav--primary a.md-nav__link[href$='.html']").nth(1)
    nav_link.click()
    page.wait_for_load_state()
    here = Path(unquote(urlsplit(page.url).path))
    assert here.is_file() and here.suffix == ".html", page.url
    # the language switcher keeps the reader on the same page, in a language or the generated edition
    for hreflang, folder in (("en", "en"), ("sr-Cyrl", "sr-cyrl")):
        page.hover(".md-header__option .md-select button")
        page.click(f"{LANGUAGE_LINK}[hreflang='{hreflang}']")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == hreflang
        there = Path(unquote(urlsplit(page.url).path))
        assert there.is_file() and there.relative_to(offline_copy / folder) == here.relative_to(offline_copy), page.url


@pytest.mark.parametrize("language", ["sq", "sr", "sr-cyrl", "en"])
def test_search_finds_and_opens_a_page(file_page, offline_copy, language):
    page = file_page
    home = offline_copy / ("index.html" if language == "sq" else f"{language}/index.html")
    page.goto(home.as_uri())
    results = search(page, search_term(language))
    assert results.count() > 0
    results.first.click()
    page.wait_for_load_state()
    opened = Path(unquote(urlsplit(page.url).path))
    assert opened.is_file(), f"the search result {page.url} is not a file of the copy"


def test_styles_and_images_load(file_page, offline_copy):
    page = file_page
    page.goto((offline_copy / "en" / "index.html").as_uri())
    # Material's stylesheet applied: the header has the palette's colour, not the browser default
    header_colour = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert header_colour not in ("rgba(0, 0, 0, 0)", "transparent")
    broken_images = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
    assert broken_images == []
    # the site's own image files open too (the favicon, whatever pages show)
    icon = page.get_attribute("link[rel='icon']", "href")
    size = page.evaluate("""url => new Promise(done => { const image = new Image();
        image.onload = () => done(image.naturalWidth); image.onerror = () => done(0); image.src = url; })""", icon)
    assert size > 0, f"{icon} does not load"
