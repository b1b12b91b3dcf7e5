"""Contacts in page bodies: the markers that ask for them, and contact details written by hand.

A page shows an office through a marker, never by writing its number:

    <!-- contact language-commissioner -->     one office (a contact id of docs/data/contacts.yml)
    <!-- contacts body=ombudsperson -->        every office of an institution, in the file's order

Anything else after `contact` is a malformed marker. `marker_uses` resolves each marker of a body
to the contacts it shows, or to the reason it cannot (the build stops on it, `make check`
reports it); `contact_details_in` finds what a page should not write: a phone number, an e-mail
address, a `tel:` or `mailto:` link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from scripts.checks.problems import did_you_mean
from scripts.model.contacts import EMAIL, Contact

MARKER = re.compile(r"<!--\s*contact(?P<plural>s?)\b(?P<args>[^>]*?)\s*-->")
LINK_SCHEME = re.compile(r"\b(?:tel|mailto):[^\s)\"'>]+")
# A phone number as pages might write it: a leading +, 00 or 0 and two digits, then at least six
# more digits with spaces, slashes, dots, dashes or brackets between them (038 201 14 032,
# +383 (0)44/543-889). Act numbers (03/L-047, 02/2010), dates (11.09.2020) and years do not match;
# a number written with no leading 0 or + (223 783) is not found.
PHONE_IN_TEXT = re.compile(r"(?<![\w/.-])(?:\+\s?\d|00\d|0\d\d)(?:[\s/().-]{0,3}\d){6,}")


@dataclass(frozen=True)
class MarkerUse:
    """One contact marker of a page: where it is, and the contacts it shows or why it cannot."""

    line: int
    text: str
    contact_ids: tuple[str, ...]
    problem: str = ""


def resolve(match: re.Match, line: int, contacts: Sequence[Contact], data_file: str) -> MarkerUse:
    """The contacts one marker asks for (`data_file`: the contacts file inside docs/, for the fix)."""
    args = match.group("args").split()
    text = match.group(0)
    if match.group("plural"):
        if len(args) != 1 or not args[0].startswith("body="):
            return MarkerUse(line, text, (), "write the marker as <!-- contacts body=DOC-ID -->")
        body = args[0][len("body="):]
        found = tuple(contact.id for contact in contacts if contact.body == body)
        if not found:
            bodies = sorted({contact.body for contact in contacts})
            return MarkerUse(line, text, (), f"no contact in {data_file} has 'body: {body}'"
                                             f"{did_you_mean(body, bodies)}: add one there or fix the marker")
        return MarkerUse(line, text, found)
    if len(args) != 1:
        return MarkerUse(line, text, (), "write the marker as <!-- contact ID --> with one contact id")
    ids = [contact.id for contact in contacts]
    if args[0] not in ids:
        return MarkerUse(line, text, (), f"unknown contact '{args[0]}'{did_you_mean(args[0], ids)}: "
                                         f"use an id of docs/{data_file}")
    return MarkerUse(line, text, (args[0],))


def marker_uses(body: str, contacts: Sequence[Contact], data_file: str, first_line: int = 1) -> list[MarkerUse]:
    """Every contact marker of a page body, with its line."""
    return [resolve(match, first_line + body.count("\n", 0, match.start()), contacts, data_file)
            for match in MARKER.finditer(body)]


def phone_numbers_in(text: str) -> list[str]:
    """Phone numbers written in a text (see PHONE_IN_TEXT)."""
    return [match.group(0).strip() for match in PHONE_IN_TEXT.finditer(text)]


def contact_details_in(line: str) -> list[str]:
    """The `tel:` and `mailto:` links, phone numbers and e-mail addresses written in a line of a page
    (markers left out), in that order."""
    line = MARKER.sub("", line)
    links = LINK_SCHEME.findall(line)
    rest = LINK_SCHEME.sub(" ", line)
    return links + phone_numbers_in(rest) + EMAIL.findall(rest)
