"""Open data, metadata and citations on the real site built without an address (the default):
the catalogue agrees with the pages, the feeds list the documents, the data package validates,
every page describes and cites itself, and nothing that needs an address is written."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import frictionless
import pytest

from scripts.model.served import served_version
from scripts.render.data_page import MARKER
from tests.support.browsing import all_page_paths, corpus, language_of
from tests.support.heads import page_file, read_head
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT

DATA_FILES = sorted(p.name for p in (ROOT / "docs" / "data").iterdir() if p.is_file())


def records(site: Path, language: str) -> dict[str, dict]:
    return {r["id"]: r for r in json.loads((site / "data" / language / "documents.json").read_text(encoding="utf-8"))}


def document_pages(site: Path, language: str) -> set[str]:
    """The site paths of a language's document pages (its part of the site, no 404 page)."""
    return {path or "./" for path in all_page_paths(site) if language_of(path) == language and not path.endswith("404.html")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_lists_every_document_and_agrees_with_the_pages(built_site, language):
    found = records(built_site, language)
    assert sorted(found) == corpus().ids(), "every document of every language, in each language's catalogue"
    assert {r["path"] for r in found.values()} == document_pages(built_site, language), "every page, nothing more"
    for doc_id, record in found.items():
        text = served_version(corpus(), doc_id, language)
        head = read_head(page_file(built_site, record["path"]))
        assert (head.one("og:title"), head.one("description"), head.one("citation_language")) == \
            (record["title"], record["summary"], record["language"]), record["path"]
        assert record["language"] == SETTINGS.languages[text.language].html_lang
        assert record["url"] is None  # no address


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_csv_says_what_the_json_says(built_site, language):
    with open(built_site / "data" / language / "documents.csv", encoding="utf-8", newline="") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    found = records(built_site, language)
    assert rows.keys() == found.keys()
    assert all(rows[i]["title"] == found[i]["title"] and rows[i]["last_reviewed"] == found[i]["last_reviewed"] for i in rows)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_parses_and_lists_every_document(built_site, language):
    prefix = SETTINGS.languages[language].prefix
    feed = feedparser.parse((built_site / prefix / "feed.atom").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    base = f"http://host/{prefix}feed.atom"  # where a reader fetched it: links resolve against it
    linked = {urlsplit(urljoin(base, entry.link)).path.removeprefix("/") or "./" for entry in feed.entries}
    assert linked == {r["path"] for r in records(built_site, language).values()}
    assert len(feed.entries) == len(corpus().ids())
    reviewed = {str(doc.meta["last_reviewed"]) for doc in corpus()}
    assert {entry.updated[:10] for entry in feed.entries} <= reviewed  # dates from front matter


def test_the_data_package_validates(built_site):
    report = frictionless.validate(str(built_site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])
    paths = {r["path"] for r in json.loads((built_site / "data" / "datapackage.json").read_text())["resources"]}
    assert set(DATA_FILES) <= paths and {f"{code}/documents.csv" for code in LANGUAGES} <= paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_page_links_every_file_it_lists(built_site, language):
    data_page = page_file(built_site, SETTINGS.languages[language].prefix + "data/")
    html = data_page.read_text(encoding="utf-8")
    assert not MARKER.search(html), "a marker was left unreplaced"
    article = html[html.index("<article"):html.index("</article>")]
    hrefs = re.findall(r'<a href="([^"#]+\.(?:json|csv|atom|jsonld|yml))"', article)
    targets = {urlsplit(urljoin("http://host/" + data_page.relative_to(built_site).as_posix(), h)).path for h in hrefs}
    assert all((built_site / t.lstrip("/")).is_file() for t in targets), targets
    names = {t.rsplit("/", 1)[1] for t in targets}
    assert set(DATA_FILES) | {"documents.json", "documents.csv", "relations.csv", "feed.atom", "datapackage.json",
                              "dcat.jsonld"} <= names


def test_no_published_file_carries_the_editors_markers(built_site):
    """{lat}…{/lat} is the Cyrillic edition's instruction, not data: no page, feed, catalogue, data
    file or search file shows it, and the data files' values are the Latin pages' (what the
    marker marks, kept)."""
    text_files = [p for p in built_site.rglob("*") if p.suffix in {".html", ".atom", ".xml", ".json", ".jsonld", ".csv",
                                                                      ".yml", ".js", ".txt"}]
    assert any(p.name == "contacts.yml" for p in text_files)
    marked = [p.relative_to(built_site).as_posix() for p in text_files
              if re.search(r"\{/?lat\}", p.read_text(encoding="utf-8", errors="replace"))]
    assert marked == []
    assert r'(Str. \"Migjeni\", No. 21)' in (built_site / "data" / "contacts.yml").read_text(encoding="utf-8")


def test_nothing_that_needs_an_address_is_written(built_site):
    assert not list(built_site.rglob("sitemap.xml*"))
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow:\n"
    for path in all_page_paths(built_site):
        if path.endswith("404.html"):
            continue
        head = read_head(page_file(built_site, path))
        assert head.canonical == [], path
        assert head.one("og:url") is None and head.one("citation_public_url") is None, path
        assert not [a for a in head.alternates if a[0] == "application/atom+xml"], path  # Material would fetch a sitemap
        assert not [r for r in head.references if r and urlsplit(r).scheme], path  # everything relative
        assert head.jsonld and not urlsplit(head.jsonld[0]["url"]).scheme, path


def test_every_page_describes_and_cites_itself(built_site):
    descriptions = set()
    for path in all_page_paths(built_site):
        if path.endswith("404.html"):
            continue
        head = read_head(page_file(built_site, path))
        part = SETTINGS.languages.of_site_path(path)
        text = served_version(corpus(), _doc_id(path), part.generated_from or part.code)
        if part.generated_from:  # a Cyrillic twin: its Latin page's, transliterated (the edition's tests)
            assert head.one("description") == head.jsonld[0]["description"] and head.one("citation_title") in head.citation
            continue
        assert head.one("description") == text.summary and head.jsonld[0]["description"] == text.summary, path
        assert text.title in head.citation and "[" in head.citation, path  # "accessed" left to the reader
        descriptions.add(text.summary)
    assert len(descriptions) > 100  # not one description for a whole language


def _doc_id(site_path: str) -> str:
    """The document at a site path (by its path in the language's tree)."""
    language = SETTINGS.languages.of_site_path(site_path)
    stem = site_path.removeprefix(language.prefix).rstrip("/")
    for rel_path in (f"{stem}.md", f"{stem}/index.md" if stem else "index.md"):
        for code in LANGUAGES:
            doc = corpus().by_path(code, rel_path)
            if doc is not None:
                return doc.id
    raise AssertionError(f"no document at {site_path}")


def test_a_machine_translation_is_cited_as_one_with_its_originals_review(built_site):
    machine = [doc for doc in corpus() if (doc.translation or {}).get("status") == "machine"]
    assert machine, "the test needs a machine translation"
    for doc in machine[:10]:
        head = read_head(page_file(built_site, doc.site_path))
        words = {"sq": "Përkthim me makinë", "sr": "Mašinski prevod", "en": "Machine translation"}[doc.language]
        assert words in head.citation, doc.site_path
        assert "lastReviewed" not in head.jsonld[0] and head.jsonld[0]["translationOfWork"]["lastReviewed"]


def test_language_links_name_the_text_language(built_site):
    head = read_head(built_site / "sr" / "index.html")
    assert head.lang == "sr-Latn"
    assert sorted(lang for lang, _ in head.switcher) == sorted(part.html_lang for part in SETTINGS.languages.with_editions)
    assert all(href for _, href in head.switcher)  # no empty language link
