"""A page's data markers filled in: the directory table, contact blocks, the glossary table and the
document listings, in the order the build fills them. One function for the build (scripts/
mkdocs_adapter/content.py) and for the build benchmark's plain copy of the real docs
(scripts/bench/real_corpus.py), which shows the same tables and lists without the project's plugin."""

from __future__ import annotations

from typing import Sequence

from scripts.model.contacts import Contact
from scripts.model.directory import Municipality
from scripts.model.glossary import Term
from scripts.render import contacts, directory, glossary, listings
from scripts.render.reader import Reader


def fill_markers(markdown: str, reader: Reader, page_id: str, municipalities: Sequence[Municipality],
                 terms: Sequence[Term], offices: Sequence[Contact] | None, directory_file: str) -> str:
    """Every directory, contact, glossary and listing marker of a page replaced by its fragment
    (offices None: the site has no contacts file)."""
    markdown = directory.replace_marker(markdown, municipalities, reader, directory_file, offices)
    markdown = contacts.replace_markers(markdown, offices or [], reader)
    markdown = glossary.replace_marker(markdown, terms, reader)
    markdown, _ = listings.replace_markers(markdown, reader, page_id)
    return markdown
