"""Content rules beyond the front-matter schema: languages, guides, plain language, markers, data files.

- `guide-links`: every guide links at least one act or institution with an `id:` link;
- `plain-language`: in guides, a sentence over 25 words or a paragraph over 5 sentences (warnings);
- `listing-markers`: the listing markers of pages are well-formed;
- `data-files`: the directory and glossary data files validate (when present or used).

Act pages (number, issuer, status, sources) are checked by the schema (scripts/checks/schema.py).
A document missing in a language is not a content error: the site serves its original there with a
notice, and the translations check lists it (a warning, as README says).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from scripts.checks.problems import WARNING, Problem
from scripts.checks.registry import check
from scripts.model import directory, glossary
from scripts.model.documents import Corpus, Document
from scripts.model.links import document_links
from scripts.model.markdown_scan import LIST_ITEM, prose_lines, without_link_syntax
from scripts.model.schema import ACT_TYPES
from scripts.model.settings import project_settings
from scripts.render import listings

MAX_SENTENCE_WORDS = 25
MAX_PARAGRAPH_SENTENCES = 5
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”»)]*\s+")
NOT_PROSE = re.compile(r"^\s*(?:#|\||<|>|\*\[|!!!|\?\?\?)")


@check("guide-links",
       bad="type: guide\n…\nAsk [the municipality](https://example.org).",
       good="type: guide\n…\nAsk [the municipal office](id:municipal-offices-for-communities-and-return).")
def guide_links(corpus: Corpus) -> list[Problem]:
    """A guide with no `id:` link to an act or an institution."""
    linkable = {doc.id for doc in corpus if doc.type in ACT_TYPES + ("institution",)}
    problems = []
    for doc in corpus:
        linked = {link.path for link in document_links(doc) if link.is_id}
        if doc.type == "guide" and not linkable & linked:
            problems.append(
                Problem(
                    doc.display_path,
                    doc.body_line,
                    "a guide must link at least one act or institution: add a link like "
                    "[Regulation 02/2010](id:regulation-02-2010)",
                    check="content",
                )
            )
    return problems


def paragraphs(doc: Document) -> Iterator[tuple[int, str]]:
    """(first line, text) of each prose paragraph or list item of a page body, without Markdown links."""
    lines: list[str] = []
    start = 0
    prose = {line.number: line.text for line in prose_lines(doc.body, doc.body_line)}
    for number in range(doc.body_line, doc.body_line + doc.body.count("\n") + 2):
        raw = prose.get(number, "")
        breaks = not raw.strip() or NOT_PROSE.match(raw) or LIST_ITEM.match(raw)
        if breaks and lines:
            yield start, " ".join(lines)
            lines = []
        if not raw.strip() or NOT_PROSE.match(raw):
            continue
        if not lines:
            start = number
        lines.append(without_link_syntax(LIST_ITEM.sub("", raw)).strip())

def sentences(text: str) -> list[str]:
    """Split after . ! ? when the next word starts with a capital ("2013. godine" stays one sentence)."""
    found: list[str] = []
    for part in SENTENCE_END.split(text):
        if found and part[:1].islower():
            found[-1] += " " + part
        elif part.strip():
            found.append(part)
    return found


@check("plain-language",
       bad="type: guide\n…\nA sentence of more than twenty-five words, going on and on with one clause after another "
           "until the reader has forgotten how it began and what it was about.",
       good="type: guide\n…\nShort sentences. One idea each.")
def plain_language(corpus: Corpus) -> list[Problem]:
    """Long sentences and long paragraphs in guides (warnings: a person decides)."""
    problems = []
    for doc in corpus:
        if doc.type != "guide":
            continue
        for line, text in paragraphs(doc):
            found = sentences(text)
            for sentence in found:
                words = len([w for w in sentence.split() if re.search(r"\w", w)])
                if words > MAX_SENTENCE_WORDS:
                    problems.append(
                        Problem(doc.display_path, line, f"sentence of {words} words (more than {MAX_SENTENCE_WORDS}): "
                                f"split it into shorter sentences: \"{sentence[:40]}…\"", WARNING, "plain-language")
                    )
            if len(found) > MAX_PARAGRAPH_SENTENCES:
                problems.append(
                    Problem(doc.display_path, line, f"paragraph of {len(found)} sentences (more than "
                            f"{MAX_PARAGRAPH_SENTENCES}): split it or make a list", WARNING, "plain-language")
                )
    return problems


@check("listing-markers",
       bad="<!-- documents type=laws -->",
       good="<!-- documents type=law -->")
def listing_markers(corpus: Corpus) -> list[Problem]:
    """A listing marker with an unknown argument or value."""
    return [problem for doc in corpus for problem in listings.marker_problems(doc)]


@check("data-files",
       bad="municipalities:\n  - {sq: Gjilan, sr: Gnjilane, office: mocr}\n  - {sq: gjilan, sr: Gnjilane, office: mocr}",
       good="municipalities:\n  - {sq: Gjilan, sr: Gnjilane, office: mocr}")
def data_files(corpus: Corpus) -> list[Problem]:
    """The directory and the glossary, checked when present or when a page asks for them."""
    settings = project_settings()
    problems = []
    checks = ((settings.directory_file, directory.MARKER, directory.load_directory),
              (settings.glossary_file, glossary.MARKER, lambda path: glossary.load_glossary(path, corpus.languages)))
    for rel_path, marker, load in checks:
        path = Path(corpus.docs_dir) / rel_path
        if path.exists() or any(marker in doc.body for doc in corpus):
            problems += load(path)[1]
    return problems
