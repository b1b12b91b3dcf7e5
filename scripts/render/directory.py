"""The directory of municipal offices as an HTML table in the reader's language, with a filter box
(overrides/assets/javascripts/directory-filter.js; without JavaScript the whole table shows) and a
link to download the data file. Given the contacts, a last column links each municipality's known
offices to their blocks on the page (scripts/render/contacts.py), or says none is known. Every name
from the data files is escaped."""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath
from typing import Mapping, Sequence

from scripts.model.contacts import Contact
from scripts.model.directory import MARKER, SR_FORMS, Municipality, offices_by_municipality
from scripts.render.contacts import link_to_block
from scripts.render.reader import Reader

SR_FORM_MARKS = {"transliteration": "*", "translation": "†"}  # the note under the table explains each
# The filter box's script, which only a page with the directory loads (scripts/site/assets.py): such
# a page is told by this attribute of the directory's block.
FILTER_SCRIPT = "assets/javascripts/directory-filter.js"
PAGE_MARKER = "data-crch-directory"



def _contact_cell(place: Municipality, offices: Mapping[str, Sequence[Contact]], reader: Reader) -> str:
    links = [link_to_block(contact, reader) for contact in offices.get(place.sq, ())]
    return f'<td>{"<br>".join(links) or escape(reader.t("contacts.directory.none"))}</td>'


def _row(place: Municipality, reader: Reader, offices: Mapping[str, Sequence[Contact]] | None) -> str:
    sq = escape(place.sq) + "".join(f" ({escape(name)})" for name in place.also)
    sr = escape(place.sr)
    if place.sr_form:
        note = escape(reader.t(f"directory.{place.sr_form}"))
        sr += f'<span class="crch-note-mark" title="{note}">{SR_FORM_MARKS[place.sr_form]}</span>'
    office = escape(reader.t(f"directory.office.{place.office}"))
    contact = _contact_cell(place, offices, reader) if offices is not None else ""
    return (f'<tr data-office="{place.office}"><td lang="{reader.html_lang("sq")}">{sq}</td>'
            f'<td lang="{reader.html_lang("sr")}">{sr}</td><td>{office}</td>{contact}</tr>')


def render_table(municipalities: Sequence[Municipality], reader: Reader, contacts: Sequence[Contact] | None = None) -> str:
    """The directory as one HTML block (no blank lines, so Markdown passes it through untouched);
    with `contacts`, the column of known contacts."""
    label = escape(reader.t("directory.filter"))
    columns = [reader.t(f"directory.column.{c}") for c in ("sq", "sr", "office")]
    offices = offices_by_municipality(contacts) if contacts is not None else None
    if offices is not None:
        columns.append(reader.t("contacts.directory.column"))
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in columns)
    rows = "\n".join(_row(place, reader, offices) for place in municipalities)
    used = [form for form in SR_FORMS if any(place.sr_form == form for place in municipalities)]
    note = "".join(f'<p class="crch-directory-note">{SR_FORM_MARKS[form]} {escape(reader.t(f"directory.{form}"))}</p>'
                   for form in used)
    return (
        f'<div class="crch-directory" {PAGE_MARKER}>\n'
        f'<p class="crch-directory-filter" hidden><label for="crch-directory-filter">{label}</label> '
        '<input id="crch-directory-filter" type="search" autocomplete="off" data-crch-directory-filter></p>\n'
        f'<table>\n<caption>{escape(reader.t("directory.caption"))}</caption>\n<thead><tr>{head}</tr></thead>\n'
        f'<tbody>\n{rows}\n</tbody>\n</table>\n'
        f'<p class="crch-directory-empty" hidden data-crch-directory-empty>{escape(reader.t("directory.empty"))}</p>\n'
        f"{note}\n</div>"
    )


def download_link(reader: Reader, data_file: str) -> str:
    """A Markdown link from the page to the data file (its path inside docs/), so MkDocs checks it."""
    depth = len(PurePosixPath(reader.page_rel_path).parts)  # the language folder, then the page's folders
    return f"[{reader.t('directory.download')}]({'../' * depth}{data_file})"


def replace_marker(markdown: str, municipalities: Sequence[Municipality], reader: Reader, data_file: str,
                   contacts: Sequence[Contact] | None = None) -> str:
    """The page's marker replaced by the table and the download link; other pages unchanged."""
    if MARKER not in markdown:
        return markdown
    block = f"\n\n{render_table(municipalities, reader, contacts)}\n\n{download_link(reader, data_file)}\n\n"
    return markdown.replace(MARKER, block)
