"""The one command-line shape of every check: `--docs-dir`, `--format text|json`, the exit code
(scripts/checks/all.py runs them; scripts/checks/translations.py adds the translators' options).

    python -m scripts.checks                       # every check (what `make check` runs)
    python -m scripts.checks --select xrefs,schema  # some of them
    python -m scripts.checks --list                # each check with a failing and a passing example

Problems are printed as `path:line: message` lines and a summary (or one JSON document); the exit
code is 1 when there is an error, 0 otherwise (warnings do not fail), 2 for bad arguments.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scripts.model.project import DOCS_DIR


def check_parser(description: str) -> argparse.ArgumentParser:
    """The arguments every check command takes: the docs folder and the output format."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--docs-dir",
        type=Path,
        default=DOCS_DIR,
        help="the docs folder holding one folder per language (default: %(default)s)",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    return parser
