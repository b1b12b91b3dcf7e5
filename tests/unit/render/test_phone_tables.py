"""Tables people can read on a phone: every cell of a table with a header row carries its column's
name (scripts/render/phone_tables.py), which a narrow screen shows beside the cell's value, row by row."""

from __future__ import annotations

from scripts.render.phone_tables import with_column_labels


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
