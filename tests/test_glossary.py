"""The glossary: schema errors with lines, abbreviations on every page, the glossary table."""

from __future__ import annotations

import re

import pytest

from scripts.documents import LANGUAGES
from scripts.glossary import GLOSSARY_FILE, add_abbreviations, load_glossary
from tests.sites import ROOT, data_file_problems

REAL_DOCS = ROOT / "docs"
PREFIX = {"sq": "", "sr": "sr/", "en": "en/"}
# The abbreviation of the municipal offices in each language, as the directory page uses it.
OFFICES = {
    "sq": ("ZKKK", "Zyrat Komunale për Komunitete dhe Kthim"),
    "sr": ("OKZP", "Opštinske kancelarije za zajednice i povratak"),
    "en": ("MOCR", "Municipal Offices for Communities and Return"),
}


def problems_of(tmp_path, monkeypatch, text: str) -> list[str]:
    return data_file_problems(tmp_path, monkeypatch, GLOSSARY_FILE, text, load_glossary)


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
    terms, problems = load_glossary(REAL_DOCS)
    assert problems == [] and terms


def test_abbreviation_lines_are_appended_for_the_page_language():
    terms, _ = load_glossary(REAL_DOCS)
    markdown = add_abbreviations("# Title\n\nThe ZKKK and the MOCR.\n", terms, "sq")
    assert "*[ZKKK]: Zyrat Komunale për Komunitete dhe Kthim" in markdown
    assert "*[MOCR]" not in markdown


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_abbreviation_explains_itself_on_a_page_in_each_language(built_site, language):
    abbr, term = OFFICES[language]
    html = (built_site / PREFIX[language] / "directory" / "index.html").read_text(encoding="utf-8")
    assert f'<abbr title="{term}">{abbr}</abbr>' in html
    for other in LANGUAGES:
        if OFFICES[other][0] != abbr:
            assert f'<abbr title="{OFFICES[other][1]}">' not in html  # only the page's own language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_page_has_a_row_per_term(built_site, language):
    terms, _ = load_glossary(REAL_DOCS)
    html = (built_site / PREFIX[language] / "glossary" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<div class="crch-glossary">'):]
    table = table[: table.index("</table>")]
    assert len(re.findall(r"<tr><td[ >]", table)) == len(terms)
    for term in terms:
        assert term.names[language].term.replace("'", "&#x27;") in table
