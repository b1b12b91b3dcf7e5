"""The synthetic corpus of the benchmarks: deterministic, realistic, valid for the project's checks."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.checks.all import check_everything
from scripts.bench.corpus import FOLDERS, document_specs, generate_corpus
from scripts.model.documents import load_corpus
from tests.support.project import LANGUAGES
from scripts.checks.problems import errors
from scripts.model.translations import source_hash


def _files(docs_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(docs_dir).as_posix(): p.read_bytes() for p in sorted(docs_dir.rglob("*")) if p.is_file()}


def test_same_seed_gives_the_same_bytes_and_another_seed_other_words(tmp_path):
    generate_corpus(tmp_path / "a", 12, seed=1)
    generate_corpus(tmp_path / "b", 12, seed=1)
    generate_corpus(tmp_path / "c", 12, seed=2)
    first, again, other = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert first == again
    assert first.keys() == other.keys()
    assert first["sq/laws/law-0001.md"] != other["sq/laws/law-0001.md"]


def test_layout_five_type_folders_in_three_languages(tmp_path):
    generate_corpus(tmp_path, 10)
    for language in LANGUAGES:
        assert sorted(p.name for p in (tmp_path / language).iterdir() if p.is_dir()) == sorted(FOLDERS.values())
        assert len(list((tmp_path / language).rglob("*.md"))) == 10 + 1 + len(FOLDERS)


def test_corpus_passes_the_projects_checks(tmp_path):
    generate_corpus(tmp_path, 25)
    assert errors(check_everything(tmp_path)) == []


def test_pages_look_like_the_real_ones(tmp_path):
    generate_corpus(tmp_path, 10)
    corpus = load_corpus(tmp_path)
    regulation = corpus.get("sr", "regulation-0001")
    assert regulation.meta["number"] == document_specs(10)[1].number
    assert re.fullmatch(r"\d\d/\d{4}", regulation.meta["number"])
    assert re.fullmatch(r"\d\d/L-\d{3}", corpus.get("sq", "law-0001").meta["number"])
    original = corpus.get("sq", "regulation-0001")
    assert regulation.translation == {"source": "sq", "status": "machine", "source_hash": source_hash(original)}
    words = regulation.body.split()
    assert 800 <= len(words) <= 1100
    sq_text, sr_text = corpus.get("sq", "law-0001").body, regulation.body
    assert re.search("[ëç]", sq_text) and re.search("[čćšžđ]", sr_text)
    for marker in ("\n## ", "\n- ", "\n1. ", "\n| ", "](id:", "](../"):
        assert marker in sr_text, marker


def test_language_versions_share_their_structure(tmp_path):
    generate_corpus(tmp_path, 10)
    corpus = load_corpus(tmp_path)

    def shape(body: str) -> list[str]:
        return [line.split(" ", 1)[0] for line in body.splitlines() if re.match(r"(#+|-|\d+\.|\|) ", line)]

    for doc in corpus.in_language("sq"):
        for language in ("sr", "en"):
            assert shape(corpus.get(language, doc.id).body) == shape(doc.body), (doc.id, language)


def test_plain_corpus_has_the_same_links_written_relative(tmp_path):
    generate_corpus(tmp_path / "project", 10, id_links=True)
    generate_corpus(tmp_path / "plain", 10, id_links=False)
    project = (tmp_path / "project/en/guides/guide-0001.md").read_text(encoding="utf-8")
    plain = (tmp_path / "plain/en/guides/guide-0001.md").read_text(encoding="utf-8")
    assert "](id:" in project and "](id:" not in plain
    link = re.compile(r"\]\(([^)]*)\)")
    assert len(link.findall(project)) == len(link.findall(plain))

    def without_links(text: str) -> str:  # the hash of the original differs with its links
        return re.sub(r"\]\([^)]*\)|source_hash: .*", "]()", text)

    assert without_links(project) == without_links(plain)
