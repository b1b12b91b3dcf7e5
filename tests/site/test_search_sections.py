"""Search sections cut from the Markdown tree (scripts/search/sections.py) are the sections
Material's parser finds in the finished HTML (the plugin's `search_sections: html`): the same
index files, byte for byte, for the real site and for a tiny site of awkward Markdown, with far
less HTML parsed (counted, not timed)."""

from __future__ import annotations

import re

import pytest

from scripts.search.index_files import INDEX_DIR
from tests.support.project import LANGUAGES
from tests.support.sites import ROOT, build, page, write_config, write_data_files, write_docs

AWKWARD = """\
Text with an entity &amp; &copy; and `<b>code</b>`, a footnote[^1] and an HTML <span>span</span>.

!!! note "A note"
    Text in a note.

    ## A heading inside the note

    Its text.

After the note.

## Excluded heading { data-search-exclude }

Excluded text.

## Table

| Adopted | 2008-03-13 |
|---|---|
| Cell | Next cell |

<div class="raw"><table><tr><td>Raw</td><td>cells</td></tr></table><script>var hidden = 1;</script></div>

<div data-search-exclude markdown>Raw excluded block.</div>

Term
:   Definition of the term.

### Deep heading

- item one
- item *two*

[^1]: The footnote text.
"""
FILES = {
    "sq/index.md": page("home", "Ballina", AWKWARD),
    "sq/no-h1.md": "---\nid: no-h1\ntype: page\ntitle: Pa titull\nsummary: S.\nlast_reviewed: 2026-11-24\n---\n\nPreface text.\n\n## Second\n\nMore.\n",
    "sr/index.md": page("home", "Početna", AWKWARD, translation={"source": "sq", "status": "machine"}),
    "en/index.md": page("home", "Home", AWKWARD, translation={"source": "sq", "status": "machine"}),
}
WORK = re.compile(r"search \((\w+)\): sections of (\d+) pages cut from the Markdown tree, (\d+) parsed; "
                  r"([\d,]+) characters of HTML parsed \(of ([\d,]+)\)")


def built(directory, docs, site, sections: str):
    """A site built with the plugin's `search_sections` option; the work each language logged."""
    result = build(write_config(directory / sections, docs, site, plugin_options={"search_sections": sections}), site)
    assert result.returncode == 0, result.stdout + result.stderr
    found = WORK.findall(result.stderr + result.stdout)
    return {m[0]: tuple(int(value.replace(",", "")) for value in m[1:]) for m in found}


def index_files(site) -> dict[str, bytes]:
    """Every index file of a built site (each language's), by name."""
    return {path.name: path.read_bytes() for path in sorted((site / INDEX_DIR).glob("*.js"))
            if path.name.startswith(("index.", "terms.", "texts."))}


def assert_same_indexes(tree_site, html_site):
    tree, parsed = index_files(tree_site), index_files(html_site)
    assert {f"index.{language}.js" for language in LANGUAGES} <= set(tree)
    assert tree.keys() == parsed.keys()
    for name in tree:
        assert tree[name] == parsed[name], name


def test_awkward_markdown_gives_the_same_sections(tmp_path):
    docs = write_docs(tmp_path / "docs", FILES)
    write_data_files(docs)
    tree_site, html_site = tmp_path / "site-markdown", tmp_path / "site-html"
    tree_work, html_work = built(tmp_path, docs, tree_site, "markdown"), built(tmp_path, docs, html_site, "html")
    assert_same_indexes(tree_site, html_site)
    text = b"".join(index_files(tree_site).values()).decode("utf-8")
    assert "Raw cells" in text and "hidden" not in text and "Excluded text" not in text and "Raw excluded" not in text
    assert tree_work["sq"][:2] == (2, 0) and html_work["sq"][:2] == (0, 2)
    assert html_work["sq"][2] == html_work["sq"][3] == tree_work["sq"][3]  # parsing every page: all of it
    assert tree_work["sq"][2] < tree_work["sq"][3] / 2


def test_the_real_site_gives_the_same_sections(built_site, tmp_path):
    built(tmp_path, ROOT / "docs", tmp_path / "site", "html")
    assert_same_indexes(built_site, tmp_path / "site")
