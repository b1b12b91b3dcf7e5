"""What every page shows around its text, in the reader's language: the translation notice after
the title, the last review by a person (honest about machine translations), the headings' and
footnotes' link titles, every community in "Browse by community"; and the changes to Material's
markup, which fail loudly when Material's markup changes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from scripts import browse, page_markup
from scripts.documents import COMMUNITIES, LANGUAGES, Document, load_corpus
from scripts.translation_site import site_path_in
from scripts.ui_strings import t
from tests.sites import ROOT, build_tiny_site, page

CORPUS = load_corpus(ROOT / "docs")


def html_of(site: Path, site_path: str) -> str:
    return (site / site_path / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


@pytest.mark.parametrize("doc", list(CORPUS), ids=lambda d: f"{d.language}/{d.rel_path}")
def test_every_page_starts_with_its_title_and_says_when_a_person_checked_it(built_site, doc):
    text = article(html_of(built_site, doc.site_path))
    assert re.match(r"<article[^>]*>\s*<h1\b", text), "the article does not start with its title"
    reviewed = re.search(r'<p class="crch-reviewed"[^>]*>(.*?)</p>', text, re.S)
    assert reviewed, "no 'last reviewed' line"
    machine = (doc.translation or {}).get("status") == "machine"
    shown = CORPUS.get(doc.translation["source"], doc.id) if machine else doc
    assert f'<time datetime="{shown.meta["last_reviewed"].isoformat()}">' in reviewed.group(1)
    key = "translations.reviewed.machine" if machine else "translations.reviewed"
    assert reviewed.group(1).startswith(t(key, doc.language).split("{")[0])


def test_a_missing_page_shows_the_originals_review(tmp_path):
    files = {"en/index.md": page("home", "Home", "Text.", last_reviewed=dt.date(2026, 11, 20))}
    for language in ("sq", "sr"):
        files[f"{language}/index.md"] = page("home", "Home", "Text.").replace(
            "id: home", "id: home\ntranslation: {source: en, status: machine}", 1)
    files["en/only.md"] = page("only", "Only in English", "Text [home](id:home).", last_reviewed=dt.date(2026, 10, 1))
    site = build_tiny_site(tmp_path, files)
    serbian = article(html_of(site, "sr/only"))
    assert 'data-translation-notice="missing"' in serbian
    assert '<time datetime="2026-10-01">' in serbian and t("translations.reviewed", "sr").split("{")[0] in serbian
    home = article(html_of(site, "sr"))
    assert '<time datetime="2026-11-20">' in home and t("translations.reviewed.machine", "sr").split("{")[0] in home


@pytest.mark.parametrize("language", LANGUAGES)
def test_link_titles_are_in_the_readers_language(tmp_path, language):
    files = {}
    for each in LANGUAGES:
        translated = "" if each == "en" else "\ntranslation: {source: en, status: machine}"
        files[f"{each}/index.md"] = page("home", "Home", "## Part\n\nA claim.[^1]\n\n[^1]: A note.").replace(
            "id: home", "id: home" + translated, 1)
    site = build_tiny_site(tmp_path, files)
    html = html_of(site, "" if language == "sq" else language)
    assert f'class="headerlink" href="#part" title="{t("page.permalink", language)}"' in html
    backlink = t("page.footnote-back", language).replace("%d", "1")
    assert f'class="footnote-backref" href="#fnref:1" title="{backlink}"' in html
    assert "Permanent link" not in html or language == "en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_browse_by_community_names_every_community(built_site, language):
    browse_page = CORPUS.get("sq", "browse")
    html = article(html_of(built_site, site_path_in(browse_page, language)))
    for community in COMMUNITIES:
        assert f">{t(f'community.{community}', language)}<" in html, community


def test_a_community_no_page_is_for_alone_links_the_pages_for_all():
    docs = [Document("en", Path("x"), "guides/a.md", {"id": "guide-a", "type": "guide", "title": "A", "summary": "S",
                                                      "communities": ["all"]}, "", 1)]
    listing = browse.render_marker({"by": "community", "level": "3"}, docs, "en", lambda doc: "a/")
    assert listing.startswith("### All communities {#community-all}\n")
    serbs = listing[listing.index("### Serbs"):].split("###")[1]
    assert '<a href="#community-all">the pages for all communities</a>' in serbs


def test_material_markup_changes_fail_loudly():
    head = '<link rel="icon" href="x">\n  <link rel="alternate" href="../sr/" hreflang="sr">\n'
    assert page_markup.without_language_alternates(head) == '<link rel="icon" href="x">\n'
    with pytest.raises(page_markup.MaterialMarkupChanged):
        page_markup.without_language_alternates('<link hreflang="sr" rel="alternate" href="../sr/">')
    with pytest.raises(page_markup.MaterialMarkupChanged):
        page_markup.keyboard_toggles('<input type="checkbox" id="__drawer">', {"drawer": "Menu", "search": "Search"})
    toggles = page_markup.TOGGLE.format(name="drawer") + page_markup.TOGGLE.format(name="search")
    named = page_markup.keyboard_toggles(toggles, {"drawer": "Menu & more", "search": "Search"})
    assert 'id="__drawer" autocomplete="off" aria-label="Menu &amp; more">' in named


def test_after_title():
    assert page_markup.after_title("<h1>T</h1>\n<p>x</p>", "<aside>n</aside>") == "<h1>T</h1>\n<aside>n</aside>\n<p>x</p>"
    assert page_markup.after_title("<p>x</p>", "<aside>n</aside>") == "<aside>n</aside>\n<p>x</p>"
