"""The open-data files of a site: valid for Frictionless, described by DCAT, the same bytes twice,
and following what docs/data/ holds."""

from __future__ import annotations

import json
import posixpath

import frictionless
import pytest
import yaml

from scripts.model.site_address import SiteAddress
from scripts.render.data_page import marker_problems, replace_markers
from scripts.render.reader import Reader
from scripts.site.open_data import data_folder_files, generated_files, open_data_files, published_data, write_files
from tests.support.open_data import small_docs
from tests.support.project import LANGUAGES, SETTINGS, STRINGS
from tests.support.sites import page


@pytest.fixture
def site(tmp_path):
    """A site folder with the generated files and the docs/data files (as the host publishes them)."""
    corpus = small_docs(tmp_path / "docs")
    site_dir = tmp_path / "site"
    write_files(site_dir, generated_files(corpus, STRINGS, SiteAddress()))
    write_files(site_dir, {f.site_path: f.content for f in open_data_files(corpus, STRINGS, SiteAddress()) if not f.generated})
    return corpus, site_dir


def test_the_data_package_validates(site):
    _, site_dir = site
    report = frictionless.validate(str(site_dir / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])
    names = [r["name"] for r in json.loads((site_dir / "data" / "datapackage.json").read_text())["resources"]]
    assert names[:3] == ["documents-sq-json", "documents-sq-csv", "relations-sq"]
    assert {"contacts", "glossary", "municipal-offices"} <= set(names)  # whatever docs/data/ holds


def test_a_planted_fault_fails_the_validation(site):
    _, site_dir = site
    csv = site_dir / "data" / "sr" / "documents.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("2008-03-13", "13.03.2008"), encoding="utf-8")
    assert not frictionless.validate(str(site_dir / "data" / "datapackage.json")).valid


def test_every_dcat_distribution_is_a_published_file(site):
    corpus, site_dir = site
    dcat = json.loads((site_dir / "data" / "dcat.jsonld").read_text())
    assert dcat["@type"] == "dcat:Catalog" and {t["@language"] for t in dcat["dct:title"]} == {"sq", "sr-Latn", "en"}
    urls = [d["dcat:downloadURL"]["@id"] for ds in dcat["dcat:dataset"] for d in ds["dcat:distribution"]]
    assert all((site_dir / posixpath.normpath(posixpath.join("data", url))).is_file() for url in urls), urls
    assert "../sr/feed.atom" in urls and "contacts.yml" in urls
    assert "license" not in json.dumps(dcat)  # none chosen: none made up


def test_two_runs_give_the_same_bytes(tmp_path):
    first = generated_files(small_docs(tmp_path / "a"), STRINGS, SiteAddress.parse("https://x.org/"))
    second = generated_files(small_docs(tmp_path / "b"), STRINGS, SiteAddress.parse("https://x.org/"))
    assert first == second and "sitemap.xml" in first


def test_the_data_page_lists_the_files_of_docs_data(site):
    corpus, _ = site
    files = open_data_files(corpus, STRINGS, SiteAddress())
    html = replace_markers("<!-- open-data files -->\n\n<!-- open-data downloads -->", files,
                           Reader(corpus, STRINGS, "en", "en/data/", "data.md"))
    assert '<a href="../../data/contacts.yml"><code>contacts.yml</code></a>' in html
    assert "Offices&#x27; contacts, each with its source and date" in html
    assert '<a href="../../data/en/documents.csv"><code>documents.csv</code></a>' in html
    assert '<a href="../feed.atom"><code>feed.atom</code></a>' in html


def test_data_files_are_published_without_the_editors_markers(tmp_path):
    """{lat}…{/lat} tells the Cyrillic edition to keep a name in Latin: researchers get the value
    the Latin pages show, and the rest of the file (its comments too) byte for byte."""
    marked = ('# Fields: note {sq, sr, en}\ncontacts:\n  - id: x\n    note:\n'
              '      sr: "Navodi {lat}Str. \\"Migjeni\\", No. 21{/lat} (ul. Migjeni)."\n'
              "      en: '{lat}Senior Field Officer{/lat}'\n")
    published = published_data(marked.encode())
    assert b"lat}" not in published
    assert published.startswith(b"# Fields: note {sq, sr, en}\ncontacts:")
    assert yaml.safe_load(published)["contacts"][0]["note"] == {"sr": 'Navodi Str. "Migjeni", No. 21 (ul. Migjeni).',
                                                               "en": "Senior Field Officer"}
    plain = "municipalities:\n  - {sq: Gjilan, sr: Gnjilane}\n".encode()
    assert published_data(plain) is plain
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "contacts.yml").write_text(marked, encoding="utf-8")
    [described] = data_folder_files(tmp_path)
    assert described.content == published  # the bytes the data package's sha256 is of


def test_the_real_data_files_mean_the_same_without_markers():
    """Dropping the markers from the text of the project's data files changes no value but the
    markers: every value parses as it did, with its markers gone."""
    from scripts.cyrillic.latin_spans import strip_markers
    from tests.support.sites import ROOT

    def unmarked(value):
        if isinstance(value, dict):
            return {key: unmarked(item) for key, item in value.items()}
        if isinstance(value, list):
            return [unmarked(item) for item in value]
        return strip_markers(value) if isinstance(value, str) else value

    marked_files = 0
    for path in sorted((ROOT / "docs" / "data").glob("*.yml")):
        raw = path.read_bytes()
        marked_files += published_data(raw) != raw
        assert yaml.safe_load(published_data(raw)) == unmarked(yaml.safe_load(raw)), path.name
    assert marked_files, "the real data files carry markers (contacts.yml): this test shows them dropped"


def test_the_data_page_lists_the_cyrillic_editions_feed_only_when_the_build_makes_it(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    reader = Reader(corpus, STRINGS, "sq", "data/", "data.md")
    made = open_data_files(corpus, STRINGS, SiteAddress(), SETTINGS.languages.editions)
    assert "sr-cyrl/feed.atom" in [f.site_path for f in made]
    html = replace_markers("<!-- open-data languages -->", made, reader)
    assert ('<span lang="sr-Cyrl">Српски (ћирилица)</span></td><td><a href="../sr-cyrl/feed.atom" hreflang="sr-Cyrl">'
            "<code>feed.atom</code></a></td>") in html
    assert "sr-cyrl" not in replace_markers("<!-- open-data languages -->", open_data_files(corpus, STRINGS, SiteAddress()), reader)
    dcat = json.loads(next(f.content for f in made if f.site_path == "data/dcat.jsonld"))
    feeds = next(ds for ds in dcat["dcat:dataset"] if ds["@id"] == "#feed")
    cyrillic = next(d for d in feeds["dcat:distribution"] if d["@id"] == "#feed-sr-cyrl")
    assert cyrillic["dct:language"] == [{"@id": "http://publications.europa.eu/resource/authority/language/SRP"}]
    assert len(feeds["dct:language"]) == 3  # sq, sr, en: the edition is Serbian


def test_an_unknown_table_is_reported_on_its_line(tmp_path):
    from scripts.model.documents import read_document
    from tests.support.project import SETTINGS

    path = tmp_path / "data.md"
    path.write_text(page("open-data", "Data", "Text.\n\n<!-- open-data downlods -->"), encoding="utf-8")
    doc, _ = read_document(path, "en", "data.md", SETTINGS.languages)
    assert [(p.line, p.message) for p in marker_problems(doc)] == [
        (13, "unknown open-data table 'downlods': use one of downloads, languages, descriptions, files, fields")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_is_described_in_every_language(language):
    from scripts.model.catalogue import FIELDS, RELATION_FIELDS

    keys = [f"open-data.field.{f.name}" for f in FIELDS] + [f"open-data.relation-field.{n}" for n in RELATION_FIELDS]
    assert [key for key in keys if STRINGS.t(key, language) == key] == []
