"""The pieces of the Kiwix files (scripts/site/zim.py) that need no built site: which files, names, metadata."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from scripts.site import zim
from tests.support.project import SETTINGS


def test_what_goes_into_the_archive():
    assert zim.in_archive("sr/acts/index.html") and zim.in_archive("sitemap.xml")
    assert not any(zim.in_archive(path) for path in
                   ("404.html", "sr/404.html", "sr-cyrl/404.html", "sw.js", "assets/offline/sr.json", "downloads/x.zim",
                    "assets/x.min.js.map"))


def test_download_links_become_text_other_links_stay():
    page = ('<p><a href="../../downloads/x_sr_all.zim" download>x_sr_all.zim</a> '
            '<a href="../../sr/acts/">acts</a> <a href="../downloads-guide/">guide</a></p>')
    assert zim.without_download_links(page, "sr/about/index.html") == (
        '<p>x_sr_all.zim <a href="../../sr/acts/">acts</a> <a href="../downloads-guide/">guide</a></p>')


def test_languages_are_named_in_iso_639_3_by_their_primary_subtag():
    languages = SETTINGS.languages
    assert [zim.iso_639_3(language) for language in languages] == ["sqi", "srp", "eng"]
    assert zim.iso_639_3(replace(languages["sr"], code="sr-cyrl", html_lang="sr-Cyrl")) == "srp"
    with pytest.raises(ValueError, match="add 'tr' .*ISO_639_3"):
        zim.iso_639_3(replace(languages["en"], code="tr", html_lang="tr"))


def test_file_names_follow_kiwix_convention():
    assert zim.zim_path(Path("dist"), "site-x", "sr") == Path("dist/site-x_sr_all.zim")
