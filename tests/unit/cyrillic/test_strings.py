"""Interface strings of the Cyrillic edition: the project's (generated from sr) and Material's
(sr-cyrl.html), each the transliteration of its reviewed Serbian Latin counterpart."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import jinja2
import pytest

from scripts.cyrillic.check import latin_left_text
from scripts.cyrillic.strings import check_cyrillic_strings, cyrillic_strings, transliterate_string
from scripts.cyrillic.text import transliterate
from scripts.model.project import ROOT

MATERIAL_TEMPLATES = Path(importlib.util.find_spec("material").origin).parent / "templates"
# Keys that are codes, not words: the same in both scripts.
NOT_PROSE = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


def test_the_projects_strings_are_all_cyrillic_with_their_placeholders():
    assert check_cyrillic_strings() == []
    strings = cyrillic_strings()
    assert strings["translations.notice.missing"] == "Ова страница још није преведена {into}; читате {original}."
    assert "translations.date-pattern" not in strings  # a Babel pattern, never shown
    assert not [key for key in strings if "date-pattern" in key]  # nor the contacts' (d. MMMM y)
    assert strings["directory.download"] == "Преузмите податке именика (YAML)"
    assert transliterate_string("Zakon {number} od {date}") == "Закон {number} од {date}"


def test_a_string_that_would_keep_a_latin_word_is_reported_on_its_line(tmp_path):
    (tmp_path / "x.yml").write_text(
        "a: {sq: a, sr: Pravo, en: Right}\n"
        "b:\n  sq: b\n  sr: \"Čitate {original} u Wikipediji\"\n  en: b\n"
        "c: {sq: c, sr: \"{lat}Wikipedia{/lat} i {count}\", en: c}\n",
        encoding="utf-8",
    )
    assert [str(p) for p in check_cyrillic_strings(tmp_path)] == [
        f"{tmp_path / 'x.yml'}:4: interface string 'b' keeps 'Wikipediji' in Latin in the Cyrillic edition: "
        "write {lat}Wikipediji{/lat} in its 'sr' text"
    ]
    assert cyrillic_strings(tmp_path)["c"] == "Wikipedia и {count}"


@pytest.fixture(scope="module")
def material_strings():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(ROOT / "overrides"), str(MATERIAL_TEMPLATES)]))
    keys = re.findall(r'^\s+"([^"]+)":', (MATERIAL_TEMPLATES / "partials/languages/en.html").read_text(encoding="utf-8"), re.M)
    latin = env.get_template("partials/languages/sr-latn.html").module
    cyrillic = env.get_template("partials/languages/sr-cyrl.html").module
    return {key: (str(latin.t(key)), str(cyrillic.t(key))) for key in keys}


def test_materials_cyrillic_strings_say_what_the_latin_ones_say(material_strings):
    assert len(material_strings) > 40
    different = {k: v for k, v in material_strings.items() if k not in NOT_PROSE and transliterate(v[0]) != v[1]}
    assert different == {}
    assert material_strings["language"] == ("sr-Latn", "sr-Cyrl")
    assert material_strings["clipboard.copy"] == ("Kopiraj", "Копирај")


def test_materials_cyrillic_strings_have_no_latin_left(material_strings):
    left = {k: latin_left_text(v[1]) for k, v in material_strings.items() if k not in NOT_PROSE}
    assert {k: v for k, v in left.items() if v} == {}
