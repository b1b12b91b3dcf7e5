"""Cross-reference check: every link and relation between documents, in every language.

Reports links and relations to unknown IDs, missing anchors, relative links to missing files or
into another language's tree, duplicate IDs, IDs that differ between language versions, relations
to the document itself, cycles in `amends` / `replaces`, and orphans (a warning). `make check`
runs it, and the build stops on the same errors. The relation graph of each language is the one
the build's pages show (scripts/model/relations.py builds it once per corpus).
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from scripts.checks.problems import WARNING, Problem, did_you_mean
from scripts.checks.registry import check
from scripts.model.anchors import Anchors, project_markdown_settings
from scripts.model.documents import Corpus, Document
from scripts.model.links import Link, document_links, resolve_relative
from scripts.model.relations import Relation, RelationGraph, relation_graph
from scripts.model.schema import duplicate_ids
from scripts.model.served import served_version

CHECK = "xrefs"
CYCLIC_RELATIONS = ("amends", "replaces")
HOME_PATH = "index.md"  # the home page is reached from every page's header, not from content


def _problem(doc: Document, line: int, message: str, severity: str = "error") -> Problem:
    return Problem(doc.display_path, line, message, severity, CHECK)


def _anchor_hint(anchors: frozenset[str]) -> str:
    if not anchors:
        return "remove the anchor"
    shown = ", ".join("#" + anchor for anchor in sorted(anchors)[:8])
    return f"use one of: {shown}{', …' if len(anchors) > 8 else ''}"


class XrefChecker:
    """Checks one corpus; the anchors of each target page are computed once."""

    def __init__(self, corpus: Corpus, anchors: Anchors):
        self.corpus = corpus
        self.anchors = anchors
        self.ids = set(corpus.ids())

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        for doc in self.corpus:
            for link in document_links(doc):
                problems += self.check_link(doc, link)
        problems += [Problem(p.path, p.line, p.message, p.severity, CHECK) for p in duplicate_ids(self.corpus)]
        problems += self.ids_differing_between_languages()
        for language in self.corpus.languages.codes:
            graph = relation_graph(self.corpus, language)
            own = [relation for relation in graph.written if relation.document.language == language]
            problems += self.check_relations(own)
            problems += cycles(own)
            problems += self.orphans(language, graph)
        return problems

    # ----------------------------------------------------------------- links

    def check_link(self, doc: Document, link: Link) -> list[Problem]:
        if link.is_id:
            return self.check_id_link(doc, link)
        if link.is_relative and not link.path:
            return self.check_anchor(doc, link, doc, "this page")
        if link.is_relative:
            return self.check_relative_link(doc, link)
        return []

    def check_id_link(self, doc: Document, link: Link) -> list[Problem]:
        if link.path not in self.ids:
            return [
                _problem(
                    doc,
                    link.line,
                    f"link to unknown document id '{link.path}'{did_you_mean(link.path, self.ids)}: "
                    "use the 'id' from the front matter of the page you mean",
                )
            ]
        target = served_version(self.corpus, link.path, doc.language)
        if target is None:  # only orphan translations have this id: the translation check reports them
            return []
        return self.check_anchor(doc, link, target, f"'{link.path}' ({target.display_path})")

    def check_relative_link(self, doc: Document, link: Link) -> list[Problem]:
        target = resolve_relative(self.corpus, doc, link)
        if target.kind == "other-language":
            fix = "use an id: link, e.g. [text](id:DOC-ID), to reach the same page in the reader's language"
            if target.document is None:
                found = self.corpus.by_path(target.language, target.path.partition("/")[2])
                if found is not None and found.id:
                    fix = f"use [text](id:{found.id}) to reach that page in the reader's language"
            return [
                _problem(
                    doc, link.line, f"link '{link.target}' leads from the {doc.language}/ tree into {target.language}/: {fix}"
                )
            ]
        if target.kind == "outside":
            return [
                _problem(
                    doc,
                    link.line,
                    f"link '{link.target}' leads out of docs/ (to {target.path.removeprefix('../')}): only what is "
                    "under docs/ is published; link a page by id, e.g. [text](id:DOC-ID), or put the file under docs/",
                )
            ]
        if target.kind == "missing":
            return [
                _problem(
                    doc,
                    link.line,
                    f"link '{link.target}' points at docs/{target.path}, which does not exist: "
                    "fix the path (relative to this file) or link by id, e.g. [text](id:DOC-ID)",
                )
            ]
        if target.kind == "folder":
            return [
                _problem(
                    doc,
                    link.line,
                    f"link '{link.target}' points at a folder: link to a page in it, "
                    f"e.g. '{link.path.rstrip('/')}/index.md'",
                )
            ]
        if target.document is not None:
            return self.check_anchor(doc, link, target.document, target.document.display_path)
        return []

    def check_anchor(self, doc: Document, link: Link, target: Document, shown: str) -> list[Problem]:
        if not link.anchor:
            return []
        anchors = self.anchors.of(target)
        if link.anchor in anchors:
            return []
        return [
            _problem(
                doc,
                link.line,
                f"link to '#{link.anchor}' on {shown}, which has no such heading or id: {_anchor_hint(anchors)}",
            )
        ]

    # ----------------------------------------------------------------- documents

    def ids_differing_between_languages(self) -> list[Problem]:
        """A page whose id differs from the one most versions at its path have (ties: the default language's)."""
        by_path: dict[str, list[Document]] = {}
        for doc in self.corpus:
            if doc.id:
                by_path.setdefault(doc.rel_path, []).append(doc)
        problems = []
        for versions in by_path.values():
            counts = Counter(doc.id for doc in versions)
            versions.sort(key=lambda doc: (-counts[doc.id], doc.language != self.corpus.languages.default.code))
            usual = versions[0]
            problems += [
                _problem(
                    doc,
                    doc.line_of("id"),
                    f"id '{doc.id}' differs from '{usual.id}' in {usual.display_path}:{usual.line_of('id')} "
                    "(the same page in another language): use the same id in every language",
                )
                for doc in versions
                if doc.id != usual.id
            ]
        return problems

    def check_relations(self, written: Sequence[Relation]) -> list[Problem]:
        problems = []
        seen: dict[tuple[str, str, str], Relation] = {}
        for relation in written:
            doc = relation.document
            if relation.target not in self.ids:
                problems.append(
                    _problem(
                        doc,
                        relation.line,
                        f"'{relation.name}' names unknown document id '{relation.target}'"
                        f"{did_you_mean(relation.target, self.ids)}: use the 'id' of an existing page",
                    )
                )
            elif relation.target == relation.source:
                problems.append(
                    _problem(
                        doc, relation.line, f"'{relation.name}' names this document itself ('{doc.id}'): remove it"
                    )
                )
            earlier = seen.setdefault(relation.canonical(), relation)
            if earlier is not relation:
                problems.append(
                    _problem(
                        doc,
                        relation.line,
                        f"'{relation.name}: {relation.target}' repeats a relation already written in "
                        f"{earlier.document.display_path}:{earlier.line}: write each relation once, on one side "
                        "(the reverse is shown automatically)",
                        WARNING,
                    )
                )
        return problems

    def orphans(self, language: str, graph: RelationGraph) -> list[Problem]:
        return [
            _problem(
                doc,
                doc.line_of("id"),
                f"no page links to '{doc.id}' (an orphan): link it from a related page with [text](id:{doc.id}) "
                "or name it in a 'relations' entry",
                WARNING,
            )
            for doc in self.corpus.in_language(language)
            if doc.id and doc.rel_path != HOME_PATH and not graph.is_referenced(doc.id)
        ]


def cycles(written: Sequence[Relation]) -> list[Problem]:
    """Cycles in `amends` and in `replaces` (whichever side each relation is written on), one problem each.

    Tarjan's strongly connected components: linear in the number of relations.
    """
    problems = []
    for name in CYCLIC_RELATIONS:
        edges: dict[str, dict[str, Relation]] = {}
        for relation in written:
            source, canonical_name, target = relation.canonical()
            if canonical_name == name and source != target:
                edges.setdefault(source, {}).setdefault(target, relation)
        for component in _strongly_connected(edges):
            if len(component) > 1:
                path = _cycle_through(component, edges)
                relation = edges[path[0]][path[1]]
                shown = " → ".join(path + [path[0]])
                problems.append(
                    _problem(
                        relation.document,
                        relation.line,
                        f"cycle in '{name}': {shown}; an act cannot {'amend' if name == 'amends' else 'replace'} "
                        "itself through others: remove the wrong relation",
                    )
                )
    return problems


def _strongly_connected(edges: dict[str, dict[str, Relation]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (deep chains must not hit Python's recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, {}))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(edges.get(successor, {})))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
    return components


def _cycle_through(component: list[str], edges: dict[str, dict[str, Relation]]) -> list[str]:
    """One cycle inside a strongly connected component, starting at its first ID."""
    members = set(component)
    path = [component[0]]
    position = {component[0]: 0}
    while True:
        following = next(t for t in sorted(edges[path[-1]]) if t in members)
        if following in position:
            return path[position[following] :]
        position[following] = len(path)
        path.append(following)


def check_corpus(corpus: Corpus, anchors: Anchors | None = None) -> list[Problem]:
    """Every cross-reference problem of a corpus (anchors as the project's mkdocs.yml renders them,
    unless a build passes its own)."""
    if anchors is None:
        anchors = Anchors(*project_markdown_settings())
    return XrefChecker(corpus, anchors).check()


@check("xrefs",
       bad="Read [the law](id:law-03-l-04#article-3).",
       good="Read [the law](id:law-03-l-047#article-3).")
def cross_references(corpus: Corpus) -> list[Problem]:
    """Links and relations to unknown documents or anchors, cycles, orphan pages (warnings)."""
    return check_corpus(corpus)
