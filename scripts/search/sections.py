"""A page's search sections taken from its Markdown tree, as Material's search parser would cut them.

Material's search plugin parses each page's finished HTML a second time, with Python's html.parser,
to cut it into sections at its headings. The sections are already there when Markdown builds the
page: `SectionsExtension` adds a last tree processor that walks the element tree Markdown is about
to serialise and cuts it the same way: a section per heading with an id (a preface before the first
one), the heading's text without its permalink as the title, the text of everything up to the next
heading, nothing from elements marked `data-search-exclude`. Only raw HTML (a table a plugin wrote
into the Markdown, an entity, a tag typed in the text) is HTML inside the tree: such a piece, after
Markdown's own postprocessors, is parsed alone, by the host's parser (`piece_texts`).

Pure Python-Markdown (not MkDocs): the host gives the extension two functions it relies on, both
upstream internals named and guarded in scripts/mkdocs_adapter/upstream.py: `piece_texts`, the
texts Material's parser finds in an HTML piece, and `escape`, how Markdown's serialiser writes a
text (Python-Markdown's private `serializers._escape_cdata`, so an entity stays one).

Limits, each caught by `tree_matches_html` so that the page is then parsed whole as before: HTML
added after Markdown (a plugin's on_page_content) that brings a heading with an id; a heading in raw
HTML. Text added after Markdown without a heading is not seen (this site adds only the act panel,
which is excluded from search anyway).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {f"h{level}" for level in range(1, 7)}
# Tags Material's parser keeps in a section's text (which plain_text turns into spaces) and tags
# before which a space goes (Material runs adjacent cells together).
KEPT = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "tr", "br", "div", "section", "aside", "figcaption"}
SKIPPED = {"object", "script", "style"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# Material's parser joins the text of adjacent cells and items ("Adopted2008-03-13"): a space goes first.
BLOCK_START = re.compile(r"<(?=(?:%s)\b)" % "|".join(sorted(BLOCKS)))
HEADING_WITH_ID = re.compile(r"<h[1-6]\b[^>]*\sid=")
PRIORITY = -100  # after every tree processor (toc at 5, Markdown's unescape at 0)
TAG = re.compile(r"<[^>]*>")

# The host's functions (see the module docstring): an HTML piece -> the texts (title and text
# joined, kept tags and all) of the sections its parser makes of it; a text -> as serialised.
PieceTexts = Callable[[str], list[str]]
Escape = Callable[[str], str]


@dataclass
class TreeSection:
    """A section as Material's parser cuts it: `id` None for the page's own (first) section."""

    id: str | None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    depth: float = 0
    excluded: bool = False  # its heading is marked data-search-exclude


@dataclass
class Work:
    """What cutting sections cost, counted: pages cut from the tree, pages parsed whole, characters
    of HTML given to an HTML parser."""

    tree_pages: int = 0
    parsed_pages: int = 0
    parsed_characters: int = 0
    page_characters: int = 0  # of the pages' HTML: what parsing every page would parse


class _Cutter:
    """One walk of a tree: the sections, as Material's Parser.handle_* build them from the HTML."""

    def __init__(self, md, extension: SectionsExtension):
        self.md, self.work = md, extension.work
        self.piece_texts, self.escape = extension.piece_texts, extension.escape
        self.context: list[etree.Element] = []
        self.skipped = 0  # elements of the context whose data is skipped
        self.section: TreeSection | None = None
        self.heading: etree.Element | None = None  # the current section's heading element
        self.in_heading = False  # whether that heading is in the context
        self.sections: list[TreeSection] = []
        self.heading_ids = 0

    def _ensure_section(self) -> None:
        if self.section is None:
            self.section = TreeSection(None)
            self.sections.append(self.section)

    def _append(self, data: str) -> None:
        if not data or self.skipped or (self.section is None and data.isspace()):
            return  # (the page's HTML is stripped: no whitespace comes before its first element)
        self._ensure_section()
        if self.in_heading:
            if not any(e.tag == "a" and e.get("class") == "headerlink" for e in self.context):
                self.section.title.append(data)
        else:
            self.section.text.append(data)

    def text(self, text: str | None) -> None:
        """Text of the tree: its raw-HTML placeholders restored by Markdown's postprocessors."""
        if not text:
            return
        restored = self.escape(text)  # as Markdown's serialiser writes it (an entity stays one)
        for processor in self.md.postprocessors:
            restored = processor.run(restored)
        if "<" not in restored:
            self._append(html.unescape(restored))
            return
        self.work.parsed_characters += len(restored)
        self.heading_ids += len(HEADING_WITH_ID.findall(restored))
        for piece in self.piece_texts(BLOCK_START.sub(" <", restored)):
            self._append(html.unescape(TAG.sub(" ", piece)))

    def element(self, element: etree.Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in VOID:  # Material's parser keeps no context for these
            if tag in BLOCKS:
                self._append(" ")
            return
        self.context.append(element)
        if tag in HEADINGS and element.get("id") is not None:
            self.heading_ids += 1
            depth = len(self.context)
            if tag != "h1" and not self.sections:
                self.sections.append(TreeSection(None, depth=depth))
            self.section = TreeSection(element.get("id") if self.sections else None, depth=depth,
                                       excluded="data-search-exclude" in element.attrib)
            self.heading, self.in_heading = element, True
            self.sections.append(self.section)
        self._ensure_section()
        skipped = "data-search-exclude" in element.attrib or element.get("class") == "linenodiv" or tag in SKIPPED
        self.skipped += skipped
        if tag in KEPT or tag in BLOCKS:
            self._append(" ")
        self.text(element.text)
        for child in element:
            self.element(child)
            self.text(child.tail)
        if tag in KEPT:
            self._append(" ")
        if self.section.depth > len(self.context):  # leaving the element a heading was nested in
            for section in reversed(self.sections):
                if section.depth <= len(self.context):
                    self.section.depth = float("inf")
                    self.section = section
                    self.heading, self.in_heading = None, False
                    break
        self.context.pop()
        self.skipped -= skipped
        if element is self.heading:
            self.in_heading = False


def cut(root: etree.Element, md, extension: SectionsExtension) -> tuple[list[TreeSection], int]:
    """The sections of a Markdown tree (its root's children are the page body), and the number of
    headings with an id it holds."""
    cutter = _Cutter(md, extension)
    cutter.text(root.text)
    for child in root:
        cutter.element(child)
        cutter.text(child.tail)
    return cutter.sections, cutter.heading_ids


def tree_entries(tree: list[TreeSection], url: str, page_title: str) -> list[tuple[str, str, str]]:
    """(location, title, text) of each section cut from the Markdown tree, located, titled and
    escaped as Material's SearchIndex.create_entry_for_section makes its entries (a section without
    a title gets the page's)."""
    entries = []
    for section in tree:
        if section.excluded:
            continue
        title = "".join(section.title).strip() or page_title
        entries.append((url + (f"#{section.id}" if section.id else ""), html.escape(title, quote=False),
                        html.escape("".join(section.text), quote=False)))
    return entries


def tree_matches_html(heading_ids: int, final_html: str) -> bool:
    """Whether the finished page has the headings the tree had: no hook added or removed one."""
    return len(HEADING_WITH_ID.findall(final_html)) == heading_ids


class _SectionsProcessor(Treeprocessor):
    def __init__(self, md, extension: SectionsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        self.extension.last = cut(root, self.md, self.extension)
        return None


class SectionsExtension(Extension):
    """Cuts every page Markdown renders into sections; `last` holds those of the last page rendered."""

    def __init__(self, piece_texts: PieceTexts, escape: Escape, **kwargs):
        super().__init__(**kwargs)
        self.piece_texts, self.escape = piece_texts, escape
        self.work = Work()
        self.last: tuple[list[TreeSection], int] | None = None

    def extendMarkdown(self, md):  # noqa: N802 - Markdown's name
        md.treeprocessors.register(_SectionsProcessor(md, self), "crch_search_sections", PRIORITY)

    def take(self) -> tuple[list[TreeSection], int] | None:
        """The sections of the page just rendered, once."""
        last, self.last = self.last, None
        return last
