"""The build benchmark runs end to end on a tiny corpus and prints both set-ups (no timing assertions)."""

from __future__ import annotations

import json
import re

from scripts.bench import build as bench_build
from scripts.bench import build_runs


def test_benchmark_runs_end_to_end_and_prints_both_columns(tmp_path, capsys):
    results = tmp_path / "bench.json"
    code = bench_build.main(["--sizes", "6", "--edit-rounds", "1", "--json", str(results)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "| N/lang | wall s plain | project | ratio |" in out
    row = next(line for line in out.splitlines() if line.startswith("| 6 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == 16 and all(re.fullmatch(r"[\d.]+", cell) for cell in cells), row
    assert re.search(r"edit loop \(make serve LANG=sr, real site, edit sr/\S+\.md\): save -> reload ready [\d.]+ s", out)
    # what `make build` adds after MkDocs (mkdocs.yml switches both channels on), in a table of its own
    assert "| N/lang | service worker files s | CPU s | peak MB | MB | Kiwix files s | CPU s | peak MB | MB |" in out
    after = next(line for line in out.splitlines() if line.startswith("| 6 |") and line != row)
    assert all(re.fullmatch(r"[\d.]+", cell.strip()) for cell in after.strip("|").split("|")), after
    edition = out[out.index("| N/lang | twin pages |"):]
    edition_row = next(line for line in edition.splitlines() if line.startswith("| 6 |"))
    cells = [cell.strip() for cell in edition_row.strip("|").split("|")]
    assert len(cells) == 12 and int(cells[1]) == 6 + 6 + 1 and float(cells[2]) > 0, edition_row  # documents + sections + 404
    data = json.loads(results.read_text(encoding="utf-8"))
    sizes = data["sizes"][0]
    for setup in ("plain", "project"):
        assert sizes[setup]["ok"] and sizes[setup]["per_language"] == 6
        assert sizes[setup]["html_pages"] > 3 * 6 and sizes[setup]["site_bytes"] > sizes[setup]["html_bytes"] > 0
        assert sizes[setup]["peak_memory_bytes"] > 10_000_000
    steps = {step["name"]: step for step in sizes["project"]["after_mkdocs"]}
    assert sorted(steps) == ["Kiwix files", "service worker files"] and sizes["plain"]["after_mkdocs"] == []
    assert all(step["ok"] and step["output_bytes"] > 0 and step["wall_seconds"] > 0 for step in steps.values())
    assert sizes["project"]["make_build_seconds"] > sizes["project"]["wall_seconds"]
    assert len(data["edit_loop"]["serve_rebuild_seconds"]) == 1
    without = sizes[build_runs.WITHOUT_EDITION]
    assert without["ok"] and without["edition_pages"] == 0 and sizes["project"]["edition_pages"] > 0
    assert sizes["project"]["html_pages"] == without["html_pages"] + sizes["project"]["edition_pages"]


def test_real_docs_replicated_build_strictly_with_the_project_and_without_id_links_with_plain(tmp_path):
    sizes = {}
    for setup in build_runs.SETUPS:
        config_file, site_dir, documents = build_runs.write_setup(tmp_path / setup, setup, 90, 1, "real")
        run = build_runs.build_setup(setup, config_file)
        assert run.code == 0, run.output[-3000:]
        assert "WARNING" not in run.output, run.output[-3000:]  # plain's relative links all lead to its pages
        pages = list(site_dir.rglob("*.html"))
        assert not [page for page in pages if 'href="id:' in page.read_text(encoding="utf-8")]
        sizes[setup] = documents, {p.relative_to(site_dir).as_posix() for p in pages if "sr-cyrl" not in p.parts}
    (project_documents, project_pages), (plain_documents, plain_pages) = sizes["project"], sizes["plain"]
    assert project_documents == plain_documents > 50
    assert "acts/regulation-02-2010-copy-2/index.html" in plain_pages
    assert {page for page in project_pages if page.endswith("/index.html")} >= {
        page for page in plain_pages if page.endswith("/index.html") and not page.startswith(("search/", "assets/"))}
