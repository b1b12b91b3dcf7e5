"""schema.org JSON-LD of a document page: a `WebPage` (this summary), which for a legal act is
`about` the `Legislation` it summarises.

The page is not the law: its name, description and review belong to the `WebPage` (the
description is the page's summary), the act's facts (number, dates, legal force, issuer,
relations) to the `Legislation`, which carries no URL of ours. No ELI identifier is made up:
only an act's official publisher may mint one, so `legislationIdentifier` is the act's number as
the sources give it. A machine translation says so (`translationOfWork`) and carries no review
date of its own (scripts/model/review.py). URLs are absolute when the site has an address,
else relative to the page.

The JSON goes into a <script type="application/ld+json"> with '<', '>' and '&' escaped, so no field
can close the element (scripts/render/markup.py); browsers do not run it (the CSP allows no inline
script, and needs no hash for data).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from scripts.model.documents import Document
from scripts.model.relations import RelationGraph
from scripts.model.review import Review
from scripts.render.markup import script_json
from scripts.render.page_meta import canonical_path
from scripts.render.reader import Reader

LEGAL_ACT_TYPES = ("constitution", "law", "regulation", "decision")  # the types that are about a Legislation
LEGAL_FORCE = {"in-force": "https://schema.org/InForce", "repealed": "https://schema.org/NotInForce",
               "expired": "https://schema.org/NotInForce"}  # fmt: skip
# Our relations and the schema.org property of the Legislation each becomes.
RELATION_PROPERTIES = {"based_on": "isBasedOn", "amends": "legislationAmends", "replaces": "legislationChanges"}


def _page_ref(reader: Reader, doc: Document) -> dict[str, str]:
    return {"@type": "WebPage", "url": reader.site_url(canonical_path(doc)), "inLanguage": reader.html_lang(doc.language)}


def _legislation_ref(reader: Reader, doc_id: str) -> dict[str, Any]:
    """Another act, named as the reader gets it, with our page about it (never as its own URL)."""
    target = reader.target(doc_id)
    if target is None:
        return {"@type": "Legislation", "name": doc_id}
    ref: dict[str, Any] = {"@type": "Legislation", "name": target.title}
    if target.meta.get("number"):
        ref["legislationIdentifier"] = str(target.meta["number"])
    ref["subjectOf"] = _page_ref(reader, target)
    return ref


def legislation_data(doc: Document, reader: Reader, graph: RelationGraph) -> dict[str, Any]:
    """The act a page summarises, as a schema.org Legislation, from front matter and relations."""
    meta = doc.meta
    data: dict[str, Any] = {"@type": "Legislation", "name": doc.title, "legislationType": reader.t(f"type.{doc.type}")}
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
    for name, prop in RELATION_PROPERTIES.items():
        if relations.get(name):
            data[prop] = [_legislation_ref(reader, i) for i in relations[name]]
    return data


def page_data(review: Review, reader: Reader, graph: RelationGraph) -> dict[str, Any]:
    """The page as a schema.org WebPage (about its Legislation for a legal act)."""
    doc = review.text
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": doc.title,
        "description": doc.summary,
        "inLanguage": reader.html_lang(doc.language),
        "url": reader.site_url(canonical_path(doc)),
        "isPartOf": {"@type": "WebSite", "name": reader.site_name, "url": reader.site_url(reader.languages[reader.language].prefix)},
    }
    if review.machine:
        data["translationOfWork"] = {**_page_ref(reader, review.reviewed), "name": review.reviewed.title}
        if review.iso_date:
            data["translationOfWork"]["lastReviewed"] = review.iso_date
    elif review.iso_date:
        data["lastReviewed"] = review.iso_date
    sources = [s for s in doc.meta.get("sources") or [] if isinstance(s, dict) and s.get("title")]
    if sources:
        data["citation"] = [{"@type": "CreativeWork", "name": str(s["title"]), **({"url": str(s["url"])} if s.get("url") else {}),
                             **({"inLanguage": str(s["lang"])} if s.get("lang") else {})}
                            for s in sources]
    if doc.type in LEGAL_ACT_TYPES:
        data["about"] = legislation_data(doc, reader, graph)
    return data


def page_jsonld(review: Review, reader: Reader, graph: RelationGraph) -> Markup:
    """The JSON-LD of a document page, safe inside its <script> element."""
    return script_json(page_data(review, reader, graph))
