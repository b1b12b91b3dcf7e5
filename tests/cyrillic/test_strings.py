"""Interface strings of the Cyrillic edition: the project's (generated from sr) and Material's
(sr-cyrl.html), each the transliteration of its reviewed Serbian Latin counterpart."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import jinja2
import pytest
import yaml

from scripts.cyrillic.check import latin_left_text
from scripts.cyrillic.strings import check_cyrillic_strings, cyrillic_strings, transliterate_string
from scripts.cyrillic.text import transliterate
from scripts.problems import ROOT

MATERIAL_TEMPLATES = Path(importlib.util.find_spec("material").origin).parent / "templates"
# Keys that are codes, not words: the same in both scripts.
NOT_PROSE = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


def test_the_projects_strings_are_all_cyrillic_with_their_placeholders():
    assert check_cyrillic_strings() == []
    strings = cyrillic_strings()
    assert strings["translations.notice.missing"] == "Ова страница још није преведена {into}; читате {original}."
    assert strings["translations.date-pattern"] == "d. M. y"  # a Babel pattern, copied
    assert strings["directory.download"] == "Преузмите податке именика (YAML)"
    assert transliterate_string("Zakon {number} od {date}") == "Закон {number} од {date}"


def test_an_own_cyrillic_text_wins_and_a_useless_or_broken_one_is_reported(tmp_path):
    (tmp_path / "x.yml").write_text(
        yaml.safe_dump(
            {
                "a": {"sq": "a", "sr": "Pravo", "en": "Right", "sr-Cyrl": "Право!"},
                "b": {"sq": "b", "sr": "Pravo", "en": "Right", "sr-Cyrl": "Право"},
                "c": {"sq": "c", "sr": "Čitate {original}", "en": "c", "sr-Cyrl": "Читате оригинал"},
                "d": {"sq": "d", "sr": "Office", "en": "d", "sr-Cyrl": "Office"},
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    assert cyrillic_strings(tmp_path)["a"] == "Право!"
    found = {(p.message.split("'")[1], p.severity, p.message.split(": ", 1)[1].split(" ")[0]) for p in check_cyrillic_strings(tmp_path)}
    assert found == {
        ("b", "warning", "'sr-Cyrl'"),  # the same as the transliteration: remove it
        ("c", "error", "'sr-Cyrl'"),  # lost its placeholder
        ("d", "error", "mark"),  # Latin left: "… keeps 'Office' in Latin …: mark it …"
    }


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
