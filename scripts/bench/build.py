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

    python -m scripts.bench.build [--corpus synthetic|real] [--sizes 100,300,1000] [--large]
                                  [--json bench-results/bench-build.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Sequence

from scripts.bench.corpus import generate_corpus
from scripts.bench.real_corpus import replicate_docs
from scripts.bench.setups import write_plain_config, write_project_config
from scripts.model.languages import read_config
from scripts.model.project import ROOT
from scripts.model.settings import Settings
from scripts.search import index as search_index
from scripts.site import service_worker, zim

SETUPS = ("plain", "project")
WITHOUT_EDITION = "project-without-cyrillic"  # the project's set-up, cyrillic_edition: false
EDITION = "sr-cyrl"
DEFAULT_SIZES = (100, 300, 1000)
REAL_DEFAULT_SIZES = (300,)  # issue 13's target: the real docs at about 300 per language
REAL_TARGET_SIZES = (250, 350)  # the sizes that count as "about 300" for it
LARGE_SIZE = 2000
EDIT_LANGUAGE = "sr"
EDIT_ROUNDS = 3
SERVE_TIMEOUT_SECONDS = 300


@dataclass
class StepResult:
    """One step `make build` runs after MkDocs (an offline channel), timed in its own process."""

    name: str
    ok: bool
    wall_seconds: float
    cpu_seconds: float
    peak_memory_bytes: int
    output_bytes: int  # what it added to the site
    log: str  # its output when it failed, else ""


@dataclass
class BuildResult:
    """One build of one corpus with one set-up."""

    setup: str
    per_language: int
    ok: bool
    wall_seconds: float
    cpu_seconds: float  # user + system time of the build process: less disturbed by other load
    peak_memory_bytes: int
    site_bytes: int
    html_pages: int
    html_bytes: int
    log: str  # the build's output when it failed, else ""
    after_mkdocs: list[StepResult] = field(default_factory=list)  # project only: the offline channels
    edition_pages: int = 0  # the Cyrillic edition's pages (sr-cyrl/) and bytes, with its search index
    edition_bytes: int = 0
    corpus: str = "synthetic"  # which corpus (CORPORA)
    documents: int = 0  # documents per language the corpus has (the real one: about per_language)

    @property
    def html_bytes_per_page(self) -> float:
        return self.html_bytes / self.html_pages if self.html_pages else 0.0

    @property
    def make_build_seconds(self) -> float:
        """What `make build` takes: the MkDocs build and the steps after it."""
        return self.wall_seconds + sum(step.wall_seconds for step in self.after_mkdocs)


def build_environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    env.pop("CRCH_ONLY_LANGUAGE", None)
    env.update(extra)
    return env


@dataclass
class Run:
    """How one process went: exit code, wall and CPU seconds, peak resident memory, output."""

    code: int
    wall_seconds: float
    cpu_seconds: float
    peak_memory_bytes: int
    output: str


def timed_run(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run a command and measure that process alone (os.wait4 gives its own resource usage)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(process.returncode, wall, cpu, usage.ru_maxrss * 1024, text)  # ru_maxrss is in KiB on Linux


def site_sizes(site_dir: Path) -> tuple[int, int, int]:
    """(all bytes, number of HTML pages, HTML bytes) of a built site."""
    total = pages = html = 0
    for path in site_dir.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if path.suffix == ".html":
                pages += 1
                html += size
    return total, pages, html


def edition_sizes(site_dir: Path) -> tuple[int, int]:
    """(pages, bytes) of the Cyrillic edition of a built site: its folder and its search files."""
    folder = site_dir / EDITION
    if not folder.is_dir():
        return 0, 0
    total, pages, _ = site_sizes(folder)
    search_dir = site_dir / search_index.INDEX_DIR
    search_files = [search_index.index_path(site_dir, EDITION),
                    *search_dir.glob(search_index.texts_file(EDITION).format(shard="*"))]
    return pages, total + sum(path.stat().st_size for path in search_files if path.exists())


def _synthetic(docs_dir: Path, per_language: int, seed: int, id_links: bool) -> int:
    generate_corpus(docs_dir, per_language, seed, id_links=id_links)
    return per_language


def _real(docs_dir: Path, per_language: int, seed: int, id_links: bool) -> int:
    return replicate_docs(docs_dir, per_language, id_links=id_links)  # no randomness: the seed does not apply


# corpus name -> writer(docs_dir, per_language, seed, id_links) returning its documents per language
CORPORA = {"synthetic": _synthetic, "real": _real}


def write_setup(folder: Path, setup: str, per_language: int, seed: int, corpus: str = "synthetic") -> tuple[Path, Path, int]:
    """A fresh corpus and mkdocs.yml for one set-up in folder; (config file, site folder, documents per language)."""
    shutil.rmtree(folder, ignore_errors=True)
    docs_dir, site_dir = folder / "docs", folder / "site"
    documents = CORPORA[corpus](docs_dir, per_language, seed, setup != "plain")
    if setup == "plain":
        return write_plain_config(folder, docs_dir, site_dir), site_dir, documents
    options = {"cyrillic_edition": False} if setup == WITHOUT_EDITION else None
    return write_project_config(folder, docs_dir, site_dir, plugin_options=options), site_dir, documents


def build_setup(setup: str, config_file: Path) -> Run:
    """Build a set-up in its own process: the project's strictly (as `make build`), the plain one as is."""
    strict = [] if setup == "plain" else ["--strict"]
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet", *strict, "--config-file", str(config_file)]
    return timed_run(command, config_file.parent, build_environment())


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) if folder.exists() else 0


def offline_steps(config_file: Path, site_dir: Path) -> list[StepResult]:
    """The offline channels the config switches on, as `make build` adds them to the built site
    (scripts/site/channels.py), each command timed in its own process."""
    settings = Settings.from_config(read_config(config_file), config_file.parent)
    config = ["--config-file", str(config_file)]
    steps = []
    if settings.offline_save:
        steps.append(("service worker files", [sys.executable, "-m", "scripts.site.service_worker", str(site_dir), *config],
                      lambda: (site_dir / service_worker.SCRIPT_NAME).stat().st_size
                      + folder_bytes(site_dir / service_worker.MANIFEST_DIR)))
    if settings.kiwix_files:
        downloads = site_dir / zim.DOWNLOADS_DIR
        steps.append(("Kiwix files", [sys.executable, "-m", "scripts.site.zim", "--site-dir", str(site_dir),
                                      "--dist-dir", str(downloads), *config], lambda: folder_bytes(downloads)))
    results = []
    for name, command, added in steps:
        run = timed_run(command, ROOT, build_environment())
        ok = run.code == 0
        results.append(StepResult(name, ok, run.wall_seconds, run.cpu_seconds, run.peak_memory_bytes,
                                  added() if ok else 0, "" if ok else run.output))
    return results


def build_once(setup: str, per_language: int, config_file: Path, site_dir: Path, corpus: str = "synthetic",
               documents: int = 0) -> BuildResult:
    run = build_setup(setup, config_file)
    ok = run.code == 0
    total, pages, html = site_sizes(site_dir) if ok else (0, 0, 0)
    after = offline_steps(config_file, site_dir) if ok and setup == "project" else []
    edition_pages, edition_bytes = edition_sizes(site_dir) if ok else (0, 0)
    shutil.rmtree(site_dir, ignore_errors=True)
    return BuildResult(setup, per_language, ok, run.wall_seconds, run.cpu_seconds, run.peak_memory_bytes,
                       total, pages, html, "" if ok else run.output, after, edition_pages, edition_bytes,
                       corpus, documents)


def bench_size(work_dir: Path, per_language: int, seed: int, edition_cost: bool = True,
               corpus: str = "synthetic") -> dict[str, BuildResult]:
    """Build one corpus size with both set-ups (and the project's without its Cyrillic edition);
    the corpus is written fresh for each."""
    results = {}
    for setup in SETUPS + ((WITHOUT_EDITION,) if edition_cost else ()):
        folder = work_dir / f"{setup}-{corpus}-{per_language}"
        config_file, site_dir, documents = write_setup(folder, setup, per_language, seed, corpus)
        results[setup] = build_once(setup, per_language, config_file, site_dir, corpus, documents)
        shutil.rmtree(folder, ignore_errors=True)
    return results


# --------------------------------------------------------------------------- the editing loop


@dataclass
class EditLoopResult:
    language: str
    page: str  # the page edited, relative to docs/
    serve_rebuild_seconds: list[float]  # save -> "Reloading browsers", one per edit
    one_language_build_seconds: float  # a cold `mkdocs build` of that language alone
    ok: bool
    log: str

    @property
    def median_rebuild_seconds(self) -> float:
        return statistics.median(self.serve_rebuild_seconds) if self.serve_rebuild_seconds else float("nan")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _edited_page(docs_dir: Path, language: str) -> Path:
    """A real content page of the language (the biggest, so the edit is not the cheapest case)."""
    pages = sorted((docs_dir / language).rglob("*.md"), key=lambda p: (-p.stat().st_size, str(p)))
    return pages[0]


class _ServeLog:
    """Reads a `mkdocs serve` process's log line by line, waiting for a given message."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.lines: list[str] = []

    def wait_for(self, pattern: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                return False
            self.lines.append(line)
            if re.search(pattern, line):
                return True
        return False


def measure_edit_loop(work_dir: Path, language: str = EDIT_LANGUAGE, rounds: int = EDIT_ROUNDS) -> EditLoopResult:
    """`make serve LANG=<language>` on a copy of the real docs: seconds from saving a page to the reload."""
    folder = work_dir / "edit-loop"
    shutil.rmtree(folder, ignore_errors=True)
    docs_dir = folder / "docs"
    shutil.copytree(ROOT / "docs", docs_dir)
    config_file = write_project_config(folder, docs_dir, folder / "site", only_language=language)
    env = build_environment()
    page = _edited_page(docs_dir, language)
    shown = page.relative_to(docs_dir).as_posix()

    cold = timed_run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file)], folder, env)
    if cold.code != 0:
        return EditLoopResult(language, shown, [], cold.wall_seconds, False, cold.output)

    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--config-file", str(config_file),
               "--dev-addr", f"127.0.0.1:{_free_port()}"]
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, bufsize=1)
    log = _ServeLog(process)
    times: list[float] = []
    try:
        if log.wait_for(r"Serving on", SERVE_TIMEOUT_SECONDS):
            original = page.read_text(encoding="utf-8")
            for edit in range(1, rounds + 1):
                time.sleep(0.5)  # let the watcher settle after the previous build
                start = time.perf_counter()
                page.write_text(f"{original}\nEdit {edit} for the build benchmark.\n", encoding="utf-8")
                if not log.wait_for(r"Reloading browsers", SERVE_TIMEOUT_SECONDS):
                    break
                times.append(time.perf_counter() - start)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
    shutil.rmtree(folder, ignore_errors=True)
    ok = len(times) == rounds
    return EditLoopResult(language, shown, times, cold.wall_seconds, ok, "" if ok else "".join(log.lines[-40:]))


# --------------------------------------------------------------------------- report


def _ratio(project: float, plain: float) -> str:
    return f"{project / plain:.2f}" if plain else "-"


def format_table(results: Sequence[dict[str, BuildResult]]) -> str:
    """One row per size: each measure for plain and project, and project / plain."""
    header = ("| N/lang | wall s plain | project | ratio | CPU s plain | project | ratio | peak MB plain | project | ratio "
              "| site MB plain | project | ratio | HTML KB/page plain | project | ratio |")
    rows = [header, "|" + "---|" * (header.count("|") - 1)]
    for result in results:
        plain, project = result["plain"], result["project"]
        cells = [f"{plain.per_language:,}"]
        for measure, scale, fmt in (
            ("wall_seconds", 1, "{:.1f}"),
            ("cpu_seconds", 1, "{:.1f}"),
            ("peak_memory_bytes", 1e6, "{:.0f}"),
            ("site_bytes", 1e6, "{:.1f}"),
            ("html_bytes_per_page", 1e3, "{:.1f}"),
        ):
            a, b = getattr(plain, measure) / scale, getattr(project, measure) / scale
            both = plain.ok and project.ok
            cells += [fmt.format(a) if plain.ok else "failed", fmt.format(b) if project.ok else "failed",
                      _ratio(b, a) if both else "-"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def format_after_mkdocs(results: Sequence[dict[str, BuildResult]]) -> str:
    """One row per size: each step `make build` runs after the project's MkDocs build, and the sum."""
    names = [step.name for step in next((r["project"].after_mkdocs for r in results if r["project"].after_mkdocs), [])]
    if not names:
        return ""
    header = ("| N/lang | " + " | ".join(f"{name} s | CPU s | peak MB | MB" for name in names)
              + " | MkDocs build s | make build s |")
    rows = [header, "|" + "---|" * (header.count("|") - 1)]
    for result in results:
        project = result["project"]
        if not project.ok:
            continue
        cells = [f"{project.per_language:,}"]
        for step in project.after_mkdocs:
            cells += ([f"{step.wall_seconds:.1f}", f"{step.cpu_seconds:.1f}", f"{step.peak_memory_bytes / 1e6:.0f}",
                       f"{step.output_bytes / 1e6:.1f}"] if step.ok else ["failed", "-", "-", "-"])
        cells += [f"{project.wall_seconds:.1f}", f"{project.make_build_seconds:.1f}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def format_edition_table(results: Sequence[dict[str, BuildResult]]) -> str:
    """One row per size: the project's build without and with its Cyrillic edition, and what it adds."""
    header = ("| N/lang | twin pages | edition MB | wall s without | with | added | CPU s without | with | added "
              "| peak MB without | with | added |")
    rows = [header, "|" + "---|" * (header.count("|") - 1)]
    for result in results:
        without, project = result.get(WITHOUT_EDITION), result["project"]
        if without is None or not (without.ok and project.ok):
            continue
        cells = [f"{project.per_language:,}", f"{project.edition_pages:,}", f"{project.edition_bytes / 1e6:.1f}"]
        for measure, scale, fmt in (("wall_seconds", 1, "{:.1f}"), ("cpu_seconds", 1, "{:.1f}"),
                                    ("peak_memory_bytes", 1e6, "{:.0f}")):
            a, b = getattr(without, measure) / scale, getattr(project, measure) / scale
            cells += [fmt.format(a), fmt.format(b), f"{(b - a) / a:+.0%}" if a else "-"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def growth(results: Sequence[dict[str, BuildResult]], setup: str, small: int, large: int,
           measure: str = "wall_seconds") -> float | None:
    """How many times a measure grew from one corpus size to another (None when not measured)."""
    by_size = {r[setup].per_language: r[setup] for r in results if r[setup].ok}
    if small in by_size and large in by_size and getattr(by_size[small], measure):
        return getattr(by_size[large], measure) / getattr(by_size[small], measure)
    return None


def targets(results: Sequence[dict[str, BuildResult]]) -> list[tuple[str, bool]]:
    """The issue's targets that this run can judge, each with whether it holds."""
    found: list[tuple[str, bool]] = []
    for result in results:
        plain, project = result["plain"], result["project"]
        if plain.corpus == "real" and REAL_TARGET_SIZES[0] <= plain.per_language <= REAL_TARGET_SIZES[1] \
                and plain.ok and project.ok:
            found.append((f"real docs at {project.documents:,} per language: project wall time <= 1/2 of plain",
                          project.wall_seconds * 2 <= plain.wall_seconds))
    results = [result for result in results if result["plain"].corpus == "synthetic"]
    at = {r["plain"].per_language: r for r in results}
    if 1000 in at and at[1000]["plain"].ok and at[1000]["project"].ok:
        plain, project = at[1000]["plain"], at[1000]["project"]
        found.append(("N=1,000: project wall time <= 1/3 of plain", project.wall_seconds * 3 <= plain.wall_seconds))
        found.append(("N=1,000: project peak memory <= plain", project.peak_memory_bytes <= plain.peak_memory_bytes))
        found.append(("N=1,000: project site bytes <= plain", project.site_bytes <= plain.site_bytes))
    project_growth = growth(results, "project", 300, 1000)
    if project_growth is not None:
        found.append((f"300 -> 1,000: project time grows <= 4x (it grew {project_growth:.1f}x)", project_growth <= 4))
    return found


def corpus_lines(results: Sequence[dict[str, BuildResult]]) -> list[str]:
    """What the corpus was: for the real one, how many documents each size came to."""
    real = [result["project"] for result in results if result["project"].corpus == "real"]
    if not real:
        return ["corpus: synthetic (scripts/bench/corpus.py), N documents per language plus a home and section pages"]
    sizes = ", ".join(f"N={build.per_language:,}: {build.documents:,}" for build in real)
    return [f"corpus: the project's docs/ replicated (scripts/bench/real_corpus.py), documents per language {sizes}"]


def report(results: Sequence[dict[str, BuildResult]], edit: EditLoopResult | None) -> str:
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = ["Build benchmark: plain Material + mkdocs-static-i18n vs this project (ratio = project / plain)",
             f"{dt.date.today().isoformat()}, {os.cpu_count()} CPUs, load average now {load} (1 / 5 / 15 min)",
             *corpus_lines(results), "", format_table(results), ""]
    after = format_after_mkdocs(results)
    if after:
        lines += ["`make build` also adds the offline channels mkdocs.yml switches on, after MkDocs (project only, "
                  "so not in the ratios above):", "", after, ""]
    if any(WITHOUT_EDITION in result for result in results):
        lines += ["The fourth edition (Serbian Cyrillic, sr-cyrl/): the project's build without it and with it",
                  "", format_edition_table(results), ""]
    for setup in SETUPS:
        grew, cpu_grew = growth(results, setup, 300, 1000), growth(results, setup, 300, 1000, "cpu_seconds")
        if grew is not None and cpu_grew is not None:
            lines.append(f"{setup}: 300 -> 1,000 documents per language, wall time x{grew:.1f}, CPU time x{cpu_grew:.1f}")
    for result in results:
        for build in result.values():
            if not build.ok:
                lines += [f"{build.setup} build at N={build.per_language} FAILED:", build.log[-3000:]]
            for step in build.after_mkdocs:
                if not step.ok:
                    lines += [f"{step.name} at N={build.per_language} FAILED:", step.log[-3000:]]
    if edit is not None:
        lines.append("")
        if edit.ok:
            rounds = ", ".join(f"{s:.2f}" for s in edit.serve_rebuild_seconds)
            lines.append(f"edit loop (make serve LANG={edit.language}, real site, edit {edit.page}): "
                         f"save -> reload ready {edit.median_rebuild_seconds:.2f} s median ({rounds}); target < 2 s")
            lines.append(f"cold one-language build (mkdocs build, CRCH_ONLY_LANGUAGE={edit.language}): "
                         f"{edit.one_language_build_seconds:.2f} s")
        else:
            lines += [f"edit loop FAILED (make serve LANG={edit.language}):", edit.log[-3000:]]
    judged = targets(results)
    if judged:
        lines += ["", "targets:"] + [f"  [{'ok' if holds else 'NOT MET'}] {text}" for text, holds in judged]
    if edit is not None and edit.ok:
        lines.append(f"  [{'ok' if edit.median_rebuild_seconds < 2 else 'NOT MET'}] edit loop rebuild < 2 s")
    return "\n".join(lines)


def to_json(results: Sequence[dict[str, BuildResult]], edit: EditLoopResult | None) -> dict:
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "cpus": os.cpu_count(),
        "sizes": [
            {setup: dict(asdict(build), html_bytes_per_page=build.html_bytes_per_page,
                         make_build_seconds=build.make_build_seconds) for setup, build in r.items()}
            for r in results
        ],
        "edit_loop": None if edit is None else dict(asdict(edit), median_rebuild_seconds=edit.median_rebuild_seconds),
        "targets": [{"target": text, "holds": holds} for text, holds in targets(results)],
    }


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "").replace(",", "")) for part in text.split(",") if part.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="synthetic",
                        help="synthetic pages, or the project's own docs/ replicated (default: %(default)s)")
    parser.add_argument("--sizes", type=_sizes, default=None,
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
