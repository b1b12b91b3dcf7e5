"""The transliterator on the real built Serbian edition: same structure and links, nothing missed.

Latin words that are left are all foreign words the content does not mark yet (English and
Albanian source titles, language names): the transliterator missed no Serbian word.
"""

from __future__ import annotations

import re

from scripts.cyrillic.check import latin_left
from scripts.cyrillic.html_pages import TOKEN, transliterate_html

# What may differ between the two editions' tags: the lang and the readable attributes' values.
MAY_DIFFER = re.compile(r'\s(?:lang|title|alt|aria-label|placeholder|content|value)="[^"]*"')


def tags(page: str) -> list[str]:
    return [MAY_DIFFER.sub("", t.group()) for t in TOKEN.finditer(page) if t.group().startswith("<")]


def test_every_serbian_page_has_the_same_structure_and_links_in_cyrillic(built_site):
    pages = sorted((built_site / "sr").rglob("*.html"))
    assert len(pages) >= 30
    missed = {}
    for path in pages:
        latin = path.read_text(encoding="utf-8")
        cyrillic = transliterate_html(latin)
        assert tags(cyrillic) == tags(latin), path
        assert re.findall(r'(?:href|src|id)="[^"]*"', cyrillic) == re.findall(r'(?:href|src|id)="[^"]*"', latin), path
        assert '<html lang="sr-Cyrl"' in cyrillic
        serbian_left = [(left.line, left.word) for left in latin_left(cyrillic) if left.missed]
        if serbian_left:
            missed[str(path)] = serbian_left
    assert missed == {}

