"""The directory of municipal offices: schema errors with lines, the rendered table, the filter box."""

from __future__ import annotations

import re

import pytest

from scripts.directory import DIRECTORY_FILE, load_directory, render_table
from scripts.documents import LANGUAGES
from tests.sites import ROOT, data_file_problems

REAL_DOCS = ROOT / "docs"
PAGE = {"sq": "directory/index.html", "sr": "sr/directory/index.html", "en": "en/directory/index.html"}


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
        "docs/data/municipal-offices.yml:9: 'sr_form' must be transliteration (got 'guess')",
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
    municipalities, problems = load_directory(REAL_DOCS)
    assert problems == []
    assert [m.office for m in municipalities].count("mocr") == 35
    assert [m.sq for m in municipalities if m.office == "similar"] == ["Leposaviq", "Mitrovicë e Veriut", "Zubin Potok"]
    assert all(m.sr_transliterated for m in municipalities if m.office == "similar")


def test_names_are_escaped():
    from scripts.directory import Municipality

    html = render_table([Municipality("<b>X</b>", "Y & Z", "mocr", ("<i>",))], "en")
    assert "&lt;b&gt;X&lt;/b&gt; (&lt;i&gt;)" in html and "Y &amp; Z" in html and "<b>" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_table_has_one_row_per_entry(built_site, language):
    municipalities, _ = load_directory(REAL_DOCS)
    html = (built_site / PAGE[language]).read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-office="(\w+)"><td lang="sq"[^>]*>([^<]*)</td><td lang="sr-Latn"[^>]*>([^<]*)', html)
    assert [(office, sq.split(" (")[0], sr) for office, sq, sr in rows] == [(m.office, m.sq, m.sr) for m in municipalities]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_download_link_leads_to_the_published_file(built_site, language):
    page = built_site / PAGE[language]
    href = re.search(r'href="([^"]*municipal-offices\.yml)"', page.read_text(encoding="utf-8")).group(1)
    target = (page.parent / href).resolve()
    assert target.read_text(encoding="utf-8") == (REAL_DOCS / DIRECTORY_FILE).read_text(encoding="utf-8")


def _visible_rows(browser_page) -> list[str]:
    return browser_page.locator(".crch-directory tbody tr:visible td:first-child").all_inner_texts()


def test_typing_a_name_hides_the_other_rows(browser_page, site_url):
    browser_page.goto(site_url + "sr/directory/")
    box = browser_page.locator("#crch-directory-filter")
    assert box.is_visible()
    assert len(_visible_rows(browser_page)) == 38
    box.fill("decane")  # accents and case do not matter
    assert _visible_rows(browser_page) == ["Deçan"]
    box.fill("no such place")
    assert _visible_rows(browser_page) == []
    assert browser_page.locator("[data-crch-directory-empty]").is_visible()
    box.fill("")
    assert len(_visible_rows(browser_page)) == 38


def test_the_filter_works_from_disk(browser_page, built_site):
    browser_page.goto((built_site / PAGE["en"]).as_uri())
    browser_page.locator("#crch-directory-filter").fill("Mitrovica")
    assert _visible_rows(browser_page) == ["Mitrovicë", "Mitrovicë e Veriut"]
