"""Small things a build does to every page, each for a reason of the host (MkDocs, Material, static-i18n):

- front matter is data: Material prints a page's `title` and `description` as HTML (in <title>,
  the header, the navigation of every page), so they are escaped before any template sees them;
- a page's date is its `last_reviewed`, never the day of the build (sitemap.xml, reproducible);
- Material's search dialog gets an accessible name in the page's language (axe: aria-dialog-name);
- language links are relative to the site root ('/sr/' -> 'sr/'), so MkDocs' `url` filter makes
  them relative to each page and the site works in a sub-folder and from disk;
- the interface strings (overrides/strings/*.yml, in the theme folder) are build data, not published.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from mkdocs.exceptions import PluginError

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState

STRINGS_FOLDER = "strings/"  # the theme folder's interface strings, as MkDocs' theme files name them


def without_build_data(files: Any) -> Any:
    """The site's files minus the theme folder's interface strings, which the build reads and
    readers never need."""
    for file in [f for f in files if f.src_uri.startswith(STRINGS_FOLDER)]:
        files.remove(file)
    return files


def escape_front_matter(page: Any) -> None:
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = str(escape(page.meta[key]))


def date_from_last_reviewed(page: Any, state: BuildState) -> None:
    document = state.document_for(page)
    if document is not None:
        page.update_date = str(document.meta["last_reviewed"])


def name_search_dialog(html: str, where: str, state: BuildState) -> str:
    """The page with Material's search dialog named in the language being built."""
    dialog = upstream.SEARCH_DIALOG
    if dialog not in html:
        raise PluginError(f"accessibility: Material's search dialog was not found in {where}; "
                          "update SEARCH_DIALOG in scripts/mkdocs_adapter/upstream.py")
    name = state.strings.t("search.dialog", upstream.current_language(state.config))
    return html.replace(dialog, dialog[:-1] + f' aria-label="{name}">', 1)


def make_alternates_relative(state: BuildState) -> None:
    """Language links relative to the site root (static-i18n leaves its absolute '/sr/' on home pages)."""
    for alternate in upstream.page_alternates(state.config):
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = link.lstrip("/") or "./"
