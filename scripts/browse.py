"""Document listings for the home page and the section index pages, generated from the corpus.

A page asks for a listing with a marker in its Markdown; the content hook replaces it:

    <!-- documents type=law,regulation,decision -->   documents of these types, grouped by type
    <!-- documents tag=education -->                  documents with this topic (any type)
    <!-- documents community=roma -->                 documents for this community
    <!-- documents by=tag -->                         every topic with its documents
    <!-- documents by=community -->                   every community with its documents

Filters combine (type=guide tag=housing). `level=3` sets the heading level (default 2).
Titles and summaries are the reader's language versions, HTML-escaped.

`by=community` names every community, also one that no page is for alone yet: a reader looking
for their community finds it, with a link to the pages for all communities (which apply to it).
"""

from __future__ import annotations

import re
from html import escape
from typing import Callable, Iterable, Sequence

from scripts.documents import COMMUNITIES, DEFAULT_LANGUAGE, DOCUMENT_TYPES, TAGS, Corpus, Document
from scripts.problems import Problem
from scripts.ui_strings import t

MARKER = re.compile(r"<!--\s*documents\b(?P<args>[^>]*?)\s*-->")
FILTERS = {"type": DOCUMENT_TYPES, "tag": TAGS, "community": COMMUNITIES}
GROUPINGS = {"tag": TAGS, "community": COMMUNITIES}

# A document's URL relative to the page being rendered, or None when the build has no such page.
LinkFor = Callable[[Document], "str | None"]


def parse_marker(args: str) -> tuple[dict[str, str], list[str]]:
    """The `name=value` arguments of a marker, and what is wrong with them."""
    options: dict[str, str] = {}
    problems = []
    for part in args.split():
        name, _, value = part.partition("=")
        options[name] = value
        if name == "level":
            if value not in ("2", "3", "4"):
                problems.append(f"'level={value}' must be 2, 3 or 4")
        elif name == "by":
            if value not in GROUPINGS:
                problems.append(f"'by={value}' must be one of {', '.join(GROUPINGS)}")
        elif name not in FILTERS:
            problems.append(f"unknown argument '{name}': use {', '.join([*FILTERS, 'by', 'level'])}")
        elif any(v not in FILTERS[name] for v in value.split(",")):
            problems.append(f"'{name}={value}': each value must be one of {', '.join(FILTERS[name])}")
    return options, problems


def _values(doc: Document, name: str) -> list[str]:
    if name == "type":
        return [doc.type]
    value = doc.meta.get("tags" if name == "tag" else "communities") or []
    return value if isinstance(value, list) else []


def matching(docs: Iterable[Document], options: dict[str, str]) -> list[Document]:
    """The documents that pass every filter of a marker."""
    found = []
    for doc in docs:
        if all(set(_values(doc, name)) & set(options[name].split(",")) for name in FILTERS if name in options):
            found.append(doc)
    return found


def reader_versions(corpus: Corpus, language: str, exclude: str = "") -> list[Document]:
    """One version of each document: the reader's language, else the default language's."""
    versions = []
    for doc_id in corpus.ids():
        if doc_id == exclude:
            continue
        doc = corpus.get(language, doc_id) or corpus.get(DEFAULT_LANGUAGE, doc_id)
        if doc is not None:
            versions.append(doc)
    return versions


def _sort_key(doc: Document) -> tuple[int, str]:
    order = DOCUMENT_TYPES.index(doc.type) if doc.type in DOCUMENT_TYPES else len(DOCUMENT_TYPES)
    return order, doc.title.casefold()


def render_list(docs: Sequence[Document], language: str, link_for: LinkFor, show_type: bool = False) -> str:
    """A <ul> of links with summaries (one HTML block: Markdown passes it through)."""
    if not docs:
        return f'<p class="crch-documents-empty">{escape(t("browse.empty", language))}</p>'
    items = []
    for doc in sorted(docs, key=_sort_key):
        href = link_for(doc)
        title = f'<a href="{escape(href)}">{escape(doc.title)}</a>' if href else escape(doc.title)
        kind = f' <span class="crch-doc-type">{escape(t(f"type.{doc.type}", language))}</span>' if show_type else ""
        items.append(f'<li>{title}{kind}<br><span class="crch-doc-summary">{escape(doc.summary)}</span></li>')
    return '<ul class="crch-documents">\n' + "\n".join(items) + "\n</ul>"


ALL_COMMUNITIES = "all"
ALL_ANCHOR = "community-all"


def _only_all_note(language: str) -> str:
    link = f'<a href="#{ALL_ANCHOR}">{escape(t("browse.community.all-link", language))}</a>'
    before, _, after = t("browse.community.none", language).partition("{all}")
    return f'<p class="crch-documents-empty">{escape(before)}{link}{escape(after)}</p>'


def _heading(level: int, text: str) -> str:
    return f"{'#' * level} {text}"


def render_marker(options: dict[str, str], docs: Sequence[Document], language: str, link_for: LinkFor) -> str:
    """The Markdown that replaces one marker: headings from our strings, lists as HTML."""
    level = int(options.get("level", "2"))
    found = matching(docs, options)
    grouping = options.get("by")
    if grouping:
        blocks = []
        for_all = [doc for doc in found if ALL_COMMUNITIES in _values(doc, "community")]
        for value in GROUPINGS[grouping]:
            group = [doc for doc in found if value in _values(doc, grouping)]
            heading = _heading(level, t(f"{grouping}.{value}", language))
            if group:
                anchor = f" {{#{ALL_ANCHOR}}}" if grouping == "community" and value == ALL_COMMUNITIES else ""
                blocks += [heading + anchor, render_list(group, language, link_for, True)]
            elif grouping == "community" and value != ALL_COMMUNITIES:
                blocks += [heading, _only_all_note(language) if for_all else render_list([], language, link_for)]
        return "\n\n".join(blocks) or render_list([], language, link_for)
    types = [kind for kind in DOCUMENT_TYPES if any(doc.type == kind for doc in found)]
    if len(types) <= 1:
        return render_list(found, language, link_for)
    blocks = []
    for kind in types:
        blocks += [_heading(level, t(f"type.{kind}.plural", language)), render_list([d for d in found if d.type == kind], language, link_for)]
    return "\n\n".join(blocks)


def replace_markers(markdown: str, corpus: Corpus, language: str, page_id: str, link_for: LinkFor) -> tuple[str, list[str]]:
    """Every marker of a page replaced by its listing, and the problems of its markers."""
    if not MARKER.search(markdown):  # most pages: no listing, so no pass over the corpus
        return markdown, []
    problems: list[str] = []
    docs = reader_versions(corpus, language, exclude=page_id)

    def replace(match: re.Match) -> str:
        options, found = parse_marker(match.group("args"))
        problems.extend(f"{match.group(0)}: {message}" for message in found)
        return "" if found else f"\n\n{render_marker(options, docs, language, link_for)}\n\n"

    return MARKER.sub(replace, markdown), problems


def marker_problems(doc: Document) -> list[Problem]:
    """Markers of a page with unknown arguments, with their line (for the content check)."""
    problems = []
    for offset, line in enumerate(doc.body.split("\n")):
        for match in MARKER.finditer(line):
            for message in parse_marker(match.group("args"))[1]:
                problems.append(Problem(doc.display_path, doc.body_line + offset, f"listing marker {match.group(0)}: {message}"))
    return problems
