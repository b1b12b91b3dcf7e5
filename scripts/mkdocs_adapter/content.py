"""The content feature in a build: each page's markers filled in (directory, glossary, contacts,
listings), its citations turned into footnotes and its language's abbreviations appended."""

from __future__ import annotations

from typing import Any

from scripts.checks.citations import citation_problems
from scripts.checks.contacts import marker_problems
from scripts.render import glossary, listings
from scripts.render.citations import add_source_footnotes
from scripts.render.markers import fill_markers

from scripts.mkdocs_adapter.state import BuildState, fail_on


def page_markdown(markdown: str, page: Any, state: BuildState) -> str:
    """Directory table, glossary table, contact blocks, document listings, source footnotes and
    abbreviations for one page."""
    reader = state.reader_for(page)
    doc = state.document_for(page)
    offices = state.contacts or []
    if doc is not None:  # before the markers are replaced: the problems name the file and line
        fail_on(listings.marker_problems(doc), "listing marker")
        fail_on(marker_problems(doc, offices, state.settings.contacts_file), "contact marker")
    markdown = fill_markers(markdown, reader, doc.id if doc else "", state.municipalities, state.terms,
                            state.contacts, state.settings.directory_file)
    if doc is not None:
        fail_on(citation_problems(doc), "citation")
        markdown = add_source_footnotes(markdown, doc, reader)
    return glossary.add_abbreviations(markdown, state.terms, doc.language if doc else reader.language)
