"""The search benchmark's slow phone: the first result with Chromium's network and CPU throttled.

From the reader's tap on the search box, on a loaded page, to the first result of a query typed
at once: Lighthouse's mobile network ("slow 4G") and a CPU four times slower than this machine's,
files sent gzipped as nginx sends them. Measured for each set-up and on the real site.
"""

from __future__ import annotations

from pathlib import Path

from scripts.bench.search_browser import (FIRST_RESULT_TIMEOUT_MS, LANGUAGE, TIMING_SCRIPT, Arrivals, gzip_bytes,
                                          serve, tap_to_first_shown, type_query)

# A slow phone connection (Lighthouse's mobile throttling, "slow 4G"): 1.6 Mbit/s down, 750 kbit/s up,
# 150 ms round trip; and a phone's CPU, four times slower than this machine's.
SLOW_PHONE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
SLOW_PHONE_CPU = 4
SLOW_PHONE_QUERY = "zastita"


def slow_phone_first_result(browser, site_dir: Path, query: str = SLOW_PHONE_QUERY) -> tuple[float, int]:
    """Milliseconds from the reader tapping the search box, on a loaded page, to the first result
    of a query typed at once shown, on a slow phone connection (SLOW_PHONE, SLOW_PHONE_CPU),
    timed in the page; and the bytes of the search files that had arrived by then (gzipped)."""
    server, url, _ = serve(site_dir, compress=True)
    context = browser.new_context()
    arrivals = Arrivals(context, url)
    try:
        page = context.new_page()
        page.add_init_script(TIMING_SCRIPT)
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", SLOW_PHONE)
        session.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_PHONE_CPU})
        page.goto(f"{url}{LANGUAGE}/", wait_until="networkidle", timeout=FIRST_RESULT_TIMEOUT_MS)
        type_query(page, page.locator("input[data-md-component=search-query]"), query)
        page.wait_for_function("window.__firstShownAt !== null && window.__searchOpenedAt !== null",
                               timeout=FIRST_RESULT_TIMEOUT_MS)
        from_tap, files = tap_to_first_shown(page, arrivals)
    finally:
        context.close()
        server.shutdown()
    return from_tap, gzip_bytes(site_dir, files)
