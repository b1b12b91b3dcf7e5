"""Content rules beyond the front-matter schema: languages, guides, plain language, data files.

- every document exists in sq, sr and en (the message names the missing file and how to create it);
- every guide links at least one act or institution with an `id:` link;
- plain language on guides: a sentence over 25 words or a paragraph over 5 sentences is a warning;
- listing markers on pages are well-formed;
- every citation `[^id]` names a source of the page (scripts/citations.py);
- the directory and glossary data files validate (when a page uses them);
- contacts: docs/data/contacts.yml validates, markers name known contacts, and no page writes a
  phone number or e-mail address itself (scripts/contacts.py).

Act pages (number, issuer, status, sources) are checked by the schema (scripts/documents.py);
this command runs the schema too, so on its own it checks everything about content.

    python -m scripts.check_content [--docs-dir docs] [--format text|json]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Sequence

from scripts import browse, citations, contacts, directory, glossary
from scripts.documents import ACT_TYPES, LANGUAGES, Corpus, Document, check_schema, load_corpus
from scripts.problems import WARNING, Problem, main_exit, run_check

MAX_SENTENCE_WORDS = 25
MAX_PARAGRAPH_SENTENCES = 5
ID_LINK = re.compile(r"\]\(id:([a-z0-9-]+)(?:#[^)]*)?\)")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”»)]*\s+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
NOT_PROSE = re.compile(r"^\s*(?:#|\||<|>|\*\[|!!!|\?\?\?|```|~~~)")


def missing_languages(corpus: Corpus) -> list[Problem]:
    """A document that lacks a language version."""
    problems = []
    for doc_id in corpus.ids():
        versions = corpus.versions(doc_id)
        source = versions.get(next(lang for lang in LANGUAGES if lang in versions))
        for language in LANGUAGES:
            if language in versions:
                continue
            target = f"docs/{language}/{source.rel_path}"
            if language == source.source_language:
                how = "and no translation block (it is the source language)"
            else:
                how = f"and translation: {{source: {source.source_language}, status: machine}}"
            problems.append(
                source.problem("id", f"'{doc_id}' has no {language} version: create {target} with id: {doc_id} {how}",
                               check="content")
            )
    return problems


def guide_links(corpus: Corpus) -> list[Problem]:
    """A guide with no `id:` link to an act or an institution."""
    linkable = {doc.id for doc in corpus if doc.type in ACT_TYPES + ("institution",)}
    problems = []
    for doc in corpus:
        if doc.type == "guide" and not linkable.intersection(ID_LINK.findall(doc.body)):
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
    in_fence = False
    for offset, raw in enumerate(doc.body.split("\n") + [""]):
        number = doc.body_line + offset
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        breaks = not stripped or in_fence or NOT_PROSE.match(raw) or LIST_ITEM.match(raw)
        if breaks and lines:
            yield start, " ".join(lines)
            lines = []
        if in_fence or not stripped or NOT_PROSE.match(raw):
            continue
        if not lines:
            start = number
        lines.append(MARKDOWN_LINK.sub(r"\1", LIST_ITEM.sub("", raw)).strip())


def sentences(text: str) -> list[str]:
    """Split after . ! ? when the next word starts with a capital ("2013. godine" stays one sentence)."""
    found: list[str] = []
    for part in SENTENCE_END.split(text):
        if found and part[:1].islower():
            found[-1] += " " + part
        elif part.strip():
            found.append(part)
    return found


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


def listing_markers(corpus: Corpus) -> list[Problem]:
    return [problem for doc in corpus for problem in browse.marker_problems(doc)]


def page_citations(corpus: Corpus) -> list[Problem]:
    return [problem for doc in corpus for problem in citations.citation_problems(doc)]


def data_files(corpus: Corpus) -> list[Problem]:
    """The directory and the glossary, checked when present or when a page asks for them."""
    problems = []
    for module in (directory, glossary):
        path = Path(corpus.docs_dir) / (directory.DIRECTORY_FILE if module is directory else glossary.GLOSSARY_FILE)
        used = any(module.MARKER in doc.body for doc in corpus)
        if used or path.exists():
            problems += (directory.check_directory if module is directory else glossary.check_glossary)(corpus.docs_dir)
    return problems


CONTENT_CHECKS = (missing_languages, guide_links, plain_language, listing_markers, page_citations, data_files,
                  contacts.check_corpus)


def check_content(corpus: Corpus) -> list[Problem]:
    """The content rules (what scripts.check_all registers; it runs the schema itself)."""
    problems: list[Problem] = []
    for check in CONTENT_CHECKS:
        problems += check(corpus)
    return problems


def check_docs_dir(docs_dir: Path) -> list[Problem]:
    corpus = load_corpus(docs_dir)
    return check_schema(corpus) + check_content(corpus)


def main(argv: Sequence[str] | None = None) -> int:
    return run_check(argv, "Check the content rules: languages, acts, guides, plain language, data files.", check_docs_dir)


if __name__ == "__main__":
    main_exit(main)
