"""Contacts of offices: docs/data/contacts.yml, checked and rendered where a page asks for them.

A changed phone number is edited once, in the data file (published with the site for download);
pages place a marker and the content hook replaces it with the office's block in the reader's
language (name, address, phones as `tel:` links, e-mail as `mailto:`, web address, and "check
before you go: published on DATE at SOURCE"):

    <!-- contact language-commissioner -->              one office
    <!-- contacts body=ombudsperson -->                 every office of an institution (file order)

Pages never write a phone number or an e-mail address themselves: `check_corpus` (part of
`make check`) reports one in a page body, a marker naming an unknown contact, and every schema
problem of the data file, each with file and line.

    python -m scripts.contacts [--docs-dir docs]      # validate the data file and the pages
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from babel.dates import format_date

from scripts.data_files import DATA_DIR, Entry, valid_entries
from scripts.directory import load_directory
from scripts.documents import KEBAB_CASE, LANGUAGES, Corpus, Document, load_corpus
from scripts.problems import Problem, display_path, main_exit, run_check
from scripts.ui_strings import strings, t

CHECK = "contacts"
CONTACTS_FILE = f"{DATA_DIR}/contacts.yml"
KEYS = ("id", "body", "name", "address", "phones", "emails", "web", "source", "source_date", "source_note",
        "secondary", "note", "municipality")
PHONE_KEYS = ("text", "tel")
UNDATED = "undated"
KOSOVO_CODE = "383"
# <!-- contact ID --> and <!-- contacts body=DOC-ID -->; anything else after "contact" is reported.
MARKER = re.compile(r"<!--\s*contact(?P<plural>s?)\b(?P<args>[^>]*?)\s*-->")
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINK_SCHEME = re.compile(r"\b(?:tel|mailto):[^\s)\"'>]+")
URL = re.compile(r"^https?://\S+$")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")  # 2019 or 2019-09, when the source shows no day
# A phone number as pages might write it: a leading +, 00 or 0 and two digits, then at least six
# more digits with spaces, slashes, dots, dashes or brackets between them (038 201 14 032,
# +383 (0)44/543-889). Act numbers (03/L-047, 02/2010) and years do not match.
PHONE_IN_TEXT = re.compile(r"(?<![\w/.-])(?:\+\s?\d|00\d|0\d\d)(?:[\s/().-]{0,3}\d){6,}")
BABEL_LOCALES = {"sq": "sq", "sr": "sr_Latn", "en": "en"}
HTML_LANG = {"sq": "sq", "sr": "sr-Latn", "en": "en"}
DATE_PATTERNS = {10: "contacts.date-pattern.day", 7: "contacts.date-pattern.month", 4: "contacts.date-pattern.year"}


@dataclass(frozen=True)
class Phone:
    """A number as the source prints it, and the E.164 number a phone dials."""

    text: str
    tel: str


@dataclass(frozen=True)
class Contact:
    """One office of an institution, as one source published it."""

    id: str
    body: str
    name: Mapping[str, str]
    source: str
    source_date: str  # 2020-10-08, 2019-09, 2017, or UNDATED
    address: Mapping[str, str] = field(default_factory=dict)  # language -> text, as published
    phones: tuple[Phone, ...] = ()
    emails: tuple[str, ...] = ()
    web: tuple[str, ...] = ()
    source_note: Mapping[str, str] = field(default_factory=dict)  # what dates an undated source
    secondary: bool = False
    note: Mapping[str, str] = field(default_factory=dict)  # contradictions, older versions
    municipality: str = ""
    line: int = 0


# --------------------------------------------------------------------------- phone numbers


def dialable(text: str) -> str | None:
    """The E.164 form of a published number, or None when it cannot be told.

    A number written inside Kosovo (038 201 14 032) gets the country code +383; "(0)" after a
    country code is the trunk prefix and is dropped (+383 (0)44 543 889 -> +38344543889).
    """
    compact = re.sub(r"\(\s*0\s*\)", "", text.strip())
    digits = re.sub(r"\D", "", compact)
    if compact.startswith("+"):
        number = "+" + digits
    elif digits.startswith("00"):
        number = "+" + digits[2:]
    elif digits.startswith("0"):
        number = f"+{KOSOVO_CODE}{digits[1:]}"
    else:
        return None
    return number if E164.match(number) else None


def phone_numbers_in(text: str) -> list[str]:
    """Phone numbers written in a text (see PHONE_IN_TEXT)."""
    return [match.group(0).strip() for match in PHONE_IN_TEXT.finditer(text)]


# --------------------------------------------------------------------------- loading and validation


def contacts_path(docs_dir: Path) -> Path:
    return Path(docs_dir) / CONTACTS_FILE


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _texts(entry: Entry, shown: str, key: str, required: bool, every_language: bool) -> list[Problem]:
    """A `{sq: …, sr: …, en: …}` mapping of non-empty texts (all three languages, or some)."""
    value = entry.values.get(key)
    line = entry.line_of(key)
    if value is None:
        return [Problem(shown, line, f"a contact needs '{key}: {{sq: …, sr: …, en: …}}'")] if required else []
    if not isinstance(value, dict) or not value:
        return [Problem(shown, line, f"'{key}' must be a mapping of languages to text, e.g. {key}: {{sq: …, en: …}}")]
    problems = []
    for language, text in value.items():
        if language not in LANGUAGES:
            problems.append(Problem(shown, line, f"'{key}' has an unknown language '{language}': use "
                                    f"{', '.join(LANGUAGES)}{_did_you_mean(str(language), LANGUAGES)}"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(shown, line, f"'{key}.{language}' must be non-empty text"))
    missing = [language for language in LANGUAGES if language not in value]
    if every_language and missing:
        problems.append(Problem(shown, line, f"'{key}' needs text in every language: add {', '.join(missing)}"))
    return problems


def _list_of_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)


def _phones(entry: Entry, shown: str) -> list[Problem]:
    value = entry.values.get("phones", [])
    line = entry.line_of("phones")
    if not isinstance(value, list):
        return [Problem(shown, line, "'phones' must be a list of numbers as published, e.g. phones: [\"038 201 14 032\"]")]
    problems = []
    for item in value:
        if isinstance(item, dict):
            unknown = [key for key in item if key not in PHONE_KEYS]
            if unknown or not isinstance(item.get("text"), str) or not E164.match(str(item.get("tel", ""))):
                problems.append(Problem(shown, line, "a phone given as a mapping needs 'text' (as published) and "
                                        "'tel' in E.164 form, e.g. {text: \"223 783\", tel: \"+38338223783\"}"))
        elif not isinstance(item, str) or not item.strip():
            problems.append(Problem(shown, line, "each phone must be the number as published, in quotes"))
        elif dialable(item) is None:
            problems.append(Problem(shown, line, f"cannot make a number to dial from '{item}': write it with its "
                                    "area code as published, or as {text: \"…\", tel: \"+383…\"}"))
    return problems


def _source_date(entry: Entry, shown: str) -> list[Problem]:
    value = entry.values.get("source_date")
    line = entry.line_of("source_date")
    if value is None:
        return [Problem(shown, line, "a contact needs 'source_date': the date its source shows (2020-10-08, "
                        f"2019-09 or 2017), or '{UNDATED}' with a 'source_note' saying what is known")]
    if isinstance(value, dt.date) or (isinstance(value, int) and 1900 < value < 2200):
        return []
    if isinstance(value, str) and (PARTIAL_DATE.match(value) or value == UNDATED):
        if value == UNDATED and "source_note" not in entry.values:
            return [Problem(shown, line, f"an '{UNDATED}' contact needs a 'source_note' in every language: "
                            "where the details appear and what dates the page around them")]
        return []
    return [Problem(shown, line, f"'source_date' must be a date like 2020-10-08, 2019-09 or 2017, or "
                    f"'{UNDATED}' (got {value!r})")]


def validate_entry(entry: Entry, shown: str) -> list[Problem]:
    """The schema of one contact (see the header of docs/data/contacts.yml)."""
    values = entry.values
    problems = [
        Problem(shown, entry.line_of(key), f"unknown key '{key}'{_did_you_mean(str(key), KEYS)}: use {', '.join(KEYS)}")
        for key in values if key not in KEYS
    ]
    for key in ("id", "body"):
        if not isinstance(values.get(key), str) or not KEBAB_CASE.match(values[key]):
            problems.append(Problem(shown, entry.line_of(key), f"a contact needs '{key}' in kebab-case, e.g. "
                                    f"{key}: {'ombudsperson-head-office' if key == 'id' else 'ombudsperson'}"))
    problems += _texts(entry, shown, "name", required=True, every_language=True)
    problems += _texts(entry, shown, "address", required=False, every_language=False)
    problems += _texts(entry, shown, "note", required=False, every_language=True)
    problems += _texts(entry, shown, "source_note", required=False, every_language=True)
    problems += _phones(entry, shown)
    emails = values.get("emails", [])
    if not _list_of_text(emails) or any(not EMAIL.fullmatch(e) for e in emails):
        problems.append(Problem(shown, entry.line_of("emails"), "'emails' must be a list of readable addresses, "
                                "e.g. emails: [office@example.org]; leave out an address the source hides"))
    web = values.get("web", [])
    if not (isinstance(web, str) and web.strip()) and not _list_of_text(web):
        problems.append(Problem(shown, entry.line_of("web"), "'web' must be the address as published, or a list of them"))
    source = values.get("source")
    if not isinstance(source, str) or not URL.match(source):
        problems.append(Problem(shown, entry.line_of("source"), "a contact needs 'source': the address "
                                "(https://… or http://…) of the page that published these details"))
    problems += _source_date(entry, shown)
    if not isinstance(values.get("secondary", False), bool):
        problems.append(Problem(shown, entry.line_of("secondary"), "'secondary' must be true or false"))
    if "municipality" in values and not (isinstance(values["municipality"], str) and values["municipality"].strip()):
        problems.append(Problem(shown, entry.line_of("municipality"), "'municipality' must be the Albanian name "
                                "of a municipality of the directory, e.g. municipality: Zveçan"))
    return problems


def _phone(item: Any) -> Phone:
    if isinstance(item, dict):
        return Phone(item["text"], item["tel"])
    return Phone(item, dialable(item) or "")


def _contact(entry: Entry) -> Contact:
    values = entry.values
    web = values.get("web", ())
    return Contact(
        id=values["id"],
        body=values["body"],
        name=dict(values["name"]),
        source=values["source"],
        source_date=str(values["source_date"]),
        address=dict(values.get("address") or {}),
        phones=tuple(_phone(item) for item in values.get("phones", ())),
        emails=tuple(values.get("emails", ())),
        web=(web,) if isinstance(web, str) else tuple(web),
        source_note=dict(values.get("source_note") or {}),
        secondary=values.get("secondary", False),
        note=dict(values.get("note") or {}),
        municipality=values.get("municipality", ""),
        line=entry.line,
    )


def load_contacts(docs_dir: Path, document_ids: Iterable[str] | None = None) -> tuple[list[Contact], list[Problem]]:
    """Every contact of the data file, and every problem with file and line.

    With `document_ids`, a `body` that names no document is a problem too.
    """
    entries, problems, shown = valid_entries(contacts_path(docs_dir), "contacts", validate_entry)
    known = set(document_ids) if document_ids is not None else None
    contacts: list[Contact] = []
    seen: dict[str, int] = {}
    for entry in entries:
        contact = _contact(entry)
        if contact.id in seen:
            problems.append(Problem(shown, entry.line_of("id"), f"contact id '{contact.id}' is already used on line "
                                    f"{seen[contact.id]}: give each office its own id"))
            continue
        seen[contact.id] = entry.line_of("id")
        if known is not None and contact.body not in known:
            problems.append(Problem(shown, entry.line_of("body"), f"'body: {contact.body}' names no document"
                                    f"{_did_you_mean(contact.body, known)}: use the id of the institution's page"))
        contacts.append(contact)
    return contacts, sorted(Problem(p.path, p.line, p.message, p.severity, CHECK) for p in problems)


# --------------------------------------------------------------------------- markers


@dataclass(frozen=True)
class MarkerUse:
    """One contact marker of a page: where it is and which contacts it asks for."""

    line: int
    text: str
    contact_ids: tuple[str, ...]
    problem: str = ""


def _marker_use(match: re.Match, line: int, contacts: Sequence[Contact]) -> MarkerUse:
    args = match.group("args").split()
    ids = [contact.id for contact in contacts]
    if match.group("plural"):
        if len(args) != 1 or not args[0].startswith("body="):
            return MarkerUse(line, match.group(0), (), "write the marker as <!-- contacts body=DOC-ID -->")
        body = args[0][len("body="):]
        found = tuple(contact.id for contact in contacts if contact.body == body)
        if not found:
            bodies = sorted({contact.body for contact in contacts})
            return MarkerUse(line, match.group(0), (), f"no contact in {CONTACTS_FILE} has 'body: {body}'"
                             f"{_did_you_mean(body, bodies)}: add one there or fix the marker")
        return MarkerUse(line, match.group(0), found)
    if len(args) != 1:
        return MarkerUse(line, match.group(0), (), "write the marker as <!-- contact ID --> with one contact id")
    if args[0] not in ids:
        return MarkerUse(line, match.group(0), (), f"unknown contact '{args[0]}'{_did_you_mean(args[0], ids)}: "
                         f"use an id of docs/{CONTACTS_FILE}")
    return MarkerUse(line, match.group(0), (args[0],))


def marker_uses(body: str, contacts: Sequence[Contact], first_line: int = 1) -> list[MarkerUse]:
    """Every contact marker of a page body, with its line."""
    uses = []
    for match in MARKER.finditer(body):
        line = first_line + body.count("\n", 0, match.start())
        uses.append(_marker_use(match, line, contacts))
    return uses


def replace_markers(markdown: str, contacts: Sequence[Contact], language: str) -> str:
    """The Markdown with each well-formed marker replaced by its contact blocks (a wrong marker is
    left as it is: `marker_problems` reports it, and the build stops on it)."""
    by_id = {contact.id: contact for contact in contacts}
    anchored: set[str] = set()  # one id="contact-…" per page, even if an office is shown twice

    def blocks(match: re.Match) -> str:
        use = _marker_use(match, 0, contacts)
        if use.problem:
            return match.group(0)
        rendered = [render_contact(by_id[contact_id], language, contact_id not in anchored) for contact_id in use.contact_ids]
        anchored.update(use.contact_ids)
        return "\n\n" + "\n\n".join(rendered) + "\n\n"

    return MARKER.sub(blocks, markdown)


# --------------------------------------------------------------------------- rendering


def anchor(contact_id: str) -> str:
    """The HTML id of a contact's block, for links to it (the directory's contact column)."""
    return f"contact-{contact_id}"


def format_source_date(value: str, language: str) -> str:
    """'2020-10-08' as the reader's language writes dates ('8 tetor 2020'); '2019-09' as a month."""
    if value == UNDATED:
        return ""
    parts = [int(part) for part in value.split("-")]
    date = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return format_date(date, t(DATE_PATTERNS[len(value)], language), locale=BABEL_LOCALES[language])


def _in_language(texts: Mapping[str, str], language: str) -> tuple[str, str]:
    """(language, text): the reader's language, else the first language the source gives."""
    if language in texts:
        return language, texts[language]
    first = next(iter(texts))
    return first, texts[first]


def _address(contact: Contact, language: str) -> str:
    if not contact.address:
        return ""
    shown, text = _in_language(contact.address, language)
    lines = "<br>".join(escape(line.strip()) for line in text.strip().split("\n"))
    lang = f' lang="{HTML_LANG[shown]}"' if shown != language else ""
    label = escape(t("contacts.address", language))
    return f'<p class="crch-contact-address"><span class="crch-contact-label">{label}:</span> <span{lang}>{lines}</span></p>'


def _lines(contact: Contact, language: str) -> str:
    items = []
    for phone in contact.phones:
        items.append(f'<li><span class="crch-contact-label">{escape(t("contacts.phone", language))}:</span> '
                     f'<a href="tel:{escape(phone.tel)}">{escape(phone.text)}</a></li>')
    for email in contact.emails:
        items.append(f'<li><span class="crch-contact-label">{escape(t("contacts.email", language))}:</span> '
                     f'<a href="mailto:{escape(email)}">{escape(email)}</a></li>')
    for web in contact.web:
        # Shown, not linked: the site links to no other host (readers offline; tests/test_site.py).
        items.append(f'<li><span class="crch-contact-label">{escape(t("contacts.web", language))}:</span> '
                     f'<code>{escape(web)}</code></li>')
    return f'<ul class="crch-contact-lines">{"".join(items)}</ul>' if items else ""


def check_before_you_go(contact: Contact, language: str) -> str:
    """The dated, sourced caveat under every contact, in the reader's language."""
    source = f"<code>{escape(contact.source)}</code>"
    if contact.secondary:
        source += f" ({escape(t('contacts.secondary', language))})"
    if contact.source_date == UNDATED:
        text = escape(t("contacts.check.undated", language)).replace("{source}", source)
    else:
        date = f'<time datetime="{escape(contact.source_date)}">{escape(format_source_date(contact.source_date, language))}</time>'
        text = escape(t("contacts.check.dated", language)).replace("{date}", date).replace("{source}", source)
    if contact.source_note:
        text += " " + escape(contact.source_note[language])
    return f'<p class="crch-contact-check"><strong>{escape(t("contacts.check", language))}</strong> {text}</p>'


def render_contact(contact: Contact, language: str, with_anchor: bool = True) -> str:
    """One office as one HTML block (no blank lines, so Markdown passes it through); all text escaped."""
    html_id = f' id="{escape(anchor(contact.id))}"' if with_anchor else ""
    note = f'<p class="crch-contact-note">{escape(contact.note[language])}</p>' if contact.note else ""
    parts = [
        f'<div class="crch-contact"{html_id}>',
        f'<p class="crch-contact-name"><strong>{escape(contact.name[language])}</strong></p>',
        _address(contact, language),
        _lines(contact, language),
        note,
        check_before_you_go(contact, language),
        "</div>",
    ]
    return "\n".join(part for part in parts if part)


def directory_cells(contacts: Sequence[Contact], language: str) -> dict[str, str]:
    """For the directory table: municipality (Albanian name) -> links to its offices' blocks on the page,
    each named by its institution (`contacts.directory.see.<body>`, else a plain "see the contact")."""
    cells: dict[str, list[str]] = {}
    for contact in contacts:
        if contact.municipality:
            key = f"contacts.directory.see.{contact.body}"
            label = t(key if key in strings() else "contacts.directory.see", language)
            cells.setdefault(contact.municipality, []).append(f'<a href="#{anchor(contact.id)}">{escape(label)}</a>')
    return {name: "<br>".join(links) for name, links in cells.items()}


# --------------------------------------------------------------------------- checks


def stray_contact_details(doc: Document) -> list[Problem]:
    """A phone number, e-mail address, tel: or mailto: link written in a page body, not through a marker."""
    problems = []
    for offset, line in enumerate(MARKER.sub("", doc.body).split("\n")):
        links = LINK_SCHEME.findall(line)
        rest = LINK_SCHEME.sub(" ", line)
        found = links + phone_numbers_in(rest) + EMAIL.findall(rest)
        for text in found:
            problems.append(Problem(doc.display_path, doc.body_line + offset, f"contact detail '{text}' in the page: "
                                    f"move it into docs/{CONTACTS_FILE} and use <!-- contact ID -->", check=CHECK))
    return problems


def marker_problems(doc: Document, contacts: Sequence[Contact]) -> list[Problem]:
    """A contact marker of a page that names no contact (or no body with contacts), with its line."""
    return [Problem(doc.display_path, use.line, f"contact marker {use.text}: {use.problem}", check=CHECK)
            for use in marker_uses(doc.body, contacts, doc.body_line) if use.problem]


def _municipality_problems(contacts: Sequence[Contact], docs_dir: Path) -> list[Problem]:
    if not any(contact.municipality for contact in contacts):
        return []
    municipalities, _ = load_directory(docs_dir)
    names = [place.sq for place in municipalities]
    shown = display_path(contacts_path(docs_dir))
    return [Problem(shown, contact.line, f"'municipality: {contact.municipality}' is not in the directory"
                    f"{_did_you_mean(contact.municipality, names)}: use the Albanian name as the directory writes it",
                    check=CHECK)
            for contact in contacts if contact.municipality and contact.municipality not in names]


def check_corpus(corpus: Corpus) -> list[Problem]:
    """The data file, the markers of every page and contact details written into pages."""
    uses_markers = any(MARKER.search(doc.body) for doc in corpus)
    if not uses_markers and not contacts_path(corpus.docs_dir).exists():
        contacts, problems = [], []
    else:
        contacts, problems = load_contacts(corpus.docs_dir, corpus.ids())
        problems += _municipality_problems(contacts, corpus.docs_dir)
    for doc in corpus:
        problems += marker_problems(doc, contacts) + stray_contact_details(doc)
    return problems


def check_docs_dir(docs_dir: Path) -> list[Problem]:
    return check_corpus(load_corpus(docs_dir))


def main(argv: Sequence[str] | None = None) -> int:
    return run_check(argv, f"Validate the contacts (docs/{CONTACTS_FILE}) and the pages that use them.", check_docs_dir)


if __name__ == "__main__":
    main_exit(main)
