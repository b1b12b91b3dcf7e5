"""How Markdown is scanned: one reading of a page body, line by line, for every check that looks at it.

Cross-references, translation drift, citations and the content rules all need the same few things
from a body: which lines are inside fenced code (text, not Markdown), what inline code hides on
the other lines, and where links, list items and headings are. They get them here, so a link is a
link for every one of them.

The scanner is line-based, not a full CommonMark parser. Where it can be wrong: an indented code
block (four spaces, no fence) is read as prose; a link split over two lines is not seen; a
thematic break written `- - -` counts as a list item. The build itself renders with
Python-Markdown; these rules only decide what the checks look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# A fence opens a code block that the same character, at least as many times, closes.
FENCE = re.compile(r"^ *(?P<fence>`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks)")
_LABEL = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_DESTINATION = r"<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()]*)*"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
INLINE_LINK = re.compile(rf"!?\[(?P<label>{_LABEL})\]\(\s*(?P<dest>{_DESTINATION}){_TITLE}\s*\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?P<dest><[^<>\n]*>|\S+)")
AUTOLINK = re.compile(r"<(?P<dest>https?://[^>\s]+)>")
HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)")


@dataclass(frozen=True)
class Line:
    """One line of a body outside fenced code."""

    number: int  # the line in the file
    text: str  # as written
    prose: str  # with inline code blanked out (same length, so offsets match `text`)
    offset: int  # where the line starts in the scanned text


def prose_lines(text: str, first_line: int = 1) -> Iterator[Line]:
    """Every line outside fenced code blocks (fence lines included), inline code blanked out."""
    fence = ""
    offset = 0
    for number, line in enumerate(text.split("\n"), first_line):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group("fence")[0] == fence[0] and len(opening.group("fence")) >= len(fence):
                fence = ""
        elif opening:
            fence = opening.group("fence")
        else:
            yield Line(number, line, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line), offset)
        offset += len(line) + 1


@dataclass(frozen=True)
class Destination:
    """A link destination as written in a body, and where."""

    line: int
    target: str  # e.g. "id:law-03-l-047#article-3", "../acts/x.md", "https://…"
    start: int  # offsets of the destination in the scanned text (for rewriting)
    end: int


def link_destinations(text: str, first_line: int = 1) -> Iterator[Destination]:
    """Every link destination outside code: inline links and images, reference definitions, autolinks."""
    for line in prose_lines(text, first_line):
        matches = list(INLINE_LINK.finditer(line.prose))
        outside_links = line.prose
        for match in matches:
            outside_links = outside_links[: match.start()] + " " * (match.end() - match.start()) + outside_links[match.end():]
        matches += AUTOLINK.finditer(outside_links)
        definition = REFERENCE_DEFINITION.match(line.prose)
        if definition:
            matches.append(definition)
        for match in sorted(matches, key=lambda m: m.start("dest")):
            start, end = match.span("dest")
            dest = line.text[start:end]
            if dest.startswith("<") and dest.endswith(">"):
                start, end, dest = start + 1, end - 1, dest[1:-1]
            yield Destination(line.number, dest, line.offset + start, line.offset + end)


def heading_lines(text: str) -> list[Line]:
    """ATX heading lines (`## Title`) outside code."""
    return [line for line in prose_lines(text) if HEADING.match(line.prose)]


def list_item_lines(text: str) -> list[Line]:
    """Lines that start a list item (`- `, `* `, `1. `) outside code."""
    return [line for line in prose_lines(text) if LIST_ITEM.match(line.prose)]


def without_link_syntax(text: str) -> str:
    """Inline links as their text: `see [the law](id:x)` -> `see the law`."""
    return INLINE_LINK.sub(lambda match: match.group("label"), text)
