"""Translation completeness: a table per language and the exact list of what translators should do.

    python -m scripts.checks.translations                      # table + to-do list + problems
    python -m scripts.checks.translations --format json        # the same for tools
    python -m scripts.checks.translations --fail-under sr=90 --fail-on stale,missing   # for CI
    python -m scripts.checks.translations --confirm docs/sr/acts/x.md   # translation is in step again
    python -m scripts.checks.translations --confirm-all        # after a bulk import: record every missing hash

Exit code 1 on errors (an orphan translation, translation blocks that do not fit together, an
interface string without a language), on a state named by --fail-on, or on a language below its
--fail-under; 0 otherwise, so the site still builds with untranslated or stale pages. 2 on bad
arguments.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

from scripts.model.documents import LANGUAGE_NAMES, LANGUAGES, load_corpus
from scripts.checks.problems import WARNING, check_parser, errors, format_problems, main_exit, summary_line
from scripts.tools.confirm_translations import Confirmation, confirm_paths, confirm_unconfirmed
from scripts.model.translations import MISSING, STALE, STATES, UNCONFIRMED, UNREVIEWED, TranslationReport, report_for
from scripts.model.strings import check_ui_strings

DRIFT = "drift"
FAILABLE = (MISSING, STALE, UNCONFIRMED, UNREVIEWED, DRIFT)
COLUMNS = ("language", "documents", "up to date", "reviewed", *STATES)


def fail_under_value(text: str) -> tuple[str, float]:
    """`sr=90` -> ("sr", 90.0)."""
    language, _, number = text.partition("=")
    try:
        percent = float(number)
    except ValueError:
        percent = -1.0
    if language not in LANGUAGES or not 0 <= percent <= 100:
        raise argparse.ArgumentTypeError(
            f"{text!r}: use LANGUAGE=PERCENT with a language of {', '.join(LANGUAGES)} and 0-100, e.g. sr=90"
        )
    return language, percent


def fail_on_value(text: str) -> set[str]:
    """`stale,missing` -> {"stale", "missing"}."""
    states = {s.strip() for s in text.split(",") if s.strip()}
    unknown = sorted(states - set(FAILABLE))
    if unknown or not states:
        raise argparse.ArgumentTypeError(
            f"{text!r}: name states from {', '.join(FAILABLE)}, separated by commas"
        )
    return states


def failures(report: TranslationReport, fail_under: list[tuple[str, float]], fail_on: set[str]) -> list[str]:
    """What --fail-under and --fail-on turn into failures, one message each."""
    found = []
    for language, required in fail_under:
        percent = report.percent(language)
        if percent < required:
            found.append(f"{language}: {percent:.1f}% of pages up to date, below --fail-under {language}={required:g}")
    for language in LANGUAGES:
        counts = report.counts(language)
        for state in FAILABLE:
            if state in fail_on and state != DRIFT and counts[state]:
                found.append(f"{language}: {counts[state]} {state} page(s) (--fail-on {state})")
    if DRIFT in fail_on:
        drifts = [p for p in report.problems if p.severity == WARNING]
        if drifts:
            found.append(f"{len(drifts)} page(s) with structure drift (--fail-on drift)")
    return found


def table(report: TranslationReport) -> str:
    rows = [COLUMNS]
    for language in LANGUAGES:
        summary = report.summary(language)
        rows.append((
            f"{language} {LANGUAGE_NAMES[language]}",
            str(summary["documents"]),
            f"{summary['up_to_date_percent']:.1f}%",
            f"{summary['reviewed_percent']:.1f}%",
            *(str(summary["counts"][state]) for state in STATES),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
        for row in rows
    )


def text_report(report: TranslationReport, problems, failed: list[str]) -> str:
    parts = [
        "Translation state (up to date = original, ok or unreviewed; reviewed = original or ok)",
        "",
        table(report),
    ]
    for language in LANGUAGES:
        todo = report.todo(language)
        parts += ["", f"To do in {language} ({LANGUAGE_NAMES[language]}): {len(todo) or 'nothing'}"]
        parts += [f"{entry.location}: {entry.message}" for entry in todo]
    parts += ["", "Problems:", format_problems(problems)]
    parts += [f"FAILED {message}" for message in failed]
    return "\n".join(parts)


def confirmations_text(done: list[Confirmation], refused: list[str]) -> str:
    lines = [
        f"{c.path}: {'confirmed' if c.changed else 'already confirmed'} against {c.original} (source_hash {c.source_hash})"
        for c in done
    ]
    lines += [f"not confirmed: {reason}" for reason in refused]
    lines.append(f"{len([c for c in done if c.changed])} page(s) updated, {len(refused)} refused")
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    parser = check_parser(__doc__.splitlines()[0])
    parser.add_argument("--fail-under", type=fail_under_value, action="append", default=[], metavar="LANG=PERCENT",
                        help="fail when fewer than PERCENT of LANG's pages are up to date (repeatable)")
    parser.add_argument("--fail-on", type=fail_on_value, action="append", default=[], metavar="STATES",
                        help=f"fail when any page is in one of these states (comma-separated: {', '.join(FAILABLE)})")
    confirm = parser.add_mutually_exclusive_group()
    confirm.add_argument("--confirm", nargs="+", type=Path, metavar="PAGE",
                         help="record that these translated pages are in step with their original (writes source_hash)")
    confirm.add_argument("--confirm-all", action="store_true",
                         help="record source_hash in every translation that has none yet (after a bulk import)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.confirm or args.confirm_all:
        if args.confirm:
            done, refused = confirm_paths(args.docs_dir, args.confirm)
        else:
            done, refused = confirm_unconfirmed(args.docs_dir), []
        if args.format == "json":
            print(json.dumps({"confirmed": [asdict(c) for c in done], "refused": refused}, ensure_ascii=False, indent=2))
        else:
            print(confirmations_text(done, refused))
        return 1 if refused else 0

    corpus = load_corpus(args.docs_dir)
    report = report_for(corpus)
    problems = report.problems + check_ui_strings()
    failed = failures(report, args.fail_under, set().union(*args.fail_on))
    if args.format == "json":
        output = report.as_json()
        output["problems"] = [asdict(p) for p in sorted(problems)]
        output.update(failures=failed, summary=summary_line(problems))
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print(text_report(report, problems, failed))
    return 1 if errors(problems) or failed else 0


if __name__ == "__main__":
    main_exit(main)
