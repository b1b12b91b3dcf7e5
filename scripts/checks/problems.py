"""Problems found by the checks: the one `Problem` type, and how a list of them is shown.

A check is a function that returns a list of `Problem`s; it never prints. Only the command line
(scripts/checks/cli.py) and the build (the adapter) turn problems into text, JSON or a failure.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass
from typing import Iterable, Sequence

ERROR = "error"
WARNING = "warning"


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


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """' (did you mean 'unverified'?)' for the closest of `choices`, or '' when none is close."""
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


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
