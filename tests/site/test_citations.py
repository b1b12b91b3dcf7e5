"""Citations `[^id]` of a page's sources: footnotes in the built page, problems in the check."""

from __future__ import annotations

from pathlib import Path

from scripts.model.documents import load_corpus
from tests.support.project import LANGUAGES, run_named
from tests.support.sites import build, build_tiny_site, page, write_config, write_data_files, write_docs

SOURCES = [
    {"id": "gazette", "title": "Official Gazette No. 28", "url": "https://gzk.example/act"},
    {"id": "ngo", "title": "An NGO report", "note": "secondary"},
    {"id": "report", "title": "The 2017 report"},
    {"title": "A source nobody cites"},
]
BODY = """
Passed in 2008 [^gazette], in force since June 2008 [^gazette] [^ngo].

A citation before a colon [^report]: still a citation.

`[^not-a-citation]` in code is text.
"""


def act(body: str = BODY, sources=SOURCES) -> str:
    return page("law-x", "Law X", body, type="law", number="01/L-001", issuer="Assembly",
                date_adopted="unknown", status="in-force", sources=sources)


def site_files(text: str) -> dict[str, str]:
    """The act in three languages (English the original) and home pages that link to it."""
    files = {}
    for language in LANGUAGES:
        translated = "" if language == "en" else "\ntranslation: {source: en, status: machine}"
        files[f"{language}/law.md"] = text.replace("id: law-x", "id: law-x" + translated, 1)
        files[f"{language}/index.md"] = page("home", "Home", "[Law X](id:law-x)").replace("id: home", "id: home" + translated, 1)
    return files


def problems_of(tmp_path, monkeypatch, text: str) -> list[str]:
    monkeypatch.chdir(tmp_path)
    write_docs(Path("docs"), site_files(text))
    corpus = load_corpus(Path("docs"))
    return [str(p) for p in run_named(corpus, "schema", "citations")]


def test_a_cited_source_becomes_a_footnote_and_an_uncited_one_does_not(tmp_path):
    site = build_tiny_site(tmp_path, site_files(act()))
    html = (site / "en" / "law" / "index.html").read_text(encoding="utf-8")
    footnotes = html[html.index('class="footnote"'):]
    assert "Official Gazette No. 28" in footnotes and "https://gzk.example/act" in footnotes
    assert "report (secondary source)" in footnotes
    assert "A source nobody cites" not in footnotes
    assert html.count('class="footnote-ref"') == 4  # the gazette twice, the NGO and the report once
    assert "The 2017 report" in footnotes and "[^report]" not in html
    assert "[^gazette]" not in html and "[^not-a-citation]" in html


def test_the_secondary_mark_is_in_the_readers_language(tmp_path):
    site = build_tiny_site(tmp_path, site_files(act()))
    html = (site / "sr" / "law" / "index.html").read_text(encoding="utf-8")
    assert "report (sekundarni izvor)" in html


def test_a_citation_of_an_unknown_source_names_file_line_and_the_ids(tmp_path, monkeypatch):
    found = problems_of(tmp_path, monkeypatch, act("First [^gazette].\n\nThen [^gazete]."))
    assert "docs/en/law.md:27: citation [^gazete] names no source of this page: add 'id: gazete' to one " \
           "of its 'sources' (ids: gazette, ngo, report)" in found


def test_a_footnote_the_body_defines_itself_is_not_a_problem(tmp_path, monkeypatch):
    assert problems_of(tmp_path, monkeypatch, act("A note [^1].\n\n[^1]: Our own remark.")) == []


def test_a_source_id_must_be_kebab_case_and_unique(tmp_path, monkeypatch):
    sources = [{"id": "Gazette", "title": "A"}, {"id": "ngo", "title": "B"}, {"id": "ngo", "title": "C"}]
    found = problems_of(tmp_path, monkeypatch, act("Text.", sources))
    assert any("'sources' entry 1: 'id' must be kebab-case like 'gazette' (got 'Gazette')" in p for p in found)
    assert any("'sources' entry 3: id 'ngo' is used twice" in p for p in found)


def test_the_build_stops_on_a_citation_of_an_unknown_source(tmp_path):
    docs = write_docs(tmp_path / "docs", site_files(act("Text [^nowhere].")))
    write_data_files(docs)
    result = build(write_config(tmp_path, docs, tmp_path / "site"), tmp_path / "site")
    assert result.returncode != 0
    assert "citation [^nowhere] names no source of this page" in result.stdout + result.stderr
