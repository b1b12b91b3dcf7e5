"""Search relevance on the real site, in Chromium, with the real engine: the judged queries of
tests/data/search-judgements.yml meet the targets (MRR at least 0.9 in every language, misspelt
queries in the top three at least 8 times in 10), and every indexed term of every language is
reachable. (The judged set itself and its scoring: tests/unit/bench/test_relevance.py.)"""

from __future__ import annotations

import json

import pytest

from scripts.bench import relevance
from scripts.model.documents import load_corpus
from scripts.search.index_files import INDEX_DIR, index_path, read_index_files, terms_file, texts_file
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.sites import ROOT


@pytest.fixture(scope="module")
def judgements():
    found, problems = relevance.load_judgements(load_corpus(ROOT / "docs"))
    assert not problems, "\n".join(map(str, problems))
    return found


def test_relevance_targets_hold_on_the_real_site(site_url, browser, judgements):
    ranked = relevance.run_queries(browser, site_url, judgements, SETTINGS.languages)
    scores = relevance.score(judgements, ranked)
    assert [score.language for score in scores] == list(LANGUAGES)
    report = relevance.format_table(scores) + "\n" + "\n".join(relevance.failures(judgements, ranked))
    assert all(holds for _, holds in relevance.targets(scores)), report


# Loads the site's own search.js into a blank page, restores a language's index (its shard files
# run as scripts too) and checks that each of its terms is reachable: in the TokenSet, matched as
# typed, and found by a search.
EVERY_TERM = """
async ([script, index, shards]) => {
  globalThis.crchSearchShards = {};
  for (const text of [script, index, ...shards]) new Function(text.replace(/^self\\./, "globalThis."))();
  const { query, messages } = crchSearch;
  const engine = new messages.SearchEngine(crchSearchIndex, file => crchSearchShards[file]);
  const index2 = engine.index, inTokenSet = new Set();
  const walk = (node, word) => {
    if (node.final) inTokenSet.add(word);
    for (const label of Object.keys(node.edges)) walk(node.edges[label], word + label);
  };
  walk(index2.tokenSetOfTerms(), "");
  const unreachable = [];
  for (const [i, term] of index2.terms.entries()) {
    const expanded = query.expand(index2, term, true, true);
    if (!inTokenSet.has(term) || expanded.get(i) !== 1 || !(await engine.search(term)).items.length) unreachable.push(term);
  }
  const errors = [];
  for (const first of "abcdefghijklmnopqrstuvwxyz0123456789") {
    try { await engine.search(first); } catch (error) { errors.push(first + ": " + error.message); }
  }
  return { terms: index2.terms.length, tokenSet: inTokenSet.size, unreachable, errors };
}
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_indexed_term_is_reachable(built_site, browser_page, language):
    script = (built_site / "assets" / "search" / "search.js").read_text(encoding="utf-8")
    index_text = index_path(built_site, language).read_text(encoding="utf-8")
    payload = read_index_files(built_site, language)
    shards = [path.read_text(encoding="utf-8") for pattern in (terms_file(language), texts_file(language))
              for path in sorted((built_site / INDEX_DIR).glob(pattern.format(shard="*")))]
    browser_page.goto("about:blank")
    result = browser_page.evaluate(EVERY_TERM, [script, index_text, shards])
    assert result["terms"] == result["tokenSet"] == len(payload["index"]["invertedIndex"]) > 500
    assert result["unreachable"] == [] and result["errors"] == [], json.dumps(result)[:2000]
