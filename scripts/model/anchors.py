"""Element ids of documents (`#anchor` targets), as the site's Markdown settings render them.

The cross-reference check needs every id a linked page will carry. `markdown_settings` reads the
extensions and their settings from mkdocs.yml the way MkDocs does (its built-in extensions first),
so the check sees what the build renders; the adapter's tests compare the two.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Iterable

import markdown
from markdown.extensions.toc import unique as toc_unique

from scripts.model.documents import Document
from scripts.model.languages import read_config
from scripts.model.project import CONFIG_FILE

ELEMENT_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")
# MkDocs loads these extensions for every site, before the ones mkdocs.yml names
# (mkdocs/config/defaults.py: `MarkdownExtensions(builtins=[...])`).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


def markdown_settings(config: dict[str, Any]) -> tuple[list[str], dict[str, dict]]:
    """(extensions, their settings) of a mkdocs.yml read as data, as MkDocs turns them into
    `markdown_extensions` and `mdx_configs`."""
    extensions: list[str] = list(MKDOCS_BUILTIN_EXTENSIONS)
    settings: dict[str, dict] = {}
    written = config.get("markdown_extensions") or []
    items = [{name: value} for name, value in written.items()] if isinstance(written, dict) else written
    for item in items:
        name, value = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if value is not None:
            settings[name] = value
        if name not in extensions:
            extensions.append(name)
    return extensions, settings


def project_markdown_settings(config_file: Path = CONFIG_FILE) -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions and their settings the project's site is built with."""
    return markdown_settings(read_config(config_file))


# Bodies whose heading lines alone decide their element ids: anything that can add an id or a heading
# some other way (attr_list `{#id}`, raw HTML, footnote definitions, setext underlines, code blocks,
# indented headings in lists or admonitions) sends a body to a full render, and so does a heading
# line that does not start a block (after text, it could be a table's row) or has markup or a `|` in
# its text. Three things are no obstacle: a heading's own `{#id}` (HEADING_WITH_OWN_ID: toc keeps it),
# a citation `[^id]` (the footnotes the build adds are not in the body, so rendering the body gives
# them no id) and an HTML comment (a contact marker), which counts as a line of text: a heading on
# its line or right after it is still rendered.
NOT_HEADINGS_ONLY = re.compile(r"[{<]|^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)*\[\^[^\]]*\]:|^(?:=+|-+)[ ]*$|^(?:```|~~~)|^[ \t]+#", re.MULTILINE)
# a comment alone on its line(s), as a contact marker is, with no "--" before its end (where parsers disagree)
COMMENT = re.compile(r"^<!--(?:(?!--).)*-->[ \t]*$", re.MULTILINE | re.DOTALL)
COMMENT_STAND_IN = "&"  # text to the block structure, and never plain text in a heading (NOT_PLAIN_TEXT)
# a heading line with an id of its own (attr_list), `## What they do {#tasks}`: its id is that one
HEADING_WITH_OWN_ID = re.compile(r"^#{1,6}[ \t]+[^\n{}#<]*?[^\s{}#<][ ]+\{#(?P<id>[A-Za-z][\w-]*)\}[ ]*$", re.MULTILINE)
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
        if "<!--" in body:
            body = COMMENT.sub(COMMENT_STAND_IN, body)
        own_ids = {match.group("id") for match in HEADING_WITH_OWN_ID.finditer(body)}
        if self._toc is None or NOT_HEADINGS_ONLY.search(HEADING_WITH_OWN_ID.sub("", body) if own_ids else body):
            return None
        used: set[str] = set(own_ids)  # toc takes the ids already there first, then slugifies the rest
        counters: dict[str, int] = {}
        previous = ""
        for line in body.split("\n"):
            if line.startswith("#"):
                starts_block = not previous.strip() or previous.startswith("#")
                if not starts_block:
                    return None
                if not own_ids or not HEADING_WITH_OWN_ID.fullmatch(line):
                    heading = PLAIN_ATX_HEADING.fullmatch(line)
                    text = heading.group("text").strip() if heading else ""
                    if not text or NOT_PLAIN_TEXT.search(text):
                        return None
                    used.add(toc_unique(self._toc.slugify(text, self._toc.sep), used, counters))
            previous = line
        return frozenset(used)
