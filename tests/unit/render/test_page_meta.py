"""A page's head metadata (Open Graph, citation tags, feed link) and its suggested citation."""

from __future__ import annotations

import re

from scripts.model.review import review_of
from scripts.model.site_address import SiteAddress
from scripts.render.page_meta import canonical_path, head_tags
from scripts.render.reader import Reader
from scripts.render.suggested_citation import citation_block
from tests.support.open_data import HOSTILE, small_docs
from tests.support.project import STRINGS

ADDRESS = SiteAddress.parse("https://x.org/")


def head(corpus, language, doc_id, address=SiteAddress(), feed_title="Changes"):
    doc = corpus.get(language, doc_id) or corpus.get("sq", doc_id)
    reader = Reader(corpus, STRINGS, language, corpus.site_path(doc, language), doc.rel_path, address)
    html = str(head_tags(review_of(corpus, doc, language), reader, feed_title))
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html)), html, reader, doc


def test_open_graph_and_citation_tags_of_a_translated_act(tmp_path):
    tags, html, _, _ = head(small_docs(tmp_path / "docs"), "en", "law-a", ADDRESS)
    assert tags["og:title"] == tags["citation_title"] == "Law A"
    assert tags["og:description"] == "About Law A."  # the page's summary
    assert (tags["og:type"], tags["og:site_name"], tags["og:locale"]) == ("article", "Community Rights Clearing House", "en_GB")
    assert re.findall(r'og:locale:alternate" content="([^"]+)"', html) == ["sq_XK"]  # law-a exists in sq and en only
    assert (tags["og:url"], tags["citation_public_url"]) == ("https://x.org/en/acts/law-a/",) * 2
    assert (tags["citation_date"], tags["citation_language"]) == ("2026/11/24", "en")
    assert '<link rel="alternate" type="application/atom+xml" href="../../feed.atom" title="Changes">' in html


def test_without_an_address_nothing_needs_one(tmp_path):
    tags, html, _, _ = head(small_docs(tmp_path / "docs"), "en", "law-a")
    assert "og:url" not in tags and "citation_public_url" not in tags
    assert "application/atom+xml" not in html and "https://x.org" not in html


def test_a_fallback_page_is_canonical_at_its_original(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    _, _, reader, doc = head(corpus, "sr", "reg-b", ADDRESS)
    assert ADDRESS.url(canonical_path(doc)) == "https://x.org/acts/reg-b/" and reader.page_url == "sr/acts/reg-b/"


def test_hostile_values_are_escaped(tmp_path):
    _, html, _, _ = head(small_docs(tmp_path / "docs"), "en", "only-en")
    assert "</script>" not in html and "&lt;/script&gt; &amp; &lt;b&gt;" in html


def test_the_citation_of_a_machine_translation_says_so_with_its_originals_date(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    doc = corpus.get("sr", "home")
    reader = Reader(corpus, STRINGS, "sr", "sr/", "index.md", ADDRESS)
    block = str(citation_block(review_of(corpus, doc, "sr"), reader, "https://x.org/sr/"))
    assert "„Početna“. Centar za informisanje o pravima zajednica." in block
    assert "Mašinski prevod sa albanskog, koji nijedna osoba nije pregledala; original je proveren prema izvorima 20. 11. 2026." in block
    assert "https://x.org/sr/" in block and "Pristupljeno [datum]." in block
    original = str(citation_block(review_of(corpus, corpus.get("sq", "home"), "sq"), Reader(corpus, STRINGS, "sq"), None))
    assert "Kontrolluar me burimet më 20 nëntor 2026." in original and "https://" not in original
