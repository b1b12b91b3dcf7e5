"""Zero requests to other hosts: every page of every language, loaded in Chromium from a local
server, fetches only from that server (fonts, icons, scripts, the search worker and its index).
A static scan of site/ finds no file that would make the browser load anything from another host.

A link a reader clicks (<a href="https://…">, e.g. an act's official source) is not a request and
is allowed; what the browser loads by itself (src, stylesheets, icons, CSS url()/@import, JS
import/importScripts) is not.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.search.index_files import INDEX_DIR
from scripts.tools.chromium import launch
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.browsing import EDITIONS, RequestLog, all_page_paths, is_local, representative_paths, search, search_term

OTHER_HOST = r"(?:https?:)?//"
# <link rel=…> values that make the browser fetch the href.
FETCHED_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload",
                     "modulepreload", "prefetch", "preconnect", "dns-prefetch", "prerender", "mask-icon"}
LOADED_ATTRIBUTES = {"src", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href"}
CSS_LOADS = re.compile(rf"url\(\s*['\"]?{OTHER_HOST}|@import\s+(?:url\()?\s*['\"]?{OTHER_HOST}")
JS_LOADS = re.compile(rf"""(?:\bimport\s*\(?\s*|\bfrom\s*|importScripts\(\s*)['"`]{OTHER_HOST}|sourceMappingURL=\s*{OTHER_HOST}""")


@pytest.fixture(scope="module")
def isolated_browser(browser):
    """Chromium that resolves no host name but 127.0.0.1: a request for another host is recorded,
    then fails at once (Playwright's request routing would break the search worker's fetch)."""
    chromium = launch(browser.browser_type, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def request_log(isolated_browser, site_url, built_site):
    """Visit every page of the site (and search once per language); returns (log, pages visited)."""
    context = isolated_browser.new_context()
    log = RequestLog(context)
    page = context.new_page()
    pages = all_page_paths(built_site)
    # Every page until it has loaded; one page of each type until the network is idle too, for
    # what scripts fetch after loading (the search worker and its index, the sitemap).
    settled = set(representative_paths())
    for site_path in pages:
        log.current_page = "/" + site_path
        page.goto(site_url + site_path, wait_until="networkidle" if site_path in settled else "load")
    for language in EDITIONS:
        home = SETTINGS.languages.edition(language).prefix if language not in LANGUAGES else SETTINGS.languages[language].prefix
        log.current_page = f"/{home} (search)"
        page.goto(site_url + home, wait_until="networkidle")
        search(page, search_term(language)).first.wait_for()
        page.wait_for_load_state("networkidle")
    context.close()
    return log, pages


def test_every_page_was_visited_and_each_languages_index_was_loaded(request_log):
    """The test saw what it claims to check: every page, and the project's own search index of every
    language (not Material's search_index.json, which holds no page)."""
    log, pages = request_log
    visited = {page for page, url in log.requests}
    assert {"/" + p for p in pages} <= visited
    requested = {urlsplit(url).path for _, url in log.requests}
    for language in EDITIONS:
        assert f"/{INDEX_DIR.as_posix()}/index.{language}.js" in requested, f"the {language} search index was never loaded"


def test_no_page_requests_another_host(request_log, site_url):
    log, _ = request_log
    assert log.outside(is_local(site_url)) == {}, "requests to another host, by page"


def test_a_served_page_does_not_load_the_file_worker(request_log):
    """file-worker.js is for pages opened from disk (tests/browser/test_search_site.py searches there)."""
    log, _ = request_log
    assert [url for _, url in log.requests if "file-worker" in url] == []


class _LoadedUrls(HTMLParser):
    """URLs in an HTML or SVG file that the browser loads without the reader clicking anything."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value and name in LOADED_ATTRIBUTES:
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
        rels = set((attrs.get("rel") or "").lower().split())
        if tag == "link" and rels & FETCHED_LINK_RELS and attrs.get("href"):
            self.urls.append(attrs["href"])
        if tag in ("image", "use", "feimage") and attrs.get("href"):
            self.urls.append(attrs["href"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.urls.append((attrs.get("content") or "").partition("url=")[2])
        if "style" in attrs and CSS_LOADS.search(attrs["style"] or ""):
            self.urls.append(attrs["style"])


def external_loads(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".html", ".svg"):
        parser = _LoadedUrls()
        parser.feed(text)
        found = [url for url in parser.urls if re.match(OTHER_HOST, url.strip())]
        return found + [m.group(0) for m in CSS_LOADS.finditer(" ".join(re.findall(r"<style[^>]*>(.*?)</style>", text, re.S)))]
    if path.suffix == ".css":
        return [m.group(0) for m in CSS_LOADS.finditer(text)]
    if path.suffix in (".js", ".mjs"):
        return [m.group(0) for m in JS_LOADS.finditer(text)]
    return []


def test_no_file_of_the_site_loads_from_another_host(built_site):
    offenders = {}
    for path in sorted(built_site.rglob("*")):
        if path.is_file() and (found := external_loads(path)):
            offenders[path.relative_to(built_site).as_posix()] = found
    assert offenders == {}


@pytest.mark.parametrize(
    "name, text",
    [
        ("page.html", '<img src="https://cdn.example/x.png">'),
        ("page.html", '<link rel="stylesheet" href="//fonts.example/css">'),
        ("page.html", '<script src="http://cdn.example/x.js"></script>'),
        ("page.html", '<img srcset="a.png 1x, https://cdn.example/b.png 2x">'),
        ("page.html", "<style>body{background:url(https://cdn.example/bg.png)}</style>"),
        ("style.css", '@import "https://fonts.example/font.css";'),
        ("style.css", "a{background:url('//cdn.example/x.svg')}"),
        ("app.js", 'importScripts("https://cdn.example/lunr.js")'),
        ("app.js", 'import x from "https://cdn.example/m.js"'),
    ],
)
def test_the_scan_finds_loads_from_other_hosts(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert external_loads(tmp_path / name)


def test_the_scan_allows_links_and_namespaces(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<a href="https://gzk.rks-gov.net/x">official text</a><svg xmlns="http://www.w3.org/2000/svg"></svg>'
                    '<link rel="alternate" hreflang="en" href="https://example.org/en/">', encoding="utf-8")
    assert external_loads(page) == []
