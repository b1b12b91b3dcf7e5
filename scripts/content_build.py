"""What the content hook does in a build: validate the data files, then fill each page's markers.

overrides/hooks/content.py calls these two functions; the features live in scripts/directory.py,
scripts/glossary.py and scripts/browse.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts import browse, build_hooks, citations, directory, glossary
from scripts.documents import DEFAULT_LANGUAGE, Document

_data: dict[Path, tuple] = {}


def load_data(config) -> None:
    """Read and check the directory and the glossary once per language build; stop on errors."""
    docs_dir = Path(config["docs_dir"])
    municipalities, problems = directory.load_directory(docs_dir)
    terms, found = glossary.load_glossary(docs_dir)
    build_hooks.fail_on(problems + found, "data file")
    _data[docs_dir] = (municipalities, terms)


def _link_for(page, files):
    """A function giving a document's URL relative to `page`, in the language being built."""
    by_src = files.src_uris  # MkDocs' own mapping: building one per page made the build quadratic

    def link_for(doc: Document) -> str | None:
        for language in (doc.language, DEFAULT_LANGUAGE):
            file = by_src.get(f"{language}/{doc.rel_path}")
            if file is not None:
                return get_relative_url(file.url, page.url)
        return None

    return link_for


def page_markdown(markdown: str, page, config, files) -> str:
    """Directory table, glossary table, document listings and abbreviations for one page."""
    language = build_hooks.current_language(config)
    municipalities, terms = _data[Path(config["docs_dir"])]
    doc = build_hooks.document_for(page, config)
    markdown = directory.replace_marker(markdown, municipalities, page.file.src_uri, language)
    markdown = glossary.replace_marker(markdown, terms, language)
    if doc is not None:  # before the markers are replaced: the problems name the file and line
        build_hooks.fail_on(browse.marker_problems(doc), "listing marker")
    markdown, _ = browse.replace_markers(
        markdown, build_hooks.corpus(config), language, doc.id if doc else "", _link_for(page, files)
    )
    if doc is not None:
        build_hooks.fail_on(citations.citation_problems(doc), "citation")
        markdown = citations.add_source_footnotes(markdown, doc, language)
    return glossary.add_abbreviations(markdown, terms, doc.language if doc else language)
