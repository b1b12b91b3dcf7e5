"""Interface strings the project adds to the theme, in every language.

Each feature keeps its strings in overrides/strings/<feature>.yml as `key: {sq: …, sr: …, en: …}`.
`t(key, language)` reads them (for hooks and generators); `check_ui_strings` reports a key that
lacks a language.

    python -m scripts.model.strings      # check that every key has sq, sr and en
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

import yaml

from scripts.model.documents import LANGUAGES
from scripts.checks.problems import ROOT, Problem, display_path, main_exit

STRINGS_DIR = ROOT / "overrides" / "strings"


@functools.lru_cache(maxsize=None)
def _load(strings_dir: Path) -> tuple[dict[str, dict[str, str]], dict[str, tuple[Path, int]]]:
    strings: dict[str, dict[str, str]] = {}
    where: dict[str, tuple[Path, int]] = {}
    for path in sorted(Path(strings_dir).glob("*.yml")):
        node = yaml.compose(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
        for key, values in data.items():
            strings[key] = values if isinstance(values, dict) else {}
            where[key] = (path, lines.get(key, 1))
    return strings, where


def strings(strings_dir: Path = STRINGS_DIR) -> dict[str, dict[str, str]]:
    """Every key with its text per language."""
    return _load(Path(strings_dir))[0]


def t(key: str, language: str, strings_dir: Path = STRINGS_DIR) -> str:
    """The text of `key` in `language` (English if missing, the key itself as a last resort)."""
    values = strings(strings_dir).get(key, {})
    return values.get(language) or values.get("en") or key


def check_ui_strings(strings_dir: Path = STRINGS_DIR) -> list[Problem]:
    """A key without text in one of the languages."""
    found, where = _load(Path(strings_dir))
    problems = []
    for key, values in found.items():
        for language in LANGUAGES:
            if not isinstance(values.get(language), str) or not values[language].strip():
                path, line = where[key]
                problems.append(
                    Problem(display_path(path), line, f"interface string '{key}' has no '{language}' text: add '{language}: …'", check="ui-strings")
                )
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from scripts.checks.problems import exit_code, format_problems

    parser = argparse.ArgumentParser(description="Check that every interface string has sq, sr and en text.")
    parser.add_argument("--strings-dir", type=Path, default=STRINGS_DIR)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    problems = check_ui_strings(args.strings_dir)
    print(format_problems(problems, args.format))
    return exit_code(problems)


if __name__ == "__main__":
    main_exit(main)
