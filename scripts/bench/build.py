"""Build benchmark: this project's set-up against plain Material + mkdocs-static-i18n, same corpus, one run.

For each size N (documents per language) it writes a corpus twice — with links by ID and the
project's markers for this project, with the same links written relative and the markers' lists and
tables written out for the plain set-up, which knows neither — and builds each with `mkdocs build` in its own subprocess (the project's
strictly, as `make build` does; the plain one with MkDocs' defaults). It reports wall time, peak
memory (ru_maxrss of the build process), site bytes and HTML bytes per page, and the ratios
project / plain. `make build` then also adds the offline channels its mkdocs.yml switches on
(scripts/site/channels.py: the service worker files, the Kiwix files), which the plain set-up has
no counterpart of: they are timed on the project's built site, each in its own process, and
reported in a table of their own (not in the ratios), with the sum that `make build` takes.
The project's set-up builds a fourth edition the plain one has not, the Serbian Cyrillic one (an
HTML twin of each Serbian page); its cost is the difference to a third build, the project's set-up
with `cyrillic_edition: false`, reported in a table of its own. Then it measures the editing loop
on the real site: `make serve LANG=sr` (a
`mkdocs serve` of one language on a copy of docs/), the time from saving one page to the rebuilt
site being ready ("Reloading browsers"), and a cold one-language `mkdocs build` for comparison.

Two corpora (`--corpus`): `synthetic` (scripts/bench/corpus.py: generated pages shaped like the
real ones, N per language) and `real` (scripts/bench/real_corpus.py: the project's own docs/, its
documents copied in sets to about N per language).

The parts: `build_runs` (a set-up written, built and measured), `build_edit_loop` (the
`make serve` loop), `build_report` (the tables, the targets, the JSON); this module is the command line.

    python -m scripts.bench.build [--corpus synthetic|real] [--sizes 100,300,1000] [--large]
                                  [--json bench-results/bench-build.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

from scripts.bench.build_edit_loop import EDIT_ROUNDS, measure_edit_loop
from scripts.bench.build_report import report, to_json
from scripts.bench.build_runs import CORPORA, bench_size
from scripts.model.project import ROOT

DEFAULT_SIZES = (100, 300, 1000)
REAL_DEFAULT_SIZES = (300,)  # issue 13's target: the real docs at about 300 per language
LARGE_SIZE = 2000


def parse_sizes(text: str) -> list[int]:
    """Documents per language from the command line: '100,1000' or '1_000'."""
    return [int(part.replace("_", "").replace(",", "")) for part in text.split(",") if part.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="synthetic",
                        help="synthetic pages, or the project's own docs/ replicated (default: %(default)s)")
    parser.add_argument("--sizes", type=parse_sizes, default=None,
                        help="documents per language, comma-separated (default: 100,300,1000; with --corpus real: 300)")
    parser.add_argument("--large", action="store_true", help=f"also N={LARGE_SIZE:,}")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    parser.add_argument("--no-edition-cost", action="store_true",
                        help="skip the third build that measures the Cyrillic edition's cost")
    parser.add_argument("--edit-rounds", type=int, default=EDIT_ROUNDS,
                        help="edits timed in the `make serve LANG=sr` loop; 0 skips it (default: %(default)s)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results" / "bench-build.json",
                        help="where to write the results as JSON (default: %(default)s)")
    parser.add_argument("--work-dir", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)
    chosen = args.sizes or list(REAL_DEFAULT_SIZES if args.corpus == "real" else DEFAULT_SIZES)
    sizes = sorted(set(chosen + ([LARGE_SIZE] if args.large else [])))

    work_dir = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-build-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for per_language in sizes:
            print(f"N={per_language:,} per language ({args.corpus} corpus) ...", flush=True)
            results.append(bench_size(work_dir, per_language, args.seed, edition_cost=not args.no_edition_cost,
                                      corpus=args.corpus))
            print("  " + ", ".join(f"{b.setup} {b.wall_seconds:.1f} s (CPU {b.cpu_seconds:.1f} s)" if b.ok
                                   else f"{b.setup} FAILED" for b in results[-1].values()), flush=True)
        edit = measure_edit_loop(work_dir, rounds=args.edit_rounds) if args.edit_rounds > 0 else None
    finally:
        if args.work_dir is None:
            shutil.rmtree(work_dir, ignore_errors=True)
    print(report(results, edit))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(to_json(results, edit), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nJSON: {args.json}")
    failed = (any(not build.ok or not all(step.ok for step in build.after_mkdocs) for r in results for build in r.values())
              or (edit is not None and not edit.ok))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
