"""Per-page metadata in a build: the meta description is the page's summary, the canonical link
its canonical address (a page served in place of a missing translation points at its original),
Open Graph and citation tags in the head, the suggested citation at the foot
(scripts/render/page_meta.py, suggested_citation.py)."""

from __future__ import annotations

from typing import Any

from scripts.model.review import review_of
from scripts.render.page_meta import canonical_path, head_tags
from scripts.render.suggested_citation import citation_block

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState


def description_from_summary(page: Any, state: BuildState) -> None:
    """The page's summary as its meta description (which Material prints), unless the page sets
    `description` itself; before front matter is escaped."""
    doc = state.document_for(page)
    if doc is not None and doc.summary and not page.meta.get("description"):
        page.meta["description"] = doc.summary


def page_context(context: dict, page: Any, state: BuildState, citation: bool, feed: bool) -> dict:
    doc = state.document_for(page)
    if doc is None:
        return context
    reader = state.reader_for(page)
    review = review_of(state.corpus, doc, reader.language)
    url = reader.address.url(canonical_path(doc))
    page.canonical_url = url  # Material prints <link rel="canonical"> only when there is one
    context["crch_page_meta"] = head_tags(review, reader, reader.t("open-data.feed") if feed else None, citation)
    if citation:
        context["crch_citation"] = citation_block(review, reader, url)
    return context
