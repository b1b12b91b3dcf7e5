"""The languages object: static-i18n's list, the project's settings, and the generated editions."""

from __future__ import annotations

import pytest

from scripts.model.languages import LanguageError, Languages

I18N = [{"locale": "sq", "name": "Shqip", "default": True}, {"locale": "sr", "name": "Srpski (latinica)"},
        {"locale": "en", "name": "English"}]
EDITION = {"generated_from": "sr", "name": "Српски (ћирилица)", "html_lang": "sr-Cyrl", "babel_locale": "sr_Cyrl"}


def languages(**extra) -> Languages:
    return Languages.from_settings(I18N, {"sr": {"html_lang": "sr-Latn"}, **extra})


def test_an_edition_is_no_language_of_static_i18n_but_a_part_of_the_site():
    site = languages(**{"sr-cyrl": EDITION})
    assert site.codes == ("sq", "sr", "en") and "sr-cyrl" not in site
    assert [part.code for part in site.with_editions] == ["sq", "sr", "sr-cyrl", "en"]  # the switcher's order
    edition = site.language_or_edition("sr-cyrl")
    assert (edition.prefix, edition.html_lang, edition.generated_from) == ("sr-cyrl/", "sr-Cyrl", "sr")
    assert site.language_or_edition("sr") is site["sr"]
    assert site.of_site_path("sr-cyrl/acts/x/") is edition and site.of_site_path("sr/acts/x/") is site["sr"]
    with pytest.raises(KeyError):
        site.language_or_edition("de")
    assert [part.code for part in languages().with_editions] == ["sq", "sr", "en"]


@pytest.mark.parametrize("settings, message", [
    ({**EDITION, "generated_from": "de"}, "generated_from 'de' is not a language of the i18n plugin"),
    ({**EDITION, "name": ""}, "needs its 'name'"),
    ({**EDITION, "script": "Cyrl"}, "unknown setting script"),
])
def test_an_edition_that_does_not_fit_names_the_fix(settings, message):
    with pytest.raises(LanguageError, match=message):
        languages(**{"sr-cyrl": settings})


def test_a_language_of_static_i18n_cannot_be_generated():
    with pytest.raises(LanguageError, match="must not list it"):
        languages(en={"generated_from": "sr", "name": "x"})
