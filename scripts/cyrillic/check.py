"""The check of the Serbian Cyrillic edition: no Latin letters left where Cyrillic belongs.

    python -m scripts.cyrillic.check site/sr-cyrl        # every page of a built Cyrillic edition

It runs in two places:
- on every Cyrillic page of every build, as the page is written (the adapter asks
  `latin_was_left`, then `page_problems` for a page with a word left), and on a built edition
  with the command above;
- in `make check` (scripts/checks/cyrillic.py), before any build: the editor's markers in the
  Serbian pages (`marker_problems`) and the Serbian interface strings (strings.py).

A page is walked as the transliterator walks it (html_pages.PageWalk), and each Latin word in a
readable place that latin_spans.py does not keep deliberately is reported as one of:
- **missed**, an error that stops the build: a Serbian word left in Latin letters (text the
  transliteration never saw: added to the page after it ran, or in a readable attribute it does
  not know), or a marker without its partner (`{lat}` with no `{/lat}`). Never legitimate;
- **foreign**, a warning: a word with a letter Serbian Latin lacks (ë, ç, w, x, y, q…) that nobody
  marked. It stays Latin, as Serbian Cyrillic texts keep such names, so the page is right; what is
  missing is the markup that says so (`{lat}…{/lat}`, or the element's `lang`), which screen
  readers use and which tells the check a deliberate name from a miss. Failing the build for it
  would keep the whole site off line for a name without markup; the build logs each warning with
  the page and the fix, and the real site has none (tests/site/test_cyrillic_edition.py).

Not found by letters: a foreign word made only of letters Serbian has ("Office", "English") is
transliterated into Cyrillic nonsense; it needs `lang` or `{lat}` at its source.

An attribute, a <title> or a JSON value cannot carry the editor's marker as markup; a Latin word
there is accepted when the same page keeps that word in a marked or foreign text node (a marked
name in a title is also in the page's heading).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from scripts.checks.problems import WARNING, Problem, exit_code, format_problems
from scripts.cyrillic.html_pages import PageWalk
from scripts.cyrillic.latin_spans import MARKER_CLOSE, MARKER_OPEN, TOKEN, classify
from scripts.cyrillic.text import Work
from scripts.model.documents import Corpus
from scripts.model.markdown_scan import prose_lines
from scripts.model.project import display_path

CHECK = "cyrillic"
MISSED_KINDS = frozenset({"serbian", "spelled"})
REPORTED_KINDS = MISSED_KINDS | {"foreign"}
FIX = ("in the Serbian Latin text mark a foreign name {{lat}}{word}{{/lat}} or give its element a lang; "
       "a name used often goes in scripts/cyrillic/keep_latin.yml")
# A marker and its partner in one paragraph (Markdown's inline patterns never cross a blank line).
PAIRED_MARKERS = re.compile(r"\{lat\}(?:(?!\n[ \t]*\n).)*?\{/lat\}", re.S)
ANY_MARKER = re.compile(r"\{/?lat\}")


@dataclass(frozen=True)
class LatinLeft:
    """A Latin word left in a Cyrillic page, at its line; `missed` when it is never legitimate."""

    line: int
    word: str
    missed: bool


def latin_left_text(text: str) -> list[tuple[int, str]]:
    """(offset, word) of each Latin word in a text that should not be Latin."""
    return [(s.start, text[s.start : s.end]) for s in classify(text) if s.kind in REPORTED_KINDS]


def latin_left(page: str) -> list[LatinLeft]:
    """Each Latin word left in a Cyrillic page outside what is kept deliberately."""
    found: list[tuple[LatinLeft, str]] = []  # with the context it was found in
    kept_words: set[str] = set()
    walk: PageWalk

    def look(text: str) -> str:
        for segment in classify(text):
            if segment.kind in REPORTED_KINDS:
                missed = segment.kind in MISSED_KINDS or segment.rule == "unpaired-marker"
                line = walk.line + text.count("\n", 0, segment.start)
                found.append((LatinLeft(line, text[segment.start : segment.end], missed), walk.context))
        return text

    def keep(text: str) -> None:
        kept_words.update(token.group() for token in TOKEN.finditer(text))

    walk = PageWalk(look, False, Work(), on_kept=keep)
    walk.run(page)
    return [left for left, context in found if context == "text" or not set(left.word.split()) <= kept_words]


def latin_was_left(work: Work) -> bool:
    """Whether the transliteration of a page (its `Work`) left a word in Latin for no deliberate
    reason: a foreign word nobody marked, or a marker without its partner. The pass classifies every
    readable word with the rule `latin_left` applies, so a page without such a word has none left,
    and only the others need the second walk that names each word and its line. (A Serbian word
    left in Latin can only come from text added after the pass: `latin_left` on the built pages,
    tests/site/test_cyrillic_edition.py and the command line, looks for that.)"""
    return any(key.startswith("foreign") for key in work.counts)


def page_problems(page: str, shown: str, source: str = "") -> list[Problem]:
    """The problems of one Cyrillic page (`shown`: its path in the built site; `source`: the Serbian
    Latin file it comes from, named in the message): errors for what was missed, warnings for
    foreign words nobody marked."""
    problems = []
    for left in latin_left(page):
        origin = f" (from {source})" if source else ""
        if left.missed:
            message = (f"'{left.word}' was left in Latin letters in the Cyrillic edition{origin}: "
                       + ("close the marker with {/lat}" if left.word in (MARKER_OPEN, MARKER_CLOSE)
                          else "text added to the page after the transliteration ran; report it as a bug of scripts/cyrillic"))
            problems.append(Problem(shown, left.line, message, check=CHECK))
        else:
            problems.append(Problem(shown, left.line, f"'{left.word}' stays in Latin letters in the Cyrillic edition"
                                                      f"{origin}: {FIX.format(word=left.word)}", WARNING, CHECK))
    return problems


def check_site(directory: Path) -> list[Problem]:
    """Every page of a built Cyrillic edition."""
    return [problem for path in sorted(Path(directory).rglob("*.html"))
            for problem in page_problems(path.read_text(encoding="utf-8"), display_path(path))]


# --------------------------------------------------------------------------- make check


def unpaired_markers(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, marker) of each `{lat}` or `{/lat}` without its partner in the same paragraph,
    outside code (fenced blocks and code spans show the marker as typed)."""
    lines = ["" for _ in text.split("\n")]
    for line in prose_lines(text):
        lines[line.number - 1] = line.prose
    prose = "\n".join(lines)
    alone = PAIRED_MARKERS.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), prose)
    return [(first_line + alone.count("\n", 0, match.start()), match.group()) for match in ANY_MARKER.finditer(alone)]


def marker_problems(corpus: Corpus, language: str) -> list[Problem]:
    """A marker without its partner in a page's title, summary or body (the one place it can go wrong:
    the Latin page would show the braces, the Cyrillic one transliterate the rest of the paragraph)."""
    problems = []
    for doc in corpus.in_language(language):
        places = [(doc.line_of(key), doc.title if key == "title" else doc.summary) for key in ("title", "summary")]
        for first_line, text in [*places, (doc.body_line, doc.body)]:
            for line, marker in unpaired_markers(text, first_line):
                partner = MARKER_CLOSE if marker == MARKER_OPEN else MARKER_OPEN
                problems.append(Problem(doc.display_path, line, f"the marker {marker} has no {partner} in the same paragraph: "
                                                     f"write {{lat}}Name{{/lat}} around the words to keep in Latin",
                                        check=CHECK))
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
    raise SystemExit(main())
