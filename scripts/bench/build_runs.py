"""Builds of the build benchmark: a set-up's corpus and mkdocs.yml written, built in its own process and measured.

Each build runs in a subprocess of its own, timed alone (wall and CPU seconds, peak memory from
os.wait4); after the project's build, the offline channels its mkdocs.yml switches on are added
and timed the same way, each in its own process, as `make build` adds them (scripts/site/channels.py).
The search benchmark (scripts/bench/search.py) builds its sites with the same functions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from scripts.bench.corpus import generate_corpus
from scripts.bench.real_corpus import replicate_docs
from scripts.bench.setups import write_plain_config, write_project_config
from scripts.model.languages import read_config
from scripts.model.project import ROOT
from scripts.model.settings import Settings
from scripts.search import index_files
from scripts.site import service_worker, zim

SETUPS = ("plain", "project")
WITHOUT_EDITION = "project-without-cyrillic"  # the project's set-up, cyrillic_edition: false
EDITION = "sr-cyrl"


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
    search_dir = site_dir / index_files.INDEX_DIR
    search_files = [index_files.index_path(site_dir, EDITION),
                    *search_dir.glob(index_files.texts_file(EDITION).format(shard="*"))]
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
