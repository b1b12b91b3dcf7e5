"""Hashed names, the stylesheet bundle and the scripts only some pages load (scripts/site/assets.py)."""

from __future__ import annotations

from scripts.render import directory
from scripts.site import assets


def test_a_name_carries_the_hash_of_its_content():
    assert assets.hashed_uri("assets/javascripts/x.js", b"a") == "assets/javascripts/x.ca978112.js"
    assert assets.HASHED_NAME.search("x.ca978112.js") and not assets.HASHED_NAME.search("x.js")


def test_the_bundle_names_each_source_in_order():
    bundle = assets.stylesheet_bundle(["one.css", "two.css"], {"one.css": b"a{}\n", "two.css": b"b{}"}.__getitem__)
    assert bundle.content == b"/* one.css */\na{}\n/* two.css */\nb{}\n"
    assert bundle.uri == assets.hashed_uri(assets.STYLESHEET_BUNDLE, bundle.content)
    assert bundle.sources == ("one.css", "two.css")


def test_a_page_gets_the_directory_script_only_with_the_directory():
    assert assets.page_scripts(f"<div {directory.PAGE_MARKER}>") == [directory.FILTER_SCRIPT]
    assert assets.page_scripts("<p>text</p>") == []
