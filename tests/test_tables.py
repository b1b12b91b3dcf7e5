"""Tables people can read on a phone: every generated table has a caption, and every cell of a
table with a header row carries its column's name (scripts/phone_tables.py), which a narrow screen
shows beside the cell's value, row by row."""

from __future__ import annotations

import re

import pytest

from scripts.documents import LANGUAGES
from scripts.phone_tables import with_column_labels
from scripts.ui_strings import t

GENERATED_TABLES = {"directory/": "directory.caption", "glossary/": "glossary.caption",
                    "translation-status/": "translations.status.caption"}


def page_html(site, language: str, path: str) -> str:
    prefix = "" if language == "sq" else f"{language}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", GENERATED_TABLES)
def test_generated_tables_have_a_caption_and_labelled_cells(built_site, language, path):
    html = page_html(built_site, language, path)
    (table,) = re.findall(r"<table[^>]*>.*?</table>", html, re.S)
    assert f"<caption>{t(GENERATED_TABLES[path], language)}</caption>" in table
    assert re.match(r"<table[^>]*\bdata-crch-stack\b", table)
    headers = re.findall(r'<th scope="col">([^<]*)</th>', table)
    cells = re.findall(r"<t[dh]\b(?![^>]*scope=\"col\")[^>]*>", table)
    assert cells and all(re.search(r'data-label="[^"]+"', cell) for cell in cells), cells[:3]
    assert {label for cell in cells for label in re.findall(r'data-label="([^"]+)"', cell)} <= set(headers)


def test_cells_are_labelled_by_their_column():
    html = ('<table>\n<thead><tr><th>Name &amp; <em>place</em></th><th colspan="2">Office</th></tr></thead>\n'
            '<tbody>\n<tr><th scope="row">Deçan</th><td>MOCR</td><td align="right">1</td></tr>\n'
            '<tr><td colspan="2">wide</td><td></td></tr>\n</tbody></table>')
    assert with_column_labels(html) == (
        '<table data-crch-stack>\n<thead><tr><th>Name &amp; <em>place</em></th><th colspan="2">Office</th></tr></thead>\n'
        '<tbody>\n<tr><th scope="row" data-label="Name &amp; place">Deçan</th><td data-label="Office">MOCR</td>'
        '<td align="right" data-label="Office">1</td></tr>\n'
        '<tr><td colspan="2" data-label="Name &amp; place">wide</td><td data-label="Office"></td></tr>\n</tbody></table>')


def test_a_table_without_a_header_row_and_other_markup_are_left_as_they_are():
    html = '<p>a <b>b</b></p>\n<table><tr><td>x</td></tr></table>\n<table><thead><tr><td></td></tr></thead></table>'
    assert with_column_labels(html) == html


def test_nested_tables_are_labelled_by_their_own_header():
    html = ("<table><thead><tr><th>Outer</th></tr></thead><tbody><tr><td>"
            "<table><thead><tr><th>Inner</th></tr></thead><tbody><tr><td>i</td></tr></tbody></table>"
            "</td></tr></tbody></table>")
    labelled = with_column_labels(html)
    assert '<td data-label="Outer"><table data-crch-stack>' in labelled
    assert '<td data-label="Inner">i</td>' in labelled
