"""What the content hook does in a build: validate the data files, then fill each page's markers.

overrides/hooks/content.py calls these two functions; the features live in scripts/directory.py,
scripts/glossary.py, scripts/contacts.py and scripts/browse.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts import browse, build_hooks, citations, contacts, directory, glossary
from scripts.documents import DEFAULT_LANGUAGE, Document
from scripts.problems import Problem

_data: dict[Path, tuple] = {}


def load_data(config) -> None:
    """Read and check the directory, the glossary and the contacts once per language build; stop on errors."""
    docs_dir = Path(config["docs_dir"])
    municipalities, problems = directory.load_directory(docs_dir)
    terms, found = glossary.load_glossary(docs_dir)
    # A `body` naming no page is for `make check`: it does not change what a page shows.
    offices, wrong = contacts.load_contacts(docs_dir) if contacts.contacts_path(docs_dir).exists() else ([], [])
    build_hooks.fail_on(problems + found + wrong, "data file")
    _data[docs_dir] = (municipalities, terms, offices)


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
    """Directory table, glossary table, contacts, document listings and abbreviations for one page."""
    language = build_hooks.current_language(config)
    municipalities, terms, offices = _data[Path(config["docs_dir"])]
    doc = build_hooks.document_for(page, config)
    if doc is not None:
        build_hooks.fail_on(contacts.marker_problems(doc, offices), "contact marker")
    markdown = directory.replace_marker(markdown, municipalities, page.file.src_uri, language,
                                        contacts.directory_cells(offices, language))
    markdown = contacts.replace_markers(markdown, offices, language)
    markdown = glossary.replace_marker(markdown, terms, language)
    markdown, problems = browse.replace_markers(
        markdown, build_hooks.corpus(config), language, doc.id if doc else "", _link_for(page, files)
    )
    build_hooks.fail_on([Problem(page.file.src_path, 1, message) for message in problems], "listing marker")
    if doc is not None:
        build_hooks.fail_on(citations.citation_problems(doc), "citation")
        markdown = citations.add_source_footnotes(markdown, doc, language)
    return glossary.add_abbreviations(markdown, terms, doc.language if doc else language)
