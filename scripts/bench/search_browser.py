"""The search benchmark's browser measurements of one built site, in headless Chromium.

The site is served on 127.0.0.1 by a server that records what it sent; a script in the page
times Material's worker protocol (QUERY to RESULT), the reader's tap on the search box and the
first result shown; a fresh browser context per measurement, so a cold cache. The slow-phone
measurement (scripts/bench/search_slow_phone.py) uses the same server, script and arrivals.
"""

from __future__ import annotations

import gzip
import io
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from scripts.bench.local_server import QuietHandler, serve_directory

LANGUAGE = "sr"
FIRST_RESULT_TIMEOUT_MS = 600_000
SEARCH_FILE = re.compile(r"(^|/)(search|lunr)(/|[._])")  # search/…, assets/search/…, lunr/…, workers/search.…js
# What a page view must not download before the reader searches: an engine, lunr, an index of
# this project's (Material's bundle fetches its own search/search_index.json on every page: here it
# holds no page, 174 bytes).
SEARCH_ENGINE_FILE = re.compile(r"(lunr|workers/search\.|assets/search/(search|worker|index\.|terms\.|texts\.))")

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
    page_load_ms: float = 0.0  # from navigation start to the page's load event
    first_result_ms: float = 0.0  # from navigation start to the first result shown, a query typed once the page has loaded
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


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Arrivals:
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


def tap_to_first_shown(page, arrivals: Arrivals) -> tuple[float, set[str]]:
    """Milliseconds from the reader's tap on the search box to the first result shown (timed in
    the page), and the search files that had arrived by then."""
    origin, opened, shown = page.evaluate("[performance.timeOrigin, window.__searchOpenedAt, window.__firstShownAt]")
    return shown - opened, arrivals.search_files_before(origin + shown)


def measure(browser, site_dir: Path, words: Sequence[str]) -> dict:
    """Open the Serbian home page, type a first query at once, then the warm queries (each once
    the one before was answered with its excerpts)."""
    server, url, served = serve(site_dir)
    context = browser.new_context()
    arrivals = Arrivals(context, url)
    try:
        page = context.new_page()
        page.add_init_script(TIMING_SCRIPT)
        page.goto(f"{url}{LANGUAGE}/", wait_until="load")
        search_box = page.locator("input[data-md-component=search-query]")
        first_query, warm_queries = words[0], words[1:]
        type_query(page, search_box, first_query)
        page.wait_for_function("window.__completeLatencies.length > 0 && window.__firstShownAt !== null",
                               timeout=FIRST_RESULT_TIMEOUT_MS)
        # Timed in the page: the test driver's own polling, which noticed the result 100-250 ms
        # after it was shown, is not the reader's wait.
        first, loaded = page.evaluate("[window.__firstShownAt, performance.getEntriesByType('navigation')[0].loadEventEnd]")
        from_tap, arrived = tap_to_first_shown(page, arrivals)
        first_bytes = gzip_bytes(site_dir, arrived)
        latencies, complete = [], []
        for word in warm_queries:
            done = page.evaluate("window.__completeLatencies.length")
            type_query(page, search_box, word)
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
            "page_load_ms": loaded, "first_result_ms": first, "first_result_from_tap_ms": from_tap, "first_result_bytes_gzip": first_bytes,
            "warm_median_ms": statistics.median(latencies), "warm_p95_ms": percentile(latencies, 0.95),
            "warm_complete_median_ms": statistics.median(complete), "warm_complete_p95_ms": percentile(complete, 0.95),
            "page_view_bytes": gzip_bytes(site_dir, page_view),
            "page_view_engine_files": [path for path in page_view if SEARCH_ENGINE_FILE.search(path)]}


def type_query(page, search_box, text: str) -> None:
    """Type a query as a reader does: Material reads the box on keyup."""
    search_box.click()
    search_box.fill(text)
    page.keyboard.press("End")
