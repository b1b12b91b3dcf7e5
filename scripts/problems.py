"""Problems found by the checks, and the one command-line shape every check shares.

A check is a function that returns a list of `Problem`s; it never prints. `run_check` is the
only place that turns problems into text or JSON and into an exit code, so every
`python -m scripts.check_*` command behaves the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

ERROR = "error"
WARNING = "warning"

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS_DIR = ROOT / "docs"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where it is, what is wrong and how to fix it."""

    path: str
    line: int
    message: str
    severity: str = ERROR
    check: str = ""

    def __str__(self) -> str:
        label = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{self.path}:{self.line}: {label}{self.message}"


def display_path(path: Path) -> str:
    """A path as editors want it: relative to the working directory when it is inside it.

    Only the folders are resolved, never the last part: a symbolic link is named as itself."""
    absolute = Path(os.path.abspath(path))
    try:
        return (absolute.parent.resolve() / absolute.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def summary_line(problems: Sequence[Problem]) -> str:
    n_errors = len(errors(problems))
    n_warnings = len(problems) - n_errors
    if not problems:
        return "no problems"
    return f"{n_errors} error{'s' * (n_errors != 1)}, {n_warnings} warning{'s' * (n_warnings != 1)}"


def format_problems(problems: Sequence[Problem], fmt: str = "text") -> str:
    """Problems as `path:line: message` lines plus a summary, or as a JSON document."""
    problems = sorted(problems)
    if fmt == "json":
        return json.dumps(
            {"problems": [asdict(p) for p in problems], "summary": summary_line(problems)},
            ensure_ascii=False,
            indent=2,
        )
    lines = [str(p) for p in problems]
    lines.append(summary_line(problems))
    return "\n".join(lines)


def exit_code(problems: Sequence[Problem]) -> int:
    return 1 if errors(problems) else 0


def check_parser(description: str) -> argparse.ArgumentParser:
    """The arguments every check command takes: the docs folder and the output format."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--docs-dir",
        type=Path,
        default=DEFAULT_DOCS_DIR,
        help="the docs folder holding sq/, sr/ and en/ (default: %(default)s)",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    return parser


def run_check(
    argv: Sequence[str] | None,
    description: str,
    check: Callable[[Path], list[Problem]],
) -> int:
    """Parse the common arguments, run `check(docs_dir)`, print the problems, return the exit code."""
    args = check_parser(description).parse_args(argv)
    problems = check(args.docs_dir)
    print(format_problems(problems, args.format))
    return exit_code(problems)


def main_exit(main: Callable[[Sequence[str] | None], int]) -> None:
    """Entry point helper: `if __name__ == "__main__": main_exit(main)`."""
    sys.exit(main(sys.argv[1:]))
