"""The items of a Kiwix file: every file of the prepared site copy, the language's own pages with index text.

libzim indexes every HTML page it is given unless the item brings its own index data; so each
page of the archive's language (or edition) is a front article with the text of its <article>,
its title and its summary as keywords, already folded as libzim folds a query, and every other
item is added without index data. Used by scripts/site/zim.py, written by scripts/site/zim_writer.py.
"""

from __future__ import annotations

import mimetypes
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator, Sequence

from scripts.cyrillic.latin_spans import strip_markers
from scripts.site.sources import PageText, SiteSources

EXTRA_TYPES = {".yml": "text/plain", ".yaml": "text/plain", ".js": "application/javascript",
               ".json": "application/json", ".svg": "image/svg+xml", ".gz": "application/gzip"}


@dataclass(frozen=True)
class IndexText:
    """What the full-text index gets for one page, without accents (see `without_accents`)."""

    title: str
    text: str
    keywords: str = ""

    @classmethod
    def of(cls, title: str, text: str, keywords: str = "") -> "IndexText":
        """Folded, plus each accented word as written: libzim's reader folds a query, kiwix-serve
        does not (`Zëvendëskryesuesi` must find the page there too)."""
        written = dict.fromkeys(w for w in f"{title} {text}".lower().split() if without_accents(w) != w)
        return cls(without_accents(title), without_accents(text) + (" " + " ".join(written) if written else ""),
                   without_accents(keywords))


def without_accents(text: str) -> str:
    """Lower case without combining marks, as libzim folds a query ('zaštitu' → 'zastitu',
    'çështje' → 'ceshtje'; ICU's "Lower; NFD; [:M:] remove; NFC"). libzim folds the text of
    the HTML it indexes itself, but not index data it is given."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")))


@dataclass(frozen=True)
class Entry:
    """One item of the archive: a file of the site, maybe a front article with index data."""

    path: str
    title: str
    mimetype: str
    file: Path
    front: bool = False
    index: IndexText | None = None



def mimetype(path: Path) -> str:
    return EXTRA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class _ArticleText(HTMLParser):
    """The text of a page's <article> (Material's page body) and its first <h1>: without
    permalink anchors, scripts and what the site's search excludes (data-search-exclude)."""

    SKIPPED = ("script", "style", "template")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside <article>
        self.skip_depth = 0  # depth at which a skipped element began (0: not skipping)
        self.parts: list[str] = []
        self.h1: list[str] | None = None
        self.title = ""
        self.found = False  # an <article> was seen

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.depth:
            if tag == "article":
                self.depth, self.found = 1, True
            return
        if tag in self.VOID:
            if tag == "br":
                self.parts.append(" ")
            return
        self.depth += 1
        if not self.skip_depth and (tag in self.SKIPPED or "data-search-exclude" in attributes
                                    or "headerlink" in (attributes.get("class") or "").split()):
            self.skip_depth = self.depth
        if tag == "h1" and not self.title and not self.skip_depth:
            self.h1 = []
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if not self.depth or tag in self.VOID:
            return
        if self.skip_depth == self.depth:
            self.skip_depth = 0
        if tag == "h1" and self.h1 is not None:
            self.title, self.h1 = " ".join("".join(self.h1).split()), None
        self.depth -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if self.depth and not self.skip_depth:
            self.parts.append(data)
            if self.h1 is not None:
                self.h1.append(data)

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def article_text(html: str) -> tuple[str, str]:
    """(first heading, plain text) of a rendered page's article. A page without one raises
    ValueError: Material writes every page's body in an <article>, so its markup has changed
    (a tripwire: the archive's search would otherwise quietly index nothing)."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    if not parser.found:
        raise ValueError("no <article> (Material's page body) to index: Material's page markup changed; "
                         "see _ArticleText in scripts/site/zim_entries.py")
    return parser.title, parser.text()


def page_file(site_path: str) -> str:
    """The file of a page's address in the archive: 'sr/acts/x/' -> 'sr/acts/x/index.html'."""
    return site_path + "index.html" if site_path.endswith("/") or not site_path else site_path


def language_pages(sources: SiteSources, language: str) -> dict[str, PageText]:
    """{file in the site: page} for the pages written in this language (or edition)."""
    return {page_file(page.site_path): page for page in sources.pages(language)}


def archive_entries(copy: Path, sources: SiteSources, language: str) -> Iterator[Entry]:
    """Every file of the prepared copy as an entry; the language's own pages as indexed front
    articles. A generated edition's pages also get their source's words as keywords (the Serbian
    Cyrillic archive finds a page whose title a reader types in Latin)."""
    own = language_pages(sources, language)
    generated = bool(sources.part(language).generated_from)
    documents = {page_file(doc.site_path or ""): doc for doc in sources.corpus}
    for path in sorted(p for p in copy.rglob("*") if p.is_file()):
        rel = path.relative_to(copy).as_posix()
        kind = mimetype(path)
        if kind != "text/html":
            yield Entry(rel, "", kind, path)
            continue
        try:
            heading, text = article_text(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise ValueError(f"{rel}: {error}") from None
        if rel in own:
            page = own[rel]
            keywords = " ".join([page.summary] + ([strip_markers(page.document.title), strip_markers(page.document.summary)]
                                                  if generated else []))
            yield Entry(rel, page.title, kind, path, front=True, index=IndexText.of(page.title, text, keywords))
        else:
            doc = documents.get(rel)
            yield Entry(rel, strip_markers(doc.title) if doc else heading or rel, kind, path)


def folder_redirects(entries: Sequence[Entry]) -> dict[str, str]:
    """{'acts/': 'acts/index.html'} for every folder of the archive with an index.html (not the root)."""
    return {entry.path[: -len("index.html")]: entry.path for entry in entries
            if entry.path.endswith("/index.html")}
