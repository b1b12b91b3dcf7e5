"""The tables the build generates on the real site (directory, glossary, translation status): each
has a caption in the reader's language, and every cell carries its column's name for phones."""

from __future__ import annotations

import re

import pytest

from tests.support.project import LANGUAGES, SETTINGS, STRINGS

GENERATED_TABLES = {"directory/": "directory.caption", "glossary/": "glossary.caption",
                    "translation-status/": "translations.status.caption"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", GENERATED_TABLES)
def test_generated_tables_have_a_caption_and_labelled_cells(built_site, language, path):
    html = (built_site / SETTINGS.languages[language].prefix / path / "index.html").read_text(encoding="utf-8")
    (table,) = re.findall(r"<table[^>]*>.*?</table>", html, re.S)
    assert f"<caption>{STRINGS.t(GENERATED_TABLES[path], language)}</caption>" in table
    assert re.match(r"<table[^>]*\bdata-crch-stack\b", table)
    headers = re.findall(r'<th scope="col">([^<]*)</th>', table)
    cells = re.findall(r"<t[dh]\b(?![^>]*scope=\"col\")[^>]*>", table)
    assert cells and all(re.search(r'data-label="[^"]+"', cell) for cell in cells), cells[:3]
    assert {label for cell in cells for label in re.findall(r'data-label="([^"]+)"', cell)} <= set(headers)
