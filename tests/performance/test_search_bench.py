"""The search benchmark runs end to end on a tiny corpus and reports both set-ups, relevance on the
project's own documents and a slow phone (no timing assertions)."""

from __future__ import annotations

import json
import subprocess
import sys

from scripts.bench.search_report import METRICS
from tests.support.sites import ROOT


def test_bench_search_runs_and_prints_both_setups(tmp_path):
    output = tmp_path / "bench-search.json"
    # In its own process: it starts Playwright, which cannot start twice in one thread (the
    # session's `browser` fixture may already be running when this test runs).
    run = subprocess.run([sys.executable, "-m", "scripts.bench.search", "--sizes", "5", "--json", str(output)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    printed = run.stdout
    header, *rows = printed.splitlines()
    assert header.split()[-3:] == ["plain", "project", "project/plain"]
    metrics = [label.strip() for label, _, _ in METRICS]  # some labels are indented under the one above
    table = rows[: len(metrics)]
    assert [row[12:36].strip() for row in table] == metrics  # columns: N (10), two spaces, metric (24)
    assert all(row.split()[0] == "5" and len(row[36:].split()) == 3 for row in table)

    result = json.loads(output.read_text(encoding="utf-8"))
    plain, project = result["sizes"][0]["plain"], result["sizes"][0]["project"]
    assert any(path.startswith("assets/javascripts/workers/search.") for path in plain["search_files"])
    assert "search/search_index.json" in plain["search_files"]
    assert "assets/search/index.sr.js" in project["search_files"]
    assert not any("index.sq" in path or "index.en" in path for path in project["search_files"])
    assert not any(path.startswith("assets/javascripts/workers/") for path in project["search_files"])
    for setup in (plain, project):
        assert setup["search_bytes"] > setup["search_bytes_gzip"] > 0
        assert setup["first_result_ms"] > 0 and setup["warm_p95_ms"] >= setup["warm_median_ms"] > 0
    assert project["page_view_engine_files"] == [] and project["page_view_bytes"] < plain["page_view_bytes"]
    assert any(path.startswith("assets/javascripts/workers/search.") for path in plain["page_view_engine_files"])
    assert [score["language"] for score in result["relevance"]] == ["sq", "sr", "en"]
    assert all(0 < score["mrr"] <= 1 and score["queries"] >= 30 for score in result["relevance"])
    assert result["slow_phone"]["first_result_ms"] > 0 and result["slow_phone"]["bytes_gzip"] > 0
    assert "relevance on this project's documents" in printed and "MRR" in printed
    assert len(result["targets"]) == 11
    assert plain["slow_phone_from_tap_ms"] > 0 and project["slow_phone_from_tap_ms"] > 0 and project["slow_phone_bytes_gzip"] > 0
