"""Anchors without rendering (scripts/model/anchors.py): where a body's heading lines decide its ids,
they are the ids the site's Markdown settings give it; anywhere else the body is rendered."""

from __future__ import annotations

import pytest

from scripts.model.anchors import Anchors, project_markdown_settings
from scripts.model.documents import load_corpus
from scripts.model.project import DOCS_DIR


@pytest.fixture(scope="module")
def anchors() -> Anchors:
    return Anchors(*project_markdown_settings())


# Bodies the heading lines decide: citations and contact markers are no obstacle.
FROM_HEADINGS = {
    "citations": "## Rights\n\nArt. 1 gives equality [^gazette].\n\n## Rights\n\nSee [^hlc] and [^gazette].\n",
    "contact marker": "## Where to go\n\n<!-- contact ombudsperson-head-office -->\n\n## What to bring\n\nAn ID.\n",
    "marker after a heading": "## Where to go\n<!-- contacts body=ombudsperson -->\n\n## Then\n",
    "multi-line comment": "Intro.\n\n<!--\n## Not a heading\n-->\n\n## Heading\n",
    "own ids": "## Tasks\n\n## What they do {#tasks}\n\n## Tasks\n\n### Art. 5 {#art-5}\n",
}
# Bodies that must be rendered (or whose heading lines must give what rendering gives).
OTHERS = {
    "heading right after a marker": "Intro.\n\n<!-- contact x -->\n## Heading\n",
    "marker and text then a heading": "<!-- contact x -->\ntext\n\n## Heading\n",
    "comment inside a line, over a heading": "text <!-- open\n\n## Inside\n\nclose -->\n\n## After\n",
    "comment in a heading": "## Title <!-- x -->\n",
    "indented comment": "   <!-- x -->\n## H\n",
    "comment with -- inside": "<!-- a -- >\n## b\n-->\n\n## c\n",
    "unclosed comment": "<!-- open\n\n## Heading\n",
    "footnote definition": "## H\n\nText [^a].\n\n[^a]: The source.\n",
    "footnote definition in a list": "## H\n\n- [^a]: The source.\n",
    "attribute elsewhere": "## H\n\nA paragraph.\n{: #own}\n",
    "id in a heading's html": '## A <span id="z">b</span> {#own}\n',
    "own id after text": "Text.\n## H {#own}\n",
    "raw html": '<div id="box">x</div>\n\n## H\n',
}


@pytest.mark.parametrize("case", FROM_HEADINGS)
def test_citations_and_markers_need_no_rendering(anchors, case):
    body = FROM_HEADINGS[case]
    found = anchors._from_headings(body)
    assert found is not None
    assert found == anchors._rendered(body)


@pytest.mark.parametrize("case", OTHERS)
def test_heading_lines_never_disagree_with_rendering(anchors, case):
    body = OTHERS[case]
    found = anchors._from_headings(body)
    assert found is None or found == anchors._rendered(body), (found, anchors._rendered(body))


def test_the_sites_own_pages_get_the_ids_rendering_gives(anchors):
    corpus = load_corpus(DOCS_DIR)
    decided = 0
    for doc in corpus:
        found = anchors._from_headings(doc.body)
        if found is not None:
            decided += 1
            assert found == anchors._rendered(doc.body), doc.display_path
    assert decided > len(list(corpus)) / 2  # most pages cite sources and place contact markers
