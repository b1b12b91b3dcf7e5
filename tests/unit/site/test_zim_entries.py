"""The items of a Kiwix file (scripts/site/zim_entries.py) that need no built site: index text, redirects."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.site import zim_entries


def test_accents_are_folded_like_libzim_folds_queries():
    assert zim_entries.without_accents("Zaštitu ÇËSHTJE Đurđa") == "zastitu ceshtje đurđa"


def test_article_text_leaves_out_permalinks_scripts_and_search_excluded_parts():
    html = ('<nav>Menu words</nav><article class="md-content__inner"><h1 id="t">Title<a class="headerlink" '
            'href="#t">¶</a></h1><aside data-search-exclude><p>panel</p></aside><p>Body <b>text</b><br>here</p>'
            '<script>var x = 1;</script><img src="x.png" alt=""></article><footer>Footer</footer>')
    assert zim_entries.article_text(html) == ("Title", "Title Body text here")


def test_a_page_without_materials_article_stops_the_archive():
    with pytest.raises(ValueError, match="Material's page markup changed"):
        zim_entries.article_text("<main><h1>Title</h1><p>Body</p></main>")


def test_folder_redirects_name_every_folder_page():
    entries = [zim_entries.Entry(path, "", "text/html", Path(path)) for path in ("index.html", "acts/index.html", "acts/x.css")]
    assert zim_entries.folder_redirects(entries) == {"acts/": "acts/index.html"}
