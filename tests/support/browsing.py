"""What the offline, security and accessibility tests share: which pages to visit, how to search,
how to record every request a page makes.

Heavy checks (axe, CSP) visit one page of each document type in each language; the
no-external-requests test visits every page.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urlsplit

from scripts.model.documents import load_corpus
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT

SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT_LINK = ".md-search-result__item a, .md-search-result__link"
LANGUAGE_LINK = "a.md-select__link"
# An init script: every Content-Security-Policy violation of the page, in window.__violations.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => window.__violations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline"}: ${event.sample}`));
"""
# Every edition a reader can open, by its folder's code: the languages and the generated editions.
EDITIONS = (*LANGUAGES, *(edition.code for edition in SETTINGS.languages.editions))


@functools.cache
def corpus():
    return load_corpus(ROOT / "docs")


def representative_paths() -> list[str]:
    """Each language's home and one page of each document type (site paths like 'sr/acts/x/'), the
    home and one page of each generated edition, plus 404."""
    paths = []
    for language in LANGUAGES:
        paths.append(SETTINGS.languages[language].prefix)
        seen_types = set()
        for doc in sorted(corpus().in_language(language), key=lambda d: d.rel_path):
            if doc.type not in seen_types and doc.site_path not in paths:
                seen_types.add(doc.type)
                paths.append(doc.site_path)
    for edition in SETTINGS.languages.editions:  # its home and one page: the twins of the source's first two
        source = SETTINGS.languages[edition.generated_from].prefix
        paths += [edition.prefix + path[len(source):] for path in paths if path.startswith(source)][:2]
    return paths + ["404.html"]


def all_page_paths(site_dir: Path) -> list[str]:
    """Every HTML page of a built site as a site path ('', 'sr/acts/x/', '404.html')."""
    paths = []
    for path in sorted(Path(site_dir).rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        paths.append(rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)
    return paths


def language_of(site_path: str) -> str:
    return SETTINGS.languages.of_site_path(site_path).code


def search_term(language: str) -> str:
    """The longest word of the document titles in this language (never a stop word like 'about'),
    so a search for it must find something. A generated edition's is its source's, typed in Latin
    (the Cyrillic edition answers it)."""
    edition = SETTINGS.languages.edition(language)
    language = edition.generated_from if edition else language
    titles = " ".join(doc.title for doc in sorted(corpus().in_language(language), key=lambda d: d.rel_path))
    words = [word for word in re.findall(r"\w+", titles) if not word.isdigit()]
    assert words, f"no {language} document title has a word to search for"
    return max(words, key=len)


def open_search(page) -> None:
    """Open the search box: on narrow screens through the header's search button."""
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    page.click(SEARCH_INPUT)


def search(page, query: str, timeout: float = 15_000):
    """Type a query into the search box (as a reader would) and return the result links."""
    open_search(page)
    page.fill(SEARCH_INPUT, "")
    page.type(SEARCH_INPUT, query)
    page.wait_for_selector(SEARCH_RESULT_LINK, timeout=timeout)
    return page.locator(SEARCH_RESULT_LINK)


class RequestLog:
    """Every request a browser context makes, by the page that was open when it was made."""

    def __init__(self, context):
        self.current_page = ""
        self.requests: list[tuple[str, str]] = []
        context.on("request", lambda request: self.requests.append((self.current_page, request.url)))

    def outside(self, allowed) -> dict[str, list[str]]:
        """{page: [urls]} of requests whose URL does not satisfy allowed(url)."""
        found: dict[str, list[str]] = {}
        for page, url in self.requests:
            if not allowed(url):
                found.setdefault(page, []).append(url)
        return found


def is_local(base_url: str):
    """allowed(url) for a site served at base_url: same scheme and host, or data:/blob: from the page."""
    origin = urlsplit(base_url)

    def allowed(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return (parts.scheme, parts.netloc) == (origin.scheme, origin.netloc)

    return allowed
