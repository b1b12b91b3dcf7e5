"""The Data page's tables, from the files the build publishes (scripts/site/open_data.py).

The page places markers where each table goes:

    <!-- open-data downloads -->      the catalogue, relations and feed in the reader's language
    <!-- open-data languages -->      the same files in the other languages
    <!-- open-data descriptions -->   the Data Package and the DCAT-AP catalogue
    <!-- open-data files -->          the data files under docs/data/, whatever it holds
    <!-- open-data fields -->         the catalogue's and the relations' fields, with their ELI property

Each table is one HTML block (no blank line inside, so Markdown passes it through), links are
relative to the page, and every text is escaped. A marker naming another table stops the build
with the page's file and line.
"""

from __future__ import annotations

import re
from html import escape
from typing import Sequence

from babel.numbers import format_decimal

from scripts.checks.problems import Problem
from scripts.model.catalogue import ELI, FIELDS, RELATION_FIELDS
from scripts.model.documents import Document
from scripts.render.dataset import MEDIA_TYPES, PublishedFile
from scripts.render.reader import Reader

MARKER = re.compile(r"<!--\s*open-data\s+(?P<part>[\w-]+)\s*-->")
FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "yaml": "YAML", "atom": "Atom", "jsonld": "JSON-LD"}
CONTENTS = {"documents": "open-data.documents", "relations": "open-data.relations", "feed": "open-data.feed",
            "datapackage": "open-data.datapackage", "dcat": "open-data.dcat"}  # fmt: skip


def _contents(file: PublishedFile, reader: Reader) -> str:
    key = CONTENTS.get(file.kind, f"open-data.file.{file.kind}")
    text = reader.t(key)
    return reader.t("open-data.file.other") if text == key else text  # a data file without its own words


def _table(caption: str, head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    cells = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (f'<table class="crch-data-table">\n<caption>{escape(caption)}</caption>\n'
            f"<thead><tr>{cells}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>")


def _file_rows(files: Sequence[PublishedFile], reader: Reader) -> list[list[str]]:
    rows = []
    for file in files:
        name = file.site_path.rsplit("/", 1)[-1]
        size = reader.t("open-data.bytes").format(
            size=format_decimal(len(file.content), locale=reader.languages[reader.language].babel_locale))
        rows.append([f'<a href="{escape(reader.file_url(file.site_path))}">'
                     f"<code>{escape(name)}</code></a>", escape(FORMAT_NAMES[file.format]),
                     escape(_contents(file, reader)), escape(size)])
    return rows


def _file_head(reader: Reader) -> list[str]:
    return [reader.t(f"open-data.column.{c}") for c in ("file", "format", "contents", "size")]


def downloads(files: Sequence[PublishedFile], reader: Reader) -> str:
    own = [f for f in files if f.language == reader.language]
    return _table(reader.t("open-data.caption.downloads"), _file_head(reader), _file_rows(own, reader))


def other_languages(files: Sequence[PublishedFile], reader: Reader) -> str:
    rows = []
    for language in reader.languages.with_editions:  # an edition's row: its feed, when the build makes it
        if language.code == reader.language:
            continue
        links = " · ".join(f'<a href="{escape(reader.file_url(f.site_path))}" hreflang="{escape(language.html_lang)}">'
                           f"<code>{escape(f.site_path.rsplit('/', 1)[-1])}</code></a>"
                           for f in files if f.language == language.code)
        if not links:
            continue
        rows.append([f'<span lang="{escape(language.html_lang)}">{escape(language.name)}</span>', links])
    head = [reader.t("translations.status.language"), reader.t("open-data.column.file")]
    return _table(reader.t("open-data.caption.other-languages"), head, rows)


def descriptions(files: Sequence[PublishedFile], reader: Reader) -> str:
    found = [f for f in files if f.kind in ("datapackage", "dcat")]
    return _table(reader.t("open-data.caption.description"), _file_head(reader), _file_rows(found, reader))


def data_files(files: Sequence[PublishedFile], reader: Reader) -> str:
    found = [f for f in files if not f.generated]
    return _table(reader.t("open-data.caption.files"), _file_head(reader), _file_rows(found, reader))


def fields(reader: Reader) -> str:
    def eli(uri: str) -> str:
        return f"<code>eli:{escape(uri.removeprefix(ELI))}</code>" if uri else ""

    head = [reader.t(f"open-data.column.{c}") for c in ("field", "eli", "meaning")]
    rows = [[f"<code>{escape(field.name)}</code>", eli(field.eli),
             escape(reader.t(f"open-data.field.{field.name}"))
             + ("" if field.csv else f" ({escape(reader.t('open-data.json-only'))})")] for field in FIELDS]
    relation_rows = [[f"<code>{escape(name)}</code>", escape(reader.t(f"open-data.relation-field.{name}"))]
                     for name in RELATION_FIELDS]
    notes = f'<p>{escape(reader.t("open-data.dates-unknown"))} {escape(reader.t("open-data.lists"))}</p>'
    relation_head = [head[0], head[2]]
    return (_table(reader.t("open-data.caption.fields"), head, rows) + "\n" + notes + "\n"
            + _table(reader.t("open-data.caption.relation-fields"), relation_head, relation_rows))


PARTS = {"downloads": downloads, "languages": other_languages, "descriptions": descriptions, "files": data_files}


def marker_problems(doc: Document) -> list[Problem]:
    """Markers naming a table that does not exist, on their line."""
    problems = []
    for number, line in enumerate(doc.body.split("\n"), start=doc.body_line):
        for match in MARKER.finditer(line):
            if match["part"] not in (*PARTS, "fields"):
                problems.append(Problem(doc.display_path, number, f"unknown open-data table '{match['part']}': "
                                                                  f"use one of {', '.join([*PARTS, 'fields'])}"))
    return problems


def replace_markers(markdown: str, files: Sequence[PublishedFile], reader: Reader) -> str:
    """The page's open-data markers replaced by their tables (other pages unchanged)."""
    if "open-data" not in markdown:
        return markdown

    def table(match: re.Match) -> str:
        part = match["part"]
        html = fields(reader) if part == "fields" else PARTS[part](files, reader)
        return f"\n\n{html}\n\n"

    return MARKER.sub(table, markdown)

