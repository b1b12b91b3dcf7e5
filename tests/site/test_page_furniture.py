"""What every page shows around its text, in the reader's language: the translation notice after
the title, the last review by a person (honest about machine translations), the headings' and
footnotes' link titles, every community in "Browse by community"; and the switches of the phone
features."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from scripts.model.documents import load_corpus
from scripts.model.languages import PROJECT_PLUGIN, plugin_settings
from scripts.model.schema import COMMUNITIES
from tests.support.project import LANGUAGES, SETTINGS, STRINGS
from tests.support.sites import ROOT, build, build_tiny_site, page, write_config, write_data_files, write_docs

CORPUS = load_corpus(ROOT / "docs")


def html_of(site: Path, site_path: str) -> str:
    return (site / site_path / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def before_placeholder(key: str, language: str) -> str:
    """The text of an interface string up to its first {placeholder}."""
    return STRINGS.t(key, language).split("{")[0]


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
    assert reviewed.group(1).startswith(before_placeholder(key, doc.language))


def test_a_missing_page_shows_the_originals_review(tmp_path):
    files = {"en/index.md": page("home", "Home", "Text.", last_reviewed=dt.date(2026, 11, 20))}
    for language in ("sq", "sr"):
        files[f"{language}/index.md"] = page("home", "Home", "Text.").replace(
            "id: home", "id: home\ntranslation: {source: en, status: machine}", 1)
    files["en/only.md"] = page("only", "Only in English", "Text [home](id:home).", last_reviewed=dt.date(2026, 10, 1))
    site = build_tiny_site(tmp_path, files)
    serbian = article(html_of(site, "sr/only"))
    assert 'data-translation-notice="missing"' in serbian
    assert re.search(r"</h1>\s*<aside [^>]*data-translation-notice=\"missing\"", serbian), "the notice is not after the title"
    assert '<time datetime="2026-10-01">' in serbian and before_placeholder("translations.reviewed", "sr") in serbian
    home = article(html_of(site, "sr"))
    assert '<time datetime="2026-11-20">' in home and before_placeholder("translations.reviewed.machine", "sr") in home


@pytest.mark.parametrize("language", LANGUAGES)
def test_link_titles_are_in_the_readers_language(tmp_path, language):
    files = {}
    for each in LANGUAGES:
        translated = "" if each == "en" else "\ntranslation: {source: en, status: machine}"
        files[f"{each}/index.md"] = page("home", "Home", "## Part\n\nA claim.[^1]\n\n[^1]: A note.").replace(
            "id: home", "id: home" + translated, 1)
    site = build_tiny_site(tmp_path, files)
    html = html_of(site, SETTINGS.languages[language].prefix)
    assert f'class="headerlink" href="#part" title="{STRINGS.t("page.permalink", language)}"' in html
    backlink = STRINGS.t("page.footnote-back", language).replace("%d", "1")
    assert f'class="footnote-backref" href="#fnref:1" title="{backlink}"' in html
    assert "Permanent link" not in html or language == "en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_browse_by_community_names_every_community(built_site, language):
    browse_page = CORPUS.get(SETTINGS.languages.default.code, "browse")
    html = article(html_of(built_site, SETTINGS.languages[language].site_path(browse_page.rel_path)))
    for community in COMMUNITIES:
        assert f">{STRINGS.t(f'community.{community}', language)}<" in html, community


def test_each_phone_feature_has_its_switch(tmp_path):
    """Switched off, each gives back Material's own markup (and the site still builds)."""
    switches = ("phone_tables", "link_titles", "drop_language_alternates", "not_found_pages", "asset_bundle")
    files = {f"{language}/index.md": page("home", "Home", "## Part\n\n| A | B |\n|---|---|\n| 1 | 2 |\n").replace(
        "id: home", "id: home" + ("" if language == "en" else "\ntranslation: {source: en, status: machine}"), 1)
        for language in LANGUAGES}
    docs = write_docs(tmp_path / "docs", files)
    write_data_files(docs)
    config_file = write_config(tmp_path, docs, tmp_path / "site")
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    plugin_settings(config, PROJECT_PLUGIN).update(dict.fromkeys(switches, False))
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(config_file, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = html_of(tmp_path / "site", SETTINGS.languages["sr"].prefix)
    assert "data-label=" not in html and 'title="Permanent link"' in html
    assert '<link rel="alternate" href=' in html
    assert "assets/stylesheets/clearing-house.css" in html and "page-helpers.js" in html
    assert not (tmp_path / "site" / "sr" / "404.html").exists()


@pytest.mark.parametrize("part", [part.code for part in SETTINGS.languages.with_editions])
def test_the_home_page_and_the_404_page_are_titled_with_the_sites_name_once(built_site, part):
    """Not "X - X": a page titled with the site's name is titled with it once; the others are
    "page title - site name" (the Cyrillic twins with the name in Cyrillic)."""
    prefix = SETTINGS.languages.language_or_edition(part).prefix
    title = re.compile(r"<title>([^<]*)</title>")
    home = title.search((built_site / prefix / "index.html").read_text(encoding="utf-8")).group(1)
    name = title.search((built_site / prefix / "404.html").read_text(encoding="utf-8")).group(1)
    assert home == name and " - " not in name and name
    acts = title.search(html_of(built_site, prefix + "acts")).group(1)
    assert acts.endswith(f" - {name}") and not acts.startswith(name)
