"""The Serbian Cyrillic edition in real builds: the real site (every page, its switcher, search index,
policy) and tiny sites for what the real content does not show (markers in titles, the
feature switched off, an edition that cannot be generated)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from scripts.cyrillic.check import check_site, latin_left, latin_left_text
from scripts.cyrillic.html_pages import TOKEN
from scripts.cyrillic.latin_spans import JOINER, WORD
from scripts.model.languages import PROJECT_PLUGIN, plugin_settings, read_config
from scripts.search.index_files import INDEX_DIR, index_path, read_index_files
from scripts.site import csp
from tests.support.browsing import all_page_paths
from tests.support.heads import page_file, read_head
from tests.support.project import SETTINGS
from tests.support.sites import build, build_tiny_site, page, write_config, write_data_files, write_docs

SOURCE = SETTINGS.languages["sr"]
EDITION = SETTINGS.languages.edition("sr-cyrl")
# What a twin's tags may change: the lang, the readable attributes, and the links only a twin has
# (its Latin entry, the search worker's language, the 404 page's links from the site root into the edition,
# the offline control's edition and texts, the Data page's link to the Serbian feed, whose size it gives).
MAY_DIFFER = re.compile(r'\s(?:lang|title|alt|aria-label|placeholder|content|value|data-label|data-language|data-texts)="[^"]*"|'
                        r'(?<=href=")[^"]*(?=" hreflang="sr-Latn")|\?lang=sr(?:-cyrl)?|(?<=href="/)sr(?:-cyrl)?(?=/)|'
                        r'(?<=href=")[^"]*(?=feed\.atom")')
SWITCHER = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">\s*(.*?)\s*</a>', re.S)
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def html_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def tags(page_html: str) -> list[str]:
    return [MAY_DIFFER.sub("", t.group()) for t in TOKEN.finditer(page_html) if t.group().startswith("<")]


def resolve(page_path: str, link: str) -> str:
    """A link of the page at page_path ('sr/acts/x/', 'index.html') as a site path."""
    return urlsplit(urljoin(f"http://site/{page_path}", link)).path.lstrip("/")


# --------------------------------------------------------------------------- the real site


def test_every_serbian_page_has_a_cyrillic_twin_with_the_same_structure(built_site):
    latin_pages = html_files(built_site / "sr")
    assert len(latin_pages) >= 30 and html_files(built_site / "sr-cyrl") == latin_pages
    for path in latin_pages:
        latin, cyrillic = read(built_site, f"sr/{path}"), read(built_site, f"sr-cyrl/{path}")
        assert '<html lang="sr-Cyrl"' in cyrillic and '<html lang="sr-Latn"' in latin, path
        assert tags(cyrillic) == tags(latin), path
        assert re.findall(r'\sid="[^"]*"', cyrillic) == re.findall(r'\sid="[^"]*"', latin), path  # anchors
        assert re.findall(r"<code>.*?</code>", cyrillic, re.S) == re.findall(r"<code>.*?</code>", latin, re.S), path


def test_no_latin_is_left_in_the_cyrillic_edition_of_the_real_site(built_site):
    """No error and no warning: every foreign name of the real content is marked."""
    assert [str(problem) for problem in check_site(built_site / "sr-cyrl")] == []


def test_control_a_planted_latin_word_is_found():
    page_html = "<html lang='sr-Cyrl'><p>Закон о <b>zaštiti</b> и Deçan</p></html>"
    assert [(left.word, left.missed) for left in latin_left(page_html)] == [("zaštiti", True), ("Deçan", False)]


def test_what_is_transliterated_and_what_is_protected_on_a_real_act_page(built_site):
    latin = read(built_site, "sr/acts/law-03-l-047-communities/index.html")
    cyrillic = read(built_site, "sr-cyrl/acts/law-03-l-047-communities/index.html")
    assert "<title>Закон бр. 03/L-047 о заштити и промовисању права заједница" in cyrillic  # act number kept
    assert "Подаци о документу" in cyrillic  # the act panel
    # the link titles are Serbian in the Latin page (link_titles), so Cyrillic in the twin: no English left
    assert 'title="Стална веза"' in cyrillic and "Permanent link" not in cyrillic and "Перманент" not in cyrillic
    assert re.search(r'class="footnote-backref" href="#fnref:[^"]*" title="Назад на фусноту \d+ у тексту"', cyrillic)
    assert "Jump back" not in cyrillic
    jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', cyrillic, re.S).group(1))
    assert jsonld["name"].startswith("Закон бр. 03/L-047") and jsonld["inLanguage"] == "sr-Cyrl"
    assert jsonld["about"]["legislationIdentifier"] == "03/L-047"  # the page is about the act
    # a source's title in English stays English; its address stays an address
    assert '<span lang="en">Law No. 03/L-047 on the Protection' in cyrillic
    for url in re.findall(r"<code>(https?://[^<]*)</code>", latin):
        assert f"<code>{url}</code>" in cyrillic


def test_the_switcher_and_hreflang_offer_both_scripts_on_every_page_of_every_language(built_site):
    for site_path in all_page_paths(built_site):
        if site_path.endswith("404.html"):  # its switcher leads to each language's home page
            continue
        file = site_path if site_path.endswith(".html") else f"{site_path}index.html"
        html = read(built_site, file)
        switcher = {lang: (resolve(site_path, href), " ".join(name.split())) for href, lang, name in SWITCHER.findall(html)}
        alternates = {lang: resolve(site_path, href) for href, lang in ALTERNATE.findall(html)}
        language = SETTINGS.languages.of_site_path(site_path)
        rel = site_path.removeprefix(language.prefix)
        assert list(switcher) == ["sq", "sr-Latn", "sr-Cyrl", "en"], site_path  # hreflang: the lang of the page
        assert switcher["sr-Latn"][0] == SOURCE.prefix + rel, site_path  # the same page
        assert switcher["sr-Cyrl"][0] == EDITION.prefix + rel, site_path
        assert not alternates or alternates == {lang: target for lang, (target, _) in switcher.items()}, site_path
        assert switcher["sr-Latn"][1].startswith('<span lang="sr-Latn" translate="no">Srpski (latinica)'), site_path
        assert switcher["sr-Cyrl"][1].startswith('<span lang="sr-Cyrl" translate="no">Српски (ћирилица)'), site_path
        assert switcher["en"][1].startswith('<span lang="en" translate="no">English'), site_path


def shown_strings(value) -> list[str]:
    """Every string of a doc's entry a reader may see (title, and the extra's summary and tags)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in shown_strings(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in shown_strings(item)]
    return []


def test_the_cyrillic_search_index_is_the_serbian_one_in_cyrillic(built_site):
    """Index file and text shards, as every language's (scripts/search/index_files.py), with every string
    a reader sees in Cyrillic and the terms unchanged."""
    latin = read_index_files(built_site, "sr")
    cyrillic = read_index_files(built_site, "sr-cyrl")
    for kept in ("index", "functionWords", "synonyms"):  # the same terms: the folding maps Cyrillic to Latin
        assert cyrillic[kept] == latin[kept], kept
    assert len(cyrillic["docs"]) == len(cyrillic["texts"]) == len(latin["docs"]) > 100
    index_file = index_path(built_site, "sr-cyrl").read_text(encoding="utf-8")
    shards = json.loads(index_file[index_file.index("=") + 1:index_file.rindex(";")])["textShards"]
    assert shards["file"] == "texts.sr-cyrl.{shard}.js" and len(shards["starts"]) > 1
    assert all((built_site / INDEX_DIR / shards["file"].format(shard=n)).is_file() for n in range(len(shards["starts"])))
    page_words: set[str] = set()
    for (latin_location, *_), (location, *shown), text in zip(latin["docs"], cyrillic["docs"], cyrillic["texts"]):
        assert location == (latin_location if latin_location.startswith("#") else "sr-cyrl/" + latin_location[3:])
        if not location.startswith("#"):  # a page: the Latin words its Cyrillic twin shows
            tokens = WORD.findall(read(built_site, f"{location}index.html"))
            page_words = set(tokens) | {part for token in tokens for part in JOINER.split(token)}
        left = {word for part in [*shown_strings(shown), text] for _, word in latin_left_text(part)}
        assert left <= page_words, (location, left - page_words)  # only what the page itself keeps in Latin
    titles = " ".join(doc[1] for doc in cyrillic["docs"])
    assert "Закон бр. 03/L-047" in titles and "Zakon" not in titles
    summaries = [doc[2]["summary"] for doc in cyrillic["docs"] if len(doc) > 2 and "summary" in doc[2]]
    assert len(summaries) > 30 and not any(latin_left_text(summary) for summary in summaries)
    page_config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                            read(built_site, "sr-cyrl/index.html")).group(1)
    assert json.loads(page_config)["search"].endswith("assets/search/worker.js?lang=sr-cyrl")


def test_the_edition_has_its_own_atom_feed_in_cyrillic_at_the_twins(built_site):
    """A reader of the Cyrillic edition subscribes to what it reads: sr-cyrl/feed.atom lists the
    Serbian feed's documents, at their twins, titled and summarised as the twins are."""
    raw = (built_site / EDITION.prefix / "feed.atom").read_bytes()
    feed, latin = feedparser.parse(raw), feedparser.parse((built_site / SOURCE.prefix / "feed.atom").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert raw.count(b'xml:lang="sr-Cyrl"') == 1 + len(feed.entries) and b"lat}" not in raw
    assert feed.feed.title == "Центар за информисање о правима заједница"
    assert len(feed.entries) == len(latin.entries) > 30
    assert {e.id for e in feed.entries}.isdisjoint(e.id for e in latin.entries)  # entries of another feed
    for entry, latin_entry in zip(feed.entries, latin.entries):  # links resolve against the feed's own address
        path = resolve(f"{EDITION.prefix}feed.atom", entry.link)
        assert path == EDITION.prefix + resolve(f"{SOURCE.prefix}feed.atom", latin_entry.link).removeprefix(SOURCE.prefix)
        twin = read_head(page_file(built_site, path))
        assert (entry.title, entry.summary) == (twin.one("og:title"), twin.one("description")), path
        assert entry.updated == latin_entry.updated and entry.tags[0].term == latin_entry.tags[0].term
    assert any(e.title.startswith("Закон бр. 03/L-047 о заштити и промовисању права заједница") for e in feed.entries)


@pytest.mark.parametrize("data_page", ["data/", "sr/data/", "sr-cyrl/data/", "en/data/"])
def test_the_data_pages_link_the_editions_feed(built_site, data_page):
    html = page_file(built_site, data_page).read_text(encoding="utf-8")
    assert f"{EDITION.prefix}feed.atom" in {resolve(data_page, href) for href in re.findall(r'<a href="([^"]*feed\.atom)"', html)}


def test_without_an_address_no_sitemap_names_the_twins(built_site):
    """Sitemaps need absolute addresses: only a site with one has them, the edition's own among
    them (tests/site/test_site_address.py, which also checks every twin is an alternate)."""
    assert not list(built_site.rglob("sitemap.xml"))


def test_the_content_security_policy_covers_the_twins(built_site):
    assert csp.check_conf(built_site) == []
    twin_scripts = {csp.script_hash(s) for path in html_files(built_site / "sr-cyrl")
                    for s in csp.inline_scripts(read(built_site, f"sr-cyrl/{path}"))}
    assert twin_scripts and twin_scripts <= csp.policy_hashes(built_site)


def test_no_page_of_any_language_shows_the_marker(built_site):
    shown = [path for path in html_files(built_site) if "{lat}" in read(built_site, path) or "{/lat}" in read(built_site, path)]
    assert shown == []


def test_the_status_page_lists_the_edition_as_generated(built_site):
    for path in ("translation-status/index.html", "sr/translation-status/index.html", "en/translation-status/index.html"):
        row = re.search(r'<tr data-language="sr-cyrl" data-generated-from="sr".*?</tr>', read(built_site, path)).group()
        assert "Српски (ћирилица)" in row and "Srpski (latinica)" in row, path
    assert "generated from" in re.search(r'data-language="sr-cyrl".*?</tr>', read(built_site, "en/translation-status/index.html")).group()


# --------------------------------------------------------------------------- tiny sites

MARKED = {
    "sq/index.md": page("home", "Ballina", "[OSCE](x.md)"),
    "sq/x.md": page("x", "Misioni i OSBE-së", "Teksti."),
    "sr/index.md": page("home", "Početna", "[Misija](x.md)", translation={"source": "sq", "status": "machine"}),
    "sr/x.md": page("x", "Misija {lat}Balkan Sunflowers{/lat} na Kosovu",
                    "Organizacija {lat}Balkan Sunflowers{/lat} radi. Kod: `{lat}` i `ljubav`.\n\n"
                    "Vidi [zakon](index.md), piši na info@example.org, dokument municipal-offices.yml, Poglavlje III.",
                    summary="Šta radi {lat}Balkan Sunflowers{/lat}.", translation={"source": "sq", "status": "machine"}),
    "en/index.md": page("home", "Home", "[Mission](x.md)", translation={"source": "sq", "status": "machine"}),
    "en/x.md": page("x", "The OSCE mission", "Text.", translation={"source": "sq", "status": "machine"}),
}


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory) -> Path:
    return build_tiny_site(tmp_path_factory.mktemp("marked"), MARKED)


def test_marked_names_stay_latin_in_cyrillic_and_the_latin_edition_never_shows_the_marker(marked_site):
    cyrillic = read(marked_site, "sr-cyrl/x/index.html")
    latin = read(marked_site, "sr/x/index.html")
    assert "<title>Мисија Balkan Sunflowers на Косову" in cyrillic
    assert '<h1 id="misija-balkan-sunflowers-na-kosovu">Мисија <span translate="no">Balkan Sunflowers</span> на Косову' in cyrillic
    assert 'Организација <span translate="no">Balkan Sunflowers</span> ради' in cyrillic
    assert "<code>{lat}</code>" in cyrillic and "<code>ljubav</code>" in cyrillic  # code as typed
    assert "info@example.org" in cyrillic and "municipal-offices.yml" in cyrillic and "Поглавље III" in cyrillic
    assert '<a href="../">закон</a>' in cyrillic  # a link within the edition
    for html in (latin, read(marked_site, "sr/index.html"), read(marked_site, "sr-cyrl/index.html")):
        assert "{lat}" not in html.replace("<code>{lat}</code>", "") and "{/lat}" not in html
    assert "<title>Misija Balkan Sunflowers na Kosovu" in latin
    search = read_index_files(marked_site, "sr-cyrl")
    ref = next(ref for ref, doc in enumerate(search["docs"]) if doc[0] == "sr-cyrl/x/")
    x = search["docs"][ref]
    assert x[1] == "Мисија Balkan Sunflowers на Косову" and x[2]["summary"] == "Шта ради Balkan Sunflowers."
    assert "Организација Balkan Sunflowers ради" in search["texts"][ref]
    latin = read_index_files(marked_site, "sr")
    ref = next(ref for ref, doc in enumerate(latin["docs"]) if doc[0] == "sr/x/")
    assert latin["docs"][ref][1] == "Misija Balkan Sunflowers na Kosovu"
    assert latin["docs"][ref][2]["summary"] == "Šta radi Balkan Sunflowers."
    assert "Organizacija Balkan Sunflowers radi" in latin["texts"][ref]
    for payload in (latin, search):  # no marker in any section (only the code span's, as typed)
        assert "{/lat}" not in json.dumps(payload, ensure_ascii=False)
        assert "lat}Balkan" not in json.dumps(payload, ensure_ascii=False)


def test_the_feature_switched_off_builds_no_edition_and_still_drops_the_markers(tmp_path):
    docs = write_docs(tmp_path / "docs", MARKED)
    write_data_files(docs)
    config = write_config(tmp_path, docs, tmp_path / "site", plugin_options={"cyrillic_edition": False})
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert not (site / "sr-cyrl").exists() and not index_path(site, "sr-cyrl").exists()
    latin = read(site, "sr/x/index.html")
    assert "sr-Cyrl" not in latin and "{lat}" not in latin.replace("<code>{lat}</code>", "")
    assert "<title>Misija Balkan Sunflowers" in latin


def test_an_edition_the_transliteration_cannot_make_stops_the_build(tmp_path):
    docs = write_docs(tmp_path / "docs", MARKED)
    write_data_files(docs)
    languages = {**plugin_settings(read_config(), PROJECT_PLUGIN)["languages"]}
    languages["sr-cyrl"] = {**languages["sr-cyrl"], "generated_from": "en"}
    config = write_config(tmp_path, docs, tmp_path / "site", plugin_options={"languages": languages})
    result = build(config, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
    assert ("languages.sr-cyrl: only a Serbian Cyrillic edition (html_lang: sr-Cyrl) of Serbian Latin pages (sr-Latn) "
            "can be generated; en is en") in result.stdout + result.stderr


def test_an_unmarked_foreign_name_is_a_warning_of_the_build_with_page_and_fix(tmp_path):
    files = {**MARKED, "sr/x.md": MARKED["sr/x.md"].replace("Organizacija", "U opštini Deçan organizacija")}
    docs = write_docs(tmp_path / "docs", files)
    write_data_files(docs)
    result = build(write_config(tmp_path, docs, tmp_path / "site"), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output  # the page is right: only its markup is missing
    assert re.search(r"sr-cyrl/x/index\.html:\d+: warning: 'Deçan' stays in Latin letters in the Cyrillic edition "
                     r"\(from docs/sr/x\.md\): in the Serbian Latin text mark a foreign name "
                     r"\{lat\}Deçan\{/lat\} or give its element a lang", output), output
    assert "У општини Deçan организација" in read(tmp_path / "site", "sr-cyrl/x/index.html")
