"""Citations as footnotes: `… in force since 2008 [^gazette].` gets the source's title and address.

The page's front matter lists its sources once; a source with an `id` can be cited:

    sources:
      - {id: gazette, title: "Official Gazette No. 28, 4 June 2008", url: "https://gzk.rks-gov.net/…"}
      - {id: oca, title: "Zyra për Çështje të Komuniteteve: mandati", lang: sq}

A title written in another language than the page's says so with `lang` (a screen reader reads
it in that language, and the Serbian Cyrillic edition keeps it as it is).

The build appends a Markdown footnote definition for every source the body cites (and only those:
Python-Markdown would show an unused definition too), so the reader gets numbered references and,
at the end of the page, the source's title, address and "secondary" mark in the reader's language.
A citation that names no source of the page is an error of the citation check
(scripts/checks/citations.py), which the build runs too.
"""

from __future__ import annotations

from typing import Any

from scripts.model.citations import find_citations, footnotes_defined
from scripts.model.documents import Document
from scripts.render.reader import Reader


def title_lang(source: dict[str, Any], reader: Reader) -> str | None:
    """The `lang` of a source's title when it is not in the page's language (its `lang` field)."""
    code = source.get("lang")
    if not isinstance(code, str) or not code:
        return None
    return reader.html_lang(code) if code in reader.languages else code


def source_note(source: dict[str, Any], reader: Reader) -> str:
    """A source as footnote text: its title, its address as code (copyable) and the secondary mark."""
    text = str(source.get("title", "")).replace("\n", " ")
    lang = title_lang(source, reader)
    if lang:
        text = f'<span lang="{lang}">{text}</span>'  # inline HTML: the title is still Markdown inside
    if source.get("url"):
        text += f" `{source['url']}`"
    if source.get("note") == "secondary":
        text += f" ({reader.t('xrefs.source.secondary')})"
    return text


def add_source_footnotes(markdown: str, doc: Document, reader: Reader) -> str:
    """The Markdown with a footnote definition for each source of doc that it cites."""
    sources = doc.cited_sources
    cited = {source_id: None for _, source_id in find_citations(markdown) if source_id in sources}
    defined = footnotes_defined(markdown)
    lines = [f"[^{source_id}]: {source_note(sources[source_id], reader)}" for source_id in cited if source_id not in defined]
    return f"{markdown.rstrip()}\n\n" + "\n".join(lines) + "\n" if lines else markdown
