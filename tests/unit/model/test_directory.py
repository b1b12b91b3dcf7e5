"""The directory of municipal offices: schema errors with lines, duplicates on folded names, the table
and its column of known contacts."""

from __future__ import annotations

from html import escape

import pytest

from scripts.model.contacts import Contact
from scripts.model.directory import Municipality, load_directory, municipality_problems
from scripts.render.directory import render_table
from tests.support.project import SETTINGS, STRINGS, reader
from tests.support.sites import ROOT, data_file_problems

DIRECTORY_FILE = SETTINGS.directory_file
REAL_FILE = ROOT / "docs" / DIRECTORY_FILE


def problems_of(tmp_path, monkeypatch, text: str) -> list[str]:
    return data_file_problems(tmp_path, monkeypatch, DIRECTORY_FILE, text, load_directory)


def test_each_schema_error_names_its_line(tmp_path, monkeypatch):
    text = """\
# header
municipalities:
  - {sq: Deçan, sr: Dečane, office: mocr}
  - sq: Dragash
    office: mocr
  - {sq: Junik, sr: Junik, office: municipal}
  - {sq: Prizren, sr: Prizren, office: mocr, phone: "000"}
  - {sq: Deçan, sr: Dečane, office: mocr}
  - {sq: Zubin Potok, sr: Zubin Potok, office: similar, sr_form: guess}
"""
    assert problems_of(tmp_path, monkeypatch, text) == [
        "docs/data/municipal-offices.yml:4: a municipality needs 'sr' as non-empty text",
        "docs/data/municipal-offices.yml:6: 'office' must be one of mocr, similar (got 'municipal')",
        "docs/data/municipal-offices.yml:7: unknown key 'phone': use sq, sr, office, also, sr_form",
        "docs/data/municipal-offices.yml:8: 'Deçan' is listed twice (also on line 3): keep one entry",
        "docs/data/municipal-offices.yml:9: 'sr_form' must be transliteration or translation (got 'guess')",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- {sq: Deçan}\n", "docs/data/municipal-offices.yml:1: the file must be a mapping with a 'municipalities:' list of entries"),
        ("municipalities:\n  - Deçan\n", "docs/data/municipal-offices.yml:2: each 'municipalities' entry must be a mapping of 'key: value'"),
    ],
)
def test_a_file_of_the_wrong_shape(tmp_path, monkeypatch, text, expected):
    assert problems_of(tmp_path, monkeypatch, text) == [expected]


def test_broken_yaml_names_the_line(tmp_path, monkeypatch):
    [message] = problems_of(tmp_path, monkeypatch, "municipalities: [\n")
    assert message.startswith("docs/data/municipal-offices.yml:2: not valid YAML (")
    assert message.endswith("): check quotes, colons and indentation")


def test_the_real_file_has_35_offices_and_3_similar_ones():
    municipalities, problems = load_directory(REAL_FILE)
    assert problems == []
    assert [m.office for m in municipalities].count("mocr") == 35
    assert [m.sq for m in municipalities if m.office == "similar"] == ["Leposaviq", "Mitrovicë e Veriut", "Zubin Potok"]
    assert all(m.sr_transliterated for m in municipalities if m.office == "similar")


def test_names_are_escaped():
    html = render_table([Municipality("<b>X</b>", "Y & Z", "mocr", ("<i>",))], reader("en"))
    assert "&lt;b&gt;X&lt;/b&gt; (&lt;i&gt;)" in html and "Y &amp; Z" in html and "<b>" not in html




@pytest.mark.parametrize("second, expected", [
    ("{sq: gjilan, sr: Gnjilane 2, office: mocr}", "'gjilan' is listed twice (also on line 2 as 'Gjilan')"),
    ("{sq: Gjilani, sr: gnjilane, office: mocr}", "'gnjilane' is listed twice (also on line 2 as 'Gnjilane')"),
    ("{sq: Gjílan, sr: Gnjilane 2, office: mocr}", "'Gjílan' is listed twice (also on line 2 as 'Gjilan')"),
    ("{sq: Gjilani, sr: Гњилане, office: mocr}", "'Гњилане' is listed twice (also on line 2 as 'Gnjilane')"),
])
def test_a_municipality_listed_twice_is_found_on_folded_names_in_both_languages(tmp_path, monkeypatch, second, expected):
    text = f"municipalities:\n  - {{sq: Gjilan, sr: Gnjilane, office: mocr}}\n  - {second}\n"
    assert problems_of(tmp_path, monkeypatch, text) == [f"docs/data/municipal-offices.yml:3: {expected}: keep one entry"]


def test_an_unknown_key_suggests_the_known_one(tmp_path, monkeypatch):
    text = "municipalities:\n  - {sq: Deçan, sr: Dečane, ofice: mocr}\n"
    assert "docs/data/municipal-offices.yml:2: unknown key 'ofice' (did you mean 'office'?): use sq, sr, office, also, sr_form" \
        in problems_of(tmp_path, monkeypatch, text)


def office(contact_id: str, body: str = "municipal-offices-for-communities-and-return", municipality: str = "") -> Contact:
    return Contact(contact_id, body, {"sq": "Zyra", "sr": "Kancelarija", "en": "Office"}, "http://x.org/", "2017",
                   municipality=municipality, line=7)


def test_the_contact_column_shows_what_is_known_or_says_not_known():
    t = STRINGS.t
    places = [Municipality("Zveçan", "Zvečan", "mocr"), Municipality("Junik", "Junik", "mocr", sr_form="translation")]
    contacts = [office("mocr-zvecan", municipality="Zveçan"), office("ombudsperson-zvecan", "ombudsperson", "Zveçan"),
                office("olc", "language-commissioner")]
    html = render_table(places, reader("en"), contacts)
    assert f'<th scope="col">{t("contacts.directory.column", "en")}</th>' in html
    mocr = t("contacts.directory.see.municipal-offices-for-communities-and-return", "en")
    ombudsperson = t("contacts.directory.see.ombudsperson", "en")
    assert (f'<td><a href="#contact-mocr-zvecan">{escape(mocr)}</a><br>'
            f'<a href="#contact-ombudsperson-zvecan">{escape(ombudsperson)}</a></td></tr>') in html
    assert f'<td>{t("contacts.directory.none", "en")}</td></tr>' in html
    assert f'† {escape(t("directory.translation", "en"))}' in html and "* " not in html
    without = render_table(places, reader("en"))
    assert "<th" in without and t("contacts.directory.column", "en") not in without


def test_a_body_without_its_own_label_links_as_the_contact():
    places = [Municipality("Zveçan", "Zvečan", "mocr")]
    html = render_table(places, reader("en"), [office("x-zvecan", "language-commissioner", "Zveçan")])
    assert f'<td><a href="#contact-x-zvecan">{STRINGS.t("contacts.directory.see", "en")}</a></td></tr>' in html


def test_a_contact_in_a_municipality_the_directory_does_not_have():
    places = [Municipality("Zveçan", "Zvečan", "mocr")]
    problems = municipality_problems([office("a", municipality="Zvecan"), office("b", municipality="Zveçan")], places,
                                     "docs/data/contacts.yml")
    assert [str(p) for p in problems] == [
        "docs/data/contacts.yml:7: 'municipality: Zvecan' is not in the directory (did you mean 'Zveçan'?): "
        "use the Albanian name as the directory writes it"
    ]
