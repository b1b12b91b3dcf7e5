"""Search relevance on the real site, in Chromium, with the real engine: the judged queries of
tests/data/search-judgements.yml meet the targets (MRR at least 0.9 in every language, misspelt
queries in the top three at least 8 times in 10), and every indexed term of every language is
reachable."""

from __future__ import annotations

import json

import pytest

from scripts import search_relevance
from scripts.documents import LANGUAGES, load_corpus
from scripts.search_index import index_path, read_index_script
from tests.conftest import serve_directory
from tests.sites import ROOT

MINIMUM_QUERIES = 30  # per language (the judged set)


@pytest.fixture(scope="module")
def judgements():
    found, problems = search_relevance.load_judgements(load_corpus(ROOT / "docs"))
    assert not problems, "\n".join(map(str, problems))
    return found


def test_the_judged_set_has_enough_queries_of_each_kind(judgements):
    for language in LANGUAGES:
        mine = [judgement for judgement in judgements if judgement.language == language]
        assert len(mine) >= MINIMUM_QUERIES, language
        assert sum(judgement.typo for judgement in mine) >= 5, f"{language}: too few misspelt queries"
        assert any("/" in judgement.query for judgement in mine), f"{language}: no act number"
    assert any(any("\u0400" <= c <= "\u04ff" for c in judgement.query) for judgement in judgements if judgement.language == "sr")


def test_a_judged_query_naming_no_document_is_reported(tmp_path):
    path = tmp_path / "judgements.yml"
    path.write_text("en:\n  - {q: nothing, id: no-such-document}\n", encoding="utf-8")
    found, problems = search_relevance.load_judgements(load_corpus(ROOT / "docs"), path)
    assert found == [] and "no en document no-such-document" in str(problems[0])


def test_relevance_targets_hold_on_the_real_site(site_url, browser, judgements):
    ranked = search_relevance.run_queries(browser, site_url, judgements)
    scores = search_relevance.score(judgements, ranked)
    assert [score.language for score in scores] == list(LANGUAGES)
    report = search_relevance.format_table(scores) + "\n" + "\n".join(search_relevance.failures(judgements, ranked))
    assert all(holds for _, holds in search_relevance.targets(scores)), report


def test_a_worse_ranking_misses_the_targets(judgements):
    """Control: the targets fail when each page comes second."""
    ranked = {judgement: ["elsewhere/", *judgement.expected] for judgement in judgements}
    assert not any(holds for text, holds in search_relevance.targets(search_relevance.score(judgements, ranked))
                   if "MRR" in text)


# Loads the site's own search.js into a blank page, restores a language's index and checks that
# each of its terms is reachable: in the TokenSet, matched as typed, and found by a search.
EVERY_TERM = """
([script, index]) => {
  new Function(script)();
  new Function(index.replace(/^self\\./, "globalThis."))();
  const { restore, query, messages } = crchSearch;
  const engine = new messages.SearchEngine(crchSearchIndex), index2 = engine.index;
  const inTokenSet = new Set(index2.tokenSetOfTerms().toArray());
  const unreachable = [];
  index2.terms.forEach((term, i) => {
    const expanded = query.expand(index2, term, true, true);
    if (!inTokenSet.has(term) || expanded.get(i) !== 1 || !engine.search(term).items.length) unreachable.push(term);
  });
  const errors = [];
  for (const first of "abcdefghijklmnopqrstuvwxyz0123456789") {
    try { engine.search(first); } catch (error) { errors.push(first + ": " + error.message); }
  }
  return { terms: index2.terms.length, tokenSet: inTokenSet.size, unreachable, errors };
}
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_indexed_term_is_reachable(built_site, browser_page, language):
    script = (built_site / "assets" / "search" / "search.js").read_text(encoding="utf-8")
    index_text = index_path(built_site, language).read_text(encoding="utf-8")
    terms = len(read_index_script(index_path(built_site, language))["index"]["invertedIndex"])
    browser_page.goto("about:blank")
    result = browser_page.evaluate(EVERY_TERM, [script, index_text])
    assert result["terms"] == result["tokenSet"] == terms > 500
    assert result["unreachable"] == [] and result["errors"] == [], json.dumps(result)[:2000]
