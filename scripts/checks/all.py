"""Every content check in one run (what `make check` runs): schema, then each feature's checks.

    python -m scripts.checks.all [--docs-dir docs] [--format text|json]
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from scripts.checks.content import check_content
from scripts.checks.xrefs import check_corpus as check_xrefs
from scripts.model.documents import check_schema, load_corpus
from scripts.checks.problems import Problem, main_exit, run_check
from scripts.model.translations import translation_problems
from scripts.model.strings import check_ui_strings

# Each entry takes the corpus and returns problems; features add their check here.
CHECKS = [check_schema, lambda corpus: check_ui_strings(), check_xrefs, check_content, translation_problems]


def check_everything(docs_dir: Path) -> list[Problem]:
    corpus = load_corpus(docs_dir)
    problems: list[Problem] = []
    for check in CHECKS:
        problems += check(corpus)
    # The same finding from two checks (a duplicate id: schema and cross-references) is shown once.
    first: dict[tuple, Problem] = {}
    for problem in problems:
        first.setdefault((problem.path, problem.line, problem.message, problem.severity), problem)
    return list(first.values())


def main(argv: Sequence[str] | None = None) -> int:
    return run_check(argv, "Run every content check on docs/.", check_everything)


if __name__ == "__main__":
    main_exit(main)
