"""What cross-references add to each built page, in the reader's language.

- `id:` links become relative links (see scripts/links.py);
- act and strategy pages get a metadata panel (number, issuer, dates, status, sources, relations
  both ways, last reviewed) and legal acts schema.org `Legislation` JSON-LD, from front matter only;
- every document page ends with "Referenced by": the pages that link to it or relate to it, by type.

Everything taken from front matter or content is escaped here. overrides/hooks/xrefs.py calls these
functions; the labels are in overrides/strings/xrefs.yml.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from scripts.check_xrefs import check_corpus
from scripts.documents import DATE_FIELDS, DOCUMENT_TYPES, UNKNOWN, Corpus, Document, site_path
from scripts.links import (
    Anchors,
    Link,
    markdown_path,
    relative_url,
    resolve_id,
    rewrite_id_hrefs,
    rewrite_links,
    served_documents,
    served_in_tree,
)
from scripts.problems import Problem
from scripts.relations import RelationGraph
from scripts.ui_strings import t

LEGAL_ACT_TYPES = ("constitution", "law", "regulation", "decision")  # the types that get Legislation JSON-LD
LEGAL_FORCE = {"in-force": "https://schema.org/InForce", "repealed": "https://schema.org/NotInForce",
               "expired": "https://schema.org/NotInForce"}  # fmt: skip
HTML_LANGUAGE = {"sq": "sq", "sr": "sr-Latn", "en": "en"}


def build_problems(corpus: Corpus, extensions: list, extension_configs: dict) -> list[Problem]:
    """The cross-reference problems of a build's corpus, computed once (not once per language)."""
    if not hasattr(corpus, "xref_problems"):
        corpus.xref_problems = check_corpus(corpus, Anchors(extensions, extension_configs))
    return corpus.xref_problems


def relation_graph(corpus: Corpus, language: str) -> RelationGraph:
    """The relation graph of the pages a language's build serves, built once per corpus and language."""
    graphs = corpus.__dict__.setdefault("relation_graphs", {})
    if language not in graphs:
        graphs[language] = RelationGraph(corpus, served_documents(corpus, language))
    return graphs[language]


@dataclass
class Reader:
    """A page being built in one language: where it is and how it reaches other documents."""

    corpus: Corpus
    language: str
    page_url: str  # the page's URL path from the site root, e.g. "sr/acts/x/"
    page_rel_path: str  # its Markdown path inside its language tree, e.g. "acts/x.md"

    def target(self, doc_id: str) -> Document | None:
        return resolve_id(self.corpus, doc_id, self.language)

    def url(self, target: Document, anchor: str = "") -> str:
        """Relative URL of target as the reader gets it (their tree when it has the page)."""
        in_tree = served_in_tree(target, self.language)
        path = site_path(target.rel_path, self.language) if in_tree else target.site_path
        return relative_url(self.page_url, path) + (f"#{anchor}" if anchor else "")

    def markdown(self, markdown: str) -> str:
        """id: links as relative Markdown paths (MkDocs makes them URLs and checks them); an id: link to
        a page the reader's tree lacks stays for html() to turn into a URL to its source language."""

        def replacement(link: Link) -> str | None:
            target = self.target(link.path) if link.is_id else None
            if target is None or not served_in_tree(target, self.language):
                return None
            return markdown_path(self.page_rel_path, target, link.anchor)

        return rewrite_links(markdown, replacement)

    def html(self, html: str) -> str:
        def url_for(doc_id: str, anchor: str) -> str | None:
            target = self.target(doc_id)
            return None if target is None else self.url(target, anchor.lstrip("#"))

        return rewrite_id_hrefs(html, url_for)

    def link(self, doc_id: str) -> Markup:
        target = self.target(doc_id)
        if target is None:
            return escape(doc_id)
        return Markup('<a href="{}">{}</a>').format(self.url(target), target.title)


# --------------------------------------------------------------------------- act panel


def _date(value: Any, language: str) -> Markup:
    if isinstance(value, dt.date):
        return Markup('<time datetime="{0}">{0}</time>').format(value.isoformat())
    return escape(t("xrefs.unknown", language) if value == UNKNOWN else str(value))


def _list(items: list[Markup]) -> Markup:
    return Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(item) for item in items))


def _source(source: Any, language: str) -> Markup:
    if not isinstance(source, dict):
        return escape(str(source))
    text = escape(source.get("title", ""))
    if re.match(r"^https?://", str(source.get("url") or "")):  # the schema allows no other (never javascript:)
        # A link the reader may follow (nothing is loaded from the other host); printed pages show
        # its address (the print stylesheet), and the official site is not told where readers come from.
        text = Markup('<a href="{}" rel="external noreferrer">{}</a>').format(source["url"], text or source["url"])
    if source.get("note"):
        note = t("xrefs.source.secondary", language) if source["note"] == "secondary" else str(source["note"])
        text += Markup(" ({})").format(note)
    return text


def act_panel(doc: Document, reader: Reader, graph: RelationGraph) -> Markup:
    """The metadata panel of an act or strategy page, from its front matter only."""
    language, meta = reader.language, doc.meta
    rows: list[tuple[str, Markup]] = []
    if meta.get("number"):
        rows.append(("xrefs.number", escape(meta["number"])))
    if meta.get("issuer"):
        rows.append(("xrefs.issuer", escape(meta["issuer"])))
    rows += [(f"xrefs.{key}", _date(meta[key], language)) for key in DATE_FIELDS if key in meta]
    if meta.get("status"):
        rows.append(("xrefs.status", escape(t(f"status.{meta['status']}", language))))
    if isinstance(meta.get("sources"), list) and meta["sources"]:
        rows.append(("xrefs.sources", _list([_source(s, language) for s in meta["sources"]])))
    for name, ids in graph.relations_of(doc.id).items():
        rows.append((f"xrefs.relation.{name}", _list([reader.link(i) for i in ids])))
    unverified = set(meta.get("unverified") or ())
    rows = [
        (key, value + Markup(' <em class="crch-unverified">({})</em>').format(t("xrefs.unverified", language)))
        if key.removeprefix("xrefs.") in unverified
        else (key, value)
        for key, value in rows
    ]
    items = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(t(key, language), value) for key, value in rows)
    return Markup(
        '<aside class="admonition info crch-act-panel" data-search-exclude lang="{}" aria-labelledby="crch-act-panel-title">'
        '<p class="admonition-title" id="crch-act-panel-title">{}</p><dl>{}</dl></aside>'
    ).format(HTML_LANGUAGE.get(language, language), t("xrefs.panel", language), items)


def with_act_panel(html: str, panel: Markup) -> str:
    """The page HTML with the panel right after its title (or first, when it has none)."""
    head, found, rest = html.partition("</h1>")
    return f"{head}{found}{panel}{rest}" if found else f"{panel}{html}"


# --------------------------------------------------------------------------- referenced by


def referenced_by(doc: Document, reader: Reader, graph: RelationGraph) -> Markup:
    """The "Referenced by" section: pages linking to or relating to doc, grouped by their type."""
    language = reader.language
    groups: dict[str, list[Document]] = {}
    for referrer in graph.referrers(doc.id):
        groups.setdefault(referrer.type, []).append(referrer)
    parts = []
    type_order = {doc_type: index for index, doc_type in enumerate(DOCUMENT_TYPES)}
    for doc_type in sorted(groups, key=lambda name: type_order.get(name, len(type_order))):
        entries = sorted(groups[doc_type], key=lambda d: d.title.casefold())
        parts.append(
            Markup("<h3>{}</h3>{}").format(
                t(f"type.{doc_type}.plural", language), _list([reader.link(d.id) for d in entries])
            )
        )
    content = Markup("").join(parts) or Markup("<p>{}</p>").format(t("xrefs.referenced_by.none", language))
    return Markup(
        '<section class="crch-referenced-by" aria-labelledby="crch-referenced-by">'
        '<h2 id="crch-referenced-by">{}</h2>{}</section>'
    ).format(t("xrefs.referenced_by", language), content)


# --------------------------------------------------------------------------- JSON-LD


def _legislation_ref(reader: Reader, doc_id: str) -> dict[str, str]:
    target = reader.target(doc_id)
    if target is None:
        return {"@type": "Legislation", "name": doc_id}
    ref = {"@type": "Legislation", "name": target.title, "url": reader.url(target)}
    if target.meta.get("number"):
        ref["legislationIdentifier"] = str(target.meta["number"])
    return ref


def legislation_data(doc: Document, reader: Reader, graph: RelationGraph) -> dict[str, Any]:
    """schema.org Legislation properties of a legal act, from its front matter and relations."""
    meta = doc.meta
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": doc.title,
        "description": doc.summary,
        "inLanguage": HTML_LANGUAGE.get(doc.language, doc.language),
        "url": "./",
        "legislationType": t(f"type.{doc.type}", reader.language),
    }
    if meta.get("number"):
        data["legislationIdentifier"] = str(meta["number"])
    dates = (("date_adopted", "legislationDate"), ("date_published", "datePublished"), ("date_expires", "expires"))
    for key, prop in dates:
        if isinstance(meta.get(key), dt.date):
            data[prop] = meta[key].isoformat()
    if meta.get("status") in LEGAL_FORCE:
        data["legislationLegalForce"] = LEGAL_FORCE[meta["status"]]
    if meta.get("issuer"):
        data["legislationPassedBy"] = {"@type": "Organization", "name": str(meta["issuer"])}
    relations = graph.relations_of(doc.id)
    if relations.get("based_on"):
        data["isBasedOn"] = [_legislation_ref(reader, i) for i in relations["based_on"]]
    if relations.get("amends"):
        data["legislationChanges"] = [_legislation_ref(reader, i) for i in relations["amends"]]
    return data


def script_json(data: Any) -> Markup:
    """JSON safe inside <script>: '<', '>' and '&' escaped, so no field can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def legislation_jsonld(doc: Document, reader: Reader, graph: RelationGraph) -> Markup | None:
    """The JSON-LD of a legal act page (None for other pages)."""
    if doc.type not in LEGAL_ACT_TYPES:
        return None
    return script_json(legislation_data(doc, reader, graph))
