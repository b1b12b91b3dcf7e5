"""The Serbian interface strings as the Cyrillic edition shows them, and their check.

    python -m scripts.cyrillic.strings [--print]    # check them (Latin left); --print lists them

The Cyrillic edition's pages are the Serbian Latin pages transliterated, the interface strings in
them included (html_pages.py), so editors keep one Serbian text in overrides/strings/*.yml (`sr:`).
This check (part of `make check`, as `cyrillic`) finds the strings whose transliteration would
keep Latin letters (a foreign word: mark it `{lat}…{/lat}`); `{placeholders}` are never changed.
Date patterns (keys with a `date-pattern` part) are formats, not prose, and are never shown: a
Babel date pattern's letters are field codes (d. M. y). Material's own strings are overrides/partials/languages/sr-latn.html,
whose transliteration tests/unit/cyrillic/test_strings.py compares with the reviewed sr-cyrl.html.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Sequence

from scripts.checks.problems import Problem, exit_code, format_problems
from scripts.cyrillic.check import CHECK, latin_left_text
from scripts.cyrillic.latin_spans import split_markers
from scripts.cyrillic.text import between, transliterate
from scripts.model.project import STRINGS_DIR
from scripts.model.strings import load_strings

SOURCE_LANGUAGE = "sr"
VERBATIM_PART = "date-pattern"  # translations.date-pattern, contacts.date-pattern.day…
PLACEHOLDER = re.compile(r"\{(?!/?lat\})[A-Za-z_][A-Za-z0-9_]*\}")


def is_verbatim(key: str) -> bool:
    """A key whose text is a format (a Babel date pattern), kept as it is."""
    return VERBATIM_PART in key.split(".")


def transliterate_string(text: str) -> str:
    """An interface string in Cyrillic, its {placeholders} untouched."""
    return between(PLACEHOLDER, text, transliterate)


def cyrillic_strings(strings_dir: Path = STRINGS_DIR, source: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """Every key's text in Cyrillic, as the Cyrillic edition shows it."""
    strings, _ = load_strings(Path(strings_dir))
    return {key: transliterate_string(values.get(source) or "") for key, values in strings.texts.items()
            if not is_verbatim(key)}


def check_cyrillic_strings(strings_dir: Path = STRINGS_DIR, source: str = SOURCE_LANGUAGE) -> list[Problem]:
    """A string whose Cyrillic form keeps a Latin word ({placeholders} are left as they are)."""
    strings, _ = load_strings(Path(strings_dir))  # unreadable files are the strings check's problems
    problems = []
    for key, values in strings.texts.items():
        latin = values.get(source)
        if is_verbatim(key) or not isinstance(latin, str):
            continue
        shown, line = strings.where[key]
        line = strings.language_lines.get((key, source), line)
        unmarked = [piece for piece, marked in split_markers(PLACEHOLDER.sub(" ", latin)) if not marked]
        for _, word in [left for piece in unmarked for left in latin_left_text(transliterate(piece))]:
            problems.append(Problem(shown, line, f"interface string '{key}' keeps '{word}' in Latin in the Cyrillic "
                                                 f"edition: write {{lat}}{word}{{/lat}} in its '{source}' text", check=CHECK))
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the Serbian interface strings as the Cyrillic edition shows them.")
    parser.add_argument("--strings-dir", type=Path, default=STRINGS_DIR)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--print", action="store_true", help="print every key with its Cyrillic text")
    args = parser.parse_args(argv)
    if args.print:
        for key, text in cyrillic_strings(args.strings_dir).items():
            print(f"{key}: {text}")
    problems = check_cyrillic_strings(args.strings_dir)
    print(format_problems(problems, args.format))
    return exit_code(problems)


if __name__ == "__main__":
    raise SystemExit(main())
