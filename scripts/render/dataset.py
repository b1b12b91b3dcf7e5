"""Machine-readable descriptions of the site's open data: a Frictionless Data Package
(`data/datapackage.json`: every table with its fields, types, sizes and hashes, which
`frictionless validate` checks) and a DCAT-AP catalogue in JSON-LD (`data/dcat.jsonld`, what
open-data portals harvest).

Both are written from the list of published files (scripts/site/open_data.py) and the catalogue's
`FIELDS` (scripts/model/catalogue.py), so they describe exactly what is published. Neither names
a licence: the project has not chosen one, and a made-up licence would mislead. Addresses are
absolute when the site has one, else relative to the description's own file (both formats
resolve them against it). Dates come from front matter: two builds give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from scripts.model.catalogue import CSV_FIELDS, FIELDS, MISSING_VALUES, RELATION_FIELDS, Field
from scripts.model.languages import Languages
from scripts.model.links import relative_file_url
from scripts.model.schema import DOCUMENT_TYPES, RELATION_NAMES, STATUSES
from scripts.model.site_address import SiteAddress
from scripts.model.strings import Strings
from scripts.model.translations import STATES

DESCRIPTION_LANGUAGE = "en"  # the data package's titles and descriptions (DCAT's are in every language)
DATA_DIR = "data"  # where the descriptions are, from the site root
PACKAGE_NAME = "community-rights-clearing-house"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "yaml": "application/yaml",
               "atom": "application/atom+xml", "jsonld": "application/ld+json"}  # fmt: skip
# EU Publications Office vocabularies, as DCAT-AP asks.
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_FILE_TYPES = {"csv": "CSV", "json": "JSON", "yaml": "YAML", "atom": "ATOM", "jsonld": "JSON_LD"}
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
EU_LANGUAGES = {"sq": "SQI", "sr": "SRP", "en": "ENG"}  # ISO 639-2; a language not here gets no dct:language
IANA_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class PublishedFile:
    """One file of open data: where it is (from the site root), what it is and its bytes."""

    site_path: str  # 'data/sq/documents.csv'
    kind: str  # 'documents', 'relations', 'feed' or a data file's stem ('glossary')
    format: str  # a key of MEDIA_TYPES
    content: bytes
    language: str | None = None  # the language it is in (None: every language or none)
    generated: bool = True  # written by the build (False: a file of docs/data/, which the host publishes)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def name(self) -> str:
        """A Frictionless resource name: 'documents-sq-csv', 'glossary'."""
        parts = [self.kind, self.language or "", self.format if self.kind == "documents" else ""]
        return "-".join(part for part in parts if part).lower()

    def title_key(self) -> str:
        return {"documents": "open-data.documents.title", "relations": "open-data.relations.title",
                "feed": "open-data.feed"}.get(self.kind, f"open-data.file.{self.kind}")  # fmt: skip


def _relative_to_data_dir(site_path: str) -> str:
    return site_path.removeprefix(DATA_DIR + "/")


def _field_descriptor(field: Field, strings: Strings, csv: bool) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"name": field.name, "type": field.csv_type if csv else field.type,
                                  "description": strings.t(f"open-data.field.{field.name}", DESCRIPTION_LANGUAGE)}
    if field.eli:
        descriptor["rdfType"] = field.eli
    constraints: dict[str, Any] = {}
    if field.required:
        constraints["required"] = True
    enums = {"type_document": DOCUMENT_TYPES, "translation_state": STATES,
             "in_force": [s for s in STATUSES if s not in MISSING_VALUES]}  # fmt: skip
    if field.name in enums:
        constraints["enum"] = list(enums[field.name])
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def documents_schema(strings: Strings, csv: bool) -> dict[str, Any]:
    fields = CSV_FIELDS if csv else FIELDS
    return {"fields": [_field_descriptor(field, strings, csv) for field in fields], "primaryKey": ["id"],
            "missingValues": list(MISSING_VALUES)}


def relations_schema(strings: Strings) -> dict[str, Any]:
    fields = []
    for name in RELATION_FIELDS:
        field: dict[str, Any] = {"name": name, "type": "string",
                                 "description": strings.t(f"open-data.relation-field.{name}", DESCRIPTION_LANGUAGE)}
        if name in ("id", "relation", "target_id"):
            field["constraints"] = {"required": True, **({"enum": list(RELATION_NAMES)} if name == "relation" else {})}
        fields.append(field)
    return {"fields": fields, "primaryKey": ["id", "relation", "target_id"]}


def datapackage(files: list[PublishedFile], strings: Strings, address: SiteAddress, modified: str) -> dict[str, Any]:
    """The Data Package of every published file under data/ (the feeds, outside it, are in DCAT)."""
    resources = []
    for file in files:
        if not file.site_path.startswith(DATA_DIR + "/"):
            continue
        resource: dict[str, Any] = {"name": file.name, "path": _relative_to_data_dir(file.site_path),
                                    "title": strings.t(file.title_key(), DESCRIPTION_LANGUAGE), "format": file.format,
                                    "mediatype": MEDIA_TYPES[file.format], "encoding": "utf-8",
                                    "bytes": len(file.content), "hash": f"sha256:{file.sha256}"}
        if file.language:
            resource["languages"] = [file.language]
        if file.kind == "documents":
            resource["schema"] = documents_schema(strings, csv=file.format == "csv")
        elif file.kind == "relations":
            resource["schema"] = relations_schema(strings)
        resources.append(resource)
    package: dict[str, Any] = {
        "name": PACKAGE_NAME,
        "title": strings.t("open-data.documents.title", DESCRIPTION_LANGUAGE),
        "description": strings.t("open-data.datapackage", DESCRIPTION_LANGUAGE),
        "keywords": ["Kosovo", "community rights", "legislation", "ELI"],
    }
    homepage = address.url("")
    if homepage:
        package["homepage"] = homepage
    if modified:
        package["created"] = f"{modified}T00:00:00Z"
    package["resources"] = resources
    return package


def _texts(languages: Languages, strings: Strings, key: str) -> list[dict[str, str]]:
    return [{"@value": strings.t(key, language.code), "@language": language.html_lang} for language in languages]


def _site_texts(languages: Languages, attribute: str) -> list[dict[str, str]]:
    return [{"@value": getattr(language, attribute), "@language": language.html_lang}
            for language in languages if getattr(language, attribute)]


def _language_ids(languages: Languages, codes: list[str]) -> list[dict[str, str]]:
    """The EU language of each code; a generated edition's is its source's (the Cyrillic feed is Serbian)."""
    editions = {edition.code: edition.generated_from for edition in languages.editions}
    found = dict.fromkeys(editions.get(code, code) for code in codes)
    return [{"@id": EU_LANGUAGE + EU_LANGUAGES[code]} for code in found if code in EU_LANGUAGES]


def dcat_catalogue(files: list[PublishedFile], languages: Languages, strings: Strings, address: SiteAddress,
                   modified: str) -> dict[str, Any]:
    """A DCAT-AP catalogue: one dataset per kind of file, one distribution per file."""

    def link(site_path: str) -> dict[str, str]:  # without an address: relative to data/dcat.jsonld
        return {"@id": address.url(site_path) or relative_file_url(DATA_DIR + "/", site_path)}

    datasets: dict[str, dict[str, Any]] = {}
    for file in files:
        dataset = datasets.setdefault(file.kind, {
            "@type": "dcat:Dataset", "@id": f"#{file.kind}",
            "dct:title": _texts(languages, strings, file.title_key()),
            "dct:description": _texts(languages, strings, {"documents": "open-data.documents",
                                                             "relations": "open-data.relations"}.get(file.kind, file.title_key())),
            "dcat:distribution": [],
        })
        if modified:
            dataset["dct:modified"] = {"@value": modified, "@type": "xsd:date"}
        distribution: dict[str, Any] = {
            "@type": "dcat:Distribution", "@id": f"#{file.name}",
            "dcat:accessURL": link(file.site_path), "dcat:downloadURL": link(file.site_path),
            "dcat:mediaType": {"@id": IANA_MEDIA_TYPE + MEDIA_TYPES[file.format]},
            "dct:format": {"@id": EU_FILE_TYPE + EU_FILE_TYPES[file.format]},
            "dcat:byteSize": {"@value": str(len(file.content)), "@type": "xsd:nonNegativeInteger"},
            "spdx:checksum": {"@type": "spdx:Checksum", "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                              "spdx:checksumValue": file.sha256},
        }
        if file.language:
            distribution["dct:language"] = _language_ids(languages, [file.language])
        dataset["dcat:distribution"].append(distribution)
    publisher = {"@type": "foaf:Agent", "foaf:name": _site_texts(languages, "site_name")}
    for kind, dataset in datasets.items():
        dataset["dct:publisher"] = publisher
        codes = [file.language for file in files if file.kind == kind and file.language]
        dataset["dct:language"] = _language_ids(languages, list(dict.fromkeys(codes)) or list(languages.codes))
        dataset["dcat:theme"] = {"@id": "http://publications.europa.eu/resource/authority/data-theme/JUST"}
    catalogue: dict[str, Any] = {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                     "foaf": "http://xmlns.com/foaf/0.1/", "spdx": "http://spdx.org/rdf/terms#",
                     "xsd": "http://www.w3.org/2001/XMLSchema#"},
        "@id": address.url(f"{DATA_DIR}/dcat.jsonld") or "",
        "@type": "dcat:Catalog",
        "dct:title": _site_texts(languages, "site_name"),
        "dct:description": _site_texts(languages, "site_description"),
        "dct:publisher": publisher,
        "dct:language": _language_ids(languages, list(languages.codes)),
        "dcat:dataset": list(datasets.values()),
    }
    homepage = address.url("")
    if homepage:
        catalogue["foaf:homepage"] = {"@id": homepage}
    if modified:
        catalogue["dct:modified"] = {"@value": modified, "@type": "xsd:date"}
    return catalogue


def to_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
