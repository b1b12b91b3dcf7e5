"""Contacts as data: the schema's messages with lines, numbers one can dial, escaped blocks, markers,
contact details written into pages, and the blocks in a real build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.contacts import (
    CONTACTS_FILE, Contact, Phone, check_corpus, dialable, directory_cells, load_contacts, phone_numbers_in,
    render_contact, replace_markers,
)
from scripts.documents import LANGUAGES, load_corpus
from scripts.ui_strings import t
from tests.sites import ROOT, build, data_file_problems, page, write_config, write_data_files, write_docs

REAL_DOCS = ROOT / "docs"
NAME = "{sq: Zyra, sr: Kancelarija, en: Office}"
GOOD = f"""\
contacts:
  - id: olc
    body: language-commissioner
    name: {NAME}
    phones: ["038 200 14 612"]
    source: http://www.komisioneri-ks.org/?page=1,58
    source_date: 2017-10-22
"""


def problems_of(tmp_path, monkeypatch, text: str) -> list[str]:
    return data_file_problems(tmp_path, monkeypatch, CONTACTS_FILE, text, load_contacts)


def contact(**fields) -> Contact:
    values = dict(id="olc", body="language-commissioner", name={"sq": "Zyra", "sr": "Kancelarija", "en": "Office"},
                  source="http://www.komisioneri-ks.org/?page=1,58", source_date="2017-10-22")
    values.update(fields)
    return Contact(**values)


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "published, e164",
    [
        ("038 201 14 032", "+3833820114032"),  # written inside Kosovo: +383 and no leading 0
        ("038/200 16 502", "+3833820016502"),
        ("044 380 464", "+38344380464"),
        ("+383 38 223 782", "+38338223782"),
        ("+383 (0)44/543-889", "+38344543889"),  # the trunk 0 after the country code goes
        ("+ 383 (0)45 455 319", "+38345455319"),
        ("+381 38 200 14 448", "+3813820014448"),  # another country code stays as published
        ("00377 45 256 665", "+37745256665"),
    ],
)
def test_a_published_number_is_dialled_in_e164(published, e164):
    assert dialable(published) == e164


@pytest.mark.parametrize("published", ["223 783", "12 34", "038 1", "phone"])
def test_a_number_without_area_code_cannot_be_dialled(published):
    assert dialable(published) is None


def test_phone_numbers_in_text_and_what_is_not_one():
    text = "Call 038 201 14 032 or +383 (0)44/543-889, or 044/380-464."
    assert phone_numbers_in(text) == ["038 201 14 032", "+383 (0)44/543-889", "044/380-464"]
    not_phones = ("Law 03/L-047 of 2008, Regulation 02/2010, decision 138/2020 of 11.09.2020, "
                  "Decision No. 06/23 of 04.01.2018, 2017–2021, 1,411 families, €1,300, 10 000 Prishtinë")
    assert phone_numbers_in(not_phones) == []


# --------------------------------------------------------------------------- schema


def test_a_good_file_loads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_docs(Path("docs"), {CONTACTS_FILE: GOOD})
    [office], problems = load_contacts(Path("docs"))
    assert problems == []
    assert office.phones == (Phone("038 200 14 612", "+3833820014612"),) and office.source_date == "2017-10-22"


def test_each_schema_error_names_its_line(tmp_path, monkeypatch):
    text = f"""\
contacts:
  - id: a
    body: ombudsperson
    name: {NAME}
    adress: {{en: Str. Migjeni 21}}
    source: http://x.org/
    source_date: 2017
  - id: b
    body: ombudsperson
    name: {{sq: Zyra, en: Office}}
    source: oik-rks.org
    source_date: 22.10.2017
  - id: c
    body: ombudsperson
    name: {NAME}
    phones: ["223 783", {{text: "223 783", tel: "38338223783"}}]
    emails: ["[email protected]"]
    source: http://x.org/
    source_date: undated
  - id: d
    body: Ombudsperson
    name: {NAME}
    address: {{de: Straße}}
    note: {{en: only English}}
    secondary: yes please
"""
    assert problems_of(tmp_path, monkeypatch, text) == [
        "docs/data/contacts.yml:5: unknown key 'adress' (did you mean 'address'?): use id, body, name, address, "
        "phones, emails, web, source, source_date, source_note, secondary, note, municipality",
        "docs/data/contacts.yml:10: 'name' needs text in every language: add sr",
        "docs/data/contacts.yml:11: a contact needs 'source': the address (https://… or http://…) of the page that "
        "published these details",
        "docs/data/contacts.yml:12: 'source_date' must be a date like 2020-10-08, 2019-09 or 2017, or 'undated' "
        "(got '22.10.2017')",
        "docs/data/contacts.yml:16: a phone given as a mapping needs 'text' (as published) and 'tel' in E.164 form, "
        "e.g. {text: \"223 783\", tel: \"+38338223783\"}",
        "docs/data/contacts.yml:16: cannot make a number to dial from '223 783': write it with its area code as "
        "published, or as {text: \"…\", tel: \"+383…\"}",
        "docs/data/contacts.yml:17: 'emails' must be a list of readable addresses, e.g. emails: [office@example.org]; "
        "leave out an address the source hides",
        "docs/data/contacts.yml:19: an 'undated' contact needs a 'source_note' in every language: where the details "
        "appear and what dates the page around them",
        "docs/data/contacts.yml:20: a contact needs 'source': the address (https://… or http://…) of the page that "
        "published these details",
        "docs/data/contacts.yml:20: a contact needs 'source_date': the date its source shows (2020-10-08, 2019-09 or "
        "2017), or 'undated' with a 'source_note' saying what is known",
        "docs/data/contacts.yml:21: a contact needs 'body' in kebab-case, e.g. body: ombudsperson",
        "docs/data/contacts.yml:23: 'address' has an unknown language 'de': use sq, sr, en",
        "docs/data/contacts.yml:24: 'note' needs text in every language: add sq, sr",
        "docs/data/contacts.yml:25: 'secondary' must be true or false",
    ]


def test_a_duplicate_id(tmp_path, monkeypatch):
    text = GOOD + GOOD.replace("contacts:\n", "").replace("phones: [\"038 200 14 612\"]", "web: x.org")
    assert problems_of(tmp_path, monkeypatch, text) == [
        "docs/data/contacts.yml:8: contact id 'olc' is already used on line 2: give each office its own id"
    ]


def test_a_body_that_names_no_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_docs(Path("docs"), {CONTACTS_FILE: GOOD})
    _, problems = load_contacts(Path("docs"), ["language-commisioner", "ombudsperson"])
    assert [str(p) for p in problems] == [
        "docs/data/contacts.yml:3: 'body: language-commissioner' names no document (did you mean "
        "'language-commisioner'?): use the id of the institution's page"
    ]


def test_a_municipality_that_is_not_in_the_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    docs = Path("docs")
    write_docs(docs, {
        CONTACTS_FILE: GOOD.replace("    source_date:", "    municipality: Zvecan\n    source_date:"),
        "data/municipal-offices.yml": "municipalities:\n  - {sq: Zveçan, sr: Zvečan, office: mocr}\n",
        "sq/index.md": page("language-commissioner", "Komisioneri"),
    })
    assert [str(p) for p in check_corpus(load_corpus(docs))] == [
        "docs/data/contacts.yml:2: 'municipality: Zvecan' is not in the directory (did you mean 'Zveçan'?): "
        "use the Albanian name as the directory writes it"
    ]


def test_the_real_contacts_validate_and_each_is_sourced_and_dated():
    offices, problems = load_contacts(REAL_DOCS, load_corpus(REAL_DOCS).ids())
    assert problems == []
    assert len({office.id for office in offices}) == len(offices) > 10
    for office in offices:
        assert office.source.startswith(("http://", "https://"))
        assert office.source_date == "undated" and set(office.source_note) == set(LANGUAGES) or office.source_date[:2] == "20"
        assert all(phone.tel.startswith("+") for phone in office.phones)


def test_the_whole_real_site_passes_the_contacts_check():
    assert [str(p) for p in check_corpus(load_corpus(REAL_DOCS))] == []


# --------------------------------------------------------------------------- rendering


def test_a_block_in_each_language():
    office = contact(address={"sq": "Ndërtesa e Qeverisë\nKati VI", "en": "Government Building\nFloor VI"},
                     phones=(Phone("038 200 14 612", "+3833820014612"),), emails=("info@example.org",),
                     web=("www.komisioneri-ks.org",), note={"sq": "Shënim.", "sr": "Napomena.", "en": "A note."})
    html = render_contact(office, "sr")
    assert '<div class="crch-contact" id="contact-olc">' in html
    assert "<strong>Kancelarija</strong>" in html
    assert '<span lang="sq">Ndërtesa e Qeverisë<br>Kati VI</span>' in html  # no Serbian address: the first one, marked
    assert '<a href="tel:+3833820014612">038 200 14 612</a>' in html
    assert '<a href="mailto:info@example.org">info@example.org</a>' in html
    assert "<code>www.komisioneri-ks.org</code>" in html and "Napomena." in html
    assert f"<strong>{t('contacts.check', 'sr')}</strong>" in html
    assert '<time datetime="2017-10-22">22. oktobar 2017</time>' in html
    assert "<code>http://www.komisioneri-ks.org/?page=1,58</code>" in html
    assert "\n\n" not in html  # one HTML block for Markdown
    assert '<span lang="en">' not in render_contact(office, "en") and "Government Building<br>Floor VI" in render_contact(office, "en")


@pytest.mark.parametrize("language, date", [("sq", "tetor 2019"), ("en", "October 2019"), ("sr", "oktobar 2019")])
def test_a_month_or_year_as_the_source_shows_it(language, date):
    assert f'<time datetime="2019-10">{date}</time>' in render_contact(contact(source_date="2019-10"), language)
    assert '<time datetime="2017">2017</time>' in render_contact(contact(source_date="2017"), language)


def test_an_undated_secondary_source_says_so():
    office = contact(source_date="undated", secondary=True,
                     source_note={"sq": "Pa datë.", "sr": "Bez datuma.", "en": "A news portal, no date."})
    html = render_contact(office, "en")
    assert "the page shows no date" in html and "(secondary source)" in html and "A news portal, no date." in html
    assert "<time" not in html


def test_hostile_values_are_escaped():
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    office = contact(name={lang: evil for lang in LANGUAGES}, address={"en": evil}, web=(f"javascript:{evil}",),
                     phones=(Phone(f"038 200 14 612 {evil}", "+3833820014612"),),
                     note={lang: evil for lang in LANGUAGES}, source=f'http://x.org/"><script>alert(3)</script>')
    html = render_contact(office, "en")
    assert "<script" not in html and "<img" not in html and 'onerror="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html


def test_replace_markers_for_one_office_and_for_a_body():
    offices = [contact(), contact(id="olc-post", name={"sq": "Posta", "sr": "Pošta", "en": "Post"}),
               contact(id="oca", body="office-for-community-affairs")]
    markdown = "A\n\n<!-- contact oca -->\n\nB\n\n<!-- contacts body=language-commissioner -->\n\n<!-- contact olc -->\n"
    html = replace_markers(markdown, offices, "en")
    assert "<!--" not in html
    assert [m for m in re.findall(r'id="contact-([\w-]+)"', html)] == ["oca", "olc", "olc-post"]
    assert html.count('<div class="crch-contact"') == 4  # olc twice, its anchor once


def test_the_directory_cell_links_the_block():
    cells = directory_cells([contact(id="mocr-zvecan", municipality="Zveçan"), contact()], "en")
    assert cells == {"Zveçan": f'<a href="#contact-mocr-zvecan">{t("contacts.directory.see", "en")}</a>'}


# --------------------------------------------------------------------------- pages


def _corpus(tmp_path, monkeypatch, body: str):
    monkeypatch.chdir(tmp_path)
    docs = Path("docs")
    write_docs(docs, {CONTACTS_FILE: GOOD, "sq/x.md": page("language-commissioner", "X", body)})
    return load_corpus(docs)


def test_a_marker_with_an_unknown_contact_or_body(tmp_path, monkeypatch):
    body = "Text.\n\n<!-- contact olk -->\n\n<!-- contacts body=ombudsperson -->\n\n<!-- contacts olc -->\n"
    assert [str(p) for p in check_corpus(_corpus(tmp_path, monkeypatch, body))] == [
        "docs/sq/x.md:13: contact marker <!-- contact olk -->: unknown contact 'olk' (did you mean 'olc'?): use an "
        "id of docs/data/contacts.yml",
        "docs/sq/x.md:15: contact marker <!-- contacts body=ombudsperson -->: no contact in data/contacts.yml has "
        "'body: ombudsperson': add one there or fix the marker",
        "docs/sq/x.md:17: contact marker <!-- contacts olc -->: write the marker as <!-- contacts body=DOC-ID -->",
    ]


def test_a_phone_or_e_mail_written_in_a_page(tmp_path, monkeypatch):
    body = """\
        Call 038 201 14 032 today.

        Write to office@example.org or [here](mailto:office@example.org).

        [Call](tel:+38338201140) or see <!-- contact olc -->; Law 03/L-047 of 13.03.2008 is not a number.
        """
    fix = "move it into docs/data/contacts.yml and use <!-- contact ID -->"
    assert [str(p) for p in check_corpus(_corpus(tmp_path, monkeypatch, body))] == [
        f"docs/sq/x.md:11: contact detail '038 201 14 032' in the page: {fix}",
        f"docs/sq/x.md:13: contact detail 'mailto:office@example.org' in the page: {fix}",
        f"docs/sq/x.md:13: contact detail 'office@example.org' in the page: {fix}",
        f"docs/sq/x.md:15: contact detail 'tel:+38338201140' in the page: {fix}",
    ]


# --------------------------------------------------------------------------- a real build


def test_a_built_page_shows_the_block_with_a_tel_link(tmp_path):
    docs = write_docs(tmp_path / "docs", {
        f"{lang}/index.md": page("home", "Home", "<!-- contact language-commissioner -->",
                                 **({} if lang == "sq" else {"translation": {"source": "sq", "status": "machine"}}))
        for lang in LANGUAGES
    })
    write_data_files(docs)
    site = tmp_path / "site"
    result = build(write_config(tmp_path, docs, site), site)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix, language in (("", "sq"), ("sr/", "sr"), ("en/", "en")):
        html = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert 'id="contact-language-commissioner"' in html
        assert '<a href="tel:+3833820014612">038 200 14 612</a>' in html  # kept by the sanitizer
        assert t("contacts.check", language) in html
    assert (site / "data" / "contacts.yml").read_text(encoding="utf-8") == (REAL_DOCS / CONTACTS_FILE).read_text(encoding="utf-8")


def test_a_build_stops_on_an_unknown_contact_with_file_and_line(tmp_path):
    docs = write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Home", "Text.\n\n<!-- contact nobody -->")})
    write_data_files(docs)
    site = tmp_path / "site"
    result = build(write_config(tmp_path, docs, site), site)
    assert result.returncode != 0
    assert re.search(r"docs/sq/index\.md:13: contact marker <!-- contact nobody -->: unknown contact 'nobody'",
                     result.stdout + result.stderr)
    assert "Traceback" not in result.stdout + result.stderr


# --------------------------------------------------------------------------- the real site

DIRECTORY_PAGE = {"sq": "directory/index.html", "sr": "sr/directory/index.html", "en": "en/directory/index.html"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_directory_links_the_published_contacts_and_every_cell_finds_its_block(built_site, language):
    page_file = built_site / DIRECTORY_PAGE[language]
    html = page_file.read_text(encoding="utf-8")
    href = re.search(r'href="([^"]*contacts\.yml)"', html).group(1)
    assert (page_file.parent / href).resolve().read_text(encoding="utf-8") == (REAL_DOCS / CONTACTS_FILE).read_text(encoding="utf-8")
    anchors = set(re.findall(r'<td><a href="#(contact-[\w-]+)"', html) + re.findall(r'<br><a href="#(contact-[\w-]+)"', html))
    offices, _ = load_contacts(REAL_DOCS)
    assert anchors == {f"contact-{office.id}" for office in offices if office.municipality}
    assert all(f'id="{anchor}"' in html for anchor in anchors)


def test_no_built_page_shows_a_phone_number_outside_a_contact_block(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        main = re.sub(r'<div class="crch-contact".*?</div>', "", html, flags=re.S)
        main = re.sub(r"<(script|style)\b.*?</\1>", "", main, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", main)
        assert phone_numbers_in(text) == [], path
