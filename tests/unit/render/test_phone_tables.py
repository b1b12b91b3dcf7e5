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


HEAD = "<thead><tr><th>A</th></tr></thead>"


def test_only_the_tables_region_is_read_and_nothing_before_hides_a_table():
    labelled = f'{HEAD}<tr><td data-label="A">1</td></tr>'
    table = f"<table>{HEAD}<tr><td>1</td></tr></table>"
    # text around the tables is left as it is, a "<table" in an attribute or a comment is no table
    assert with_column_labels(f'<p title="<table>">x</p>{table}<p>y</p>') == \
        f'<p title="<table>">x</p><table data-crch-stack>{labelled}</table><p>y</p>'
    fake = f"<p title='{table}'>x</p>"
    assert with_column_labels(fake + table) == f"{fake}<table data-crch-stack>{labelled}</table>"
    assert with_column_labels(f"<!-- <table> -->{table}") == f"<!-- <table> --><table data-crch-stack>{labelled}</table>"
    # an upper-case table before the first lower-case one, an end tag in an attribute after the last one
    assert with_column_labels(f"<TABLE>{HEAD}<tr><td>1</td></tr></TABLE>{table}<p title='</table>'>z</p>") == \
        f"<TABLE data-crch-stack>{labelled}</TABLE><table data-crch-stack>{labelled}</table><p title='</table>'>z</p>"



def test_a_table_left_open_gets_no_labels_as_before():
    html = f"<table>{HEAD}<tr><td><table><tr><td>i</td></tr></table></td></tr><tr><td>after</td></tr>"
    assert with_column_labels(html) == html
