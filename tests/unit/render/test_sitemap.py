"""Sitemaps and robots.txt: only with an address; each language's pages with every language version."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from scripts.model.site_address import SiteAddress
from scripts.render.sitemap import SITEMAP_NS, XHTML_NS, robots_txt, sitemap_path, sitemap_xml
from tests.support.open_data import small_docs

ADDRESS = SiteAddress.parse("https://rights.example.org/crch/")


def entries(xml: str) -> dict[str, dict[str, str]]:
    """loc -> {hreflang: href} of a sitemap."""
    root = ET.fromstring(xml)
    return {url.findtext(f"{{{SITEMAP_NS}}}loc"): {link.get("hreflang"): link.get("href")
                                                   for link in url.findall(f"{{{XHTML_NS}}}link")}
            for url in root.findall(f"{{{SITEMAP_NS}}}url")}


def test_each_language_lists_its_own_pages_with_every_version_and_x_default(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    base = ADDRESS.base
    en = entries(sitemap_xml(corpus, "en", ADDRESS))
    assert sorted(en) == [base + "en/", base + "en/acts/law-a/", base + "en/only/"]
    assert en[base + "en/acts/law-a/"] == {"sq": base + "acts/law-a/", "en": base + "en/acts/law-a/", "x-default": base + "acts/law-a/"}
    assert en[base + "en/only/"] == {"en": base + "en/only/", "x-default": base + "en/only/"}  # no sq version: the original
    sr = entries(sitemap_xml(corpus, "sr", ADDRESS))
    assert sorted(sr) == [base + "sr/"]  # sr/acts/law-a/ serves the original: its canonical address is listed in sq
    assert sr[base + "sr/"]["sr-Latn"] == base + "sr/"  # hreflang is the text's BCP 47 tag


def test_dates_are_the_pages_last_review_and_the_xml_is_escaped(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    xml = sitemap_xml(corpus, "sq", SiteAddress.parse("https://x.org/a&b/"))
    assert "https://x.org/a&amp;b/acts/law-a/" in xml
    root = ET.fromstring(xml)
    assert {u.findtext(f"{{{SITEMAP_NS}}}lastmod") for u in root} == {"2026-11-20", "2026-11-24"}


def test_without_an_address_there_is_no_sitemap_and_robots_names_none(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    with pytest.raises(ValueError, match="site_url"):
        sitemap_xml(corpus, "sq", SiteAddress())
    assert robots_txt(corpus, SiteAddress()) == "User-agent: *\nDisallow:\n"
    assert robots_txt(corpus, ADDRESS).splitlines()[-3:] == [
        f"Sitemap: {ADDRESS.base}sitemap.xml", f"Sitemap: {ADDRESS.base}sr/sitemap.xml", f"Sitemap: {ADDRESS.base}en/sitemap.xml"]
    assert sitemap_path(corpus, "sr") == "sr/sitemap.xml"


def test_a_built_edition_has_its_own_sitemap_and_its_twins_are_alternates(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    editions = corpus.languages.editions  # sr-cyrl, generated from sr
    base = ADDRESS.base
    cyrl = entries(sitemap_xml(corpus, "sr-cyrl", ADDRESS, editions))
    assert sorted(cyrl) == [base + "sr-cyrl/"]  # the twin of each page written in Serbian, under its own folder
    assert cyrl[base + "sr-cyrl/"] == entries(sitemap_xml(corpus, "sr", ADDRESS, editions))[base + "sr/"]
    assert cyrl[base + "sr-cyrl/"]["sr-Cyrl"] == base + "sr-cyrl/"
    assert cyrl[base + "sr-cyrl/"]["sr-Latn"] == base + "sr/"
    assert "sr-Cyrl" not in entries(sitemap_xml(corpus, "en", ADDRESS, editions))[base + "en/acts/law-a/"]  # no sr version
    assert "sr-Cyrl" not in entries(sitemap_xml(corpus, "sq", ADDRESS))[base]  # the edition not built: never named
    assert robots_txt(corpus, ADDRESS, editions).splitlines()[-4:] == [
        f"Sitemap: {base}sitemap.xml", f"Sitemap: {base}sr/sitemap.xml", f"Sitemap: {base}sr-cyrl/sitemap.xml",
        f"Sitemap: {base}en/sitemap.xml"]
    assert sitemap_path(corpus, "sr-cyrl") == "sr-cyrl/sitemap.xml"
