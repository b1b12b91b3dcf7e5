"""The "Referenced by" section of every document page: the pages that link to it or name it in a
relation, grouped by their type, each in the version the reader gets."""

from __future__ import annotations

from markupsafe import Markup

from scripts.model.documents import Document
from scripts.model.relations import RelationGraph
from scripts.model.schema import DOCUMENT_TYPES
from scripts.render.markup import html_list
from scripts.render.reader import Reader


def referenced_by(doc: Document, reader: Reader, graph: RelationGraph) -> Markup:
    """The "Referenced by" section: pages linking to or relating to doc, grouped by their type."""
    groups: dict[str, list[Document]] = {}
    for referrer in graph.referrers(doc.id):
        groups.setdefault(referrer.type, []).append(referrer)
    parts = []
    type_order = {doc_type: index for index, doc_type in enumerate(DOCUMENT_TYPES)}
    for doc_type in sorted(groups, key=lambda name: type_order.get(name, len(type_order))):
        entries = sorted(groups[doc_type], key=lambda d: d.title.casefold())
        parts.append(
            Markup("<h3>{}</h3>{}").format(reader.t(f"type.{doc_type}.plural"), html_list([reader.link(d.id) for d in entries]))
        )
    content = Markup("").join(parts) or Markup("<p>{}</p>").format(reader.t("xrefs.referenced_by.none"))
    return Markup(
        '<section class="crch-referenced-by" aria-labelledby="crch-referenced-by">'
        '<h2 id="crch-referenced-by">{}</h2>{}</section>'
    ).format(reader.t("xrefs.referenced_by"), content)
