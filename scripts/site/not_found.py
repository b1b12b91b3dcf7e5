"""A "page not found" page for each language: its own text, language switcher and search.

MkDocs renders the theme's 404.html once per build, into the site's root; mkdocs-static-i18n
builds every language into the same site folder, so the last language built wrote the only
404.html, with the language switcher of the page it had built last. Here each language's 404
goes to its own folder (404.html, sr/404.html, en/404.html: `not_found_path`), its switcher
leads to each language's home page, and deploy/nginx.conf answers an unknown address under
/sr/ and /en/ with that language's page.

overrides/hooks/not_found.py does the MkDocs side; overrides/404.html is the page.
"""

from __future__ import annotations

from pathlib import Path

from scripts.documents import DEFAULT_LANGUAGE, LANGUAGES

TEMPLATE = "404.html"


def not_found_path(language: str) -> str:
    """Where a language's 404 page lives in the site ('404.html', 'sr/404.html')."""
    return TEMPLATE if language == DEFAULT_LANGUAGE else f"{language}/{TEMPLATE}"


def not_found_paths() -> list[str]:
    return [not_found_path(language) for language in LANGUAGES]


def write_page(site_dir: str, language: str, html: str) -> None:
    path = Path(site_dir) / not_found_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
