"""Cross-references in a build: the check (once per build, with the build's own Markdown settings),
id: links as relative links in the reader's language, the act panel, "Referenced by" and the
page's JSON-LD (a WebPage, about the Legislation on an act's page)."""

from __future__ import annotations

from typing import Any

from scripts.checks.problems import Problem
from scripts.checks.xrefs import check_corpus
from scripts.model.anchors import Anchors
from scripts.model.relations import relation_graph
from scripts.model.review import review_of
from scripts.render.act_panel import act_panel, with_act_panel
from scripts.render.jsonld import page_jsonld
from scripts.render.referenced_by import referenced_by

from scripts.mkdocs_adapter.state import BuildState


def problems(state: BuildState) -> list[Problem]:
    """The cross-reference problems of the build's corpus, computed once (not once per language)."""
    config = state.config

    def check() -> list[Problem]:
        return check_corpus(state.corpus, Anchors(config["markdown_extensions"], config["mdx_configs"]))

    return state.corpus.derived("xref-problems", check)


def page_markdown(markdown: str, page: Any, state: BuildState) -> str:
    return state.reader_for(page).markdown(markdown)


def page_content(html: str, page: Any, state: BuildState) -> str:
    reader = state.reader_for(page)
    html = reader.html(html)
    doc = state.document_for(page)
    if doc is not None and doc.is_act:
        html = with_act_panel(html, act_panel(doc, reader, relation_graph(state.corpus, reader.language)))
    return html


def page_context(context: dict, page: Any, state: BuildState) -> dict:
    doc = state.document_for(page)
    if doc is not None:
        reader = state.reader_for(page)
        graph = relation_graph(state.corpus, reader.language)
        context["crch_referenced_by"] = referenced_by(doc, reader, graph)
        context["crch_jsonld"] = page_jsonld(review_of(state.corpus, doc, reader.language), reader, graph)
    return context
