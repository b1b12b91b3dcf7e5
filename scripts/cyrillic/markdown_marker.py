"""The editor's marker `{lat}…{/lat}` in Markdown: a Python-Markdown extension (no MkDocs).

    markdown_extensions:
      - scripts.cyrillic.markdown_marker

Writes `<span translate="no">…</span>`: invisible in the Latin page, and read by the Cyrillic
edition (html_pages.py) as "keep in Latin". Handled as an inline pattern, so it never applies in
code (`{lat}` in backticks stays as typed), Markdown inside it still works
(`{lat}*Balkan Sunflowers*{/lat}`), and the heading ids of toc and the braces of attr_list do not
see the marker (without it, "## Misija {lat}OSCE{/lat}" gets the id "misija-latoscelat").

Why this syntax: braces are no Markdown syntax except attr_list's `{: …}`, `{#…}`, `{.…}`, which
need one of ":#.=" after the brace; `{lat}` is short, reads as what it means, and works the same
in front matter and data files (quote a YAML value that starts with it), where latin_spans.py
reads it. Considered and left: raw `<span translate="no">` (long, easy to mistype), HTML comments
(lost in YAML and in sanitising), `[[…]]` (looks like a link reference).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.inlinepatterns import InlineProcessor

MARKER_PATTERN = r"\{lat\}(.+?)\{/lat\}"
# After backslash escapes (180), before references and links (170, 160) and emphasis: code spans
# (190) are done first, links and emphasis still work inside the marker.
PRIORITY = 175


class LatinMarkerProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        span = etree.Element("span", {"translate": "no"})
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class LatinMarkerExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        md.inlinePatterns.register(LatinMarkerProcessor(MARKER_PATTERN, md), "crch_latin_marker", PRIORITY)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return LatinMarkerExtension(**kwargs)
