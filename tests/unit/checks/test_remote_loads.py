"""What a page loads by itself (scripts/checks/remote_loads.py): HTML without any mark of a load
(LOAD_MARKS) is not parsed, so every load the parser knows must carry one of those marks."""

from __future__ import annotations

import pytest

from scripts.checks.remote_loads import LOADED, LOAD_MARKS, page_loads

LOADING_TAGS = [(tag, attribute) for tag, attributes in LOADED.items() for attribute in attributes]
OTHER_LOADS = {  # html, the URL it loads
    "stylesheet link": ('<LINK REL="stylesheet" HREF="https://x.example/a.css">', "https://x.example/a.css"),
    "refresh": ('<meta http-equiv="refresh" content="0; url=https://x.example/">', "https://x.example/"),
    "style attribute": ('<p STYLE="background: url(https://x.example/p.gif)">x</p>', "https://x.example/p.gif"),
    "style element": ("<style>@import 'https://x.example/f.css';</style>", "https://x.example/f.css"),
}


@pytest.mark.parametrize("tag, attribute", LOADING_TAGS)
def test_every_loading_attribute_is_found_in_upper_and_lower_case(tag, attribute):
    for html in (f'<p>x</p><{tag} {attribute}="https://x.example/a">', f'<{tag.upper()} {attribute.upper()}="https://x.example/a">'):
        assert LOAD_MARKS.search(html)
        assert [load.url for load in page_loads(html)] == ["https://x.example/a"]


@pytest.mark.parametrize("case", OTHER_LOADS)
def test_links_refreshes_and_styles_are_found(case):
    html, url = OTHER_LOADS[case]
    assert LOAD_MARKS.search(html)
    assert [load.url for load in page_loads(html)] == [url]


def test_a_body_without_marks_loads_nothing():
    html = ('<h2 id="a">A</h2><p><a href="https://gzk.rks-gov.net/">Gazette</a> &amp; '
            '<a href="../x/">x</a></p><table><tr><td data-label="b">c</td></tr></table>')
    assert not LOAD_MARKS.search(html)
    assert page_loads(html) == []
