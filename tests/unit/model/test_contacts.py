"""The contacts data file: numbers one can dial, what counts as a phone number in a text, every
schema message with its line, and the real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.model.contact_markers import contact_details_in, phone_numbers_in
from scripts.model.contacts import Phone, dialable, load_contacts
from scripts.model.documents import load_corpus
from tests.support.contacts import GOOD, NAME
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT, data_file_problems, write_docs

CONTACTS_FILE = SETTINGS.contacts_file
REAL_DOCS = ROOT / "docs"


def load(path: Path, document_ids=None):
    return load_contacts(path, SETTINGS.languages, document_ids)


def problems_of(tmp_path, monkeypatch, text: str) -> list[str]:
    return data_file_problems(tmp_path, monkeypatch, CONTACTS_FILE, text, load)


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


def test_contact_details_in_a_line_links_first_and_markers_left_out():
    line = "[Write](mailto:a@example.org) to b@example.org, call 038 201 14 032 or tel:+38338201140 <!-- contact olc -->"
    assert contact_details_in(line) == ["mailto:a@example.org", "tel:+38338201140", "038 201 14 032", "b@example.org"]
    assert contact_details_in("<!-- contacts body=ombudsperson --> and Law 03/L-047") == []


# --------------------------------------------------------------------------- schema


def test_a_good_file_loads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_docs(Path("docs"), {CONTACTS_FILE: GOOD})
    [office], problems = load(Path("docs") / CONTACTS_FILE)
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
    _, problems = load(Path("docs") / CONTACTS_FILE, ["language-commisioner", "ombudsperson"])
    assert [str(p) for p in problems] == [
        "docs/data/contacts.yml:3: 'body: language-commissioner' names no document (did you mean "
        "'language-commisioner'?): use the id of the institution's page"
    ]


def test_the_real_contacts_validate_and_each_is_sourced_and_dated():
    offices, problems = load(REAL_DOCS / CONTACTS_FILE, load_corpus(REAL_DOCS).ids())
    assert problems == []
    assert len({office.id for office in offices}) == len(offices) > 10
    for office in offices:
        assert office.source.startswith(("http://", "https://"))
        assert office.source_date == "undated" and set(office.source_note) == set(LANGUAGES) or office.source_date[:2] == "20"
        assert all(phone.tel.startswith("+") for phone in office.phones)
