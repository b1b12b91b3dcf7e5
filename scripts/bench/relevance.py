"""Relevance of the site's search, measured on judged queries in headless Chromium.

tests/data/search-judgements.yml lists, per language, queries as people type them and the document
each should find. This runs every one of them through the real engine of a built site (the worker
its pages name, answering Material's messages, in Chromium) and scores the ranked pages: mean
reciprocal rank (MRR), success at 1 and at 3, and how many misspelt queries find their page in the
top three. `make bench-search` prints the table next to the speed figures;
tests/browser/test_search_relevance.py holds the targets (TARGETS) on the real site.

    python -m scripts.bench.relevance site/ [--misses]   # a built site: the table, whether each target holds
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from scripts.bench.local_server import serve_directory
from scripts.tools.chromium import chromium
from scripts.checks.problems import Problem
from scripts.model.documents import Corpus, load_corpus
from scripts.model.languages import Languages
from scripts.model.project import ROOT, display_path
from scripts.model.yaml_reader import YamlProblem, read_file

JUDGEMENTS_FILE = ROOT / "tests" / "data" / "search-judgements.yml"
TOP = 3
# The targets: MRR in every language, and misspelt queries found in the top three.
TARGETS = {"mrr": 0.9, "typo_top3": 0.8}

# Asks the worker the page's Material configuration names, as Material does (SETUP, then one QUERY
# after another), and returns every answer (READY first): for each query its last RESULT, the one
# with the excerpts (a RESULT marked `pending` is followed by another). The search box is focused
# first, which is what starts the search (loader.js).
WORKER_ANSWERS = """
async (queries) => {
  document.querySelector("input[data-md-component=search-query]").focus();
  const config = JSON.parse(document.getElementById("__config").textContent);
  const worker = new Worker(new URL(config.search, location.href));
  const answer = () => new Promise(resolve => {
    const listener = event => {
      if (event.data.type === 3 && event.data.data.pending) return;
      worker.removeEventListener("message", listener);
      resolve(event.data);
    };
    worker.addEventListener("message", listener);
  });
  const answers = [];
  worker.postMessage({ type: 0, data: { config: {}, docs: [], options: { suggest: false } } });
  answers.push(await answer());
  for (const query of queries) {
    worker.postMessage({ type: 2, data: query });
    answers.push(await answer());
  }
  worker.terminate();
  return answers;
}
"""


@dataclass(frozen=True)
class Judgement:
    language: str
    query: str
    expected: tuple[str, ...]  # site paths of the pages that answer it, in the query's language
    typo: bool = False


@dataclass(frozen=True)
class LanguageScore:
    language: str
    queries: int
    mrr: float
    success_at_1: float
    success_at_3: float
    typo_queries: int
    typo_top3: int

    @property
    def typo_share(self) -> float:
        return self.typo_top3 / self.typo_queries if self.typo_queries else 1.0


ENTRY_KEYS = ("q", "id", "also", "typo")


def load_judgements(corpus: Corpus, path: Path = JUDGEMENTS_FILE) -> tuple[list[Judgement], list[Problem]]:
    """Every judged query whose documents exist in its language, and a problem (file, line, fix)
    for each entry that is not a query of an existing document."""
    shown = display_path(path)
    try:
        data = read_file(path, shown)
    except YamlProblem as error:
        return [], [Problem(shown, error.line, error.message)]
    judgements, problems = [], []
    by_language = data.value if isinstance(data.value, dict) else {}
    for language in by_language:
        if language not in corpus.languages:
            problems.append(Problem(shown, data.line(language), f"'{language}' is not a language of the site: "
                                    f"use one of {', '.join(corpus.languages.codes)}"))
    for language in corpus.languages.codes:
        for position, entry in enumerate(by_language.get(language) or []):
            line = data.line(language, position)
            judgement, problem = _judgement(corpus, language, entry)
            if problem:
                problems.append(Problem(shown, line, f"{language} query {position + 1}: {problem}"))
            else:
                judgements.append(judgement)
    return judgements, problems


def _judgement(corpus: Corpus, language: str, entry: Any) -> tuple[Judgement | None, str]:
    """One entry as a judgement, or what is wrong with it."""
    if not isinstance(entry, dict) or not isinstance(entry.get("q"), (str, int)) or not isinstance(entry.get("id"), str):
        return None, "write {q: what people type, id: the document ID it should find}"
    unknown = sorted(set(entry) - set(ENTRY_KEYS))
    if unknown:
        return None, f"unknown key {', '.join(unknown)}: use {', '.join(ENTRY_KEYS)}"
    also = entry.get("also") or []
    if not isinstance(also, list) or not isinstance(entry.get("typo", False), bool):
        return None, "'also' is a list of document IDs and 'typo' is true or false"
    ids = [entry["id"], *also]
    docs = [corpus.get(language, str(doc_id)) for doc_id in ids]
    missing = [str(doc_id) for doc_id, doc in zip(ids, docs) if doc is None]
    if missing:
        return None, f"{entry['q']!r}: no {language} document {', '.join(missing)}; name an existing document ID"
    return Judgement(language, str(entry["q"]), tuple(doc.site_path for doc in docs), bool(entry.get("typo"))), ""


def reciprocal_rank(ranked: Sequence[str], expected: Sequence[str]) -> float:
    for position, location in enumerate(ranked, start=1):
        if location in expected:
            return 1 / position
    return 0.0


def score(judgements: Sequence[Judgement], ranked: Mapping[Judgement, Sequence[str]]) -> list[LanguageScore]:
    """The scores of each language that has judged queries, in the judgements' order."""
    scores = []
    for language in dict.fromkeys(judgement.language for judgement in judgements):
        mine = [judgement for judgement in judgements if judgement.language == language]
        ranks = [reciprocal_rank(ranked[judgement], judgement.expected) for judgement in mine]
        typos = [rank for judgement, rank in zip(mine, ranks) if judgement.typo]
        scores.append(LanguageScore(language, len(mine), sum(ranks) / len(mine),
                                    sum(rank == 1 for rank in ranks) / len(mine),
                                    sum(rank >= 1 / TOP for rank in ranks) / len(mine),
                                    len(typos), sum(rank >= 1 / TOP for rank in typos)))
    return scores


def format_table(scores: Sequence[LanguageScore]) -> str:
    lines = [f"{'language':<8}  {'queries':>7}  {'MRR':>6}  {'success@1':>9}  {'success@3':>9}  {'misspelt in top 3':>17}"]
    for s in scores:
        lines.append(f"{s.language:<8}  {s.queries:>7}  {s.mrr:>6.3f}  {s.success_at_1:>9.3f}  {s.success_at_3:>9.3f}  "
                     f"{f'{s.typo_top3}/{s.typo_queries}':>17}")
    return "\n".join(lines)


def targets(scores: Sequence[LanguageScore]) -> list[tuple[str, bool]]:
    found = [(f"{s.language}: MRR at least {TARGETS['mrr']}", s.mrr >= TARGETS["mrr"]) for s in scores]
    typo_queries = sum(s.typo_queries for s in scores)
    typo_top3 = sum(s.typo_top3 for s in scores)
    found.append((f"misspelt queries in the top three at least {TARGETS['typo_top3']:.0%} of the time "
                  f"({typo_top3}/{typo_queries})", typo_queries == 0 or typo_top3 >= TARGETS["typo_top3"] * typo_queries))
    return found


def failures(judgements: Sequence[Judgement], ranked: Mapping[Judgement, Sequence[str]]) -> list[str]:
    """One line per query whose page is not first: what came first instead."""
    lines = []
    for judgement in judgements:
        found = ranked[judgement]
        rank = reciprocal_rank(found, judgement.expected)
        if rank < 1:
            at = f"at {round(1 / rank)}" if rank else "not found"
            lines.append(f"{judgement.language} {judgement.query!r}: {judgement.expected[0]} {at}; first: {found[:3]}")
    return lines


def ranked_pages(answer: dict) -> list[str]:
    """The page paths of a RESULT message, in its order."""
    return [next((item for item in group if "#" not in item["location"]), group[0])["location"].split("#")[0]
            for group in answer["data"]["items"]]


def answer_queries(page, queries: Sequence[str]) -> list[list[str]]:
    """The ranked page paths of each query, from the worker of the page open in `page`."""
    ready, *answers = page.evaluate(WORKER_ANSWERS, list(queries))
    return [ranked_pages(answer) for answer in answers]


def run_queries(browser, base_url: str, judgements: Sequence[Judgement], languages: Languages) -> dict[Judgement, list[str]]:
    """The ranked page paths of every judged query, from the site at base_url, one browser page per language."""
    ranked: dict[Judgement, list[str]] = {}
    for language in dict.fromkeys(judgement.language for judgement in judgements):
        mine = [judgement for judgement in judgements if judgement.language == language]
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(base_url + languages[language].prefix, wait_until="load")
            answers = answer_queries(page, [judgement.query for judgement in mine])
        finally:
            context.close()
        ranked.update(zip(mine, answers))
    return ranked


def measure_site(browser, site_dir: Path, docs_dir: Path = ROOT / "docs") -> tuple[list[LanguageScore], list[str]]:
    """Serve a built site on 127.0.0.1 and score its search: (scores, lines about the queries that missed)."""
    corpus = load_corpus(docs_dir)
    judgements, problems = load_judgements(corpus)
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    server, url = serve_directory(site_dir)
    try:
        ranked = run_queries(browser, url, judgements, corpus.languages)
    finally:
        server.shutdown()
    return score(judgements, ranked), failures(judgements, ranked)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, nargs="?", default=ROOT / "site", help="a built site (default: site/)")
    parser.add_argument("--misses", action="store_true", help="also list each query whose page is not first")
    args = parser.parse_args(argv)
    with chromium() as browser:
        scores, misses = measure_site(browser, args.site_dir)
    print(format_table(scores))
    checks = targets(scores)
    for text, holds in checks:
        print(f"{'holds' if holds else 'MISSED'}: {text}")
    if args.misses:
        print("\n".join(misses))
    return 0 if all(holds for _, holds in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
