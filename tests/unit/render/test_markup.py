"""Small HTML pieces the fragments share (scripts/render/markup.py)."""

from __future__ import annotations

from scripts.render.markup import after_title


def test_a_block_goes_right_after_the_title_or_first():
    assert after_title("<h1>T</h1>\n<p>x</p>", "<aside>n</aside>") == "<h1>T</h1>\n<aside>n</aside>\n<p>x</p>"
    assert after_title("<p>x</p>", "<aside>n</aside>") == "<aside>n</aside>\n<p>x</p>"
    assert after_title("<h1>T</h1><p>x</p>", "<aside>n</aside>", separator="") == "<h1>T</h1><aside>n</aside><p>x</p>"
