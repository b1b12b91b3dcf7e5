"""The search benchmark's report: both set-ups side by side, the issue's targets, the JSON.

The ratios are project / plain; a set-up not measured (`--setups`) shows as "-", and the targets
against plain are judged only when plain was measured.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict
from typing import Sequence

from scripts.bench.search_browser import LANGUAGE, SearchResult

FIRST_RESULT_TARGET_MS = 500
WARM_P95_TARGET_MS = 30


METRICS = (
    ("search bytes (raw)", "search_bytes", "{:,.0f}"),
    ("search bytes (gzip)", "search_bytes_gzip", "{:,.0f}"),
    ("page loaded (ms)", "page_load_ms", "{:,.0f}"),
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
        (f"{n}: first result of a first query, from navigation start, within {FIRST_RESULT_TARGET_MS} ms",
         project.first_result_ms <= FIRST_RESULT_TARGET_MS),
        (f"{n}: first result of a first query, from the tap on the search box, within {FIRST_RESULT_TARGET_MS} ms",
         project.first_result_from_tap_ms <= FIRST_RESULT_TARGET_MS),
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
