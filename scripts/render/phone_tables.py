"""Tables a phone can read: each data cell carries the name of its column.

A table wider than a 360 px screen either made the whole page scroll sideways or, inside
Material's scroll box, had to be read by sliding it left and right row by row (and the box could
not be reached with the keyboard). On a narrow screen the stylesheet shows such a table row by
row instead, each cell under the name of its column, taken from `data-label`
(overrides/assets/stylesheets/clearing-house.css). `with_column_labels` writes those names into
every table of a page that has a header row: the directory, the glossary, the translation status
and any Markdown table. The page's markup is otherwise left byte for byte as it was.

When it fails: a table without a `<thead>` row keeps its layout (nothing names its columns), and
a cell spanning rows (`rowspan`) is labelled by column position only as far as its own row goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

STACK_ATTRIBUTE = "data-crch-stack"  # on a <table> whose cells carry column names
NEWLINE = re.compile("\n")
TABLE_OPEN, TABLE_CLOSE = re.compile("<table", re.I), re.compile("</table", re.I)
# What can make a parser read a later "<table" as no tag: a comment, a declaration or processing
# instruction, an element whose content is text, a "<" in an attribute's value.
HIDING_TABLES = re.compile(
    r"<[!?]|<(?:script|style|textarea|title|xmp|plaintext|noscript|iframe|noembed|noframes)\b"
    r"""|=\s*(?:"[^"]*<|'[^']*<|[^\s"'>]*<)""", re.I)


@dataclass
class _Table:
    start: int  # offset of the end of the <table …> start tag ('>')
    headers: list[str] = field(default_factory=list)
    in_head: bool = False
    in_body_row: bool = False
    column: int = 0
    header_text: list[str] | None = None  # text of the header cell being read
    header_span: int = 1
    cells: list[tuple[int, int, int]] = field(default_factory=list)  # (offset of '>', column, span)


class _TableReader(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [match.end() for match in NEWLINE.finditer(html)]
        self.open: list[_Table] = []
        self.done: list[_Table] = []

    def _tag_end(self) -> int:
        """Offset of the '>' (or '/>') that ends the start tag just read."""
        line, column = self.getpos()
        text = self.get_starttag_text() or ""
        end = self.line_starts[line - 1] + column + len(text) - 1
        return end - 1 if text.endswith("/>") else end

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.open.append(_Table(self._tag_end()))
            return
        if not self.open:
            return
        table = self.open[-1]
        if tag == "thead":
            table.in_head = True
        elif tag == "tr":
            table.column = 0
            table.in_body_row = not table.in_head
            if table.in_head:
                table.headers = []  # the last header row names the columns
        elif tag in ("th", "td"):
            colspan = dict(attrs).get("colspan") or "1"
            span = int(colspan) if colspan.isdigit() and int(colspan) > 0 else 1
            if table.in_head:
                table.header_text, table.header_span = [], span
            elif table.in_body_row:
                table.cells.append((self._tag_end(), table.column, span))
            table.column += span

    def handle_data(self, data):
        if self.open and self.open[-1].header_text is not None:
            self.open[-1].header_text.append(data)

    def handle_endtag(self, tag):
        if not self.open:
            return
        table = self.open[-1]
        if tag in ("th", "td") and table.header_text is not None:
            table.headers += [" ".join("".join(table.header_text).split())] * table.header_span
            table.header_text = None
        elif tag == "thead":
            table.in_head = False
        elif tag == "table":
            self.done.append(self.open.pop())


def with_column_labels(html: str) -> str:
    """The page's HTML with `data-label="<column name>"` on every body cell of every table that
    has a header row, and `data-crch-stack` on those tables."""
    if "<table" not in html:
        return html
    start, end = _tables_region(html)
    reader = _TableReader(html[start:end])
    reader.feed(html[start:end])
    reader.close()
    insertions: list[tuple[int, str]] = []
    for table in reader.done:
        if not any(table.headers):
            continue
        insertions.append((start + table.start, f" {STACK_ATTRIBUTE}"))
        for offset, column, span in table.cells:
            label = table.headers[column] if column < len(table.headers) else ""
            if label:
                insertions.append((start + offset, f' data-label="{escape(label)}"'))
    return _inserted(html, insertions)


def _tables_region(html: str) -> tuple[int, int]:
    """Where the page's tables are, from the first one's start tag to the last one's end tag: only
    that part is parsed (a table still open there has no end tag at all, so it gets no labels
    either way). From the page's start when something before the first table could make a parser
    read it otherwise (HIDING_TABLES)."""
    opens = [match.start() for match in TABLE_OPEN.finditer(html)]
    closes = [match.start() for match in TABLE_CLOSE.finditer(html)]
    start = 0 if HIDING_TABLES.search(html, 0, opens[0] + 1) else opens[0]  # (+1: its '<' in a value)
    end = html.find(">", closes[-1]) + 1 if closes and closes[-1] > opens[-1] else 0
    return start, end or len(html)


def _inserted(html: str, insertions: list[tuple[int, str]]) -> str:
    """html with each text put in at its offset, in one pass (not one copy of the page per cell)."""
    pieces, position = [], 0
    for offset, text in sorted(insertions):
        pieces += [html[position:offset], text]
        position = offset
    pieces.append(html[position:])
    return "".join(pieces)
