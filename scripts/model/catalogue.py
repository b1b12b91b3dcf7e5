"""The open-data catalogue: every document as a reader of one language gets it, and their relations.

One record per document and language, from the corpus, the rule of scripts/model/served.py (a
document missing in a language is listed with the original served there), the translation
report and the review rule (scripts/model/review.py). Field names follow the ELI ontology
(European Legislation Identifier, http://data.europa.eu/eli/ontology#) where it has the concept,
and each such field names its ELI property (`rdfType` in the data package); the others are the
project's own. ELI identifiers themselves are never made up: only an act's official publisher
may mint one, so `id_local` holds the act's number as the sources give it.

The same `FIELDS` describe the JSON, the CSV and the data package, so the three cannot drift.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from scripts.cyrillic.latin_spans import strip_markers
from scripts.model.documents import Corpus, Document
from scripts.model.relations import relation_graph
from scripts.model.review import review_of
from scripts.model.served import served_documents
from scripts.model.site_address import SiteAddress
from scripts.model.translations import report_for

ELI = "http://data.europa.eu/eli/ontology#"
LIST_SEPARATOR = " | "  # between the values of a list in a CSV cell (never inside a value we write)
MISSING_VALUES = ("", "unknown")  # 'unknown': the sources give no date (front matter's own word)


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type of the JSON value: string, date, boolean, array, object
    eli: str = ""  # the ELI property it stands for, if any
    csv: bool = True  # also a CSV column (lists joined with LIST_SEPARATOR, as strings)
    required: bool = False

    @property
    def csv_type(self) -> str:
        return "string" if self.type in ("array", "object") else self.type


FIELDS = (
    Field("id", "string", required=True),
    Field("language", "string", ELI + "language", required=True),
    Field("type_document", "string", ELI + "type_document", required=True),
    Field("title", "string", ELI + "title", required=True),
    Field("summary", "string", required=True),
    Field("id_local", "string", ELI + "id_local"),
    Field("passed_by", "string", ELI + "passed_by"),
    Field("date_document", "date", ELI + "date_document"),
    Field("date_publication", "date", ELI + "date_publication"),
    Field("first_date_entry_in_force", "date", ELI + "first_date_entry_in_force"),
    Field("date_no_longer_in_force", "date", ELI + "date_no_longer_in_force"),
    Field("in_force", "string", ELI + "in_force"),
    Field("is_about", "array", ELI + "is_about"),
    Field("communities", "array"),
    Field("unverified", "array"),
    Field("sources", "array", csv=False),
    Field("source_urls", "array"),
    Field("relations", "object", csv=False),
    Field("path", "string", required=True),
    Field("url", "string"),
    Field("translation_state", "string", required=True),
    Field("original_language", "string", required=True),
    Field("machine_translation", "boolean", required=True),
    Field("last_reviewed", "date", required=True),
)
CSV_FIELDS = tuple(field for field in FIELDS if field.csv)
# Front matter -> field, for the fields that are copied as they are.
FRONT_MATTER = {"number": "id_local", "issuer": "passed_by", "date_adopted": "date_document",
                "date_published": "date_publication", "date_in_force": "first_date_entry_in_force",
                "date_expires": "date_no_longer_in_force", "status": "in_force", "tags": "is_about",
                "communities": "communities", "unverified": "unverified"}  # fmt: skip
UNVERIFIED_FIELDS = {key: FRONT_MATTER.get(key, key) for key in ("number", "issuer", "date_adopted", "date_published",
                                                                  "date_in_force", "date_expires", "status")}

RELATION_FIELDS = ("id", "relation", "target_id", "eli_relation", "title", "target_title", "path", "target_path")
# Our relation names and the ELI property each is (none where ELI has no property that says the same).
ELI_RELATIONS = {"based_on": ELI + "based_on", "amends": ELI + "amends", "replaces": ELI + "changes",
                 "related": ELI + "related_to", "implements": ""}  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _sources(doc: Document) -> list[dict[str, Any]]:
    found = []
    for source in doc.meta.get("sources") or []:
        if isinstance(source, dict):
            found.append({"title": strip_markers(str(source.get("title", ""))), "url": str(source.get("url") or ""),
                          "secondary": source.get("note") == "secondary"})
    return found


def catalogue(corpus: Corpus, language: str, address: SiteAddress = SiteAddress()) -> list[dict[str, Any]]:
    """Every document as a reader of `language` gets it, as records of FIELDS (JSON values)."""
    report = report_for(corpus)
    graph = relation_graph(corpus, language)
    records = []
    for doc in served_documents(corpus, language):
        entry = report.entry(language, doc.id)
        review = review_of(corpus, doc, language)
        path = corpus.site_path(doc, language) or "./"  # the default language's home is the site root
        record: dict[str, Any] = {field.name: None for field in FIELDS}
        record.update(id=doc.id, language=corpus.languages[doc.language].html_lang, type_document=doc.type,
                      title=strip_markers(doc.title), summary=strip_markers(doc.summary))
        for key, name in FRONT_MATTER.items():
            if key in doc.meta:
                record[name] = _plain(doc.meta[key])
        if record["unverified"]:
            record["unverified"] = [UNVERIFIED_FIELDS.get(key, key) for key in record["unverified"]]
        for name in ("is_about", "communities", "unverified"):
            record[name] = record[name] or []
        sources = _sources(doc)
        record.update(sources=sources, source_urls=[s["url"] for s in sources if s["url"]],
                      relations=graph.relations_of(doc.id), path=path, url=address.url(path.removeprefix("./")),
                      translation_state=entry.state if entry else "original",
                      original_language=corpus.languages[entry.original.language if entry and entry.original
                                                         else doc.language].html_lang,
                      machine_translation=review.machine, last_reviewed=review.iso_date or None)
        records.append(record)
    return records


def csv_row(record: dict[str, Any]) -> list[str]:
    """A record as the CSV's cells: lists joined, booleans as true/false, nothing as ''."""
    cells = []
    for field in CSV_FIELDS:
        value = record.get(field.name)
        if isinstance(value, list):
            value = LIST_SEPARATOR.join(str(item) for item in value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        cells.append("" if value is None else str(value))
    return cells


def relation_rows(corpus: Corpus, language: str) -> list[list[str]]:
    """Each relation written in front matter, once, in the direction it is stated from (A amends B,
    never also B amended_by A), between the documents a reader of `language` gets."""
    graph = relation_graph(corpus, language)
    facts = sorted({relation.canonical() for relation in graph.written})
    rows = []
    for source, name, target in facts:
        first, second = graph.pages.get(source), graph.pages.get(target)
        rows.append([source, name, target, ELI_RELATIONS.get(name, ""), strip_markers(first.title) if first else "",
                     strip_markers(second.title) if second else "", corpus.site_path(first, language) if first else "",
                     corpus.site_path(second, language) if second else ""])
    return rows
