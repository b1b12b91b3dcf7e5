"""Citations in a page body: `… in force since 2008 [^gazette].` names a source of the page's front matter.

`find_citations` gives every `[^id]` outside code (the one Markdown scanner decides what is code);
`footnotes_defined` the footnotes a body writes itself (`[^x]: …`), which are not sources.
"""

from __future__ import annotations

import re
from typing import Iterator

from scripts.model.markdown_scan import prose_lines

CITATION = re.compile(r"\[\^(?P<id>[^\]\s]+)\]")
# A footnote definition starts its line (Python-Markdown); `text [^id]: more` mid-line is a citation.
FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^(?P<id>[^\]\s]+)\]:", re.MULTILINE)


def find_citations(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line, id) of every `[^id]` reference outside fenced and inline code."""
    for line in prose_lines(text, first_line):
        definition = FOOTNOTE_DEFINITION.match(line.prose)
        for match in CITATION.finditer(line.prose, definition.end() if definition else 0):
            yield line.number, match.group("id")


def footnotes_defined(text: str) -> set[str]:
    return set(FOOTNOTE_DEFINITION.findall(text))
