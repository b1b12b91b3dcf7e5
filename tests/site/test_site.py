"""End-to-end checks on one strict build of the real site: languages, lang attributes, switcher, hosts."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from scripts.model.documents import load_corpus
from tests.support.project import LANGUAGES, STRINGS, SETTINGS
from tests.support.sites import ROOT

HTML_LANG = {"sq": "sq", "sr": "sr-Latn", "en": "en"}
EDITIONS = {edition.html_lang: edition for edition in SETTINGS.languages.editions}  # by their hreflang
CORPUS = load_corpus(ROOT / "docs")
DOCUMENT_IDS = CORPUS.ids()


class _Links(HTMLParser):
    """The <html lang>, the language switcher's links, every src/href of a page but its links to
    other sites (`<a href>`), and those links with their rel."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.switcher: dict[str, str] = {}
        self.urls: list[str] = []
        self.outside_links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switcher[attrs["hreflang"]] = attrs["href"]
        if tag == "a" and re.match(r"^(https?:)?//", attrs.get("href") or ""):
            self.outside_links.append((attrs["href"], attrs.get("rel") or ""))
            return
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
    code_of = {SETTINGS.languages[code].html_lang: code for code in LANGUAGES} | {lang: lang for lang in EDITIONS}
    assert set(html.switcher) == set(code_of)  # hreflang is the lang of the page linked
    here = "http://site/" + doc.site_path
    rel = doc.site_path.removeprefix(f"{doc.language}/") if doc.language != "sq" else doc.site_path
    for hreflang, href in html.switcher.items():
        language = code_of[hreflang]
        assert not href.startswith("/"), f"switcher link {href} on /{doc.site_path} works only at a server's root"
        prefix = EDITIONS[language].prefix if language in EDITIONS else SETTINGS.languages[language].prefix
        target = urlsplit(urljoin(here, href)).path
        assert target == "/" + prefix + rel, f"switcher to {language} on /{doc.site_path} goes to {target}"


def test_nothing_but_a_link_points_at_another_host(built_site):
    """Only a link a reader follows (an act's official source) leads to another host, and it does
    not tell that host where the reader comes from; no other src or href does (offline readers)."""
    offenders, links = {}, []
    for path in built_site.rglob("*.html"):
        parsed = parse(path)
        other_hosts = [url for url in parsed.urls if re.match(r"^(https?:)?//", url)]
        if other_hosts:
            offenders[str(path.relative_to(built_site))] = other_hosts
        links += parsed.outside_links
    assert offenders == {}
    assert links and all("noreferrer" in rel.split() for _, rel in links), [l for l in links if "noreferrer" not in l[1]][:3]


@pytest.mark.parametrize("language", LANGUAGES)
def test_act_sources_are_links(built_site, language):
    law = CORPUS.get(language, "law-03-l-047")
    html = page_file(built_site, law.site_path).read_text(encoding="utf-8")
    for source in law.meta["sources"]:
        if source.get("url"):
            assert f'<a href="{escape(source["url"])}" rel="external noreferrer">' in html  # & is &amp; in HTML


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_source_list_is_folded_in_the_panel(built_site, language):
    """On a phone twenty sources would push the act's text screens down: the panel folds them."""
    law = CORPUS.get(language, "law-03-l-047")
    assert len(law.meta["sources"]) > 3
    html = page_file(built_site, law.site_path).read_text(encoding="utf-8")
    panel = re.search(r'<aside class="admonition info crch-act-panel".*?</aside>', html, re.S).group(0)
    folded = re.search(r'<details class="crch-act-sources"><summary>([^<]+)</summary>(.*?)</details>', panel, re.S)
    assert folded, "the sources are not folded"
    assert folded.group(1).endswith(f"({len(law.meta['sources'])})")
    assert folded.group(2).count("<li>") == len(law.meta["sources"])


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
    # An act whose issuer, and nothing else, no cited source confirms (the acts editor decides which).
    acts = [doc for doc in CORPUS.in_language(language) if doc.is_act and doc.meta.get("unverified") == ["issuer"]]
    assert acts, f"no {language} act has 'unverified: [issuer]' any more: pick another field to test"
    act = min(acts, key=lambda doc: doc.id)
    html = page_file(built_site, act.site_path).read_text(encoding="utf-8")

    def row(label_key: str) -> str:
        return html.split(">" + t(label_key, language) + "</dt>")[1].split("</dd>")[0]

    assert t("xrefs.unverified", language) in row("xrefs.issuer")
    assert t("xrefs.unverified", language) not in row("xrefs.status")  # a confirmed field is not marked


def test_build_data_is_not_published(built_site):
    assert not (built_site / "strings").exists()
    assert not [p for p in built_site.rglob("*") if p.suffix in (".py", ".pyc")]
