"""The contacts of offices: docs/data/contacts.yml, read and checked.

A changed phone number is edited once, in the data file (published with the site for download);
pages never write one themselves but place a contact marker (scripts/model/contact_markers.py),
which the build replaces with the office's block in the reader's language
(scripts/render/contacts.py). Each contact is one office of an institution as one source
published it: its names, address, phones (as printed, and the E.164 number a phone dials),
e-mail and web addresses, and the source's address and date, so every block can say "check
before you go". The file's header explains each field; `validator` is its schema.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from scripts.checks.problems import Problem, did_you_mean
from scripts.model.data_files import Entry, unknown_keys, valid_entries
from scripts.model.languages import Languages
from scripts.model.schema import KEBAB_CASE

CHECK = "contacts"
LIST_KEY = "contacts"
KEYS = ("id", "body", "name", "address", "phones", "emails", "web", "source", "source_date", "source_note",
        "secondary", "note", "municipality")
PHONE_KEYS = ("text", "tel")
UNDATED = "undated"
KOSOVO_CODE = "383"
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"^https?://\S+$")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")  # 2019 or 2019-09, when the source shows no day


@dataclass(frozen=True)
class Phone:
    """A number as the source prints it, and the E.164 number a phone dials."""

    text: str
    tel: str


@dataclass(frozen=True)
class Contact:
    """One office of an institution, as one source published it."""

    id: str
    body: str  # the document id of the institution's page
    name: Mapping[str, str]  # language -> text, in every language
    source: str
    source_date: str  # 2020-10-08, 2019-09, 2017, or UNDATED
    address: Mapping[str, str] = field(default_factory=dict)  # language -> text, in the languages the source gives
    phones: tuple[Phone, ...] = ()
    emails: tuple[str, ...] = ()
    web: tuple[str, ...] = ()
    source_note: Mapping[str, str] = field(default_factory=dict)  # what dates an undated source
    secondary: bool = False
    note: Mapping[str, str] = field(default_factory=dict)  # contradictions, older versions
    municipality: str = ""  # a municipal office's municipality, by its Albanian name in the directory
    line: int = 0


# --------------------------------------------------------------------------- phone numbers


def dialable(text: str) -> str | None:
    """The E.164 form of a published number, or None when it cannot be told.

    A number written inside Kosovo (038 201 14 032) gets the country code +383; "(0)" after a
    country code is the trunk prefix and is dropped (+383 (0)44 543 889 -> +38344543889). A number
    printed without its area code (223 783) cannot be told: the data file gives its `tel` itself.
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


# --------------------------------------------------------------------------- the schema


def _texts(entry: Entry, shown: str, key: str, languages: Languages, required: bool, every_language: bool) -> list[Problem]:
    """A `{sq: …, sr: …, en: …}` mapping of non-empty texts (in every language, or in some)."""
    value = entry.values.get(key)
    line = entry.line_of(key)
    codes = languages.codes
    example = ", ".join(f"{code}: …" for code in codes)
    if value is None:
        return [Problem(shown, line, f"a contact needs '{key}: {{{example}}}'")] if required else []
    if not isinstance(value, dict) or not value:
        return [Problem(shown, line, f"'{key}' must be a mapping of languages to text, e.g. {key}: {{{example}}}")]
    problems = []
    for language, text in value.items():
        if language not in languages:
            problems.append(Problem(shown, line, f"'{key}' has an unknown language '{language}': use "
                                                 f"{', '.join(codes)}{did_you_mean(str(language), codes)}"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(shown, line, f"'{key}.{language}' must be non-empty text"))
    missing = [code for code in codes if code not in value]
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
    if isinstance(value, dt.date) or (isinstance(value, int) and not isinstance(value, bool) and 1900 < value < 2200):
        return []
    if isinstance(value, str) and (PARTIAL_DATE.match(value) or value == UNDATED):
        if value == UNDATED and "source_note" not in entry.values:
            return [Problem(shown, line, f"an '{UNDATED}' contact needs a 'source_note' in every language: "
                                         "where the details appear and what dates the page around them")]
        return []
    return [Problem(shown, line, f"'source_date' must be a date like 2020-10-08, 2019-09 or 2017, or "
                                 f"'{UNDATED}' (got {value!r})")]


def _addresses(entry: Entry, shown: str) -> list[Problem]:
    """The e-mail and web addresses, and the source's."""
    values = entry.values
    problems = []
    emails = values.get("emails", [])
    if not _list_of_text(emails) or any(not EMAIL.fullmatch(email) for email in emails):
        problems.append(Problem(shown, entry.line_of("emails"), "'emails' must be a list of readable addresses, "
                                "e.g. emails: [office@example.org]; leave out an address the source hides"))
    web = values.get("web", [])
    if not (isinstance(web, str) and web.strip()) and not _list_of_text(web):
        problems.append(Problem(shown, entry.line_of("web"), "'web' must be the address as published, or a list of them"))
    source = values.get("source")
    if not isinstance(source, str) or not URL.match(source):
        problems.append(Problem(shown, entry.line_of("source"), "a contact needs 'source': the address "
                                "(https://… or http://…) of the page that published these details"))
    return problems


def validator(languages: Languages):
    """The schema of one contact (see the header of docs/data/contacts.yml)."""

    def validate_entry(entry: Entry, shown: str) -> list[Problem]:
        values = entry.values
        problems = unknown_keys(entry, shown, KEYS)
        for key, example in (("id", "ombudsperson-head-office"), ("body", "ombudsperson")):
            if not isinstance(values.get(key), str) or not KEBAB_CASE.match(values[key]):
                problems.append(Problem(shown, entry.line_of(key), f"a contact needs '{key}' in kebab-case, e.g. {key}: {example}"))
        problems += _texts(entry, shown, "name", languages, required=True, every_language=True)
        problems += _texts(entry, shown, "address", languages, required=False, every_language=False)
        problems += _texts(entry, shown, "note", languages, required=False, every_language=True)
        problems += _texts(entry, shown, "source_note", languages, required=False, every_language=True)
        problems += _phones(entry, shown) + _addresses(entry, shown) + _source_date(entry, shown)
        if not isinstance(values.get("secondary", False), bool):
            problems.append(Problem(shown, entry.line_of("secondary"), "'secondary' must be true or false"))
        if "municipality" in values and not (isinstance(values["municipality"], str) and values["municipality"].strip()):
            problems.append(Problem(shown, entry.line_of("municipality"), "'municipality' must be the Albanian name "
                                    "of a municipality of the directory, e.g. municipality: Zveçan"))
        return problems

    return validate_entry


# --------------------------------------------------------------------------- loading


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


def load_contacts(path: Path, languages: Languages, document_ids: Iterable[str] | None = None
                  ) -> tuple[list[Contact], list[Problem]]:
    """Every contact of the data file, and every problem with file and line.

    With `document_ids`, a `body` that names no document is a problem too (`make check`; the build
    leaves it out: it does not change what a page shows).
    """
    entries, problems, shown = valid_entries(path, LIST_KEY, validator(languages))
    known = sorted(document_ids) if document_ids is not None else None
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
                                    f"{did_you_mean(contact.body, known)}: use the id of the institution's page"))
        contacts.append(contact)
    return contacts, sorted(Problem(p.path, p.line, p.message, p.severity, CHECK) for p in problems)
