"""The check of every Serbian Cyrillic page: no Latin letters left where Cyrillic belongs.

    python -m scripts.cyrillic.check site/sr-cyrl        # every page of a built Cyrillic edition

`latin_left(page)` walks the page as the transliterator does (html_pages.PageWalk) and reports each
Latin word in a readable place that latin_spans.py does not keep deliberately: a word the
transliteration missed (text added after it ran, a readable attribute it does not know) or a
foreign word nobody marked (Sunflowers, Shqip). Code, URLs, act numbers, Roman numerals, the names
of keep_latin.yml, elements with translate="no" or a non-Serbian lang are not reported.

An attribute, a <title> or a JSON value cannot carry the editor's marker as markup; a Latin word
there is accepted when the same page keeps that word in a marked or foreign text node (a marked
name in a title is also in the page's heading).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Sequence

from scripts.cyrillic.html_pages import PageWalk
from scripts.cyrillic.latin_spans import TOKEN, classify
from scripts.cyrillic.text import Work
from scripts.problems import Problem, display_path, exit_code, format_problems, main_exit

REPORTED_KINDS = frozenset({"serbian", "foreign", "spelled"})


def latin_left_text(text: str) -> list[tuple[int, str]]:
    """(offset, word) of each Latin word in a text that should not be Latin."""
    return [(s.start, text[s.start : s.end]) for s in classify(text) if s.kind in REPORTED_KINDS]


def latin_left(page: str) -> list[tuple[int, str]]:
    """(line, text) of each Latin word left in a Cyrillic page outside what is kept deliberately."""
    found: list[tuple[int, str, str]] = []  # line, word, context
    kept_words: set[str] = set()
    walk: PageWalk

    def look(text: str) -> str:
        for offset, word in latin_left_text(text):
            found.append((walk.line + text.count("\n", 0, offset), word, walk.context))
        return text

    def keep(text: str) -> None:
        kept_words.update(token.group() for token in TOKEN.finditer(text))

    walk = PageWalk(look, False, Work(), on_kept=keep)
    walk.run(page)
    return [(line, word) for line, word, context in found if context == "text" or not set(word.split()) <= kept_words]


def check_site(directory: Path) -> list[Problem]:
    """Every page of a Cyrillic edition: one problem per Latin word left, with the fix."""
    problems = []
    for path in sorted(Path(directory).rglob("*.html")):
        for line, word in latin_left(path.read_text(encoding="utf-8")):
            problems.append(
                Problem(
                    display_path(path),
                    line,
                    f"Latin left in the Cyrillic edition: '{word}' (in the Serbian Latin text mark a foreign name "
                    f"{{lat}}{word}{{/lat}} or give its element a lang; a name used often goes in scripts/cyrillic/keep_latin.yml)",
                    check="cyrillic",
                )
            )
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Report Latin letters left in a built Serbian Cyrillic edition.")
    parser.add_argument("directory", type=Path, help="the Cyrillic edition's folder, e.g. site/sr-cyrl")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    problems = check_site(args.directory)
    print(format_problems(problems, args.format))
    return exit_code(problems)


if __name__ == "__main__":
    main_exit(main)
