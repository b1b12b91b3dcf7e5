"""Contacts are data: the contacts file validates, markers name known contacts, pages write no
phone number or e-mail address themselves.

- `contacts`: docs/data/contacts.yml (when present or when a page has a contact marker): its
  schema, a `body` that names no document, a `municipality` the directory does not have;
- `contact-markers`: a `<!-- contact ID -->` or `<!-- contacts body=DOC-ID -->` that names no
  contact (the build stops on the same problems);
- `contact-details`: a phone number, e-mail address, `tel:` or `mailto:` link written in a page
  body instead of a marker (what counts as one: scripts/model/contact_markers.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from scripts.checks.problems import Problem
from scripts.checks.registry import check
from scripts.model.contact_markers import MARKER, contact_details_in, marker_uses
from scripts.model.contacts import Contact, load_contacts
from scripts.model.directory import load_directory, municipality_problems
from scripts.model.documents import Corpus, Document
from scripts.model.project import display_path
from scripts.model.settings import project_settings


def marker_problems(doc: Document, contacts: Sequence[Contact], data_file: str) -> list[Problem]:
    """The contact markers of a page that name no contact (or no body with contacts), with their lines."""
    return [Problem(doc.display_path, use.line, f"contact marker {use.text}: {use.problem}", check="contact-markers")
            for use in marker_uses(doc.body, contacts, data_file, doc.body_line) if use.problem]


def _contacts(corpus: Corpus) -> tuple[list[Contact], list[Problem]]:
    """The corpus's contacts and the data file's problems, read once for the three checks."""
    settings = project_settings()
    path = Path(corpus.docs_dir) / settings.contacts_file

    def read() -> tuple[list[Contact], list[Problem]]:
        if not path.exists() and not any(MARKER.search(doc.body) for doc in corpus):
            return [], []
        contacts, problems = load_contacts(path, corpus.languages, corpus.ids())
        if any(contact.municipality for contact in contacts):
            municipalities, _ = load_directory(Path(corpus.docs_dir) / settings.directory_file)  # its own check reports its problems
            problems += municipality_problems(contacts, municipalities, display_path(path))
        return contacts, problems

    return corpus.derived(("contacts", path), read)


@check("contacts",
       bad="contacts:\n  - id: language-commissioner\n    body: language-commissioner\n"
           "    name: {sq: Zyra e Komisionerit për Gjuhët, sr: Kancelarija poverenika za jezike, en: Office of the Language Commissioner}\n"
           "    phones: [\"038 200 14 612\"]",
       good="contacts:\n  - id: language-commissioner\n    body: language-commissioner\n"
            "    name: {sq: Zyra e Komisionerit për Gjuhët, sr: Kancelarija poverenika za jezike, en: Office of the Language Commissioner}\n"
            "    phones: [\"038 200 14 612\"]\n    source: http://www.komisioneri-ks.org/?page=1,58\n    source_date: 2017-10-22")
def contacts_file(corpus: Corpus) -> list[Problem]:
    """The contacts data file: every office sourced and dated, numbers one can dial, known bodies and municipalities."""
    return _contacts(corpus)[1]


@check("contact-markers",
       bad="<!-- contact language-comissioner -->",
       good="<!-- contact language-commissioner -->")
def contact_markers(corpus: Corpus) -> list[Problem]:
    """A contact marker that names no contact, or no institution with contacts."""
    contacts = _contacts(corpus)[0]
    data_file = project_settings().contacts_file
    return [problem for doc in corpus for problem in marker_problems(doc, contacts, data_file)]


@check("contact-details",
       bad="Call the office on 038 200 14 612.",
       good="Call the office:\n\n<!-- contact language-commissioner -->")
def contact_details(corpus: Corpus) -> list[Problem]:
    """A phone number, e-mail address, tel: or mailto: link written in a page instead of a contact marker."""
    data_file = project_settings().contacts_file
    problems = []
    for doc in corpus:
        for offset, line in enumerate(doc.body.split("\n")):
            for text in contact_details_in(line):
                problems.append(Problem(doc.display_path, doc.body_line + offset, f"contact detail '{text}' in the "
                                        f"page: move it into docs/{data_file} and use <!-- contact ID -->",
                                        check="contact-details"))
    return problems
