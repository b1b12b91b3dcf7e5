"""schema.org `Legislation` JSON-LD of a legal act page, from its front matter and relations.

The JSON goes into a <script type="application/ld+json"> with '<', '>' and '&' escaped, so no field
can close the element (scripts/render/markup.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from scripts.model.documents import Document
from scripts.model.relations import RelationGraph
from scripts.render.markup import script_json
from scripts.render.reader import Reader

LEGAL_ACT_TYPES = ("constitution", "law", "regulation", "decision")  # the types that get Legislation JSON-LD
LEGAL_FORCE = {"in-force": "https://schema.org/InForce", "repealed": "https://schema.org/NotInForce",
               "expired": "https://schema.org/NotInForce"}  # fmt: skip


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
        "inLanguage": reader.html_lang(doc.language),
        "url": "./",
        "legislationType": reader.t(f"type.{doc.type}"),
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


def legislation_jsonld(doc: Document, reader: Reader, graph: RelationGraph) -> Markup | None:
    """The JSON-LD of a legal act page (None for other pages)."""
    if doc.type not in LEGAL_ACT_TYPES:
        return None
    return script_json(legislation_data(doc, reader, graph))
