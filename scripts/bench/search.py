"""Search benchmark: this project's search against plain Material + mkdocs-static-i18n, same corpus, one run.

For each size N (documents per language) it writes the synthetic corpus (`scripts.bench.corpus`) for each
set-up, builds it (`mkdocs build`), serves the site on 127.0.0.1 and measures in headless Chromium
(a fresh browser context, so a cold cache, for each set-up), on the Serbian home page:

- search bytes: what the browser downloads for search in one language (the worker, lunr and its
  language files, the index; raw, and gzip as a server would send them), counted by the server;
- first result: time from the start of page load to the first result of a first query typed as
  soon as the page has loaded;
- warm queries: time from Material posting a QUERY to its worker to the RESULT coming back,
  median and p95 over 20 different queries (words and act numbers of the corpus).

    python -m scripts.bench.search [--sizes 100,1000] [--json bench-results/bench-search.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Sequence

from scripts.bench.build import _sizes, build_setup, write_setup
from scripts.bench.corpus import document_specs
from scripts.model.project import ROOT
from scripts.tools.chromium import launch

SETUPS = ("plain", "project")
DEFAULT_SIZES = (100, 1000)
LANGUAGE = "sr"
WARM_QUERIES = 20
FIRST_RESULT_TIMEOUT_MS = 600_000
SEARCH_FILE = re.compile(r"(^|/)(search|lunr)(/|[._])")  # search/…, assets/search/…, lunr/…, workers/search.…js
WORD = re.compile(r"[^\W\d_]{4,}")

# Records, in the page, how long the search worker takes to answer each QUERY (type 2) with a
# RESULT (type 3): Material's protocol, the same for both set-ups.
TIMING_SCRIPT = """
(() => {
  const NativeWorker = window.Worker;
  window.__searchLatencies = [];
  window.__firstResultAt = null;
  window.Worker = function (url, options) {
    const worker = new NativeWorker(url, options);
    const post = worker.postMessage.bind(worker);
    let sentAt = null;
    worker.postMessage = (message) => { if (message.type === 2) sentAt = performance.now(); post(message); };
    worker.addEventListener("message", (event) => {
      if (event.data.type !== 3 || sentAt === null) return;
      if (window.__firstResultAt === null && event.data.data.items.length) window.__firstResultAt = performance.now();
      window.__searchLatencies.push(performance.now() - sentAt);
      sentAt = null;
    });
    return worker;
  };
})();
"""


@dataclass
class SearchResult:
    """Search measured on one built site."""

    setup: str
    per_language: int
    build_seconds: float
    search_files: list[str] = field(default_factory=list)
    search_bytes: int = 0
    search_bytes_gzip: int = 0
    first_result_ms: float = 0.0
    warm_median_ms: float = 0.0
    warm_p95_ms: float = 0.0


class _RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records every path it served (to count the bytes search downloads)."""

    served: list[str]

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def send_head(self):
        result = super().send_head()
        if result is not None:
            self.served.append(self.path.split("?")[0].lstrip("/"))
        return result


def serve(site_dir: Path):
    served: list[str] = []
    handler = type("Handler", (_RecordingHandler,), {"served": served})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", served


def queries(per_language: int, seed: int, count: int = WARM_QUERIES + 1) -> list[str]:
    """Words of the Serbian titles and act numbers of the corpus, as a reader would type them;
    no two in a row alike (Material sends a query only when the box changes)."""
    specs = document_specs(per_language)
    words = sorted({word.lower() for spec in specs for word in WORD.findall(spec.title(LANGUAGE))})
    numbers = sorted({spec.number for spec in specs if spec.number})
    pick = random.Random(seed)
    chosen = pick.sample(words, min(len(words), count - count // 4)) + pick.sample(numbers, min(len(numbers), count // 4))
    return (chosen * count)[:count]


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(browser, site_dir: Path, words: Sequence[str]) -> dict:
    """Open the Serbian home page, type a first query at once, then the warm queries."""
    server, url, served = serve(site_dir)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(TIMING_SCRIPT)
        page.goto(f"{url}{LANGUAGE}/", wait_until="load")
        search_box = page.locator("input[data-md-component=search-query]")
        first_query, warm_queries = words[0], words[1:]
        _type(page, search_box, first_query)
        page.wait_for_function("window.__firstResultAt !== null", timeout=FIRST_RESULT_TIMEOUT_MS)
        page.wait_for_selector(".md-search-result__item", timeout=FIRST_RESULT_TIMEOUT_MS)
        first = page.evaluate("performance.now()")
        latencies = []
        for word in warm_queries:
            done = page.evaluate("window.__searchLatencies.length")
            _type(page, search_box, word)
            page.wait_for_function(f"window.__searchLatencies.length > {done}", timeout=60_000)
            latencies.append(page.evaluate("window.__searchLatencies[window.__searchLatencies.length - 1]"))
        files = sorted({path for path in served if SEARCH_FILE.search(path)})
    finally:
        context.close()
        server.shutdown()
    raw = sum((site_dir / path).stat().st_size for path in files)
    packed = sum(len(gzip.compress((site_dir / path).read_bytes(), 6)) for path in files)
    return {"search_files": files, "search_bytes": raw, "search_bytes_gzip": packed, "first_result_ms": first,
            "warm_median_ms": statistics.median(latencies), "warm_p95_ms": percentile(latencies, 0.95)}


def _type(page, search_box, text: str) -> None:
    """Type a query as a reader does: Material reads the box on keyup."""
    search_box.click()
    search_box.fill(text)
    page.keyboard.press("End")


def bench_size(browser, work_dir: Path, per_language: int, seed: int) -> dict[str, SearchResult]:
    results = {}
    words = queries(per_language, seed)
    for setup in SETUPS:
        folder = work_dir / f"{setup}-{per_language}"
        config_file, site_dir = write_setup(folder, setup, per_language, seed)
        run = build_setup(setup, config_file)
        if run.code != 0:
            raise SystemExit(f"the {setup} build of N={per_language} failed:\n{run.output}")
        result = SearchResult(setup, per_language, run.wall_seconds)
        for key, value in measure(browser, site_dir, words).items():
            setattr(result, key, value)
        results[setup] = result
        shutil.rmtree(folder, ignore_errors=True)
    return results


METRICS = (
    ("search bytes (raw)", "search_bytes", "{:,.0f}"),
    ("search bytes (gzip)", "search_bytes_gzip", "{:,.0f}"),
    ("first result (ms)", "first_result_ms", "{:,.0f}"),
    ("warm query median (ms)", "warm_median_ms", "{:,.1f}"),
    ("warm query p95 (ms)", "warm_p95_ms", "{:,.1f}"),
)


def format_table(results: Sequence[dict[str, SearchResult]]) -> str:
    lines = [f"{'N/language':>10}  {'metric':<24} {'plain':>12} {'project':>12} {'project/plain':>14}"]
    for by_setup in results:
        plain, project = by_setup["plain"], by_setup["project"]
        for label, name, number in METRICS:
            a, b = getattr(plain, name), getattr(project, name)
            ratio = f"{b / a:.3f}" if a else "-"
            lines.append(f"{plain.per_language:>10,}  {label:<24} {number.format(a):>12} {number.format(b):>12} {ratio:>14}")
    return "\n".join(lines)


def targets(results: Sequence[dict[str, SearchResult]]) -> list[tuple[str, bool]]:
    """The issue's targets at the largest N measured."""
    largest = max(results, key=lambda r: r["plain"].per_language)
    plain, project = largest["plain"], largest["project"]
    n = f"N={plain.per_language:,}"
    return [
        (f"{n}: first result at least 10x sooner than plain", project.first_result_ms * 10 <= plain.first_result_ms),
        (f"{n}: warm query p95 under 50 ms", project.warm_p95_ms < 50),
        (f"{n}: search bytes per language at most the plain merged index's", project.search_bytes <= plain.search_bytes),
    ]


def to_json(results: Sequence[dict[str, SearchResult]]) -> dict:
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "language": LANGUAGE,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "sizes": [{setup: asdict(result) for setup, result in r.items()} for r in results],
        "targets": [{"target": text, "holds": holds} for text, holds in targets(results)],
    }


def run(browser, sizes: Sequence[int], seed: int, json_path: Path, work_dir: Path | None = None) -> None:
    """Measure every size with both set-ups in `browser`, print the table and write the JSON."""
    scratch = Path(work_dir or tempfile.mkdtemp(prefix="bench-search-"))
    scratch.mkdir(parents=True, exist_ok=True)
    results = []
    started = time.perf_counter()
    try:
        for per_language in sorted(set(sizes)):
            results.append(bench_size(browser, scratch, per_language, seed))
            print(f"N={per_language:,} measured ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    finally:
        if work_dir is None:
            shutil.rmtree(scratch, ignore_errors=True)
    print(format_table(results))
    for text, holds in targets(results):
        print(f"{'holds' if holds else 'MISSED'}: {text}")
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(to_json(results), indent=2) + "\n", encoding="utf-8")
    print(f"written: {json_path}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES),
                        help="documents per language, comma-separated (default: 100,1000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus and query seed (default: 1)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results" / "bench-search.json",
                        help="where to write the results as JSON (default: %(default)s)")
    parser.add_argument("--work-dir", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright.chromium)
        try:
            run(browser, args.sizes, args.seed, args.json, args.work_dir)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
