"""Reading the YAML data files under docs/data/ with the line of every entry, for clear messages.

The directory of municipal offices and the glossary are both a top-level key holding a list of
mappings; `load_entries` returns each mapping with its line and the line of each of its keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from scripts.model.documents import SafeLoader
from scripts.checks.problems import Problem, display_path

DATA_DIR = "data"  # inside docs/: published with the site


@dataclass
class Entry:
    """One mapping of a data file's list, with where it is."""

    values: dict[str, Any]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def load_entries(path: Path, list_key: str) -> tuple[list[Entry], list[Problem]]:
    """The entries of `list_key` in a YAML file; a file that is not such a list gives a problem."""
    shown = display_path(path)
    if not Path(path).is_file():
        return [], [Problem(shown, 1, f"data file is missing: create {shown} with a '{list_key}:' list")]
    text = Path(path).read_text(encoding="utf-8")
    try:
        loader = SafeLoader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        line = mark.line + 1 if mark is not None else 1
        return [], [Problem(shown, line, f"not valid YAML ({reason}): check quotes, colons and indentation")]
    items = _list_node(root, list_key)
    if items is None:
        return [], [Problem(shown, 1, f"the file must be a mapping with a '{list_key}:' list of entries")]
    entries, problems = [], []
    for node, values in zip(items.value, data[list_key]):
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(shown, line, f"each '{list_key}' entry must be a mapping of 'key: value'"))
            continue
        key_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
        entries.append(Entry(values, line, key_lines))
    return entries, problems


def _list_node(root: Any, list_key: str) -> yaml.SequenceNode | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == list_key and isinstance(value, yaml.SequenceNode):
            return value
    return None


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
