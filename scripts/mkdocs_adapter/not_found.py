"""Each language's own 404 page, in its own part of the site (scripts/site/not_found.py).

MkDocs renders the theme's 404.html once per language build (overrides/404.html, in the language
being built, with search in that language); mkdocs-static-i18n builds every language into the
same site folder. The default language's page stays at the root; every other language's page is
written to its own folder, and MkDocs writes nothing for an empty template output, so the root
page is not overwritten. Its switcher leads to each language's home page. When one language is
built alone (`make serve LANG=sr`), it is at the site root, and so is its 404 page.
"""

from __future__ import annotations

from typing import Any

from scripts.site.not_found import TEMPLATE, write_page

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState


def template_context(template_name: str, state: BuildState) -> None:
    """Before 404.html is rendered: the site-wide switcher, not the one of the page built last."""
    if template_name == TEMPLATE:
        upstream.show_site_switcher(state.config)


def written(output: str, template_name: str, state: BuildState) -> str:
    """The finished 404.html of a language other than the default written to its own folder, and
    nothing left for MkDocs to write at the root; other templates unchanged."""
    language = state.settings.languages[upstream.current_language(state.config)]
    if template_name != TEMPLATE or language.default or upstream.builds_one_language(state.config):
        return output
    write_page(state.config["site_dir"], language, output)
    return ""
