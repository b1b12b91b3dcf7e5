"""The glossary: schema errors with lines, unknown keys, abbreviations for a page's language."""

from __future__ import annotations

from scripts.model.glossary import load_glossary
from scripts.render.glossary import add_abbreviations
from tests.support.project import SETTINGS
from tests.support.sites import ROOT, data_file_problems

GLOSSARY_FILE = SETTINGS.glossary_file
REAL_FILE = ROOT / "docs" / GLOSSARY_FILE


def load(path):
    return load_glossary(path, SETTINGS.languages)


def problems_of(tmp_path, monkeypatch, text: str) -> list[str]:
    return data_file_problems(tmp_path, monkeypatch, GLOSSARY_FILE, text, load)


def test_each_schema_error_names_its_line(tmp_path, monkeypatch):
    text = """\
terms:
  - sq: {abbr: ZÇK, term: Zyra për Çështje të Komuniteteve}
    sr: {abbr: KPZ, term: Kancelarija za pitanja zajednica, ours: true}
    en: {abbr: OCA, term: Office for Community Affairs}
  - sq: {abbr: ZÇK, term: Tjetër}
    sr: {term: ""}
    en: {abbr: "[X]", term: X, ours: maybe}
    meaning: {sq: a, en: b}
"""
    assert problems_of(tmp_path, monkeypatch, text) == [
        "docs/data/glossary.yml:6: the 'sr' name needs 'term' as non-empty text",
        "docs/data/glossary.yml:7: 'en.abbr' must be text without brackets (got '[X]')",
        "docs/data/glossary.yml:7: 'en.ours' must be true or false",
        "docs/data/glossary.yml:8: 'meaning' needs text in sq, sr, en",
    ]


def test_a_duplicate_abbreviation_in_one_language(tmp_path, monkeypatch):
    text = """\
terms:
  - {sq: {abbr: RAE, term: A}, sr: {abbr: RAE, term: A}, en: {abbr: RAE, term: A}}
  - {sq: {abbr: RAE, term: B}, sr: {term: B}, en: {term: B}}
"""
    assert problems_of(tmp_path, monkeypatch, text) == [
        "docs/data/glossary.yml:3: abbreviation 'RAE' (sq) is already defined on line 2: keep one"
    ]


def test_the_real_glossary_validates():
    terms, problems = load(REAL_FILE)
    assert problems == [] and terms


def test_abbreviation_lines_are_appended_for_the_page_language():
    terms, _ = load(REAL_FILE)
    markdown = add_abbreviations("# Title\n\nThe ZKKK and the MOCR.\n", terms, "sq")
    assert "*[ZKKK]: Zyrat Komunale për Komunitete dhe Kthim" in markdown
    assert "*[MOCR]" not in markdown




def test_unknown_keys_are_errors_with_a_suggestion(tmp_path, monkeypatch):
    text = """\
terms:
  - sq: {abbr: A, term: A, our: true}
    sr: {abbr: A, term: A}
    en: {abbr: A, term: A}
    meening: {sq: a, sr: b, en: c}
"""
    assert problems_of(tmp_path, monkeypatch, text) == [
        "docs/data/glossary.yml:2: unknown key 'sq.our' (did you mean 'ours'?): use term, abbr, ours",
        "docs/data/glossary.yml:5: unknown key 'meening' (did you mean 'meaning'?): use sq, sr, en, meaning",
    ]


def test_a_comma_in_an_unquoted_term_is_found():
    """`term: Romë, Ashkali dhe Egjiptianë` in a flow mapping is the term 'Romë' and a key of its own."""
    assert load(REAL_FILE)[1] == []
