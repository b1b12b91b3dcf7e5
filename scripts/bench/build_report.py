"""The build benchmark's report: its tables, the issue's targets it can judge, and its JSON.

Plain and project side by side with their ratios; the steps `make build` runs after MkDocs and
the Cyrillic edition's cost, each in a table of its own (the plain set-up has no counterpart of
either); the editing loop; the targets, each marked as holding or not.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict
from typing import Sequence

from scripts.bench.build_edit_loop import EditLoopResult
from scripts.bench.build_runs import SETUPS, WITHOUT_EDITION, BuildResult

REAL_TARGET_SIZES = (250, 350)  # the real docs' sizes that count as "about 300" for issue 13's target


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
