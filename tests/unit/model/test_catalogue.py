"""The catalogue: every document in every language, as its readers get it, with the honest review."""

from __future__ import annotations

from scripts.model.catalogue import CSV_FIELDS, FIELDS, catalogue, csv_row, relation_rows
from scripts.model.review import review_of
from scripts.model.site_address import SiteAddress
from tests.support.open_data import small_docs
from tests.support.project import LANGUAGES


def by_id(records):
    return {record["id"]: record for record in records}


def test_every_language_lists_every_document(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    for language in LANGUAGES:
        records = catalogue(corpus, language)
        assert sorted(by_id(records)) == corpus.ids()
        assert all(list(record) == [field.name for field in FIELDS] for record in records)


def test_a_missing_translation_is_listed_with_the_original_served_at_the_readers_path(tmp_path):
    reg = by_id(catalogue(small_docs(tmp_path / "docs"), "sr"))["reg-b"]
    assert (reg["language"], reg["title"], reg["path"], reg["url"]) == ("sq", "Rregullorja B", "sr/acts/reg-b/", None)
    assert (reg["translation_state"], reg["original_language"], reg["machine_translation"]) == ("missing", "sq", False)


def test_front_matter_becomes_eli_fields(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    law = by_id(catalogue(corpus, "en", SiteAddress.parse("https://x.org/")))["law-a"]
    assert (law["type_document"], law["id_local"], law["passed_by"], law["date_document"]) == ("law", "03/L-047", "Assembly", "2008-03-13")
    assert (law["first_date_entry_in_force"], law["date_publication"], law["in_force"]) == ("unknown", None, "in-force")
    assert (law["is_about"], law["communities"], law["unverified"]) == (["participation"], ["all"], ["passed_by"])
    assert law["sources"] == [{"title": "Gazette", "url": "https://example.org/act?a=1&b=2", "secondary": False},
                              {"title": "Report", "url": "", "secondary": True}]
    assert law["source_urls"] == ["https://example.org/act?a=1&b=2"]
    assert law["relations"] == {"basis_for": ["reg-b"]}
    assert (law["path"], law["url"], law["translation_state"], law["machine_translation"]) == \
        ("en/acts/law-a/", "https://x.org/en/acts/law-a/", "ok", False)
    home = by_id(catalogue(corpus, "sq"))["home"]
    assert home["path"] == "./"  # the site root


def test_a_machine_translation_carries_its_originals_review_date(tmp_path):
    corpus = small_docs(tmp_path / "docs")
    home = by_id(catalogue(corpus, "sr"))["home"]
    assert (home["machine_translation"], home["last_reviewed"]) == (True, "2026-11-20")  # its own says 2026-11-30
    review = review_of(corpus, corpus.get("sr", "home"), "sr")
    assert review.machine and review.reviewed is corpus.get("sq", "home")


def test_csv_rows_join_lists_and_write_booleans(tmp_path):
    law = by_id(catalogue(small_docs(tmp_path / "docs"), "sq"))["law-a"]
    row = dict(zip([field.name for field in CSV_FIELDS], csv_row(law)))
    assert (row["is_about"], row["machine_translation"], row["date_publication"]) == ("participation", "false", "")
    assert "sources" not in row and "relations" not in row  # JSON only


def test_each_relation_is_listed_once_in_the_direction_it_is_written(tmp_path):
    rows = relation_rows(small_docs(tmp_path / "docs"), "en")
    assert [row[:4] for row in rows] == [["home", "related", "reg-b", "http://data.europa.eu/eli/ontology#related_to"],
                                         ["reg-b", "based_on", "law-a", "http://data.europa.eu/eli/ontology#based_on"]]
    assert rows[1][4:] == ["Rregullorja B", "Law A", "en/acts/reg-b/", "en/acts/law-a/"]
