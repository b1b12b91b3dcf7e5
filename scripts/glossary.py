"""The glossary: docs/data/glossary.yml, checked, turned into abbreviations and into a table.

Every page gets the abbreviations of its language appended as Markdown `*[ZÇK]: …` lines (the
`abbr` extension and Material's `content.tooltips` turn them into tooltips); the glossary page
holds the marker `<!-- glossary -->`, which becomes the table of every term.

    python -m scripts.glossary [--docs-dir docs]     # validate the data file
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Sequence

from scripts.data_files import DATA_DIR, Entry, text_problems, valid_entries
from scripts.documents import LANGUAGES
from scripts.problems import Problem, main_exit, run_check
from scripts.ui_strings import t

GLOSSARY_FILE = f"{DATA_DIR}/glossary.yml"
MARKER = "<!-- glossary -->"
FORBIDDEN_IN_ABBR = "[]\n"  # would break the `*[abbr]: title` Markdown line


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


def glossary_path(docs_dir: Path) -> Path:
    return Path(docs_dir) / GLOSSARY_FILE


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
    return problems


def validate_entry(entry: Entry, shown: str) -> list[Problem]:
    problems: list[Problem] = []
    for language in LANGUAGES:
        problems += _name_problems(entry, shown, language)
    if "meaning" in entry.values:
        meaning = entry.values["meaning"]
        if not isinstance(meaning, dict) or any(not isinstance(meaning.get(lang), str) for lang in LANGUAGES):
            problems.append(Problem(shown, entry.line_of("meaning"), f"'meaning' needs text in {', '.join(LANGUAGES)}"))
    return problems


def load_glossary(docs_dir: Path) -> tuple[list[Term], list[Problem]]:
    """Every term of the data file, and every problem with file and line."""
    entries, problems, shown = valid_entries(glossary_path(docs_dir), "terms", validate_entry)
    terms: list[Term] = []
    seen: dict[tuple[str, str], int] = {}
    for entry in entries:
        names = {lang: Name(v["term"], v.get("abbr", ""), v.get("ours", False)) for lang, v in
                 ((lang, entry.values[lang]) for lang in LANGUAGES)}
        for language, name in names.items():
            if name.abbr and (language, name.abbr) in seen:
                problems.append(Problem(shown, entry.line_of(language), f"abbreviation '{name.abbr}' ({language}) is "
                                        f"already defined on line {seen[(language, name.abbr)]}: keep one"))
            seen.setdefault((language, name.abbr), entry.line_of(language))
        terms.append(Term(names, dict(entry.values.get("meaning", {})), entry.line))
    return terms, sorted(Problem(p.path, p.line, p.message, p.severity, "glossary") for p in problems)


def check_glossary(docs_dir: Path) -> list[Problem]:
    return load_glossary(docs_dir)[1]


def abbreviations(terms: Sequence[Term], language: str) -> str:
    """The Markdown abbreviation lines of one language."""
    lines = [f"*[{term.names[language].abbr}]: {term.names[language].term}" for term in terms if term.names[language].abbr]
    return "\n".join(lines)


def add_abbreviations(markdown: str, terms: Sequence[Term], language: str) -> str:
    lines = abbreviations(terms, language)
    return f"{markdown.rstrip()}\n\n{lines}\n" if lines else markdown


def _ours(name: Name, reader: str) -> str:
    """The mark of a form the sources do not give (the project's translation)."""
    return f' <span class="crch-ours">({escape(t("glossary.translated", reader))})</span>' if name.ours else ""


def _name_html(name: Name, language: str, reader: str) -> str:
    text = f"{escape(name.abbr)} – {escape(name.term)}" if name.abbr else escape(name.term)
    return f'<span lang="{"sr-Latn" if language == "sr" else language}">{text}{_ours(name, reader)}</span>'


def render_table(terms: Sequence[Term], language: str) -> str:
    """The glossary in the reader's language, with the other two languages beside each term."""
    columns = ("abbr", "term", "meaning", "others")
    head = "".join(f'<th scope="col">{escape(t(f"glossary.column.{c}", language))}</th>' for c in columns)
    others = [lang for lang in LANGUAGES if lang != language]
    rows = []
    for term in sorted(terms, key=lambda term: (term.names[language].abbr or term.names[language].term).casefold()):
        name = term.names[language]
        elsewhere = "<br>".join(_name_html(term.names[lang], lang, language) for lang in others)
        rows.append(
            f"<tr><td>{escape(name.abbr)}</td><td>{escape(name.term)}{_ours(name, language)}</td>"
            f"<td>{escape(term.meaning.get(language, ''))}</td><td>{elsewhere}</td></tr>"
        )
    body = "\n".join(rows)
    caption = escape(t("glossary.caption", language))
    return (f'<div class="crch-glossary">\n<table>\n<caption>{caption}</caption>\n'
            f'<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>')


def replace_marker(markdown: str, terms: Sequence[Term], language: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, f"\n\n{render_table(terms, language)}\n\n")


def main(argv: Sequence[str] | None = None) -> int:
    return run_check(argv, f"Validate the glossary (docs/{GLOSSARY_FILE}).", check_glossary)


if __name__ == "__main__":
    main_exit(main)
