"""Search sections cut from the Markdown tree (scripts/search_sections.py) are the sections
Material's parser finds in the finished HTML: the same index files, byte for byte, for the real
site and for a tiny site of awkward Markdown, with far less HTML parsed (counted, not timed)."""

from __future__ import annotations

import re

import pytest

from scripts.search_index import index_path
from tests.sites import ROOT, build, build_tiny_site, page, write_config, write_data_files, write_docs

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


def built_twice(directory, docs, monkeypatch):
    """The site built as usual and with every page parsed (CRCH_SEARCH_SECTIONS=html): (site, site, logs)."""
    runs = []
    for way in ("tree", "html"):
        site = directory / f"site-{way}"
        if way == "html":
            monkeypatch.setenv("CRCH_SEARCH_SECTIONS", "html")
        result = build(write_config(directory / way, docs, site), site)
        assert result.returncode == 0, result.stdout + result.stderr
        found = WORK.findall(result.stderr + result.stdout)
        runs.append((site, {m[0]: tuple(int(value.replace(",", "")) for value in m[1:]) for m in found}))
    monkeypatch.delenv("CRCH_SEARCH_SECTIONS")
    return runs


def assert_same_indexes(tree_site, html_site):
    for language in ("sq", "sr", "en"):
        assert index_path(tree_site, language).read_bytes() == index_path(html_site, language).read_bytes(), language


def test_awkward_markdown_gives_the_same_sections(tmp_path, monkeypatch):
    docs = write_docs(tmp_path / "docs", FILES)
    write_data_files(docs)
    (tree_site, tree_work), (html_site, html_work) = built_twice(tmp_path, docs, monkeypatch)
    assert_same_indexes(tree_site, html_site)
    text = index_path(tree_site, "sq").read_text(encoding="utf-8")
    assert "Raw cells" in text and "hidden" not in text and "Excluded text" not in text and "Raw excluded" not in text
    assert tree_work["sq"][:2] == (2, 0) and html_work["sq"][:2] == (0, 2)
    assert html_work["sq"][2] == html_work["sq"][3] == tree_work["sq"][3]  # parsing every page: all of it
    assert tree_work["sq"][2] < tree_work["sq"][3] / 2


def test_the_real_site_gives_the_same_sections_with_less_html_parsed(built_site, tmp_path, monkeypatch):
    monkeypatch.setenv("CRCH_SEARCH_SECTIONS", "html")
    result = build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert_same_indexes(built_site, tmp_path / "site")
