"""Listings in built sites: every document is reachable from the home page, and a document written
in one language only is listed, linked, navigable and served in every language, in its own
language, while only its own language's search indexes its words (scripts/model/served.py)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from scripts.model.documents import load_corpus
from scripts.search.index_files import read_index_files
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT, build_tiny_site, page


class _ArticleLinks(HTMLParser):
    """The hrefs inside a page's <article> (the content, not the navigation)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag == "article"
            href = dict(attrs).get("href")
            if tag == "a" and href:
                self.hrefs.append(href)

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def _content_links(site: Path, url_path: str) -> set[str]:
    """Site paths (like 'sr/acts/') that the content of the page at url_path links to."""
    file = site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path
    if not file.exists():
        return set()
    parser = _ArticleLinks()
    parser.feed(file.read_text(encoding="utf-8"))
    found = set()
    for href in parser.hrefs:
        target = urlsplit(urljoin("http://site/" + url_path, href))
        if target.netloc == "site":
            found.add(target.path.lstrip("/"))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_document_is_two_clicks_from_the_home_page(built_site, language):
    corpus = load_corpus(ROOT / "docs")
    home = SETTINGS.languages[language].prefix
    one_click = _content_links(built_site, home)
    reached = set(one_click)
    for path in one_click:
        reached |= _content_links(built_site, path)
    wanted = {doc.site_path for doc in corpus.in_language(language)} - {home}
    assert sorted(wanted - reached) == []

# --------------------------------------------------------------------------- a document in one language only

ONLY_SERBIAN_WORD = "Jedinstvenareč"


@pytest.fixture(scope="module")
def one_language_site(tmp_path_factory) -> Path:
    machine = {"translation": {"source": "sq", "status": "machine"}}
    files = {
        "sq/index.md": page("home", "Ballina", "Shih [udhëzuesit](id:guides)."),
        "sr/index.md": page("home", "Početna", "Vidi [vodiče](id:guides).", **machine),
        "en/index.md": page("home", "Home", "See [the guides](id:guides).", **machine),
        "sq/guides/index.md": page("guides", "Udhëzuesit", "<!-- documents type=guide -->"),
        "sr/guides/index.md": page("guides", "Vodiči", "<!-- documents type=guide -->", **machine),
        "en/guides/index.md": page("guides", "Guides", "<!-- documents type=guide -->", **machine),
        "sr/guides/only.md": page("guide-only", "Samo na srpskom", f"{ONLY_SERBIAN_WORD} tekst vodiča.", type="guide"),
    }
    return build_tiny_site(tmp_path_factory.mktemp("one-language"), files)


@pytest.mark.parametrize("language", ["sq", "en"])
def test_a_document_in_one_language_is_listed_in_every_language(one_language_site, language):
    prefix = SETTINGS.languages[language].prefix
    listing = (one_language_site / prefix / "guides/index.html").read_text(encoding="utf-8")
    assert "crch-documents-empty" not in listing
    assert '<a href="only/" lang="sr-Latn">Samo na srpskom</a>' in listing
    served = (one_language_site / prefix / "guides/only/index.html").read_text(encoding="utf-8")
    assert ONLY_SERBIAN_WORD in served and 'data-translation-notice="missing"' in served


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_its_own_language_indexes_it(one_language_site, language):
    texts = " ".join(read_index_files(one_language_site, language)["texts"])
    assert (ONLY_SERBIAN_WORD in texts) == (language == "sr"), language
