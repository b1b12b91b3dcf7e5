"""The contact checks (scripts/checks/contacts.py) on tiny docs folders, and on the real docs."""

from __future__ import annotations

from pathlib import Path

from scripts.model.documents import load_corpus
from tests.support.contacts import GOOD
from tests.support.project import SETTINGS, run_named
from tests.support.sites import ROOT, page, write_docs

CHECKS = ("contacts", "contact-markers", "contact-details")
CONTACTS_FILE = SETTINGS.contacts_file


def problems_of(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    monkeypatch.chdir(tmp_path)
    write_docs(Path("docs"), files)
    return [str(p) for p in run_named(load_corpus(Path("docs")), *CHECKS)]


def with_body(body: str) -> dict[str, str]:
    return {CONTACTS_FILE: GOOD, "sq/x.md": page("language-commissioner", "X", body)}


def test_a_municipality_that_is_not_in_the_directory(tmp_path, monkeypatch):
    files = {
        CONTACTS_FILE: GOOD.replace("    source_date:", "    municipality: Zvecan\n    source_date:"),
        SETTINGS.directory_file: "municipalities:\n  - {sq: Zveçan, sr: Zvečan, office: mocr}\n",
        "sq/index.md": page("language-commissioner", "Komisioneri"),
    }
    assert problems_of(tmp_path, monkeypatch, files) == [
        "docs/data/contacts.yml:2: 'municipality: Zvecan' is not in the directory (did you mean 'Zveçan'?): "
        "use the Albanian name as the directory writes it"
    ]


def test_a_body_that_names_no_document_of_the_docs(tmp_path, monkeypatch):
    files = {CONTACTS_FILE: GOOD, "sq/index.md": page("language-commisioner", "Komisioneri")}
    assert problems_of(tmp_path, monkeypatch, files) == [
        "docs/data/contacts.yml:3: 'body: language-commissioner' names no document (did you mean "
        "'language-commisioner'?): use the id of the institution's page"
    ]


def test_a_marker_with_an_unknown_contact_or_body(tmp_path, monkeypatch):
    body = "Text.\n\n<!-- contact olk -->\n\n<!-- contacts body=ombudsperson -->\n\n<!-- contacts olc -->\n"
    assert problems_of(tmp_path, monkeypatch, with_body(body)) == [
        "docs/sq/x.md:13: contact marker <!-- contact olk -->: unknown contact 'olk' (did you mean 'olc'?): use an "
        "id of docs/data/contacts.yml",
        "docs/sq/x.md:15: contact marker <!-- contacts body=ombudsperson -->: no contact in data/contacts.yml has "
        "'body: ombudsperson': add one there or fix the marker",
        "docs/sq/x.md:17: contact marker <!-- contacts olc -->: write the marker as <!-- contacts body=DOC-ID -->",
    ]


def test_a_marker_without_a_contacts_file(tmp_path, monkeypatch):
    files = {"sq/x.md": page("x", "X", "<!-- contact olc -->")}
    assert problems_of(tmp_path, monkeypatch, files) == [
        "docs/data/contacts.yml:1: data file is missing: create docs/data/contacts.yml with a 'contacts:' list",
        "docs/sq/x.md:11: contact marker <!-- contact olc -->: unknown contact 'olc': use an id of docs/data/contacts.yml",
    ]


def test_no_contacts_file_and_no_marker_is_fine(tmp_path, monkeypatch):
    assert problems_of(tmp_path, monkeypatch, {"sq/x.md": page("x", "X", "Text.")}) == []


def test_a_phone_or_e_mail_written_in_a_page(tmp_path, monkeypatch):
    body = """\
        Call 038 201 14 032 today.

        Write to office@example.org or [here](mailto:office@example.org).

        [Call](tel:+38338201140) or see <!-- contact olc -->; Law 03/L-047 of 13.03.2008 is not a number.
        """
    fix = "move it into docs/data/contacts.yml and use <!-- contact ID -->"
    assert problems_of(tmp_path, monkeypatch, with_body(body)) == [
        f"docs/sq/x.md:11: contact detail '038 201 14 032' in the page: {fix}",
        f"docs/sq/x.md:13: contact detail 'mailto:office@example.org' in the page: {fix}",
        f"docs/sq/x.md:13: contact detail 'office@example.org' in the page: {fix}",
        f"docs/sq/x.md:15: contact detail 'tel:+38338201140' in the page: {fix}",
    ]


def test_the_whole_real_site_passes_the_contact_checks():
    assert [str(p) for p in run_named(load_corpus(ROOT / "docs"), *CHECKS)] == []
