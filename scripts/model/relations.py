"""The relation graph of one language: relations written in front matter, their reverses, and backlinks.

A relation is written once, on one side (`amends: [b]` on A); the other side is derived (B is
"amended by" A). "Referenced by" lists, for each document, the pages that link to it in their body
or name it in a relation. Everything is built in one pass over the pages, so the work grows with
the number of pages and links, never with their square; `relation_graph` builds each language's
graph once per corpus, for the cross-reference check and for every page of the build alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from scripts.model.documents import Corpus, Document
from scripts.model.links import references
from scripts.model.schema import RELATION_NAMES
from scripts.model.served import served_documents

# Each relation and the name it has seen from the other side.
INVERSE = {
    "based_on": "basis_for",
    "basis_for": "based_on",
    "implements": "implemented_by",
    "implemented_by": "implements",
    "amends": "amended_by",
    "amended_by": "amends",
    "replaces": "replaced_by",
    "replaced_by": "replaces",
    "related": "related",
}
# The order relations are shown in: each relation next to its reverse.
DISPLAY_ORDER = (
    "based_on", "basis_for", "implements", "implemented_by", "amends", "amended_by",
    "replaces", "replaced_by", "related",
)  # fmt: skip


@dataclass(frozen=True)
class Relation:
    """One relation as written in a page's front matter: `source` <name> `target`."""

    source: str
    name: str
    target: str
    document: Document  # the page it is written in
    line: int

    def canonical(self) -> tuple[str, str, str]:
        """The same fact whichever side it is written on: ('a', 'amends', 'b') for 'b amended_by a'."""
        if self.name in ("amended_by", "replaced_by"):
            return (self.target, INVERSE[self.name], self.source)
        if self.name == "related":
            first, second = sorted((self.source, self.target))
            return (first, "related", second)
        return (self.source, self.name, self.target)


def written_relations(doc: Document) -> Iterator[Relation]:
    """The relations written in doc's front matter (malformed entries are the schema check's business)."""
    relations = doc.meta.get("relations")
    if not isinstance(relations, dict) or not doc.id:
        return
    for name in RELATION_NAMES:
        targets = relations.get(name)
        if not isinstance(targets, list):
            continue
        for index, target in enumerate(targets):
            if isinstance(target, str) and target:
                yield Relation(doc.id, name, target, doc, doc.line_of("relations", name, index))


class RelationGraph:
    """Relations of one language's pages, both ways, and who references whom."""

    def __init__(self, corpus: Corpus, pages: Iterable[Document]):
        self.pages: dict[str, Document] = {}
        self.written: list[Relation] = []
        self._related: dict[str, dict[str, dict[str, None]]] = {}  # id -> relation -> {id: None}
        self._referrers: dict[str, dict[str, None]] = {}  # id -> {referring id: None}
        for page in pages:
            self.pages.setdefault(page.id, page)
            for relation in written_relations(page):
                self.written.append(relation)
                self._relate(relation.source, relation.name, relation.target)
                self._relate(relation.target, INVERSE[relation.name], relation.source)
                self._refer(relation.target, page.id)
            for target in references(corpus, page):
                self._refer(target, page.id)

    def _relate(self, doc_id: str, name: str, other: str) -> None:
        self._related.setdefault(doc_id, {}).setdefault(name, {})[other] = None

    def _refer(self, target: str, referrer: str) -> None:
        if target != referrer:
            self._referrers.setdefault(target, {})[referrer] = None

    def relations_of(self, doc_id: str) -> dict[str, list[str]]:
        """Relation name -> related IDs, both the written and the derived ones, in display order."""
        found = self._related.get(doc_id, {})
        return {name: list(found[name]) for name in DISPLAY_ORDER if found.get(name)}

    def referrers(self, doc_id: str) -> list[Document]:
        """The pages that link to doc_id or name it in a relation (other than itself)."""
        return [self.pages[i] for i in self._referrers.get(doc_id, {}) if i in self.pages]

    def is_referenced(self, doc_id: str) -> bool:
        return bool(self._referrers.get(doc_id))


def relation_graph(corpus: Corpus, language: str) -> RelationGraph:
    """The graph of the documents a reader of `language` gets, built once per corpus and language."""
    return corpus.derived(("relation-graph", language), lambda: RelationGraph(corpus, served_documents(corpus, language)))
