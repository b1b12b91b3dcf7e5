"""Atom feeds: parsed by feedparser, every document its readers get, dates from front matter."""

from __future__ import annotations

import feedparser

from scripts.model.site_address import SiteAddress
from scripts.render.feed import feed_xml
from tests.support.open_data import HOSTILE, small_docs
from tests.support.project import SETTINGS, STRINGS


def parsed(corpus, language, address=SiteAddress()):
    feed = feedparser.parse(feed_xml(corpus, language, STRINGS, address))
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_the_feed_lists_every_document_newest_review_first(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    feed = parsed(corpus, "sr")
    assert feed.version == "atom10" and feed.feed.title == "Centar za informisanje o pravima zajednica"
    titles = [entry.title for entry in feed.entries]
    assert sorted(titles) == sorted(["Početna", "Ligji A", "Rregullorja B", HOSTILE])  # sq originals fill the gaps
    assert [entry.updated for entry in feed.entries] == ["2026-11-24T00:00:00Z"] * 3 + ["2026-11-20T00:00:00Z"]
    assert feed.feed.updated == "2026-11-24T00:00:00Z"
    home = next(entry for entry in feed.entries if entry.title == "Početna")
    assert home.updated == "2026-11-20T00:00:00Z"  # a machine translation: its original's review, not its own


def test_links_are_relative_without_an_address_and_absolute_with_one(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    relative = parsed(corpus, "sr")
    assert {entry.link for entry in relative.entries} == {"./", "acts/law-a/", "acts/reg-b/", "only/"}
    assert not [link for link in relative.feed.links if link.rel == "self"]
    absolute = parsed(corpus, "sr", SiteAddress.parse("https://x.org/"))
    assert "https://x.org/sr/acts/reg-b/" in {entry.link for entry in absolute.entries}
    assert [link.href for link in absolute.feed.links if link.rel == "self"] == ["https://x.org/sr/feed.atom"]
    # identifiers do not depend on the address, and differ per language
    assert [e.id for e in relative.entries] == [e.id for e in absolute.entries]
    assert {e.id for e in relative.entries}.isdisjoint(e.id for e in parsed(corpus, "en").entries)


def test_hostile_titles_are_text(tmp_path):
    xml = feed_xml(small_docs(tmp_path / "docs"), "en", STRINGS, SiteAddress())
    assert "<b>" not in xml and "&lt;/script&gt; &amp; &lt;b&gt;" in xml


def test_the_cyrillic_edition_has_its_own_feed_in_its_script_at_the_twins(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    edition = SETTINGS.languages.edition("sr-cyrl")
    xml = feed_xml(corpus, "sr", STRINGS, SiteAddress.parse("https://x.org/"), edition)
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Центар за информисање о правима заједница" and 'xml:lang="sr-Cyrl"' in xml
    assert [link.href for link in feed.feed.links if link.rel == "self"] == ["https://x.org/sr-cyrl/feed.atom"]
    entries = {entry.link: entry for entry in feed.entries}
    assert set(entries) == {"https://x.org/sr-cyrl/", "https://x.org/sr-cyrl/acts/law-a/", "https://x.org/sr-cyrl/acts/reg-b/",
                            "https://x.org/sr-cyrl/only/"}
    assert entries["https://x.org/sr-cyrl/"].title == "Почетна"  # the Serbian text, in Cyrillic
    assert entries["https://x.org/sr-cyrl/acts/law-a/"].title == "Ligji A"  # served in its Albanian original, as written
    assert '<entry xml:lang="sq">' in xml and entries["https://x.org/sr-cyrl/acts/law-a/"].tags[0].label == "Закон"
    assert {e.id for e in feed.entries}.isdisjoint(e.id for e in parsed(corpus, "sr").entries)

