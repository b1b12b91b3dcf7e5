"""The real site built with an address (`SITE_URL=… make build`), in a sub-folder of its host:
its sitemaps pass the sitemaps.org protocol's rules (no package ships the protocol's XSD, so the
rules are written out here), canonical links and hreflang alternates are absolute, complete and
agree with each other and with the pages, robots.txt names every sitemap, and the pages still
load nothing from the address (a copy served elsewhere asks nothing of the original host)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from tests.support.browsing import all_page_paths, corpus, language_of
from tests.support.heads import page_file, read_head
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT, build

ADDRESS = "https://rights.example.org/crch/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
W3C_DATETIME = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$")  # language, script, region: what the site uses
MAX_URLS, MAX_BYTES, MAX_URL_LENGTH = 50_000, 50 * 1024 * 1024, 2048
PARTS = [part.code for part in SETTINGS.languages.with_editions]  # sq, sr, sr-cyrl (the twins), en
EDITIONS = {edition.code: edition for edition in SETTINGS.languages.editions}


def prefix_of(code: str) -> str:
    return SETTINGS.languages.language_or_edition(code).prefix


def pages_of(code: str) -> set[str]:
    """The site paths a part's sitemap lists: the pages written in its language (an edition: the
    twins of its source language's)."""
    edition = EDITIONS.get(code)
    source = edition.generated_from if edition else code
    paths = {doc.site_path or "./" for doc in corpus().in_language(source)}
    if edition:
        paths = {prefix_of(code) + path.removeprefix(prefix_of(source)) for path in paths}
    return paths


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("addressed-site") / "site"
    result = build(ROOT / "mkdocs.yml", site_dir, SITE_URL=ADDRESS)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def site_path(url: str) -> str:
    assert url.startswith(ADDRESS), url
    return url[len(ADDRESS):] or "./"


@pytest.fixture(scope="module")
def sitemaps(addressed_site) -> dict[str, dict[str, dict]]:
    """Sitemap URL -> {loc -> {'lastmod': …, 'alternates': {hreflang: href}}}, each checked against
    the protocol's rules on the way."""
    robots = (addressed_site / "robots.txt").read_text(encoding="utf-8")
    named = re.findall(r"^Sitemap: (\S+)$", robots, re.M)
    assert named == [f"{ADDRESS}{prefix_of(code)}sitemap.xml" for code in PARTS]
    found = {}
    for sitemap_url in named:
        file = addressed_site / site_path(sitemap_url)
        raw = file.read_bytes()
        assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>') and len(raw) <= MAX_BYTES
        root = ET.fromstring(raw)  # well-formed, entities escaped
        assert root.tag == f"{SITEMAP}urlset"
        urls = list(root)
        assert 0 < len(urls) <= MAX_URLS
        folder = sitemap_url.rsplit("/", 1)[0] + "/"
        entries: dict[str, dict] = {}
        for url in urls:
            assert url.tag == f"{SITEMAP}url"
            tags = [child.tag for child in url]
            assert tags.count(f"{SITEMAP}loc") == 1 and all(tags.count(f"{SITEMAP}{t}") <= 1
                                                            for t in ("lastmod", "changefreq", "priority"))
            assert set(tags) <= {f"{SITEMAP}{t}" for t in ("loc", "lastmod", "changefreq", "priority")} | {f"{XHTML}link"}
            loc = url.findtext(f"{SITEMAP}loc")
            assert urlsplit(loc).scheme == "https" and len(loc) < MAX_URL_LENGTH
            assert loc.startswith(folder), f"{loc} is outside the folder of {sitemap_url}"
            assert loc not in entries, f"{loc} twice"
            lastmod = url.findtext(f"{SITEMAP}lastmod")
            assert lastmod is None or W3C_DATETIME.match(lastmod)
            alternates = {}
            for link in url.findall(f"{XHTML}link"):
                hreflang, href = link.get("hreflang"), link.get("href")
                assert link.get("rel") == "alternate" and href and urlsplit(href).scheme == "https", (loc, href)
                assert hreflang == "x-default" or BCP47.match(hreflang), hreflang
                assert hreflang not in alternates, (loc, hreflang)
                alternates[hreflang] = href
            entries[loc] = {"lastmod": lastmod, "alternates": alternates}
        found[sitemap_url] = entries
    return found


def all_entries(sitemaps) -> dict[str, dict]:
    merged = {}
    for entries in sitemaps.values():
        assert not set(merged) & set(entries), "a URL in two sitemaps"
        merged.update(entries)
    return merged


def test_every_page_written_in_a_language_is_in_its_sitemap_and_nothing_else(addressed_site, sitemaps):
    for code in PARTS:
        entries = sitemaps[f"{ADDRESS}{prefix_of(code)}sitemap.xml"]
        assert {site_path(loc) for loc in entries} == pages_of(code), code
    for loc in all_entries(sitemaps):
        assert page_file(addressed_site, site_path(loc)).is_file(), loc


def test_alternates_are_complete_reciprocal_and_name_each_pages_language(addressed_site, sitemaps):
    entries = all_entries(sitemaps)
    for loc, entry in entries.items():
        alternates = entry["alternates"]
        own_lang = read_head(page_file(addressed_site, site_path(loc))).lang
        assert alternates.get(own_lang) == loc, f"{loc} does not list itself as {own_lang}"
        source_loc = loc
        for edition in EDITIONS.values():  # a twin's document is its source page's
            if site_path(loc).startswith(edition.prefix):
                source_loc = ADDRESS + prefix_of(edition.generated_from) + site_path(loc).removeprefix(edition.prefix)
        doc = next(d for d in corpus() if (d.site_path or "./") == site_path(source_loc))
        versions = corpus().versions(doc.id)
        expected = {SETTINGS.languages[c].html_lang for c in versions}
        expected |= {e.html_lang for e in EDITIONS.values() if e.generated_from in versions}
        assert set(alternates) == expected | {"x-default"}, loc
        for hreflang, href in alternates.items():
            assert href in entries, f"{loc}: its alternate {href} is in no sitemap"
            if hreflang != "x-default":
                assert entries[href]["alternates"] == alternates, f"{href} and {loc} disagree on their alternates"
                assert read_head(page_file(addressed_site, site_path(href))).lang == hreflang


def test_the_sitemaps_dates_come_from_front_matter(sitemaps):
    reviewed = {str(doc.meta["last_reviewed"]) for doc in corpus()}
    dates = {entry["lastmod"] for entry in all_entries(sitemaps).values()}
    assert dates and dates <= reviewed


def test_canonical_links_are_absolute_and_agree_with_the_sitemaps(addressed_site, sitemaps):
    entries = all_entries(sitemaps)
    for path in all_page_paths(addressed_site):
        if path.endswith("404.html"):
            continue
        head = read_head(page_file(addressed_site, path))
        assert len(head.canonical) == 1 and head.canonical[0], path
        canonical = head.canonical[0]
        assert canonical in entries, f"{path}: canonical {canonical} is in no sitemap"
        if canonical != ADDRESS + path.removeprefix("./"):  # a page served in place of a missing translation
            language = language_of(path)
            assert site_path(canonical).removeprefix(prefix_of(language_of(site_path(canonical)))) == \
                path.removeprefix(prefix_of(language))
        assert head.one("og:url") == head.one("citation_public_url") == canonical, path
        assert head.jsonld[0]["url"] == canonical and canonical in head.citation, path
        assert all(href for _, _, href in head.alternates) and all(href for _, href in head.switcher), path
        # The hreflang alternates are the sitemaps': in the head, Material's script would fetch a
        # missing sitemap.xml under each (scripts/mkdocs_adapter/pages.py)
        assert not [hreflang for _, hreflang, _ in head.alternates if hreflang], path


def test_pages_load_nothing_from_the_address(addressed_site):
    """Only canonical links, meta values, JSON-LD and citations name the address: what a browser
    loads (scripts, styles, icons, the feed link Material's script follows) stays relative."""
    for path in all_page_paths(addressed_site):
        head = read_head(addressed_site / path if path.endswith(".html") else page_file(addressed_site, path))
        assert not [r for r in head.references if r and (urlsplit(r).scheme or r.startswith("//"))], path


@pytest.mark.parametrize("language", PARTS)
def test_each_page_links_its_languages_feed_whose_links_are_absolute(addressed_site, language):
    """Every language's, and the Cyrillic edition's: its twins link its own feed."""
    prefix = prefix_of(language)
    head = read_head(page_file(addressed_site, prefix + "about/"))
    feeds = [href for kind, _, href in head.alternates if kind == "application/atom+xml"]
    assert feeds == ["../feed.atom"]
    feed_file = addressed_site / prefix / "feed.atom"
    assert (page_file(addressed_site, prefix + "about/").parent / feeds[0]).resolve() == feed_file.resolve()
    # Material's script fetches a sitemap.xml next to every <link rel="alternate">: it is there
    assert (feed_file.parent / "sitemap.xml").is_file()
    feed = feedparser.parse(feed_file.read_bytes())
    assert not feed.bozo and [link.href for link in feed.feed.links if link.rel == "self"] == [f"{ADDRESS}{prefix}feed.atom"]
    assert all(entry.link.startswith(ADDRESS) for entry in feed.entries)


def test_a_cyrillic_twin_is_its_own_page_and_links_its_editions_feed(addressed_site):
    edition = next(iter(EDITIONS.values()))
    source = SETTINGS.languages[edition.generated_from]
    twin = read_head(page_file(addressed_site, edition.prefix + "about/"))
    own = f"{ADDRESS}{edition.prefix}about/"
    assert twin.lang == edition.html_lang == twin.one("citation_language")
    assert twin.canonical == [own] and twin.one("og:url") == twin.one("citation_public_url") == own
    assert twin.jsonld[0]["url"] == own and twin.jsonld[0]["inLanguage"] == edition.html_lang and own in twin.citation
    feeds = [href for kind, _, href in twin.alternates if kind == "application/atom+xml"]
    assert feeds == ["../feed.atom"]  # the edition's own feed (sr-cyrl/feed.atom), in Cyrillic
    assert (addressed_site / edition.prefix / "feed.atom").is_file() and (addressed_site / source.prefix / "feed.atom").is_file()


def test_the_catalogue_and_its_descriptions_carry_absolute_addresses(addressed_site):
    records = json.loads((addressed_site / "data" / "sr" / "documents.json").read_text(encoding="utf-8"))
    assert all(r["url"] == urljoin(ADDRESS, r["path"]) for r in records)
    package = json.loads((addressed_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["homepage"] == ADDRESS
    dcat = json.loads((addressed_site / "data" / "dcat.jsonld").read_text(encoding="utf-8"))
    urls = [d["dcat:downloadURL"]["@id"] for ds in dcat["dcat:dataset"] for d in ds["dcat:distribution"]]
    assert urls and all(u.startswith(ADDRESS) and (addressed_site / site_path(u)).is_file() for u in urls)
