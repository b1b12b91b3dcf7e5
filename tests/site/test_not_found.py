"""Each language's own 404 page in the real build (scripts/site/not_found.py): at its own path, in
its language (text, `lang`, search), with a switcher to each language's home page; the root one is
the default language's. tests/site/test_nginx.py serves them for unknown addresses."""

from __future__ import annotations

import re

import pytest

from scripts.site.not_found import not_found_path, not_found_paths
from tests.support.project import LANGUAGES, SETTINGS, STRINGS


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_404_page(built_site, language):
    html = (built_site / not_found_path(SETTINGS.languages[language])).read_text(encoding="utf-8")
    assert f'<html lang="{SETTINGS.languages[language].html_lang}"' in html
    assert f"<h1>{STRINGS.t('not-found.title', language)}</h1>" in html
    switcher = dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">', html))
    assert {lang: href for href, lang in switcher.items()} == {  # hreflang: the lang of each home page
        part.html_lang: "/" + part.prefix for part in SETTINGS.languages.with_editions}
    assert f"worker.js?lang={language}" in html


def test_no_other_404_page_is_written(built_site):
    assert sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("404.html")) == \
        sorted(not_found_paths(SETTINGS.languages))
