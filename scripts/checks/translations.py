"""Translation completeness: a table per language and the exact list of what translators should do.

    python -m scripts.checks.translations                      # table + to-do list + problems
    python -m scripts.checks.translations --format json        # the same for tools
    python -m scripts.checks.translations --fail-under sr=90 --fail-on stale,missing   # for CI

Exit code 1 on errors (an orphan translation, translation blocks that do not fit together, an
interface string without a language), on a state named by --fail-on, or on a language below its
--fail-under; 0 otherwise, so the site still builds with untranslated or stale pages. 2 on bad
arguments. (`python -m scripts.tools.confirm_translations PAGE` records that a translation is in
step with its original again.)
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Sequence

from scripts.checks.cli import check_parser
from scripts.checks.problems import WARNING, Problem, errors, format_problems, summary_line
from scripts.checks.registry import check
from scripts.checks.strings import interface_strings
from scripts.model.documents import Corpus, load_corpus
from scripts.model.languages import Languages
from scripts.model.translations import CHECK, MISSING, STALE, STATES, UNCONFIRMED, UNREVIEWED, TranslationReport, report_for

DRIFT = "drift"
FAILABLE = (MISSING, STALE, UNCONFIRMED, UNREVIEWED, DRIFT)
COLUMNS = ("language", "documents", "up to date", "reviewed", *STATES)


@check("translations",
       bad="docs/sr/x.md: translation: {source: sq, status: machine, source_hash: \"…\"} and docs/sq/x.md deleted",
       good="docs/sr/x.md: translation: {source: sq, status: machine, source_hash: \"…\"} and docs/sq/x.md present")
def translation_problems(corpus: Corpus) -> list[Problem]:
    """Orphan translations and broken translation blocks (errors); structure drift and the pages a
    translator must act on, missing, stale or unconfirmed (warnings). Unreviewed machine translations
    are listed by `python -m scripts.checks.translations` and the published status page instead."""
    report = report_for(corpus)
    todo = [
        Problem(e.path, e.line or 1, e.message, WARNING, CHECK)
        for e in report.entries
        if e.state in (MISSING, STALE, UNCONFIRMED)
    ]
    return report.problems + todo


def fail_under_value(text: str) -> tuple[str, float]:
    """`sr=90` -> ("sr", 90.0) (the language is checked against the site's once the corpus is read)."""
    language, _, number = text.partition("=")
    try:
        percent = float(number)
    except ValueError:
        percent = -1.0
    if not language or not 0 <= percent <= 100:
        raise argparse.ArgumentTypeError(f"{text!r}: use LANGUAGE=PERCENT with a percentage of 0-100, e.g. sr=90")
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
    for language in report.languages:
        counts = report.counts(language)
        for state in FAILABLE:
            if state in fail_on and state != DRIFT and counts[state]:
                found.append(f"{language}: {counts[state]} {state} page(s) (--fail-on {state})")
    if DRIFT in fail_on:
        drifts = [p for p in report.problems if p.severity == WARNING]
        if drifts:
            found.append(f"{len(drifts)} page(s) with structure drift (--fail-on drift)")
    return found


def table(report: TranslationReport, languages: Languages) -> str:
    rows = [COLUMNS]
    for language in languages:
        summary = report.summary(language.code)
        rows.append((
            f"{language.code} {language.name}",
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


def text_report(report: TranslationReport, languages: Languages, problems, failed: list[str]) -> str:
    parts = [
        "Translation state (up to date = original, ok or unreviewed; reviewed = original or ok)",
        "",
        table(report, languages),
    ]
    parts += [f"{edition.code} {edition.name}: generated from {edition.generated_from} at build time, "
              f"with its pages and states (nothing to translate)" for edition in languages.editions]
    for language in languages:
        todo = report.todo(language.code)
        parts += ["", f"To do in {language.code} ({language.name}): {len(todo) or 'nothing'}"]
        parts += [f"{entry.location}: {entry.message}" for entry in todo]
    parts += ["", "Problems:", format_problems(problems)]
    parts += [f"FAILED {message}" for message in failed]
    return "\n".join(parts)


def parser() -> argparse.ArgumentParser:
    parser = check_parser(__doc__.splitlines()[0])
    parser.add_argument("--fail-under", type=fail_under_value, action="append", default=[], metavar="LANG=PERCENT",
                        help="fail when fewer than PERCENT of LANG's pages are up to date (repeatable)")
    parser.add_argument("--fail-on", type=fail_on_value, action="append", default=[], metavar="STATES",
                        help=f"fail when any page is in one of these states (comma-separated: {', '.join(FAILABLE)})")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser()
    args = arguments.parse_args(argv)
    corpus = load_corpus(args.docs_dir)
    unknown = [language for language, _ in args.fail_under if language not in corpus.languages]
    if unknown:
        arguments.error(f"--fail-under {unknown[0]}=…: use a language of {', '.join(corpus.languages.codes)}")
    report = report_for(corpus)
    problems = report.problems + interface_strings(corpus)
    failed = failures(report, args.fail_under, set().union(*args.fail_on))
    if args.format == "json":
        output = report.as_json()
        output["problems"] = [asdict(p) for p in sorted(problems)]
        output.update(failures=failed, summary=summary_line(problems))
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print(text_report(report, corpus.languages, problems, failed))
    return 1 if errors(problems) or failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
