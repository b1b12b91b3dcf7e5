"""Citations: a claim in a page body names its source as a footnote, `… in force since 2008 [^gazette].`

The page's front matter lists its sources once; a source with an `id` can be cited:

    sources:
      - {id: gazette, title: "Official Gazette No. 28, 4 June 2008", url: "https://gzk.rks-gov.net/…"}

The build appends a Markdown footnote definition for every source the body cites (and only those:
Python-Markdown would show an unused definition too), so the reader gets numbered references and,
at the end of the page, the source's title, address and "secondary" mark. A citation that names no
source of the page, and no footnote the body defines itself, is an error of the content check.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from scripts.model.documents import Document
from scripts.model.links import CODE_SPAN, FENCE
from scripts.checks.problems import Problem
from scripts.model.strings import t

CHECK = "citations"
CITATION = re.compile(r"\[\^(?P<id>[^\]\s]+)\](?!:)")
FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^(?P<id>[^\]\s]+)\]:", re.MULTILINE)


def find_citations(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line, id) of every `[^id]` reference outside fenced and inline code."""
    fence = ""
    for number, line in enumerate(text.split("\n"), first_line):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group("fence")[0] == fence[0] and len(opening.group("fence")) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group("fence")
            continue
        masked = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in CITATION.finditer(masked):
            yield number, match.group("id")


def source_note(source: dict[str, Any], language: str) -> str:
    """A source as footnote text: its title, its address as code (copyable) and the secondary mark."""
    text = str(source.get("title", "")).replace("\n", " ")
    if source.get("url"):
        text += f" `{source['url']}`"
    if source.get("note") == "secondary":
        text += f" ({t('xrefs.source.secondary', language)})"
    return text


def add_source_footnotes(markdown: str, doc: Document, language: str) -> str:
    """The Markdown with a footnote definition for each source of doc that it cites."""
    sources = doc.cited_sources
    cited = {source_id: None for _, source_id in find_citations(markdown) if source_id in sources}
    defined = set(FOOTNOTE_DEFINITION.findall(markdown))
    lines = [f"[^{source_id}]: {source_note(sources[source_id], language)}" for source_id in cited if source_id not in defined]
    return f"{markdown.rstrip()}\n\n" + "\n".join(lines) + "\n" if lines else markdown


def citation_problems(doc: Document) -> list[Problem]:
    """A `[^id]` that names neither a source of the page nor a footnote the body defines."""
    known = set(doc.cited_sources) | set(FOOTNOTE_DEFINITION.findall(doc.body))
    problems = []
    for line, source_id in find_citations(doc.body, doc.body_line):
        if source_id not in known:
            ids = ", ".join(sorted(doc.cited_sources)) or "none yet"
            problems.append(Problem(doc.display_path, line, f"citation [^{source_id}] names no source of this page: "
                                    f"add 'id: {source_id}' to one of its 'sources' (ids: {ids})", check=CHECK))
    return problems
