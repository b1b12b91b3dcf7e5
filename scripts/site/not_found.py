"""A "page not found" page for each language: its own text, language switcher and search.

A static-site engine renders the theme's 404 page once per build, into the site's root; the
languages are built one after the other into the same site folder, so the last language built
wrote the only 404.html, with the language switcher of the page it had built last. Here each
language's 404 goes to its own part of the site (404.html, sr/404.html, sr-cyrl/404.html, en/404.html:
`not_found_path`), its switcher leads to each language's home page, and deploy/nginx.conf answers
an unknown address under /sr/, /sr-cyrl/ and /en/ with that language's page.

scripts/mkdocs_adapter/not_found.py does the MkDocs side; overrides/404.html is the page. Only a
server shows these pages: the offline copy leaves them out (scripts/site/offline.py).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from scripts.model.languages import Language, Languages

TEMPLATE = "404.html"


def not_found_path(language: Language) -> str:
    """Where a language's 404 page lives in the site ('404.html', 'sr/404.html')."""
    return language.prefix + TEMPLATE


def is_not_found_page(rel_path: str) -> bool:
    """Whether a file of the built site is a 404 page (a document's page is always <name>/index.html)."""
    return posixpath.basename(rel_path) == TEMPLATE


def not_found_paths(languages: Languages) -> list[str]:
    """Every language's and generated edition's 404 page (the Serbian Cyrillic one's is the twin
    of the Serbian page: scripts/mkdocs_adapter/cyrillic.py)."""
    return [not_found_path(language) for language in languages.with_editions]


def write_page(site_dir: Path, language: Language, html: str) -> None:
    path = Path(site_dir) / not_found_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
