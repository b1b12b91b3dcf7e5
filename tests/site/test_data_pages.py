"""The data files on the built real site: the directory's table and download link, the glossary's
abbreviations and table, in every language."""

from __future__ import annotations

import re

import pytest

from scripts.model.directory import load_directory
from scripts.model.glossary import load_glossary
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT

DIRECTORY_FILE = ROOT / "docs" / SETTINGS.directory_file
GLOSSARY_FILE = ROOT / "docs" / SETTINGS.glossary_file
# The abbreviation of the municipal offices in each language, as the directory page uses it.
OFFICES = {
    "sq": ("ZKKK", "Zyrat Komunale për Komunitete dhe Kthim"),
    "sr": ("OKZP", "Opštinske kancelarije za zajednice i povratak"),
    "en": ("MOCR", "Municipal Offices for Communities and Return"),
}


def page(language: str, rel_path: str) -> str:
    return SETTINGS.languages[language].prefix + rel_path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_table_has_one_row_per_entry(built_site, language):
    municipalities, _ = load_directory(DIRECTORY_FILE)
    html = (built_site / page(language, "directory/index.html")).read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-office="(\w+)"><td lang="sq"[^>]*>([^<]*)</td><td lang="sr-Latn"[^>]*>([^<]*)', html)
    assert [(office, sq.split(" (")[0], sr) for office, sq, sr in rows] == [(m.office, m.sq, m.sr) for m in municipalities]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_download_link_leads_to_the_published_file(built_site, language):
    built = built_site / page(language, "directory/index.html")
    href = re.search(r'href="([^"]*municipal-offices\.yml)"', built.read_text(encoding="utf-8")).group(1)
    target = (built.parent / href).resolve()
    assert target.read_text(encoding="utf-8") == DIRECTORY_FILE.read_text(encoding="utf-8")




@pytest.mark.parametrize("language", LANGUAGES)
def test_an_abbreviation_explains_itself_on_a_page_in_each_language(built_site, language):
    abbr, term = OFFICES[language]
    html = (built_site / page(language, "directory/index.html")).read_text(encoding="utf-8")
    assert f'<abbr title="{term}">{abbr}</abbr>' in html
    for other in LANGUAGES:
        if OFFICES[other][0] != abbr:
            assert f'<abbr title="{OFFICES[other][1]}">' not in html  # only the page's own language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_page_has_a_row_per_term(built_site, language):
    terms, _ = load_glossary(GLOSSARY_FILE, SETTINGS.languages)
    html = (built_site / page(language, "glossary/index.html")).read_text(encoding="utf-8")
    table = html[html.index('<div class="crch-glossary">'):]
    table = table[: table.index("</table>")]
    assert len(re.findall(r"<tr><td[ >]", table)) == len(terms)
    for term in terms:
        assert term.names[language].term.replace("'", "&#x27;") in table
