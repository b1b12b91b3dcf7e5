"""The glossary: docs/data/glossary.yml, read and checked.

Each term has a name in every language of the site (with an optional abbreviation, and `ours: true`
where the form is the project's own translation) and an optional meaning per language. The pages
get each language's abbreviations and the glossary page its table (scripts/render/glossary.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.checks.problems import Problem
from scripts.model.data_files import Entry, text_problems, unknown_keys, valid_entries
from scripts.model.languages import Languages

MARKER = "<!-- glossary -->"
FORBIDDEN_IN_ABBR = "[]\n"  # would break the `*[abbr]: title` Markdown line
NAME_KEYS = ("term", "abbr", "ours")


@dataclass(frozen=True)
class Name:
    """A term in one language: its name, its abbreviation if any, and whether the project wrote it."""

    term: str
    abbr: str = ""
    ours: bool = False


@dataclass(frozen=True)
class Term:
    names: dict[str, Name]
    meaning: dict[str, str]
    line: int = 0


def _name_problems(entry: Entry, shown: str, language: str) -> list[Problem]:
    value = entry.values.get(language)
    line = entry.line_of(language)
    if not isinstance(value, dict):
        return [Problem(shown, line, f"a term needs '{language}: {{term: …}}' (optionally with abbr and ours: true)")]
    problems = text_problems(Entry(value, line), shown, ("term",), f"the '{language}' name")
    abbr = value.get("abbr", "")
    if not isinstance(abbr, str) or any(c in abbr for c in FORBIDDEN_IN_ABBR):
        problems.append(Problem(shown, line, f"'{language}.abbr' must be text without brackets (got {abbr!r})"))
    if not isinstance(value.get("ours", False), bool):
        problems.append(Problem(shown, line, f"'{language}.ours' must be true or false"))
    return problems + unknown_keys(entry, shown, NAME_KEYS, language)


def validator(languages: Languages):
    """The schema of one term: a name in every language, an optional meaning in every language."""
    codes = languages.codes

    def validate_entry(entry: Entry, shown: str) -> list[Problem]:
        problems: list[Problem] = unknown_keys(entry, shown, (*codes, "meaning"))
        for language in codes:
            problems += _name_problems(entry, shown, language)
        if "meaning" in entry.values:
            meaning = entry.values["meaning"]
            if not isinstance(meaning, dict) or any(not isinstance(meaning.get(lang), str) for lang in codes):
                problems.append(Problem(shown, entry.line_of("meaning"), f"'meaning' needs text in {', '.join(codes)}"))
            else:
                problems += unknown_keys(entry, shown, codes, "meaning")
        return problems

    return validate_entry


def load_glossary(path: Path, languages: Languages) -> tuple[list[Term], list[Problem]]:
    """Every term of the data file, and every problem with file and line."""
    entries, problems, shown = valid_entries(path, "terms", validator(languages))
    terms: list[Term] = []
    seen: dict[tuple[str, str], int] = {}
    for entry in entries:
        names = {lang: Name(v["term"], v.get("abbr", ""), v.get("ours", False)) for lang, v in
                 ((lang, entry.values[lang]) for lang in languages.codes)}
        for language, name in names.items():
            if name.abbr and (language, name.abbr) in seen:
                problems.append(Problem(shown, entry.line_of(language), f"abbreviation '{name.abbr}' ({language}) is "
                                        f"already defined on line {seen[(language, name.abbr)]}: keep one"))
            seen.setdefault((language, name.abbr), entry.line_of(language))
        terms.append(Term(names, dict(entry.values.get("meaning", {})), entry.line))
    return terms, sorted(Problem(p.path, p.line, p.message, p.severity, "glossary") for p in problems)
