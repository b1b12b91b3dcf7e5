"""Document listings for the home page and the section index pages, generated from the corpus.

A page asks for a listing with a marker in its Markdown; the content hook replaces it:

    <!-- documents type=law,regulation,decision -->   documents of these types, grouped by type
    <!-- documents tag=education -->                  documents with this topic (any type)
    <!-- documents community=roma -->                 documents for this community
    <!-- documents by=tag -->                         every topic with its documents
    <!-- documents by=community -->                   every community with its documents

Filters combine (type=guide tag=housing). `level=3` sets the heading level (default 2).
Each document is listed in the version the reader gets (scripts/model/served.py): their language's,
else the original's, marked with its language. Titles and summaries are HTML-escaped.

`by=community` names every community, also one that no page is for alone yet: a reader looking
for their community finds it, with a link to the pages for all communities (which apply to it).
"""

from __future__ import annotations

import re
from html import escape
from typing import Iterable, Sequence

from scripts.checks.problems import Problem
from scripts.model.documents import Document
from scripts.model.schema import ALL_COMMUNITIES, COMMUNITIES, DOCUMENT_TYPES, TAGS
from scripts.model.served import is_fallback, served_documents
from scripts.render.reader import Reader

MARKER = re.compile(r"<!--\s*documents\b(?P<args>[^>]*?)\s*-->")
FILTERS = {"type": DOCUMENT_TYPES, "tag": TAGS, "community": COMMUNITIES}
GROUPINGS = {"tag": TAGS, "community": COMMUNITIES}


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


def _sort_key(doc: Document) -> tuple[int, str]:
    order = DOCUMENT_TYPES.index(doc.type) if doc.type in DOCUMENT_TYPES else len(DOCUMENT_TYPES)
    return order, doc.title.casefold()


def render_list(docs: Sequence[Document], reader: Reader, show_type: bool = False) -> str:
    """A <ul> of links with summaries (one HTML block: Markdown passes it through)."""
    if not docs:
        return f'<p class="crch-documents-empty">{escape(reader.t("browse.empty"))}</p>'
    items = []
    for doc in sorted(docs, key=_sort_key):
        lang = f' lang="{reader.html_lang(doc.language)}"' if is_fallback(doc, reader.language) else ""
        title = f'<a href="{escape(reader.url(doc))}"{lang}>{escape(doc.title)}</a>'
        kind = f' <span class="crch-doc-type">{escape(reader.t(f"type.{doc.type}"))}</span>' if show_type else ""
        items.append(f'<li>{title}{kind}<br><span class="crch-doc-summary"{lang}>{escape(doc.summary)}</span></li>')
    return '<ul class="crch-documents">\n' + "\n".join(items) + "\n</ul>"


ALL_ANCHOR = "community-all"


def _only_all_note(reader: Reader) -> str:
    link = f'<a href="#{ALL_ANCHOR}">{escape(reader.t("browse.community.all-link"))}</a>'
    before, _, after = reader.t("browse.community.none").partition("{all}")
    return f'<p class="crch-documents-empty">{escape(before)}{link}{escape(after)}</p>'


def _heading(level: int, text: str) -> str:
    return f"{'#' * level} {text}"


def render_marker(options: dict[str, str], docs: Sequence[Document], reader: Reader) -> str:
    """The Markdown that replaces one marker: headings from our strings, lists as HTML."""
    level = int(options.get("level", "2"))
    found = matching(docs, options)
    grouping = options.get("by")
    if grouping:
        blocks = []
        for_all = [doc for doc in found if ALL_COMMUNITIES in _values(doc, "community")]
        for value in GROUPINGS[grouping]:
            group = [doc for doc in found if value in _values(doc, grouping)]
            heading = _heading(level, reader.t(f"{grouping}.{value}"))
            if group:
                anchor = f" {{#{ALL_ANCHOR}}}" if grouping == "community" and value == ALL_COMMUNITIES else ""
                blocks += [heading + anchor, render_list(group, reader, True)]
            elif grouping == "community" and value != ALL_COMMUNITIES:
                blocks += [heading, _only_all_note(reader) if for_all else render_list([], reader)]
        return "\n\n".join(blocks) or render_list([], reader)
    types = [kind for kind in DOCUMENT_TYPES if any(doc.type == kind for doc in found)]
    if len(types) <= 1:
        return render_list(found, reader)
    blocks = []
    for kind in types:
        blocks += [_heading(level, reader.t(f"type.{kind}.plural")), render_list([d for d in found if d.type == kind], reader)]
    return "\n\n".join(blocks)


def replace_markers(markdown: str, reader: Reader, page_id: str) -> tuple[str, list[str]]:
    """Every marker of a page replaced by its listing, and the problems of its markers."""
    if not MARKER.search(markdown):  # most pages: no listing, so no pass over the corpus
        return markdown, []
    problems: list[str] = []
    docs = [doc for doc in served_documents(reader.corpus, reader.language) if doc.id != page_id]

    def replace(match: re.Match) -> str:
        options, found = parse_marker(match.group("args"))
        problems.extend(f"{match.group(0)}: {message}" for message in found)
        return "" if found else f"\n\n{render_marker(options, docs, reader)}\n\n"

    return MARKER.sub(replace, markdown), problems


def marker_problems(doc: Document) -> list[Problem]:
    """Markers of a page with unknown arguments, with their line (for the content check)."""
    problems = []
    for offset, line in enumerate(doc.body.split("\n")):
        for match in MARKER.finditer(line):
            for message in parse_marker(match.group("args"))[1]:
                problems.append(Problem(doc.display_path, doc.body_line + offset, f"listing marker {match.group(0)}: {message}"))
    return problems
