"""The directory of municipal offices as an HTML table in the reader's language, with a filter box
(overrides/assets/javascripts/directory-filter.js; without JavaScript the whole table shows) and a
link to download the data file. Every name from the data file is escaped."""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath
from typing import Sequence

from scripts.model.directory import MARKER, Municipality
from scripts.render.reader import Reader

# The filter box's script, which only a page with the directory loads (scripts/site/assets.py): such
# a page is told by this attribute of the directory's block.
FILTER_SCRIPT = "assets/javascripts/directory-filter.js"
PAGE_MARKER = "data-crch-directory"


def _row(place: Municipality, reader: Reader) -> str:
    sq = escape(place.sq) + "".join(f" ({escape(name)})" for name in place.also)
    sr = escape(place.sr)
    if place.sr_transliterated:
        sr += f'<span class="crch-note-mark" title="{escape(reader.t("directory.transliteration"))}">*</span>'
    office = escape(reader.t(f"directory.office.{place.office}"))
    return (f'<tr data-office="{place.office}"><td lang="{reader.html_lang("sq")}">{sq}</td>'
            f'<td lang="{reader.html_lang("sr")}">{sr}</td><td>{office}</td></tr>')


def render_table(municipalities: Sequence[Municipality], reader: Reader) -> str:
    """The directory as one HTML block (no blank lines, so Markdown passes it through untouched)."""
    label = escape(reader.t("directory.filter"))
    head = "".join(f'<th scope="col">{escape(reader.t(f"directory.column.{c}"))}</th>' for c in ("sq", "sr", "office"))
    rows = "\n".join(_row(place, reader) for place in municipalities)
    note = ""
    if any(place.sr_transliterated for place in municipalities):
        note = f'<p class="crch-directory-note">* {escape(reader.t("directory.transliteration"))}</p>'
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


def replace_marker(markdown: str, municipalities: Sequence[Municipality], reader: Reader, data_file: str) -> str:
    """The page's marker replaced by the table and the download link; other pages unchanged."""
    if MARKER not in markdown:
        return markdown
    block = f"\n\n{render_table(municipalities, reader)}\n\n{download_link(reader, data_file)}\n\n"
    return markdown.replace(MARKER, block)
