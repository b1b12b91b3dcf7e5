"""Page metadata and open data in a tiny site built with an address: a page served in place of a
missing translation is canonical at its original and left out of its language's sitemap; the
language links' hreflang is the lang of the page they lead to; a wrong open-data marker stops the build on its line."""

from __future__ import annotations

import json

import pytest

from tests.support.heads import page_file, read_head
from tests.support.open_data import small_docs
from tests.support.sites import build, page, write_config, write_docs

ADDRESS = "https://x.org/"


@pytest.fixture(scope="module")
def tiny_addressed(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("metadata-site")
    docs = tmp_path / "docs"
    small_docs(docs)
    result = build(write_config(tmp_path, docs, tmp_path / "site", site_url=ADDRESS), tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "site"


def test_a_fallback_page_is_canonical_at_its_original(tiny_addressed):
    head = read_head(page_file(tiny_addressed, "sr/acts/law-a/"))  # law-a has no sr version: the sq original
    assert head.canonical == [ADDRESS + "acts/law-a/"]
    assert head.one("og:url") == ADDRESS + "acts/law-a/" and head.one("citation_language") == "sq"
    assert "sr/acts/law-a/" not in (tiny_addressed / "sr" / "sitemap.xml").read_text(encoding="utf-8")
    assert ADDRESS + "acts/law-a/" in (tiny_addressed / "sitemap.xml").read_text(encoding="utf-8")


def test_language_links_name_the_lang_of_the_page_they_lead_to(tiny_addressed):
    head = read_head(page_file(tiny_addressed, "en/acts/law-a/"))
    assert sorted(head.switcher) == sorted([("sq", "../../../acts/law-a/"), ("sr-Latn", "../../../sr/acts/law-a/"),
                                            ("sr-Cyrl", "../../../sr-cyrl/acts/law-a/"), ("en", "./")])
    assert read_head(page_file(tiny_addressed, "sr/acts/law-a/")).lang == "sr-Latn"  # the Serbian page (original inside)


def test_the_data_files_follow_docs_data(tiny_addressed):
    package = json.loads((tiny_addressed / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert "contacts.yml" in {r["path"] for r in package["resources"]}
    assert (tiny_addressed / "data" / "contacts.yml").is_file()


def test_an_unknown_open_data_table_stops_the_build_on_its_line(tmp_path):
    docs = write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Ballina", "<!-- open-data downlods -->")})
    from tests.support.sites import write_data_files

    write_data_files(docs)
    result = build(write_config(tmp_path, docs, tmp_path / "site"), tmp_path / "site")
    assert result.returncode != 0
    assert "docs/sq/index.md:11: unknown open-data table 'downlods'" in result.stdout + result.stderr
