"""Search benchmark: this project's search against plain Material + mkdocs-static-i18n, same corpus, one run.

For each size N (documents per language) it writes the synthetic corpus (`scripts.bench.corpus`) for each
set-up, builds it (`mkdocs build`), serves the site on 127.0.0.1 and measures in headless Chromium
(a fresh browser context, so a cold cache, for each set-up), on the Serbian home page:

- search bytes: what the browser downloads for search in one language (the worker, plain's lunr and
  its language files, the index and, for this project, the text shards the queries' results showed;
  raw, and gzip as a server would send them), counted by the server;
- first result: time from the start of page load to the first result of a first query typed as
  soon as the page has loaded shown (timed in the page, as the page's load event is, printed
  above it); and from the reader's tap on the search box to that result shown (the search's own
  part: the page load and the test driver's typing left out); the bytes (gzip) of the search
  files that had arrived when it was shown;
- warm queries: time from Material posting a QUERY to its worker to the first RESULT coming back,
  median and p95 over 20 different queries (words and act numbers of the corpus); and to the
  RESULT with the excerpts (this project answers first from the index, marked `pending`, then
  again once the texts of the pages shown are in; the next query is typed after that);
- page view: what a page view downloads for search when the reader does not search;
- slow phone: from the tap on the search box to the first result shown, a query typed at once,
  with the network throttled to SLOW_PHONE and the page's CPU slowed SLOW_PHONE_CPU times (files
  sent gzipped, as nginx sends them), and the bytes (gzip) of the search files arrived by then.

On this project's own documents (the real site, built once) it also measures relevance: the judged
queries of tests/data/search-judgements.yml (scripts/bench/relevance.py: MRR, success@1 and @3 per
language), and the first result on a slow phone connection (Chromium's network throttled to
SLOW_PHONE, its CPU slowed SLOW_PHONE_CPU times, files sent gzipped as nginx sends them).

The parts: `search_browser` (the measurements in Chromium), `search_slow_phone` (the throttled
first result), `search_report` (the table, the targets, the JSON); this module is the command line.

    python -m scripts.bench.search [--sizes 100,1000] [--setups plain,project] [--json bench-results/bench-search.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

from scripts.bench import relevance
from scripts.bench.build import parse_sizes
from scripts.bench.build_runs import SETUPS, build_setup, write_setup
from scripts.bench.corpus import document_specs
from scripts.bench.search_browser import LANGUAGE, SearchResult, measure
from scripts.bench.search_report import format_table, targets, to_json
from scripts.bench.search_slow_phone import SLOW_PHONE, SLOW_PHONE_CPU, SLOW_PHONE_QUERY, slow_phone_first_result
from scripts.bench.setups import write_project_config
from scripts.model.project import ROOT
from scripts.tools.chromium import chromium

DEFAULT_SIZES = (100, 1000)
WARM_QUERIES = 20
WORD = re.compile(r"[^\W\d_]{4,}")


def queries(per_language: int, seed: int, count: int = WARM_QUERIES + 1) -> list[str]:
    """Words of the Serbian titles and act numbers of the corpus, as a reader would type them;
    no two in a row alike (Material sends a query only when the box changes)."""
    specs = document_specs(per_language)
    words = sorted({word.lower() for spec in specs for word in WORD.findall(spec.title(LANGUAGE))})
    numbers = sorted({spec.number for spec in specs if spec.number})
    pick = random.Random(seed)
    chosen = pick.sample(words, min(len(words), count - count // 4)) + pick.sample(numbers, min(len(numbers), count // 4))
    return (chosen * count)[:count]


def bench_size(browser, work_dir: Path, per_language: int, seed: int,
               setups: Sequence[str] = SETUPS) -> dict[str, SearchResult]:
    results = {}
    words = queries(per_language, seed)
    for setup in setups:
        folder = work_dir / f"{setup}-{per_language}"
        config_file, site_dir, _ = write_setup(folder, setup, per_language, seed)
        run = build_setup(setup, config_file)
        if run.code != 0:
            raise SystemExit(f"the {setup} build of N={per_language} failed:\n{run.output}")
        result = SearchResult(setup, per_language, run.wall_seconds)
        for key, value in measure(browser, site_dir, words).items():
            setattr(result, key, value)
        result.slow_phone_from_tap_ms, result.slow_phone_bytes_gzip = slow_phone_first_result(browser, site_dir, words[0])
        results[setup] = result
        shutil.rmtree(folder, ignore_errors=True)
    return results


@dataclass
class RealSiteResult:
    """Search on this project's own documents: relevance per language, and the first result on a slow phone."""

    scores: list[relevance.LanguageScore]
    misses: list[str]
    slow_phone_first_result_ms: float
    slow_phone_bytes: int  # what the search downloaded, as sent (gzip)


def bench_real_site(browser, work_dir: Path) -> RealSiteResult:
    """Build this project's own docs with its own configuration; measure relevance and a slow phone."""
    folder = work_dir / "real-site"
    site_dir = folder / "site"
    run = build_setup("project", write_project_config(folder, ROOT / "docs", site_dir))
    if run.code != 0:
        raise SystemExit(f"the site does not build:\n{run.output}")
    scores, misses = relevance.measure_site(browser, site_dir)
    elapsed, sent = slow_phone_first_result(browser, site_dir)
    shutil.rmtree(folder, ignore_errors=True)
    return RealSiteResult(scores, misses, elapsed, sent)


def format_real_site(real: RealSiteResult) -> str:
    return "\n".join([
        "relevance on this project's documents (judged queries: tests/data/search-judgements.yml):",
        relevance.format_table(real.scores),
        f"first result on a slow phone (slow 4G, CPU /{SLOW_PHONE_CPU}), {LANGUAGE}, from tapping the search box: "
        f"{real.slow_phone_first_result_ms:,.0f} ms ({real.slow_phone_bytes:,} bytes sent)",
    ])


def run(browser, sizes: Sequence[int], seed: int, json_path: Path, work_dir: Path | None = None,
        setups: Sequence[str] = SETUPS) -> None:
    """Measure every size with the set-ups in `browser`, print the table and write the JSON."""
    scratch = Path(work_dir or tempfile.mkdtemp(prefix="bench-search-"))
    scratch.mkdir(parents=True, exist_ok=True)
    results = []
    started = time.perf_counter()
    try:
        for per_language in sorted(set(sizes)):
            results.append(bench_size(browser, scratch, per_language, seed, setups))
            print(f"N={per_language:,} measured ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        real = bench_real_site(browser, scratch)
    finally:
        if work_dir is None:
            shutil.rmtree(scratch, ignore_errors=True)
    print(format_table(results))
    print(format_real_site(real))
    checks = targets(results) + relevance.targets(real.scores)
    for text, holds in checks:
        print(f"{'holds' if holds else 'MISSED'}: {text}")
    if real.misses:
        print("judged queries whose page is not first:\n" + "\n".join(real.misses))
    json_path.parent.mkdir(parents=True, exist_ok=True)
    data = to_json(results)
    data["relevance"] = [asdict(score) for score in real.scores]
    data["relevance_misses"] = real.misses
    data["slow_phone"] = {"first_result_ms": real.slow_phone_first_result_ms, "bytes_gzip": real.slow_phone_bytes,
                          "network": SLOW_PHONE, "cpu_slowdown": SLOW_PHONE_CPU, "query": SLOW_PHONE_QUERY}
    data["targets"] = [{"target": text, "holds": holds} for text, holds in checks]
    json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"written: {json_path}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES),
                        help="documents per language, comma-separated (default: 100,1000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus and query seed (default: 1)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results" / "bench-search.json",
                        help="where to write the results as JSON (default: %(default)s)")
    parser.add_argument("--work-dir", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--setups", type=_setups, default=list(SETUPS),
                        help="set-ups to measure, comma-separated (default: plain,project; the comparison needs both)")
    args = parser.parse_args(argv)
    with chromium() as browser:
        run(browser, args.sizes, args.seed, args.json, args.work_dir, args.setups)
    return 0


def _setups(text: str) -> list[str]:
    chosen = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(SETUPS))
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown set-up {', '.join(unknown) or '(none)'}: use {', '.join(SETUPS)}")
    return [setup for setup in SETUPS if setup in chosen]


if __name__ == "__main__":
    raise SystemExit(main())
