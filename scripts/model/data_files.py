"""The YAML data files under docs/data/, read with the line of every entry, for clear messages.

The directory of municipal offices and the glossary are both a top-level key holding a list of
mappings; `load_entries` returns each mapping with its line and the line of each of its keys
(read by scripts/model/yaml_reader.py, which refuses aliases, duplicate keys and impossible dates).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from scripts.checks.problems import Problem, did_you_mean
from scripts.model.project import display_path
from scripts.model.yaml_reader import YamlProblem, read_file

@dataclass
class Entry:
    """One mapping of a data file's list, with where it is."""

    values: dict[str, Any]
    line: int
    lines: dict[tuple, int] = field(default_factory=dict)  # path inside the entry -> line, e.g. ("sq", "abbr")

    def line_of(self, *path: Any) -> int:
        """The line of a key of the entry (or of the nearest enclosing one), else the entry's line."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return self.line


def load_entries(path: Path, list_key: str) -> tuple[list[Entry], list[Problem]]:
    """The entries of `list_key` in a YAML file; a file that is not such a list gives a problem."""
    shown = display_path(path)
    if not Path(path).is_file():
        return [], [Problem(shown, 1, f"data file is missing: create {shown} with a '{list_key}:' list")]
    try:
        data = read_file(path, shown)
    except YamlProblem as problem:
        return [], [Problem(shown, problem.line, problem.message)]
    root = data.value
    if not isinstance(root, dict) or not isinstance(root.get(list_key), list):
        return [], [Problem(shown, 1, f"the file must be a mapping with a '{list_key}:' list of entries")]
    problems = [Problem(shown, data.line(key), f"unknown key '{key}'{did_you_mean(str(key), [list_key])}: "
                                               f"the file holds one '{list_key}:' list")
                for key in root if key != list_key]
    inside: dict[int, dict[tuple, int]] = {}  # entry -> the lines of its keys, by path inside it
    for path, number in data.lines.items():
        if len(path) > 2 and path[0] == list_key:
            inside.setdefault(path[1], {})[path[2:]] = number
    entries = []
    for index, values in enumerate(root[list_key]):
        line = data.line(list_key, index)
        if not isinstance(values, dict):
            problems.append(Problem(shown, line, f"each '{list_key}' entry must be a mapping of 'key: value'"))
            continue
        entries.append(Entry(values, line, inside.get(index, {})))
    return entries, problems


def unknown_keys(entry: Entry, shown: str, known: Sequence[str], *where: str) -> list[Problem]:
    """A key of an entry (or of its mapping at `where`) that the file's schema does not know."""
    values = entry.values
    for key in where:
        values = values.get(key) if isinstance(values, dict) else None
    prefix = "".join(f"{key}." for key in where)
    return [
        Problem(shown, entry.line_of(*where, key), f"unknown key '{prefix}{key}'{did_you_mean(str(key), known)}: "
                                                   f"use {', '.join(known)}")
        for key in (values if isinstance(values, dict) else {}) if key not in known
    ]


def text_problems(entry: Entry, shown: str, keys: tuple[str, ...], what: str) -> list[Problem]:
    """A required key of an entry that is missing or not non-empty text."""
    problems = []
    for key in keys:
        value = entry.values.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, entry.line_of(key), f"{what} needs '{key}' as non-empty text"))
    return problems


def valid_entries(
    path: Path, list_key: str, validate: Callable[[Entry, str], list[Problem]]
) -> tuple[list[Entry], list[Problem], str]:
    """The entries that pass `validate`, every problem found, and the file as messages name it."""
    shown = display_path(path)
    entries, problems = load_entries(path, list_key)
    valid = []
    for entry in entries:
        found = validate(entry, shown)
        problems += found
        if not found:
            valid.append(entry)
    return valid, problems, shown
