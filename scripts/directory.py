"""The directory of municipal offices: docs/data/municipal-offices.yml, checked and rendered as a table.

The data file is the single source (published with the site for download); each language's
directory page holds the marker `<!-- municipal-offices -->`, which the content hook replaces with
the table, a filter box (overrides/assets/javascripts/directory-filter.js) and a download link.

    python -m scripts.directory [--docs-dir docs]     # validate the data file
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Sequence

from scripts.data_files import DATA_DIR, Entry, text_problems, valid_entries
from scripts.problems import Problem, main_exit, run_check
from scripts.ui_strings import t

DIRECTORY_FILE = f"{DATA_DIR}/municipal-offices.yml"
MARKER = "<!-- municipal-offices -->"
OFFICE_TYPES = ("mocr", "similar")  # an established office, or a similar office not counted as one
SR_FORMS = ("transliteration",)  # a Serbian name the source does not give: the project's own
KEYS = ("sq", "sr", "office", "also", "sr_form")


@dataclass(frozen=True)
class Municipality:
    """One municipality with its names and the kind of office it has."""

    sq: str
    sr: str
    office: str
    also: tuple[str, ...] = ()
    sr_transliterated: bool = False
    line: int = 0


def directory_path(docs_dir: Path) -> Path:
    return Path(docs_dir) / DIRECTORY_FILE


def validate_entry(entry: Entry, shown: str) -> list[Problem]:
    """The schema of one municipality: two names, an office type, optional other names."""
    values = entry.values
    problems = text_problems(entry, shown, ("sq", "sr"), "a municipality")
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
    for key in values:
        if key not in KEYS:
            problems.append(Problem(shown, entry.line_of(key), f"unknown key '{key}': use {', '.join(KEYS)}"))
    return problems


def load_directory(docs_dir: Path) -> tuple[list[Municipality], list[Problem]]:
    """Every municipality of the data file, and every problem with file and line."""
    entries, problems, shown = valid_entries(directory_path(docs_dir), "municipalities", validate_entry)
    municipalities: list[Municipality] = []
    seen: dict[str, int] = {}
    for entry in entries:
        values = entry.values
        name = values["sq"]
        if name in seen:
            problems.append(Problem(shown, entry.line, f"'{name}' is listed twice (also on line {seen[name]}): keep one entry"))
            continue
        seen[name] = entry.line
        municipalities.append(
            Municipality(name, values["sr"], values["office"], tuple(values.get("also", ())), "sr_form" in values, entry.line)
        )
    return municipalities, sorted(Problem(p.path, p.line, p.message, p.severity, "directory") for p in problems)


def check_directory(docs_dir: Path) -> list[Problem]:
    return load_directory(docs_dir)[1]


def _row(place: Municipality, language: str) -> str:
    sq = escape(place.sq) + "".join(f" ({escape(name)})" for name in place.also)
    sr = escape(place.sr)
    if place.sr_transliterated:
        sr += f'<span class="crch-note-mark" title="{escape(t("directory.transliteration", language))}">*</span>'
    office = escape(t(f"directory.office.{place.office}", language))
    return f'<tr data-office="{place.office}"><td lang="sq">{sq}</td><td lang="sr-Latn">{sr}</td><td>{office}</td></tr>'


def render_table(municipalities: Sequence[Municipality], language: str) -> str:
    """The directory as one HTML block (no blank lines, so Markdown passes it through untouched)."""
    label = escape(t("directory.filter", language))
    head = "".join(f'<th scope="col">{escape(t(f"directory.column.{c}", language))}</th>' for c in ("sq", "sr", "office"))
    rows = "\n".join(_row(place, language) for place in municipalities)
    note = ""
    if any(place.sr_transliterated for place in municipalities):
        note = f'<p class="crch-directory-note">* {escape(t("directory.transliteration", language))}</p>'
    return (
        '<div class="crch-directory" data-crch-directory>\n'
        f'<p class="crch-directory-filter" hidden><label for="crch-directory-filter">{label}</label> '
        '<input id="crch-directory-filter" type="search" autocomplete="off" data-crch-directory-filter></p>\n'
        f'<table>\n<caption>{escape(t("directory.caption", language))}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n'
        f'<p class="crch-directory-empty" hidden data-crch-directory-empty>{escape(t("directory.empty", language))}</p>\n'
        f"{note}\n</div>"
    )


def download_link(src_uri: str, language: str) -> str:
    """A Markdown link from a page to the data file, so MkDocs checks it and maps it per language."""
    depth = len(Path(src_uri).parts) - 1
    return f"[{t('directory.download', language)}]({'../' * depth}{DIRECTORY_FILE})"


def replace_marker(markdown: str, municipalities: Sequence[Municipality], src_uri: str, language: str) -> str:
    """The page's marker replaced by the table and the download link; other pages unchanged."""
    if MARKER not in markdown:
        return markdown
    block = f"\n\n{render_table(municipalities, language)}\n\n{download_link(src_uri, language)}\n\n"
    return markdown.replace(MARKER, block)


def main(argv: Sequence[str] | None = None) -> int:
    return run_check(argv, f"Validate the directory of municipal offices (docs/{DIRECTORY_FILE}).", check_directory)


if __name__ == "__main__":
    main_exit(main)
