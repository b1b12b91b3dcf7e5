"""Scaffolding a new document in every language (`python -m scripts.tools.new_document`)."""

from __future__ import annotations

from scripts.model.documents import load_corpus
from scripts.model.schema import check_schema
from scripts.model.translations import source_hash
from scripts.tools import new_document
from tests.support.translations import states




def test_new_document_scaffolds_three_valid_languages(docs, capsys):
    args = ["--docs-dir", "docs", "--id", "guide-health", "--type", "guide", "--path", "guides/health.md",
            "--source", "en", "--title", "Health care", "--date", "2026-11-24"]
    assert new_document.main(args) == 0
    assert capsys.readouterr().out == (
        "created docs/sq/guides/health.md\ncreated docs/sr/guides/health.md\ncreated docs/en/guides/health.md\n"
    )
    corpus = load_corpus(docs)
    assert check_schema(corpus) == []
    found = states(docs)
    assert (found[("en", "guide-health")], found[("sq", "guide-health")], found[("sr", "guide-health")]) == (
        "original", "unreviewed", "unreviewed")
    assert corpus.get("sr", "guide-health").translation == {
        "source": "en", "status": "machine", "source_hash": source_hash(corpus.get("en", "guide-health"))}


def test_new_document_never_overwrites(docs, capsys):
    def scaffold(doc_id: str, path: str) -> int:
        return new_document.main(["--docs-dir", "docs", "--id", doc_id, "--type", "law", "--path", path,
                                   "--source", "sq", "--title", "X"])

    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    assert scaffold("new-law", "a.md") == 1
    assert capsys.readouterr().err == (
        "new_document: not overwriting docs/sq/a.md, docs/sr/a.md, docs/en/a.md: "
        "choose another --path or edit the existing files\n"
    )
    assert scaffold("a", "fresh.md") == 1
    assert capsys.readouterr().err == (
        "new_document: id 'a' is already used by docs/en/a.md, docs/sq/a.md, docs/sr/a.md: choose another --id\n"
    )
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before


def test_new_act_has_the_act_fields(docs):
    assert new_document.main(["--docs-dir", "docs", "--id", "law-x", "--type", "law", "--path", "acts/x.md",
                              "--source", "sq", "--title", "Ligji X"]) == 0
    corpus = load_corpus(docs)
    assert check_schema(corpus) == []
    assert corpus.get("sq", "law-x").meta["status"] == "unknown"
