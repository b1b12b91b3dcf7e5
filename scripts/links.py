"""Links in page bodies: finding them with their line numbers, and resolving them for a reader's language.

Two kinds of links point at other documents:

- `[text](id:DOC-ID)` and `[text](id:DOC-ID#anchor)`: a document by its ID. In a build it becomes the
  relative path of the target's Markdown file in the reader's language tree, which MkDocs then turns
  into a relative URL. A target without a version in the reader's language is still served at that
  path, from its original: mkdocs-static-i18n falls back to the default language
  (`fallback_to_default: true`), the translations feature (scripts/translation_site.py) to the
  original in any language. Only a page with no original at all is linked in its own language.
- relative links like `[text](../acts/x.md#anchor)`: resolved in the page's own language tree.

Links in fenced code blocks and inline code are text, not links.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote

import markdown
from markdown.extensions.toc import unique as toc_unique

from scripts.documents import DEFAULT_LANGUAGE, LANGUAGES, Corpus, Document
from scripts.problems import ROOT

ID_SCHEME = "id:"

_LABEL = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_DESTINATION = r"<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()]*)*"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
INLINE_LINK = re.compile(rf"!?\[{_LABEL}\]\(\s*(?P<dest>{_DESTINATION}){_TITLE}\s*\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?P<dest><[^<>\n]*>|\S+)")
FENCE = re.compile(r"^ *(?P<fence>`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks)")
URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
ELEMENT_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")
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


def _mask_code_spans(line: str) -> str:
    """The line with inline code replaced by spaces, so offsets stay the same."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def find_links(text: str, first_line: int = 1) -> list[Link]:
    """Every link destination in Markdown text, outside fenced code; first_line is the line of text[0]."""
    links: list[Link] = []
    fence = ""
    offset = 0
    for number, line in enumerate(text.split("\n"), first_line):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group("fence")[0] == fence[0] and len(opening.group("fence")) >= len(fence):
                fence = ""
        elif opening:
            fence = opening.group("fence")
        else:
            searched = _mask_code_spans(line)
            matches = list(INLINE_LINK.finditer(searched))
            definition = REFERENCE_DEFINITION.match(searched)
            if definition:
                matches.insert(0, definition)  # it starts the line
            for match in matches:
                start, end = match.span("dest")
                dest = line[start:end]
                if dest.startswith("<") and dest.endswith(">"):
                    start, end, dest = start + 1, end - 1, dest[1:-1]
                links.append(Link(number, dest, offset + start, offset + end))
        offset += len(line) + 1
    return links


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


# --------------------------------------------------------------------------- resolving


def source_version(corpus: Corpus, doc_id: str) -> Document | None:
    """The version a document was written in (an original has no translation block)."""
    versions = corpus.versions(doc_id)
    originals = [doc for doc in versions.values() if doc.translation is None]
    return (originals or list(versions.values()) or [None])[0]


def resolve_id(corpus: Corpus, doc_id: str, language: str) -> Document | None:
    """The page a reader of `language` lands on for an ID: their own version, else the original
    (served in their language tree as a fallback), else whatever version there is."""
    return corpus.get(language, doc_id) or source_version(corpus, doc_id)


def served_in_tree(target: Document, language: str) -> bool:
    """Whether the reader's language tree has a page for target: its own version, or a fallback
    (every original is, by the translations feature; the default language by mkdocs-static-i18n)."""
    return target.language in (language, DEFAULT_LANGUAGE) or target.translation is None


def markdown_path(from_rel_path: str, target: Document, anchor: str = "") -> str:
    """The relative Markdown path from a page to target within one language tree, with its anchor."""
    path = posixpath.relpath(target.rel_path, posixpath.dirname(from_rel_path) or ".")
    return path + (f"#{anchor}" if anchor else "")


def relative_url(from_site_path: str, to_site_path: str) -> str:
    """A relative URL between two directory-style site paths ('sr/guides/x/' -> '../../acts/y/')."""
    from_dir = from_site_path.rstrip("/")
    url = posixpath.relpath(to_site_path or ".", from_dir or ".")
    return "./" if url == "." else url.rstrip("/") + "/"


@dataclass(frozen=True)
class FileTarget:
    """Where a relative link leads inside docs/."""

    kind: str  # "document", "file", "missing", "folder", "other-language" or "outside" (beyond docs/)
    path: str  # the resolved path inside docs/, e.g. "sr/acts/x.md"
    document: Document | None = None
    language: str = ""  # for "other-language": the tree the link leads into


def resolve_relative(corpus: Corpus, doc: Document, link: Link) -> FileTarget:
    """Resolve a relative link the way MkDocs with mkdocs-static-i18n does, from doc's language tree."""
    written = unquote(link.path)
    joined = posixpath.normpath(posixpath.join(doc.language, posixpath.dirname(doc.rel_path), written))
    top, _, rest = joined.partition("/")
    if joined.startswith("../") or joined == "..":
        return FileTarget("outside", joined)
    if top in LANGUAGES and top != doc.language:
        return FileTarget("other-language", joined, language=top)
    if top == doc.language:
        for language in (doc.language, *LANGUAGES):  # a missing page is served from another language
            found = corpus.by_path(language, rest)
            if found is not None and (language == doc.language or served_in_tree(found, doc.language)):
                return FileTarget("document", f"{language}/{rest}", resolve_id(corpus, found.id, doc.language) or found)
        candidates = [f"{doc.language}/{rest}", f"{DEFAULT_LANGUAGE}/{rest}", rest]
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
    for link in find_links(doc.body, doc.body_line):
        if link.is_id:
            found[link.path] = None
        elif link.is_relative and link.path:
            target = resolve_relative(corpus, doc, link)
            if target.document is not None and target.document.id:
                found[target.document.id] = None
    return list(found)


def served_documents(corpus: Corpus, language: str) -> list[Document]:
    """The pages a language's build has: its own versions, and for every other ID the page served in
    their place (see resolve_id)."""
    ids = {doc.id: None for doc in corpus if doc.id}
    served = (resolve_id(corpus, doc_id, language) for doc_id in ids)
    return [doc for doc in served if doc is not None and served_in_tree(doc, language)]


def rewrite_id_hrefs(html_text: str, url_for: Callable[[str, str], str | None]) -> str:
    """Replace href="id:X#a" left in rendered HTML with url_for(X, "#a") (None keeps it)."""

    def replace(match: re.Match) -> str:
        url = url_for(html.unescape(match.group("id")), html.unescape(match.group("anchor") or ""))
        return match.group(0) if url is None else f'href="{html.escape(url)}"'

    return ID_HREF.sub(replace, html_text)


# --------------------------------------------------------------------------- anchors


def project_markdown_settings(config_file: Path = ROOT / "mkdocs.yml") -> tuple[list, dict]:
    """The Markdown extensions and their settings the site is built with (MkDocs' own toc included)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


# Bodies whose heading lines alone decide their element ids: anything that can add an id or a heading
# some other way (attr_list `{#id}`, raw HTML, footnotes, setext underlines, code blocks, indented
# headings in lists or admonitions) sends a body to a full render, and so does a heading line that
# does not start a block (after text, it could be a table's row) or has markup or a `|` in its text.
NOT_HEADINGS_ONLY = re.compile(r"[{<]|\[\^|^(?:=+|-+)[ ]*$|^(?:```|~~~)|^[ \t]+#", re.MULTILINE)
PLAIN_ATX_HEADING = re.compile(r"#{1,6}(?P<text>[^#].*?)#*")  # a heading line as Python-Markdown splits it
NOT_PLAIN_TEXT = re.compile(r"[`*_\[\]<>&\\!{}~|]")


class Anchors:
    """The element ids of documents, as the site's Markdown settings render them (MkDocs' toc slugify).

    Covers heading anchors, `{#id}` attributes and ids in raw HTML. Each document is looked at once.
    Most bodies have only plain ATX headings (see NOT_HEADINGS_ONLY): their anchors are their headings
    slugified in order with toc's own slugify and uniqueness rule, which is what rendering them would
    give, without converting the whole body a second time (it was about a fifth of a build's time).
    Any other body is rendered, so every id the page will carry is found.
    """

    def __init__(self, extensions: Iterable, extension_configs: dict):
        self._markdown = markdown.Markdown(extensions=list(extensions), extension_configs=extension_configs)
        self._toc = self._markdown.treeprocessors["toc"] if "toc" in self._markdown.treeprocessors else None
        self._cache: dict[Path, frozenset[str]] = {}

    def of(self, doc: Document) -> frozenset[str]:
        if doc.path not in self._cache:
            found = self._from_headings(doc.body)
            self._cache[doc.path] = self._rendered(doc.body) if found is None else found
        return self._cache[doc.path]

    def _rendered(self, body: str) -> frozenset[str]:
        rendered = self._markdown.reset().convert(body)
        return frozenset(html.unescape(a or b) for a, b in ELEMENT_ID.findall(rendered))

    def _from_headings(self, body: str) -> frozenset[str] | None:
        """The heading ids toc gives a body of plain headings, or None when only rendering can tell."""
        if self._toc is None or NOT_HEADINGS_ONLY.search(body):
            return None
        used: set[str] = set()
        counters: dict[str, int] = {}
        previous = ""
        for line in body.split("\n"):
            if line.startswith("#"):
                heading = PLAIN_ATX_HEADING.fullmatch(line)
                text = heading.group("text").strip() if heading else ""
                starts_block = not previous.strip() or previous.startswith("#")
                if not text or NOT_PLAIN_TEXT.search(text) or not starts_block:
                    return None
                used.add(toc_unique(self._toc.slugify(text, self._toc.sep), used, counters))
            previous = line
        return frozenset(used)
