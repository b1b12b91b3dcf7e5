"""The relation index and the checker do work in proportion to the corpus, never to its square.

Work is counted, not timed: every line executed in the project's scripts/ while building the
relation graphs (and running the checker) on generated corpora of n and 2n documents per language.
An all-pairs loop would make the count grow four times when the corpus doubles.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.checks.xrefs import XrefChecker
from scripts.model.documents import Corpus, Document
from tests.support.project import LANGUAGES, SETTINGS
from scripts.model.anchors import Anchors
from scripts.model.project import ROOT
from scripts.model.relations import RelationGraph
from scripts.model.served import served_documents

SCRIPTS = str(ROOT / "scripts")


def generated_corpus(per_language: int) -> Corpus:
    """per_language documents in each language; each links to two others and relates to a third."""
    documents = []
    for language in LANGUAGES:
        for i in range(per_language):
            doc_id = f"doc-{i}"
            body = f"# Doc {i}\n\nSee [next](id:doc-{(i + 1) % per_language}) and [far](id:doc-{(i * 7) % per_language}).\n"
            meta = {
                "id": doc_id,
                "type": "law" if i % 2 else "guide",
                "title": f"Doc {i}",
                "relations": {"based_on": [f"doc-{(i + 3) % per_language}"]},
            }
            if language != "sq":
                meta["translation"] = {"source": "sq", "status": "machine"}
            rel_path = f"docs/doc-{i}.md"
            key_lines = {("id",): 2, ("relations",): 5, ("relations", "based_on"): 6, ("relations", "based_on", 0): 7}
            documents.append(Document(language, Path(f"/generated/{language}/{rel_path}"), rel_path, meta, body, 10, key_lines))
    return Corpus(Path("/generated"), documents, [], SETTINGS.languages)


def lines_executed(action) -> int:
    """How many lines of scripts/ code action() executes."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(SCRIPTS):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        action()
    finally:
        sys.settrace(None)
    return count


def build_relation_index(corpus: Corpus) -> list[RelationGraph]:
    return [RelationGraph(corpus, served_documents(corpus, language)) for language in LANGUAGES]


def test_relation_index_work_grows_linearly():
    graphs = build_relation_index(generated_corpus(2000))
    assert graphs[0].relations_of("doc-5")["based_on"] == ["doc-8"]
    assert sorted(d.id for d in graphs[1].referrers("doc-1")) == ["doc-0", "doc-1143", "doc-1998"]  # next, far, based_on
    # fresh corpora: a document keeps the link destinations it has scanned (Document.link_destinations)
    small, large = generated_corpus(1000), generated_corpus(2000)
    work_small = lines_executed(lambda: build_relation_index(small))
    work_large = lines_executed(lambda: build_relation_index(large))
    assert work_small > 3 * 1000  # it did visit every document
    assert 1.9 < work_large / work_small < 2.1, (work_small, work_large)


def test_checker_work_grows_linearly():
    anchors = Anchors(["toc"], {})
    small, large = generated_corpus(1000), generated_corpus(2000)
    assert XrefChecker(small, anchors).check() == []
    # fresh corpora: a corpus keeps the relation graphs it has built (shared by the check and the pages)
    work_small = lines_executed(lambda: XrefChecker(generated_corpus(1000), anchors).check())
    work_large = lines_executed(lambda: XrefChecker(generated_corpus(2000), anchors).check())
    assert 1.9 < work_large / work_small < 2.1, (work_small, work_large)
