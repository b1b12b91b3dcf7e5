"""Cross-references in real builds: a broken link stops the build; id: links, the act panel,
"Referenced by" and the JSON-LD (a WebPage about the Legislation) in tiny sites and on the built real site."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from scripts.model.documents import load_corpus
from scripts.model.schema import RELATION_NAMES
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT, build, page, write_config, write_docs

CORPUS = load_corpus(ROOT / "docs")
MACHINE = {"translation": {"source": "sq", "status": "machine"}}
LAW = {
    "type": "law",
    "number": "03/L-047",
    "issuer": "Assembly </script><b>bold</b>",
    "date_adopted": dt.date(2008, 3, 13),
    "status": "in-force",
    "sources": [{"title": "Official Gazette", "url": "https://example.org/act?a=1&b=2"}, {"title": "Report", "note": "secondary"}],
}


def tiny_site(tmp_path: Path, files: dict[str, str]) -> Path:
    """A docs folder with the given pages (and the project's data files), and its mkdocs.yml."""
    docs = write_docs(tmp_path / "docs", files)
    shutil.copytree(ROOT / "docs" / "data", docs / "data")
    return write_config(tmp_path, docs, tmp_path / "site")


class _Page(HTMLParser):
    """hrefs of a page's article (but its translation notice), of its "Referenced by" section, its
    element ids and its JSON-LD."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.article_hrefs: list[str] = []
        self.referenced_by_hrefs: list[str] = []
        self.jsonld: list[str] = []
        self._in_article = self._in_referenced_by = self._in_jsonld = self._in_notice = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "article":
            self._in_article = True
        if tag == "section" and "crch-referenced-by" in (attrs.get("class") or ""):
            self._in_referenced_by = True
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True
        if tag == "aside" and "crch-notice" in (attrs.get("class") or ""):
            self._in_notice = True  # the translations feature's notice links to the original
        if tag == "a" and attrs.get("href") is not None and not self._in_notice:
            if self._in_referenced_by:
                self.referenced_by_hrefs.append(attrs["href"])
            elif self._in_article and "headerlink" not in (attrs.get("class") or ""):
                self.article_hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False
        if tag == "section":
            self._in_referenced_by = False
        if tag == "script":
            self._in_jsonld = False
        if tag == "aside":
            self._in_notice = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)


def parse(path: Path) -> _Page:
    parsed = _Page()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def site_target(from_site_path: str, href: str) -> str:
    """The site path (and '#anchor') an href on a page leads to."""
    parts = urlsplit(urljoin("http://site/" + from_site_path, href))
    return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


# --------------------------------------------------------------------------- the build stops


@pytest.mark.parametrize(
    "body, message",
    [
        ("[x](id:nope)", "link to unknown document id 'nope'"),
        ("[x](id:home#nowhere)", "link to '#nowhere' on 'home'"),
        ("[x](acts/missing.md)", "link 'acts/missing.md' points at docs/sq/acts/missing.md, which does not exist"),
    ],
)
def test_build_fails_on_a_broken_link_and_leaves_the_old_site(tmp_path, body, message):
    config = tiny_site(tmp_path, {"sq/index.md": page("home", "Home", body)})
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    result = build(config, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/sq/index.md:11: {message}" in output  # the build runs in tmp_path
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"


# --------------------------------------------------------------------------- a tiny site


@pytest.fixture(scope="module")
def tiny_built(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("xrefs-site")
    files = {
        "sq/index.md": page("home", "Ballina", "[Ligji](id:law-a#neni-1), [udhëzuesi](id:guide), [English](id:only-en)"),
        "sr/index.md": page("home", "Početna", "[Zakon](id:law-a#neni-1), [vodič](id:guide), [English](id:only-en)", **MACHINE),
        "en/index.md": page("home", "Home", "[Law](id:law-a#neni-1), [guide](id:guide), [English](id:only-en)", **MACHINE),
        "sq/acts/law-a.md": page("law-a", "Ligji A", "## Neni 1\n\nTekst.", **LAW),
        "sr/acts/law-a.md": page("law-a", "Zakon A", "## Neni 1\n\nTekst.", **LAW, **MACHINE),
        "en/acts/law-a.md": page("law-a", "Law </script> A", "## Article 1 {#neni-1}\n\nText.", **LAW, **MACHINE),
        "sq/acts/reg-b.md": page(
            "reg-b", "Rregullorja B", "Sipas [ligjit](id:law-a).", type="regulation", number="02/2010", issuer="Qeveria",
            date_adopted="unknown", status="unknown", sources=[{"title": "Gazeta"}], relations={"based_on": ["law-a"]},
        ),
        "sq/guides/guide.md": page("guide", "Udhëzues", "[Rregullorja](id:reg-b), [neni 1](../acts/law-a.md#neni-1)", type="guide"),
        "en/only.md": page("only-en", "Only in English", "Back [home](id:home)."),
    }
    config = tiny_site(tmp_path, files)
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "site"


def test_id_links_reach_the_page_in_the_reader_language(tiny_built):
    assert parse(tiny_built / "sr/index.html").article_hrefs == ["acts/law-a/#neni-1", "guides/guide/", "only/"]
    assert parse(tiny_built / "en/only/index.html").article_hrefs == ["../"]
    # pages missing in sr are served there from their original, so links stay in the sr tree
    assert parse(tiny_built / "sr/guides/guide/index.html").article_hrefs == ["../../acts/reg-b/", "../../acts/law-a/#neni-1"]
    assert not [p for p in tiny_built.rglob("*.html") if 'href="id:' in p.read_text(encoding="utf-8")]


def test_act_panel_shows_front_matter_and_relations_both_ways_escaped(tiny_built):
    html = (tiny_built / "acts/law-a/index.html").read_text(encoding="utf-8")
    panel = re.search(r'<aside class="admonition info crch-act-panel".*?</aside>', html, re.S).group(0)
    assert "<dt>Numri</dt><dd>03/L-047</dd>" in panel
    assert "<dt>Nxjerrë nga</dt><dd>Assembly &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;</dd>" in panel
    assert '<dt>Miratuar më</dt><dd><time datetime="2008-03-13">2008-03-13</time></dd>' in panel
    assert "<dt>Statusi</dt><dd>Në fuqi</dd>" in panel
    assert '<a href="https://example.org/act?a=1&amp;b=2" rel="external noreferrer">' in panel
    assert "<li>Report (burim dytësor)</li>" in panel
    assert "<details" not in panel  # a short list is not folded
    assert '<dt>Bazë për</dt><dd><ul><li><a href="../reg-b/">Rregullorja B</a></li></ul></dd>' in panel  # derived
    sr_panel = (tiny_built / "sr/acts/reg-b/index.html").read_text(encoding="utf-8")
    assert '<dt>Zasniva se na</dt><dd><ul><li><a href="../law-a/">Zakon A</a></li></ul></dd>' in sr_panel  # title in sr
    assert "<dt>Datum usvajanja</dt><dd>nepoznato</dd>" in sr_panel
    assert "crch-act-panel" not in (tiny_built / "guides/guide/index.html").read_text(encoding="utf-8")


def test_referenced_by_groups_the_linking_pages_by_type(tiny_built):
    html = (tiny_built / "acts/law-a/index.html").read_text(encoding="utf-8")
    section = re.search(r'<section class="crch-referenced-by".*?</section>', html, re.S).group(0)
    assert re.findall(r"<h3>(.*?)</h3>", section) == ["Rregulloret", "Udhëzuesit", "Faqet"]
    assert parse(tiny_built / "acts/law-a/index.html").referenced_by_hrefs == ["../reg-b/", "../../guides/guide/", "../../"]
    lonely = (tiny_built / "en/index.html").read_text(encoding="utf-8")
    assert '<a href="only/">Only in English</a>' in lonely


def test_the_json_ld_is_a_web_page_about_the_legislation_escaped_and_complete(tiny_built):
    html = (tiny_built / "en/acts/law-a/index.html").read_text(encoding="utf-8")
    scripts = parse(tiny_built / "en/acts/law-a/index.html").jsonld
    assert len(scripts) == 1
    assert "</script><b>" not in html and "Law </script> A" not in scripts[0]
    assert json.loads(scripts[0]) == {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": "Law </script> A",
        "description": "About Law </script> A.",  # the page's summary
        "inLanguage": "en",
        "url": "./",
        "isPartOf": {"@type": "WebSite", "name": "Community Rights Clearing House", "url": "../../"},
        # a machine translation: the review is the original's, and it says so
        "translationOfWork": {"@type": "WebPage", "url": "../../../acts/law-a/", "inLanguage": "sq", "name": "Ligji A",
                              "lastReviewed": "2026-11-24"},
        "citation": [{"@type": "CreativeWork", "name": "Official Gazette", "url": "https://example.org/act?a=1&b=2"},
                     {"@type": "CreativeWork", "name": "Report"}],
        "about": {
            "@type": "Legislation",
            "name": "Law </script> A",
            "legislationType": "Law",
            "legislationIdentifier": "03/L-047",
            "legislationDate": "2008-03-13",
            "legislationLegalForce": "https://schema.org/InForce",
            "legislationPassedBy": {"@type": "Organization", "name": "Assembly </script><b>bold</b>"},
        },
    }
    based = json.loads(parse(tiny_built / "acts/reg-b/index.html").jsonld[0])
    assert based["lastReviewed"] == "2026-11-24" and "translationOfWork" not in based  # an original
    law = based["about"]
    assert law["isBasedOn"] == [{"@type": "Legislation", "name": "Ligji A", "legislationIdentifier": "03/L-047",
                                 "subjectOf": {"@type": "WebPage", "url": "../law-a/", "inLanguage": "sq"}}]
    assert "legislationLegalForce" not in law and "legislationDate" not in law  # status and date unknown
    assert "eli" not in scripts[0].lower()  # no ELI identifier is made up
    guide = json.loads(parse(tiny_built / "guides/guide/index.html").jsonld[0])
    assert guide["@type"] == "WebPage" and "about" not in guide  # not a legal act


# --------------------------------------------------------------------------- the real site


def served(language: str) -> dict[str, object]:
    """ID -> the page a reader of `language` gets: their version, else the original (no translation block)."""
    pages = {}
    for doc in CORPUS:
        if doc.language == language or (doc.translation is None and doc.id not in pages):
            if doc.language == language or CORPUS.get(language, doc.id) is None:
                pages[doc.id] = doc
    return pages


ID_LINK = re.compile(r"\]\(id:([a-z0-9-]+)(?:#([^)\s]+))?\)")
MD_LINK = re.compile(r"\]\((?!id:|[a-z]+://|#|/)([^)\s#]+\.md)(?:#[^)\s]*)?\)")


def linked_ids(doc, language: str) -> set[str]:
    """IDs a page links to or relates to, read independently of scripts/links.py."""
    found = {m.group(1) for m in ID_LINK.finditer(doc.body)}
    for rel in MD_LINK.findall(doc.body):
        target_path = posixpath.normpath(posixpath.join(posixpath.dirname(doc.rel_path), rel))
        target = next((CORPUS.by_path(lang, target_path) for lang in (language, *LANGUAGES) if CORPUS.by_path(lang, target_path)), None)
        if target is not None:
            found.add(target.id)
    relations = doc.meta.get("relations") or {}
    for name in RELATION_NAMES:
        found.update(relations.get(name) or [])
    found.discard(doc.id)
    return found


def test_every_id_link_became_a_working_relative_link(built_site):
    checked = 0
    for language in LANGUAGES:
        for doc in served(language).values():
            here = SETTINGS.languages[language].site_path(doc.rel_path)
            html = parse(built_site / here / "index.html")
            targets = {site_target(here, href) for href in html.article_hrefs}
            assert not [h for h in html.article_hrefs if h.startswith("id:")], here
            for match in ID_LINK.finditer(doc.body):
                target = served(language)[match.group(1)]
                expected = SETTINGS.languages[language].site_path(target.rel_path) + (f"#{match.group(2)}" if match.group(2) else "")
                assert expected in targets, f"/{here}: no link to /{expected}"
                target_page = built_site / SETTINGS.languages[language].site_path(target.rel_path) / "index.html"
                assert target_page.is_file(), f"/{here} links to /{expected}, which was not built"
                if match.group(2):
                    assert match.group(2) in parse(target_page).ids, f"/{here}: #{match.group(2)} is not on /{expected}"
                checked += 1
    assert checked > 0


def test_referenced_by_lists_what_the_pages_really_link(built_site):
    for language in LANGUAGES:
        pages = served(language)
        referrers: dict[str, set[str]] = {doc_id: set() for doc_id in pages}
        for doc in pages.values():
            for target in linked_ids(doc, language):
                referrers.setdefault(target, set()).add(doc.id)
        for doc_id, doc in pages.items():
            here = SETTINGS.languages[language].site_path(doc.rel_path)
            listed = {site_target(here, href) for href in parse(built_site / here / "index.html").referenced_by_hrefs}
            expected = {SETTINGS.languages[language].site_path(pages[r].rel_path) for r in referrers[doc_id]}
            assert listed == expected, f"/{here}"
