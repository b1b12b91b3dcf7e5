"""Search benchmark: this project's search against plain Material + mkdocs-static-i18n, same corpus, one run.

For each size N (documents per language) it writes the synthetic corpus (`scripts.bench.corpus`) for each
set-up, builds it (`mkdocs build`), serves the site on 127.0.0.1 and measures in headless Chromium
(a fresh browser context, so a cold cache, for each set-up), on the Serbian home page:

- search bytes: what the browser downloads for search in one language (the worker, lunr and its
  language files, the index and, for this project, the text shards the queries' results showed;
  raw, and gzip as a server would send them), counted by the server;
- first result: time from the start of page load to the first result of a first query typed as
  soon as the page has loaded; and from the reader's tap on the search box to that result shown
  (the search's own part: the page load and the test driver's typing left out); the bytes (gzip)
  of the search files that had arrived when it was shown;
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

    python -m scripts.bench.search [--sizes 100,1000] [--setups plain,project] [--json bench-results/bench-search.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Sequence

from scripts.bench import relevance
from scripts.bench.local_server import QuietHandler, serve_directory
from scripts.bench.build import parse_sizes
from scripts.bench.build_runs import build_setup, write_setup
from scripts.bench.corpus import document_specs
from scripts.bench.setups import write_project_config
from scripts.model.project import ROOT
from scripts.tools.chromium import chromium

SETUPS = ("plain", "project")
DEFAULT_SIZES = (100, 1000)
LANGUAGE = "sr"
WARM_QUERIES = 20
FIRST_RESULT_TIMEOUT_MS = 600_000
SEARCH_FILE = re.compile(r"(^|/)(search|lunr)(/|[._])")  # search/…, assets/search/…, lunr/…, workers/search.…js
# What a page view must not download before the reader searches: an engine, lunr, an index of
# this project's (Material's bundle fetches its own search/search_index.json on every page: here it
# holds no page, 174 bytes).
SEARCH_ENGINE_FILE = re.compile(r"(lunr|workers/search\.|assets/search/(search|worker|index\.|texts\.))")
WORD = re.compile(r"[^\W\d_]{4,}")
# A slow phone connection (Lighthouse's mobile throttling, "slow 4G"): 1.6 Mbit/s down, 750 kbit/s up,
# 150 ms round trip; and a phone's CPU, four times slower than this machine's.
SLOW_PHONE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
SLOW_PHONE_CPU = 4
SLOW_PHONE_QUERY = "zastita"
FIRST_RESULT_TARGET_MS = 500
WARM_P95_TARGET_MS = 30

# Records, in the page, how long the search worker takes to answer each QUERY (type 2) with a
# RESULT (type 3): the first RESULT (`__searchLatencies`), and the last, the one not marked
# `pending` (`__completeLatencies`): Material's protocol, the same for both set-ups. Also when the
# reader first tapped or focused the search box and when the first result item was shown.
TIMING_SCRIPT = """
(() => {
  const NativeWorker = window.Worker;
  window.__searchLatencies = [];
  window.__completeLatencies = [];
  window.__firstResultAt = null;
  window.__searchOpenedAt = null;
  window.__firstShownAt = null;
  window.Worker = function (url, options) {
    const worker = new NativeWorker(url, options);
    const post = worker.postMessage.bind(worker);
    let sentAt = null, answered = false;
    worker.postMessage = (message) => {
      if (message.type === 2) { sentAt = performance.now(); answered = false; }
      post(message);
    };
    worker.addEventListener("message", (event) => {
      if (event.data.type !== 3 || sentAt === null) return;
      const now = performance.now();
      if (window.__firstResultAt === null && event.data.data.items.length) window.__firstResultAt = now;
      if (!answered) window.__searchLatencies.push(now - sentAt);
      answered = true;
      if (!event.data.data.pending) {
        window.__completeLatencies.push(now - sentAt);
        sentAt = null;
      }
    });
    return worker;
  };
  const opened = (event) => {
    if (window.__searchOpenedAt === null && event.target instanceof Element && event.target.closest(
        "input[data-md-component=search-query], label[for=__search]")) window.__searchOpenedAt = performance.now();
  };
  ["pointerdown", "focusin"].forEach(type => document.addEventListener(type, opened, true));
  document.addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver((_, observer) => {
      if (list.querySelector(".md-search-result__item")) {
        window.__firstShownAt = performance.now();
        observer.disconnect();
      }
    }).observe(list, { childList: true });
  });
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
    first_result_from_tap_ms: float = 0.0  # from the tap on the search box to the first result shown
    first_result_bytes_gzip: int = 0  # search files arrived when the first result was shown
    warm_median_ms: float = 0.0
    warm_p95_ms: float = 0.0
    warm_complete_median_ms: float = 0.0  # to the RESULT with the excerpts
    warm_complete_p95_ms: float = 0.0
    page_view_bytes: int = 0  # search files a page view downloads when the reader does not search
    page_view_engine_files: list[str] = field(default_factory=list)  # engine, lunr or index among them
    slow_phone_from_tap_ms: float = 0.0  # the first result on a slow phone, from the tap (slow_phone_first_result)
    slow_phone_bytes_gzip: int = 0


class _RecordingHandler(QuietHandler):
    """Serves the site and records every path it served (to count the bytes search downloads);
    with `gzip`, sends text files gzipped to a browser that accepts it, as nginx does."""

    served: list[str]
    gzip: bool = False

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if self.gzip and path.is_file() and path.suffix in (".html", ".js", ".css", ".json", ".svg") \
                and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.served.append(self.path.split("?")[0].lstrip("/"))
            return io.BytesIO(body)
        result = super().send_head()
        if result is not None:
            self.served.append(self.path.split("?")[0].lstrip("/"))
        return result


def serve(site_dir: Path, compress: bool = False):
    served: list[str] = []
    handler = type("Handler", (_RecordingHandler,), {"served": served, "gzip": compress})
    server, url = serve_directory(site_dir, handler)
    return server, url, served


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


class _Arrivals:
    """When each file a browser context fetched had arrived (epoch ms), its workers' fetches too."""

    def __init__(self, context, base_url: str):
        self.base_url = base_url
        self.ends: list[tuple[float, str]] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        if request.url.startswith(self.base_url):
            timing = request.timing
            self.ends.append((timing["startTime"] + timing["responseEnd"], request.url[len(self.base_url):].split("?")[0]))

    def search_files_before(self, epoch_ms: float) -> set[str]:
        return {path for end, path in self.ends if end <= epoch_ms and SEARCH_FILE.search(path)}


def gzip_bytes(site_dir: Path, paths) -> int:
    return sum(len(gzip.compress((site_dir / path).read_bytes(), 6)) for path in paths)


def measure(browser, site_dir: Path, words: Sequence[str]) -> dict:
    """Open the Serbian home page, type a first query at once, then the warm queries (each once
    the one before was answered with its excerpts)."""
    server, url, served = serve(site_dir)
    context = browser.new_context()
    arrivals = _Arrivals(context, url)
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
        page.wait_for_function("window.__completeLatencies.length > 0 && window.__firstShownAt !== null",
                               timeout=FIRST_RESULT_TIMEOUT_MS)
        origin, opened, shown = page.evaluate("[performance.timeOrigin, window.__searchOpenedAt, window.__firstShownAt]")
        first_bytes = gzip_bytes(site_dir, arrivals.search_files_before(origin + shown))
        latencies, complete = [], []
        for word in warm_queries:
            done = page.evaluate("window.__completeLatencies.length")
            _type(page, search_box, word)
            page.wait_for_function(f"window.__completeLatencies.length > {done}", timeout=60_000)
            answered, answered_in_full = page.evaluate("[window.__searchLatencies.at(-1), window.__completeLatencies.at(-1)]")
            latencies.append(answered)
            complete.append(answered_in_full)
        files = sorted({path for path in served if SEARCH_FILE.search(path)})
        served.clear()
        viewed = browser.new_context()
        viewed.new_page().goto(f"{url}{LANGUAGE}/", wait_until="networkidle")
        viewed.close()
        page_view = sorted({path for path in served if SEARCH_FILE.search(path)})
    finally:
        context.close()
        server.shutdown()
    raw = sum((site_dir / path).stat().st_size for path in files)
    return {"search_files": files, "search_bytes": raw, "search_bytes_gzip": gzip_bytes(site_dir, files),
            "first_result_ms": first, "first_result_from_tap_ms": shown - opened, "first_result_bytes_gzip": first_bytes,
            "warm_median_ms": statistics.median(latencies), "warm_p95_ms": percentile(latencies, 0.95),
            "warm_complete_median_ms": statistics.median(complete), "warm_complete_p95_ms": percentile(complete, 0.95),
            "page_view_bytes": gzip_bytes(site_dir, page_view),
            "page_view_engine_files": [path for path in page_view if SEARCH_ENGINE_FILE.search(path)]}


def _type(page, search_box, text: str) -> None:
    """Type a query as a reader does: Material reads the box on keyup."""
    search_box.click()
    search_box.fill(text)
    page.keyboard.press("End")


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


METRICS = (
    ("search bytes (raw)", "search_bytes", "{:,.0f}"),
    ("search bytes (gzip)", "search_bytes_gzip", "{:,.0f}"),
    ("first result (ms)", "first_result_ms", "{:,.0f}"),
    ("  from the tap (ms)", "first_result_from_tap_ms", "{:,.0f}"),
    ("  bytes before it (gzip)", "first_result_bytes_gzip", "{:,.0f}"),
    ("warm query median (ms)", "warm_median_ms", "{:,.1f}"),
    ("warm query p95 (ms)", "warm_p95_ms", "{:,.1f}"),
    ("  with excerpts, median", "warm_complete_median_ms", "{:,.1f}"),
    ("  with excerpts, p95", "warm_complete_p95_ms", "{:,.1f}"),
    ("page view, no search, gz", "page_view_bytes", "{:,.0f}"),
    ("slow phone from tap (ms)", "slow_phone_from_tap_ms", "{:,.0f}"),
    ("  bytes before it (gzip)", "slow_phone_bytes_gzip", "{:,.0f}"),
)


def format_table(results: Sequence[dict[str, SearchResult]]) -> str:
    """Both set-ups side by side ("-" for one not measured)."""
    lines = [f"{'N/language':>10}  {'metric':<24} {'plain':>12} {'project':>12} {'project/plain':>14}"]
    for by_setup in results:
        plain, project = by_setup.get("plain"), by_setup.get("project")
        per_language = next(iter(by_setup.values())).per_language
        for label, name, number in METRICS:
            a, b = (getattr(result, name) if result else None for result in (plain, project))
            ratio = f"{b / a:.3f}" if a and b is not None else "-"
            shown = [number.format(value) if value is not None else "-" for value in (a, b)]
            lines.append(f"{per_language:>10,}  {label:<24} {shown[0]:>12} {shown[1]:>12} {ratio:>14}")
    return "\n".join(lines)


def targets(results: Sequence[dict[str, SearchResult]]) -> list[tuple[str, bool]]:
    """The issue's targets at the largest N measured (those against plain only when it was measured)."""
    measured = [r for r in results if "project" in r]
    if not measured:
        return []
    largest = max(measured, key=lambda r: r["project"].per_language)
    plain, project = largest.get("plain"), largest["project"]
    n = f"N={project.per_language:,}"
    found = [
        (f"{n}: first result of a first query within {FIRST_RESULT_TARGET_MS} ms",
         project.first_result_ms <= FIRST_RESULT_TARGET_MS),
        (f"{n}: warm query p95 under {WARM_P95_TARGET_MS} ms", project.warm_p95_ms < WARM_P95_TARGET_MS),
        (f"{n}: first result on a slow phone, from the tap, within {FIRST_RESULT_TARGET_MS} ms",
         project.slow_phone_from_tap_ms <= FIRST_RESULT_TARGET_MS),
        ("a page view downloads no search engine, lunr or index until the reader searches",
         not any(r["project"].page_view_engine_files for r in measured)),
    ]
    if plain is not None:
        found[:0] = [(f"{n}: first result at least 10x sooner than plain", project.first_result_ms * 10 <= plain.first_result_ms)]
        found.append((f"{n}: search bytes per language at most the plain merged index's",
                      project.search_bytes <= plain.search_bytes))
    return found


def to_json(results: Sequence[dict[str, SearchResult]]) -> dict:
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "language": LANGUAGE,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "sizes": [{setup: asdict(result) for setup, result in r.items()} for r in results],
        "targets": [{"target": text, "holds": holds} for text, holds in targets(results)],
    }


@dataclass
class RealSiteResult:
    """Search on this project's own documents: relevance per language, and the first result on a slow phone."""

    scores: list[relevance.LanguageScore]
    misses: list[str]
    slow_phone_first_result_ms: float
    slow_phone_bytes: int  # what the search downloaded, as sent (gzip)


def slow_phone_first_result(browser, site_dir: Path, query: str = SLOW_PHONE_QUERY) -> tuple[float, int]:
    """Milliseconds from the reader tapping the search box, on a loaded page, to the first result
    of a query typed at once shown, on a slow phone connection (SLOW_PHONE, SLOW_PHONE_CPU),
    timed in the page; and the bytes of the search files that had arrived by then (gzipped)."""
    server, url, _ = serve(site_dir, compress=True)
    context = browser.new_context()
    arrivals = _Arrivals(context, url)
    try:
        page = context.new_page()
        page.add_init_script(TIMING_SCRIPT)
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", SLOW_PHONE)
        session.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_PHONE_CPU})
        page.goto(f"{url}{LANGUAGE}/", wait_until="networkidle", timeout=FIRST_RESULT_TIMEOUT_MS)
        _type(page, page.locator("input[data-md-component=search-query]"), query)
        page.wait_for_function("window.__firstShownAt !== null && window.__searchOpenedAt !== null",
                               timeout=FIRST_RESULT_TIMEOUT_MS)
        origin, opened, shown = page.evaluate("[performance.timeOrigin, window.__searchOpenedAt, window.__firstShownAt]")
        files = arrivals.search_files_before(origin + shown)
    finally:
        context.close()
        server.shutdown()
    return shown - opened, gzip_bytes(site_dir, files)


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
