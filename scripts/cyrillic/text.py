"""Serbian Latin text to Serbian Cyrillic: plain text (a title, a summary, an interface string).

    python -m scripts.cyrillic.text "Zakon br. 03/L-047 o zaštiti prava zajednica (OSCE-a)"

What stays Latin is decided by latin_spans.py, how a word is spelt by words.py. HTML goes through
html_pages.py, which calls this for each text node and readable attribute.
"""

from __future__ import annotations

import argparse
import collections
import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from scripts.cyrillic.latin_spans import classify, has_latin, keep_list, split_markers
from scripts.cyrillic.words import word_to_cyrillic


@dataclass
class Work:
    """Work done, counted so that tests can show it grows with the input and no faster."""

    characters: int = 0  # characters of text looked at
    segments: int = 0  # segments classified
    tokens: int = 0  # HTML tokens (tags, text runs) scanned; html_pages.py counts these
    counts: dict[str, int] = field(default_factory=dict)  # segments per kind:rule, for reports

    def add(self, other: "Work") -> None:
        self.characters += other.characters
        self.segments += other.segments
        self.tokens += other.tokens
        for key, value in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + value


def between(pattern: re.Pattern, text: str, convert: Callable[[str], str]) -> str:
    """`convert` applied to the text between the matches of `pattern`; the matches stay as they are
    (entities in HTML text, {placeholders} in interface strings)."""
    out, position = [], 0
    for match in pattern.finditer(text):
        out += [convert(text[position : match.start()]), match.group()]
        position = match.end()
    out.append(convert(text[position:]))
    return "".join(out)


CACHED_LENGTH = 200  # texts up to this long are cached: navigation, headings, names repeat on every page


def transliterate(text: str, work: Work | None = None) -> str:
    """The text in Serbian Cyrillic, with what must stay Latin left as it is and the markers dropped."""
    if not has_latin(text):  # whitespace between tags, numbers, Cyrillic: half of a page's text nodes
        if work is not None:
            work.characters += len(text)
        return text
    result, counts = _cached(text) if len(text) <= CACHED_LENGTH else _transliterate(text)
    if work is not None:
        work.characters += len(text)
        work.segments += sum(n for _, n in counts)
        for key, n in counts:
            work.counts[key] = work.counts.get(key, 0) + n
    return result


def _transliterate(text: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """The result and the segments counted per kind. Short texts are cached (`_cached`): a page's
    navigation, header and footer are the same texts on every page; a long one (a paragraph, a
    search excerpt) is seldom seen twice and would only fill the cache."""
    out, spelled, counts = [], keep_list().transliterated, collections.Counter()
    for piece, marked in split_markers(text):
        if marked:
            out.append(piece)
            continue
        position = 0
        for segment in classify(piece):
            out.append(piece[position : segment.start])
            word = piece[segment.start : segment.end]
            if segment.kind == "serbian":
                word = word_to_cyrillic(word)
            elif segment.kind == "spelled":
                word = spelled[word]
            out.append(word)
            position = segment.end
            counts[f"{segment.kind}:{segment.rule}" if segment.rule else segment.kind] += 1
        out.append(piece[position:])
    return "".join(out), tuple(sorted(counts.items()))


_cached = functools.lru_cache(maxsize=65536)(_transliterate)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print a Serbian Latin text in Serbian Cyrillic.")
    parser.add_argument("text")
    print(transliterate(parser.parse_args(argv).text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
