"""The directory of municipal offices: docs/data/municipal-offices.yml, read and checked.

The data file is the single source (published with the site for download); each language's
directory page holds the marker `<!-- municipal-offices -->`, which becomes a table
(scripts/render/directory.py). A municipality is listed once: two entries whose Albanian or whose
Serbian names fold to the same search form (case, accents, Cyrillic: scripts/search/folding.py)
are the same place written twice. A contact of docs/data/contacts.yml with `municipality:` is an
office of that municipality: the table's last column links it (`offices_by_municipality`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from scripts.checks.problems import Problem, did_you_mean
from scripts.model.contacts import Contact
from scripts.model.data_files import Entry, text_problems, unknown_keys, valid_entries
from scripts.search.folding import fold

MARKER = "<!-- municipal-offices -->"
OFFICE_TYPES = ("mocr", "similar")  # an established office, or a similar office not counted as one
# A Serbian name the source does not give is the project's own: a transliteration of the Albanian
# name, or a translation (the source gives the name only in Albanian and English).
SR_FORMS = ("transliteration", "translation")
KEYS = ("sq", "sr", "office", "also", "sr_form")
NAME_KEYS = ("sq", "sr")  # the names a municipality is known by, one per language of the file


@dataclass(frozen=True)
class Municipality:
    """One municipality with its names and the kind of office it has."""

    sq: str
    sr: str
    office: str
    also: tuple[str, ...] = ()
    sr_form: str = ""  # one of SR_FORMS when the Serbian name is the project's own
    line: int = 0

    @property
    def sr_transliterated(self) -> bool:
        return self.sr_form == "transliteration"


def validate_entry(entry: Entry, shown: str) -> list[Problem]:
    """The schema of one municipality: two names, an office type, optional other names."""
    values = entry.values
    problems = text_problems(entry, shown, NAME_KEYS, "a municipality")
    if values.get("office") not in OFFICE_TYPES:
        problems.append(
            Problem(shown, entry.line_of("office"), f"'office' must be one of {', '.join(OFFICE_TYPES)} (got {values.get('office')!r})")
        )
    also = values.get("also", [])
    if not isinstance(also, list) or not all(isinstance(name, str) and name.strip() for name in also):
        problems.append(Problem(shown, entry.line_of("also"), "'also' must be a list of names, e.g. also: [Mamuşa]"))
    if "sr_form" in values and values["sr_form"] not in SR_FORMS:
        problems.append(
            Problem(shown, entry.line_of("sr_form"), f"'sr_form' must be {' or '.join(SR_FORMS)} (got {values['sr_form']!r})")
        )
    return problems + unknown_keys(entry, shown, KEYS)


def load_directory(path: Path) -> tuple[list[Municipality], list[Problem]]:
    """Every municipality of the data file, and every problem with file and line."""
    entries, problems, shown = valid_entries(path, "municipalities", validate_entry)
    municipalities: list[Municipality] = []
    seen: dict[tuple[str, str], tuple[str, int]] = {}  # (name key, folded name) -> (name as written, line)
    for entry in entries:
        values = entry.values
        folded = [(key, fold(values[key])) for key in NAME_KEYS]
        twice = next(((key, seen[(key, name)]) for key, name in folded if (key, name) in seen), None)
        if twice is not None:
            key, (written, line) = twice
            also = f"also on line {line}" + (f" as '{written}'" if written != values[key] else "")
            problems.append(Problem(shown, entry.line_of(key), f"'{values[key]}' is listed twice ({also}): keep one entry"))
            continue
        for key, name in folded:
            seen[(key, name)] = (values[key], entry.line)
        municipalities.append(
            Municipality(values["sq"], values["sr"], values["office"], tuple(values.get("also", ())),
                         values.get("sr_form", ""), entry.line)
        )
    return municipalities, sorted(Problem(p.path, p.line, p.message, p.severity, "directory") for p in problems)


def offices_by_municipality(contacts: Sequence[Contact]) -> dict[str, list[Contact]]:
    """The contacts of each municipality's offices, by the municipality's Albanian name (file order)."""
    offices: dict[str, list[Contact]] = {}
    for contact in contacts:
        if contact.municipality:
            offices.setdefault(contact.municipality, []).append(contact)
    return offices


def municipality_problems(contacts: Sequence[Contact], municipalities: Sequence[Municipality], shown: str) -> list[Problem]:
    """A contact whose `municipality` is not a municipality of the directory (`shown`: the contacts file)."""
    names = [place.sq for place in municipalities]
    return [Problem(shown, contact.line, f"'municipality: {contact.municipality}' is not in the directory"
                                         f"{did_you_mean(contact.municipality, names)}: use the Albanian name as "
                                         "the directory writes it", check="contacts")
            for contact in contacts if contact.municipality and contact.municipality not in names]
