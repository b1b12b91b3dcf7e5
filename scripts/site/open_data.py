"""The files a build adds for researchers, feed readers and search engines, all from the corpus:

| file (from the site root) | what |
|---|---|
| `data/<language>/documents.json`, `.csv` | the catalogue of every document, as a reader of that language gets it |
| `data/<language>/relations.csv` | the relations between documents, each once |
| `<language prefix>feed.atom` | the Atom feed of documents added or reviewed (a built edition's too: `sr-cyrl/feed.atom`) |
| `data/datapackage.json` | Frictionless Data Package of everything under `data/` (also the files of `docs/data/`) |
| `data/dcat.jsonld` | DCAT-AP description of the same, and of the feeds |
| `<language prefix>sitemap.xml`, `robots.txt` | sitemaps (only when the site has an address) and robots.txt |

Everything is a pure function of the documents, the interface strings, the data files under
`docs/data/` and the site's address: no clock, no order of the file system, so two builds of the
same sources give the same bytes. Languages come from the corpus's `Languages`: the catalogues and
feeds cover the languages of the corpus (sq, sr, en), whose texts they are; a generated edition
(Serbian in Cyrillic) has the same documents as its source language and gets only its feed (in
its script, for its readers' feed readers) and a sitemap.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable

from scripts.cyrillic.latin_spans import MARKER_OPEN, strip_markers
from scripts.model.catalogue import CSV_FIELDS, RELATION_FIELDS, catalogue, csv_row, relation_rows
from scripts.model.documents import Corpus
from scripts.model.languages import Language
from scripts.model.site_address import SiteAddress
from scripts.model.strings import Strings
from scripts.render import dataset
from scripts.render.dataset import DATA_DIR, PublishedFile, to_json
from scripts.render.feed import feed_path, feed_xml
from scripts.render.sitemap import robots_txt, sitemap_parts, sitemap_path, sitemap_xml

DATA_FILE_FORMATS = {".yml": "yaml", ".yaml": "yaml", ".json": "json", ".csv": "csv"}


def catalogue_path(language: str, name: str) -> str:
    """'data/sr/documents.csv': a language's catalogue files, from the site root."""
    return f"{DATA_DIR}/{language}/{name}"


def _csv(header: Iterable[str], rows: Iterable[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def published_data(raw: bytes) -> bytes:
    """A data file as researchers download it: the editor's `{lat}…{/lat}` markers (an instruction
    to the Cyrillic edition, scripts/cyrillic/) dropped and what they mark kept, as the Latin pages
    show it; a file without markers, byte for byte."""
    if MARKER_OPEN.encode() not in raw:
        return raw
    return strip_markers(raw.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")


def data_folder_files(docs_dir: Path) -> list[PublishedFile]:
    """The data files under docs/data/ (published as they are, without the editor's markers:
    `published_data`), in name order: whatever the folder holds is listed, a new file
    (contacts.yml) as soon as it is there."""
    folder = Path(docs_dir) / DATA_DIR
    found = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file() and not path.is_symlink() and path.suffix in DATA_FILE_FORMATS:
            rel = path.relative_to(folder).as_posix()
            found.append(PublishedFile(f"{DATA_DIR}/{rel}", path.stem, DATA_FILE_FORMATS[path.suffix],
                                       published_data(path.read_bytes()),
                                       generated=False))
    return found


def last_review(corpus: Corpus) -> str:
    """The newest `last_reviewed` of the corpus (ISO), the date the data last changed."""
    dates = [str(doc.meta["last_reviewed"]) for doc in corpus if doc.meta.get("last_reviewed")]
    return max(dates, default="")


def open_data_files(corpus: Corpus, strings: Strings, address: SiteAddress,
                    editions: tuple[Language, ...] = ()) -> list[PublishedFile]:
    """The catalogues, relations, feeds and data files, then the two descriptions of them all
    (`editions`: the generated editions the build makes, each with its feed)."""
    files: list[PublishedFile] = []
    for code in corpus.languages.codes:
        records = catalogue(corpus, code, address)
        files += [
            PublishedFile(catalogue_path(code, "documents.json"), "documents", "json", to_json(records), code),
            PublishedFile(catalogue_path(code, "documents.csv"), "documents", "csv",
                          _csv([field.name for field in CSV_FIELDS], (csv_row(r) for r in records)), code),
            PublishedFile(catalogue_path(code, "relations.csv"), "relations", "csv",
                          _csv(RELATION_FIELDS, relation_rows(corpus, code)), code),
            PublishedFile(feed_path(corpus, code), "feed", "atom",
                          feed_xml(corpus, code, strings, address).encode("utf-8"), code),
        ]
    files += [PublishedFile(feed_path(corpus, edition.code), "feed", "atom",
                            feed_xml(corpus, edition.generated_from, strings, address, edition).encode("utf-8"), edition.code)
              for edition in editions]
    files += data_folder_files(corpus.docs_dir)
    modified = last_review(corpus)
    package = dataset.datapackage(files, strings, address, modified)
    files.append(PublishedFile(f"{DATA_DIR}/datapackage.json", "datapackage", "json", to_json(package)))
    dcat = dataset.dcat_catalogue(files, corpus.languages, strings, address, modified)
    files.append(PublishedFile(f"{DATA_DIR}/dcat.jsonld", "dcat", "jsonld", to_json(dcat)))
    return files


def address_files(corpus: Corpus, address: SiteAddress, editions: tuple[Language, ...] = ()) -> dict[str, bytes]:
    """robots.txt, and each language's (and built edition's) sitemap when the site has an address."""
    found = {"robots.txt": robots_txt(corpus, address, editions).encode("utf-8")}
    if address:
        for part in sitemap_parts(corpus, editions):
            found[sitemap_path(corpus, part.code)] = sitemap_xml(corpus, part.code, address, editions).encode("utf-8")
    return found


def write_files(site_dir: Path, files: dict[str, bytes]) -> None:
    """Write {path from the site root: bytes} into a built site."""
    for site_path, content in files.items():
        target = Path(site_dir) / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def generated_files(corpus: Corpus, strings: Strings, address: SiteAddress, open_data: bool = True,
                    sitemaps: bool = True, files: list[PublishedFile] | None = None,
                    editions: tuple[Language, ...] = ()) -> dict[str, bytes]:
    """Every file this module adds to a site, {path from the site root: bytes} (`files`: the
    open-data files if already computed; the data files of docs/data/ are published by the host;
    `editions`: the generated editions the build made, which get sitemaps too)."""
    found: dict[str, bytes] = {}
    if open_data:
        files = open_data_files(corpus, strings, address, editions) if files is None else files
        found.update((file.site_path, file.content) for file in files if file.generated)
    if sitemaps:
        found.update(address_files(corpus, address, editions))
    return found
