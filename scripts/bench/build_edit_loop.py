"""The editing loop of the build benchmark: `make serve LANG=sr` on a copy of the real docs.

What a writer waits for: the seconds from saving one page to the rebuilt site being ready
(mkdocs serve's "Reloading browsers"), with a cold one-language `mkdocs build` for comparison.
"""

from __future__ import annotations

import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.build_runs import build_environment, timed_run
from scripts.bench.setups import write_project_config
from scripts.model.project import ROOT

EDIT_LANGUAGE = "sr"
EDIT_ROUNDS = 3
SERVE_TIMEOUT_SECONDS = 300


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
