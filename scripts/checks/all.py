"""Every check in one run: what `make check` runs (`python -m scripts.checks`).

    python -m scripts.checks [--docs-dir docs] [--format text|json] [--select NAME,…] [--list]

The checks are the ones registered in scripts/checks/registry.py, in this order: the schema first
(a finding two checks make, a duplicate id, is shown once, as the schema's).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from scripts.checks import citations, contacts, content, cyrillic, docs_tree, remote_loads, schema, strings, translations, xrefs  # noqa: F401 - they register
from scripts.checks.cli import check_parser
from scripts.checks.problems import Problem, exit_code, format_problems
from scripts.checks.registry import REGISTRY, Check
from scripts.model.documents import load_corpus

ORDER = ("docs-tree", "schema", "strings", "xrefs", "guide-links", "plain-language", "listing-markers", "citations",
         "data-files", "contacts", "contact-markers", "contact-details", "translations", "remote-loads", "cyrillic")
CHECKS: list[Check] = [REGISTRY[name] for name in ORDER] + [c for name, c in REGISTRY.items() if name not in ORDER]


def check_everything(docs_dir: Path, selected: Sequence[str] = ()) -> list[Problem]:
    corpus = load_corpus(docs_dir)
    problems: list[Problem] = []
    for check in CHECKS:
        if not selected or check.name in selected:
            problems += check.run(corpus)
    # The same finding from two checks (a duplicate id: schema and cross-references) is shown once.
    first: dict[tuple, Problem] = {}
    for problem in problems:
        first.setdefault((problem.path, problem.line, problem.message, problem.severity), problem)
    return list(first.values())


def listing() -> str:
    """Each check with what it finds and an example that fails it and one that passes."""
    blocks = []
    for check in CHECKS:
        bad = "\n".join(f"      {line}" for line in check.bad.splitlines())
        good = "\n".join(f"      {line}" for line in check.good.splitlines())
        blocks.append(f"{check.name}: {check.summary}\n    fails:\n{bad}\n    passes:\n{good}")
    return "\n\n".join(blocks)


def main(argv: Sequence[str] | None = None) -> int:
    parser = check_parser("Run every content check on docs/ (or the --select ones).")
    parser.add_argument("--select", default="", metavar="NAME,…", help=f"only these checks: {', '.join(REGISTRY)}")
    parser.add_argument("--list", action="store_true", help="describe every check, with examples, and exit")
    args = parser.parse_args(argv)
    if args.list:
        print(listing())
        return 0
    selected = [name.strip() for name in args.select.split(",") if name.strip()]
    unknown = [name for name in selected if name not in REGISTRY]
    if unknown:
        parser.error(f"unknown check {unknown[0]!r}: use {', '.join(REGISTRY)}")
    problems = check_everything(args.docs_dir, selected)
    print(format_problems(problems, args.format))
    return exit_code(problems)


if __name__ == "__main__":
    raise SystemExit(main())
