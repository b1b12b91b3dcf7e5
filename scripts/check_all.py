"""Every content check in one run (what `make check` runs): schema, then each feature's checks.

    python -m scripts.check_all [--docs-dir docs] [--format text|json]
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from scripts import remote_loads
from scripts.check_content import check_content
from scripts.check_xrefs import check_corpus as check_xrefs
from scripts.docs_tree import tree_problems
from scripts.documents import check_schema, load_corpus
from scripts.problems import Problem, main_exit, run_check
from scripts.translations import translation_problems
from scripts.ui_strings import check_ui_strings

# Each entry takes the corpus and returns problems; features add their check here.
CHECKS = [check_schema, lambda corpus: check_ui_strings(), check_xrefs, check_content, translation_problems,
          remote_loads.corpus_problems]


def check_everything(docs_dir: Path) -> list[Problem]:
    problems: list[Problem] = tree_problems(docs_dir)  # before anything reads docs/
    corpus = load_corpus(docs_dir)
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
