"""The metadata panel of an act or strategy page: number, issuer, dates, status, sources (links a
reader may follow), relations (both ways), from front matter only; fields marked `unverified` say
so. Its last review is the line every page ends with (scripts/render/notices.py, `review_note`).

Everything taken from front matter is escaped here; the labels are in overrides/strings/xrefs.yml.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from markupsafe import Markup, escape

from scripts.model.documents import Document
from scripts.model.relations import RelationGraph
from scripts.model.schema import DATE_FIELDS, UNKNOWN
from scripts.render.citations import title_lang
from scripts.render.markup import after_title, html_list
from scripts.render.reader import Reader


def _date(value: Any, reader: Reader) -> Markup:
    if isinstance(value, dt.date):
        return Markup('<time datetime="{0}">{0}</time>').format(value.isoformat())
    return escape(reader.t("xrefs.unknown") if value == UNKNOWN else str(value))


def _source(source: Any, reader: Reader) -> Markup:
    if not isinstance(source, dict):
        return escape(str(source))
    text = escape(source.get("title", ""))
    lang = title_lang(source, reader)
    if lang and text:
        text = Markup('<span lang="{}">{}</span>').format(lang, text)
    if re.match(r"^https?://", str(source.get("url") or "")):  # the schema allows no other (never javascript:)
        # A link the reader may follow (nothing is loaded from the other host); printed pages show
        # its address (the print stylesheet), and the official site is not told where readers come from.
        text = Markup('<a href="{}" rel="external noreferrer">{}</a>').format(source["url"], text or source["url"])
    if source.get("note"):
        note = reader.t("xrefs.source.secondary") if source["note"] == "secondary" else str(source["note"])
        text += Markup(" ({})").format(note)
    return text


# More sources than this are folded: on a phone a list of twenty would push the act's text a few
# screens down; the footnotes under the text give each cited one again.
SHOWN_SOURCES = 3


def _sources(sources: list, reader: Reader) -> Markup:
    listed = html_list([_source(s, reader) for s in sources])
    if len(sources) <= SHOWN_SOURCES:
        return listed
    return Markup('<details class="crch-act-sources"><summary>{} ({})</summary>{}</details>').format(
        reader.t("xrefs.sources.show"), len(sources), listed)


def act_panel(doc: Document, reader: Reader, graph: RelationGraph) -> Markup:
    """The metadata panel of an act or strategy page, from its front matter only."""
    meta = doc.meta
    rows: list[tuple[str, Markup]] = []
    if meta.get("number"):
        rows.append(("xrefs.number", escape(meta["number"])))
    if meta.get("issuer"):
        rows.append(("xrefs.issuer", escape(meta["issuer"])))
    rows += [(f"xrefs.{key}", _date(meta[key], reader)) for key in DATE_FIELDS if key in meta]
    if meta.get("status"):
        rows.append(("xrefs.status", escape(reader.t(f"status.{meta['status']}"))))
    if isinstance(meta.get("sources"), list) and meta["sources"]:
        rows.append(("xrefs.sources", _sources(meta["sources"], reader)))
    for name, ids in graph.relations_of(doc.id).items():
        rows.append((f"xrefs.relation.{name}", html_list([reader.link(i) for i in ids])))
    unverified = set(meta.get("unverified") or ())
    rows = [
        (key, value + Markup(' <em class="crch-unverified">({})</em>').format(reader.t("xrefs.unverified")))
        if key.removeprefix("xrefs.") in unverified
        else (key, value)
        for key, value in rows
    ]
    items = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(reader.t(key), value) for key, value in rows)
    return Markup(
        '<aside class="admonition info crch-act-panel" data-search-exclude lang="{}" aria-labelledby="crch-act-panel-title">'
        '<p class="admonition-title" id="crch-act-panel-title">{}</p><dl>{}</dl></aside>'
    ).format(reader.html_lang(), reader.t("xrefs.panel"), items)


def with_act_panel(html: str, panel: Markup) -> str:
    """The page HTML with the panel right after its title (or first, when it has none)."""
    return after_title(html, panel, separator="")
