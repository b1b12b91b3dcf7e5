"""The sections cutter (scripts/search/sections.py) with Python-Markdown alone, no MkDocs: sections
per heading with an id, titles without the permalink, excluded headings and blocks left out, and
only the raw-HTML pieces handed to the host's parser. (That it cuts exactly as Material's parser
does, on real pages: tests/site/test_search_sections.py.)"""

from __future__ import annotations

import html
import re

import markdown

from scripts.search.sections import SectionsExtension, tree_entries, tree_matches_html

PAGE = """\
Preface.

## First part

Text with <span>raw</span> HTML.

## Hidden { data-search-exclude }

Not indexed.

### Deeper

- item *one*
"""


def cut(text: str):
    pieces = []

    def piece_texts(piece: str) -> list[str]:  # a stand-in for Material's parser: the piece's text
        pieces.append(piece)
        return [re.sub(r"<[^>]*>", "", piece)]

    extension = SectionsExtension(piece_texts, lambda text: html.escape(text, quote=False))
    rendered = markdown.Markdown(extensions=["attr_list", "toc", extension], extension_configs={"toc": {"permalink": True}}).convert(text)
    sections, heading_ids = extension.take()
    assert extension.take() is None, "a page's sections are taken once"
    return sections, heading_ids, rendered, pieces, extension.work


def test_a_page_is_cut_at_its_headings_with_ids():
    sections, heading_ids, rendered, pieces, work = cut(PAGE)
    entries = tree_entries(sections, "sr/x/", "The page")
    assert [(location, title) for location, title, _ in entries] == [
        ("sr/x/", "The page"), ("sr/x/#first-part", "First part"), ("sr/x/#deeper", "Deeper")]
    assert "Preface." in entries[0][2] and "raw HTML" in entries[1][2] and "item one" in entries[2][2]
    assert not any("Not indexed" in text or "¶" in title for _, title, text in entries)
    assert heading_ids == 3 and tree_matches_html(heading_ids, rendered)
    assert tree_matches_html(heading_ids, rendered + '<h2 id="added">Added</h2>') is False
    assert pieces == ["Text with <span>raw</span> HTML."], "only the text holding raw HTML goes to the parser"
    assert work.parsed_characters == len(pieces[0])
