"""The judged query set (tests/data/search-judgements.yml) and its scoring, without a browser: every
query names a document of its language, each language has enough queries of each kind, a mistake
in the file is reported with its line, and a worse ranking misses the targets (the control)."""

from __future__ import annotations

import pytest

from scripts.bench import relevance
from scripts.model.documents import load_corpus
from tests.support.project import LANGUAGES
from tests.support.sites import ROOT

MINIMUM_QUERIES = 30  # per language (the judged set)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "docs")


@pytest.fixture(scope="module")
def judgements(corpus):
    found, problems = relevance.load_judgements(corpus)
    assert not problems, "\n".join(map(str, problems))
    return found


def test_the_judged_set_has_enough_queries_of_each_kind(judgements):
    for language in LANGUAGES:
        mine = [judgement for judgement in judgements if judgement.language == language]
        assert len(mine) >= MINIMUM_QUERIES, language
        assert sum(judgement.typo for judgement in mine) >= 5, f"{language}: too few misspelt queries"
        assert any("/" in judgement.query for judgement in mine), f"{language}: no act number"
    assert any(any("\u0400" <= c <= "\u04ff" for c in judgement.query) for judgement in judgements if judgement.language == "sr")


@pytest.mark.parametrize("text, message", [
    ("en:\n  - {q: nothing, id: no-such-document}\n",
     "judgements.yml:2: en query 1: 'nothing': no en document no-such-document; name an existing document ID"),
    ("en:\n  - {q: ombudsman, id: ombudsperson}\n  - {q: x, id: ombudsperson, typo: yes please}\n",
     "judgements.yml:3: en query 2: 'also' is a list of document IDs and 'typo' is true or false"),
    ("en:\n  - {q: ombudsman, idd: ombudsperson}\n",
     "judgements.yml:2: en query 1: write {q: what people type, id: the document ID it should find}"),
    ("en:\n  - {q: ombudsman, id: ombudsperson, why: because}\n",
     "judgements.yml:2: en query 1: unknown key why: use q, id, also, typo"),
    ("de:\n  - {q: ombudsmann, id: ombudsperson}\n",
     "judgements.yml:1: 'de' is not a language of the site: use one of sq, sr, en"),
    ("en:\n  - {q: a, id: b}\n  - {q: a, id: b\n", "judgements.yml:4: not valid YAML"),
])
def test_a_mistake_in_the_judged_set_is_reported_with_its_line(corpus, tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "judgements.yml"
    path.write_text(text, encoding="utf-8")
    found, problems = relevance.load_judgements(corpus, path)
    assert found == [] or len(found) == 1
    assert str(problems[0]).startswith(message), problems


def test_a_perfect_ranking_meets_the_targets(judgements):
    ranked = {judgement: list(judgement.expected) for judgement in judgements}
    scores = relevance.score(judgements, ranked)
    assert [score.language for score in scores] == list(LANGUAGES)
    assert all(score.mrr == score.success_at_1 == 1 for score in scores)
    assert all(holds for _, holds in relevance.targets(scores))


def test_a_worse_ranking_misses_the_targets(judgements):
    """Control: the targets fail when each page comes second."""
    ranked = {judgement: ["elsewhere/", *judgement.expected] for judgement in judgements}
    scores = relevance.score(judgements, ranked)
    assert all(score.mrr == 0.5 for score in scores)
    assert not any(holds for text, holds in relevance.targets(scores) if "MRR" in text)
