"""Links in page bodies: finding them with their line numbers, and where each one leads.

Two kinds of links point at other documents:

- `[text](id:DOC-ID)` and `[text](id:DOC-ID#anchor)`: a document by its ID. A reader gets the
  version scripts/model/served.py chooses, in their own part of the site (scripts/render/reader.py
  writes the URL).
- relative links like `[text](../acts/x.md#anchor)`: resolved in the page's own language tree, where
  a page missing in that language is served from its original at the same path.

Links are found by the one Markdown scanner (scripts/model/markdown_scan.py): in code they are text.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import unquote

from scripts.model.documents import Corpus, Document
from scripts.model.markdown_scan import Destination, link_destinations
from scripts.model.served import served_version

ID_SCHEME = "id:"
URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
ID_HREF = re.compile(r'href="id:(?P<id>[^"#]*)(?P<anchor>#[^"]*)?"')


@dataclass(frozen=True)
class Link:
    """One link destination in a page: where it is written and what it points at."""

    line: int  # line in the file
    target: str  # the destination as written, e.g. "id:law-03-l-047#article-3" or "../acts/x.md"
    start: int  # offsets of the destination in the text that was searched (for rewriting)
    end: int

    @property
    def is_id(self) -> bool:
        return self.target.startswith(ID_SCHEME)

    @property
    def is_relative(self) -> bool:
        """A link to a file of the site (not an id: link, not another site, not an absolute path)."""
        return not (URL_SCHEME.match(self.target) or self.target.startswith(("/", "\\")) or self.target == "")

    @property
    def path(self) -> str:
        """The part before '#': a document ID for id: links, a relative file path otherwise."""
        target = self.target[len(ID_SCHEME) :] if self.is_id else self.target
        return target.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.target.partition("#")[2]


def find_links(text: str, first_line: int = 1) -> list[Link]:
    """Every link destination in Markdown text, outside code; first_line is the line of text[0]."""
    return _links(link_destinations(text, first_line))


def document_links(doc: Document) -> list[Link]:
    """find_links(doc.body, doc.body_line), from the destinations the document found once."""
    return _links(doc.link_destinations)


def _links(destinations: Iterable[Destination]) -> list[Link]:
    return [Link(d.line, d.target, d.start, d.end) for d in destinations]


def rewrite_links(text: str, replacement: Callable[[Link], str | None]) -> str:
    """The text with each link destination replaced by replacement(link) (None keeps it as written)."""
    pieces = []
    last = 0
    for link in find_links(text):
        new = replacement(link)
        if new is not None:
            pieces += [text[last : link.start], new]
            last = link.end
    pieces.append(text[last:])
    return "".join(pieces)


def rewrite_id_hrefs(html_text: str, url_for: Callable[[str, str], str | None]) -> str:
    """Replace href="id:X#a" left in rendered HTML with url_for(X, "#a") (None keeps it)."""

    def replace(match: re.Match) -> str:
        url = url_for(html.unescape(match.group("id")), html.unescape(match.group("anchor") or ""))
        return match.group(0) if url is None else f'href="{html.escape(url)}"'

    return ID_HREF.sub(replace, html_text)


# --------------------------------------------------------------------------- relative links


@dataclass(frozen=True)
class FileTarget:
    """Where a relative link leads inside docs/."""

    kind: str  # "document", "file", "missing", "folder", "other-language" or "outside" (beyond docs/)
    path: str  # the resolved path inside docs/, e.g. "sr/acts/x.md"
    document: Document | None = None
    language: str = ""  # for "other-language": the tree the link leads into


def page_at(corpus: Corpus, language: str, rel_path: str) -> Document | None:
    """The page a reader of `language` gets at `rel_path` of their tree: their version, or the
    original served there in its place."""
    own = corpus.by_path(language, rel_path)
    if own is not None:
        return own
    for code in corpus.languages.codes:
        found = corpus.by_path(code, rel_path)
        served = served_version(corpus, found.id, language) if found is not None and found.id else None
        if served is not None and served.rel_path == rel_path:
            return served
    return None


def resolve_relative(corpus: Corpus, doc: Document, link: Link) -> FileTarget:
    """Resolve a relative link the way MkDocs with mkdocs-static-i18n does, from doc's language tree:
    a page of the tree (or served in it), else a file of the tree, of the default language's tree
    (static-i18n's fallback for files) or of docs/ itself (e.g. docs/data/)."""
    written = unquote(link.path)
    joined = posixpath.normpath(posixpath.join(doc.language, posixpath.dirname(doc.rel_path), written))
    top, _, rest = joined.partition("/")
    if joined.startswith("../") or joined == "..":
        return FileTarget("outside", joined)
    if top in corpus.languages and top != doc.language:
        return FileTarget("other-language", joined, language=top)
    if top == doc.language:
        found = page_at(corpus, doc.language, rest)
        if found is not None:
            return FileTarget("document", f"{found.language}/{rest}", found)
        candidates = [f"{doc.language}/{rest}", f"{corpus.languages.default.code}/{rest}", rest]
    else:
        candidates = [joined]
    for candidate in candidates:
        on_disk = corpus.docs_dir / candidate
        if on_disk.is_file():
            return FileTarget("file", candidate)
        if on_disk.is_dir():
            return FileTarget("folder", candidate)
    return FileTarget("missing", joined)


def references(corpus: Corpus, doc: Document) -> list[str]:
    """IDs of the documents doc's body links to (id: links and relative links to pages), in order."""
    found: dict[str, None] = {}
    for link in document_links(doc):
        if link.is_id:
            found[link.path] = None
        elif link.is_relative and link.path:
            target = resolve_relative(corpus, doc, link)
            if target.document is not None and target.document.id:
                found[target.document.id] = None
    return list(found)


def relative_url(from_site_path: str, to_site_path: str) -> str:
    """A relative URL between two directory-style site paths ('sr/guides/x/' -> '../../acts/y/')."""
    from_dir = from_site_path.rstrip("/")
    url = posixpath.relpath(to_site_path or ".", from_dir or ".")
    return "./" if url == "." else url.rstrip("/") + "/"


def relative_file_url(from_site_path: str, to_file_path: str) -> str:
    """A relative URL from a directory-style site path to a file ('sr/acts/x/' -> '../../feed.atom')."""
    return posixpath.relpath(to_file_path, from_site_path.rstrip("/") or ".")


def markdown_path(from_rel_path: str, to_rel_path: str, anchor: str = "") -> str:
    """The relative Markdown path from a page to another within one language tree, with its anchor."""
    path = posixpath.relpath(to_rel_path, posixpath.dirname(from_rel_path) or ".")
    return path + (f"#{anchor}" if anchor else "")
