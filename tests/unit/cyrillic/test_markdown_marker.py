"""The editor's marker in Markdown: invisible in the Latin page, kept Latin in the Cyrillic one."""

from __future__ import annotations

import markdown

from scripts.cyrillic.html_pages import transliterate_html
from scripts.cyrillic.markdown_marker import LatinMarkerExtension

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc"]


def render(source: str, marker: bool = True) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS + ([LatinMarkerExtension()] if marker else []))


def test_a_marked_name_becomes_a_span_and_leaves_heading_ids_alone():
    html = render("## Misija {lat}Balkan Sunflowers{/lat}\n\nPodrška {lat}*Civil Rights Defenders*{/lat}-a.")
    assert html == (
        '<h2 id="misija-balkan-sunflowers">Misija <span translate="no">Balkan Sunflowers</span></h2>\n'
        '<p>Podrška <span translate="no"><em>Civil Rights Defenders</em></span>-a.</p>'
    )
    assert transliterate_html(html) == (
        '<h2 id="misija-balkan-sunflowers">Мисија <span translate="no">Balkan Sunflowers</span></h2>\n'
        '<p>Подршка <span translate="no"><em>Civil Rights Defenders</em></span>-а.</p>'
    )


def test_control_without_the_extension_the_marker_leaks_into_ids_and_text():
    html = render("## Misija {lat}OSCE{/lat}", marker=False)
    assert 'id="misija-latoscelat"' in html and "{lat}" in html


def test_code_shows_the_marker_as_typed_and_tables_and_lists_work():
    html = render("`{lat}x{/lat}` i\n\n| a |\n|---|\n| {lat}UNHCR{/lat} |\n\n- {lat}IOM{/lat}\n")
    assert "<code>{lat}x{/lat}</code>" in html
    assert '<td><span translate="no">UNHCR</span></td>' in html
    assert '<li><span translate="no">IOM</span></li>' in html
