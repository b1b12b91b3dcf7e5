"""End-to-end checks on one strict build of the real site: languages, lang attributes, switcher, hosts."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from scripts.model.documents import load_corpus
from tests.support.project import LANGUAGES, STRINGS, SETTINGS
from tests.support.sites import ROOT

HTML_LANG = {"sq": "sq", "sr": "sr-Latn", "en": "en"}
CORPUS = load_corpus(ROOT / "docs")
DOCUMENT_IDS = CORPUS.ids()


class _Links(HTMLParser):
    """The <html lang>, the language switcher's links and every src/href of a page."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.switcher: dict[str, str] = {}
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switcher[attrs["hreflang"]] = attrs["href"]
        self.urls += [value for name, value in attrs.items() if name in ("src", "href") and value]


def parse(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def page_file(site: Path, site_path: str) -> Path:
    return site / site_path / "index.html"


@pytest.mark.parametrize("doc_id", DOCUMENT_IDS)
def test_every_document_is_built_in_all_three_languages(built_site, doc_id):
    some_version = next(iter(CORPUS.versions(doc_id).values()))
    rel = some_version.site_path.removeprefix(f"{some_version.language}/") if some_version.language != "sq" else some_version.site_path
    for language in LANGUAGES:
        prefix = SETTINGS.languages[language].prefix
        assert page_file(built_site, prefix + rel).is_file(), f"{doc_id} has no {language} page at /{prefix}{rel}"


@pytest.mark.parametrize("doc", list(CORPUS), ids=lambda d: f"{d.language}/{d.rel_path}")
def test_html_lang_and_switcher_point_at_the_same_page(built_site, doc):
    html = parse(page_file(built_site, doc.site_path))
    assert html.lang == HTML_LANG[doc.language]
    code_of = {HTML_LANG[code]: code for code in LANGUAGES}  # hreflang is the lang of the page linked
    assert set(html.switcher) == set(code_of)
    here = "http://site/" + doc.site_path
    rel = doc.site_path.removeprefix(f"{doc.language}/") if doc.language != "sq" else doc.site_path
    for hreflang, href in html.switcher.items():
        language = code_of[hreflang]
        assert not href.startswith("/"), f"switcher link {href} on /{doc.site_path} works only at a server's root"
        prefix = SETTINGS.languages[language].prefix
        target = urlsplit(urljoin(here, href)).path
        assert target == "/" + prefix + rel, f"switcher to {language} on /{doc.site_path} goes to {target}"


def test_no_page_points_at_another_host(built_site):
    """No src or href in any page leads to another host: offline readers would lose it."""
    offenders = {}
    for path in built_site.rglob("*.html"):
        other_hosts = [url for url in parse(path).urls if re.match(r"^(https?:)?//", url)]
        if other_hosts:
            offenders[str(path.relative_to(built_site))] = other_hosts
    assert offenders == {}


def test_no_stylesheet_loads_from_another_host(built_site):
    for path in built_site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import\s+(url\()?['\"]?(https?:)?//", text), path


def test_no_web_fonts(built_site):
    assert not [p for p in built_site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf")]
    for path in built_site.rglob("*.html"):
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("language", LANGUAGES)
def test_act_panel_marks_fields_no_source_confirms(built_site, language):
    t = STRINGS.t
    regulation = CORPUS.get(language, "regulation-02-2010")
    assert regulation.meta["unverified"] == ["issuer"]
    html = page_file(built_site, regulation.site_path).read_text(encoding="utf-8")
    issuer_row = html.split(">" + t("xrefs.issuer", language) + "</dt>")[1].split("</dd>")[0]
    assert t("xrefs.unverified", language) in issuer_row


def test_build_data_is_not_published(built_site):
    assert not (built_site / "strings").exists()
    assert not [p for p in built_site.rglob("*") if p.suffix in (".py", ".pyc")]
