"""MkDocs hook: the accessible names Material's templates leave out.

Material's search box is a `role="dialog"` without a name, which screen readers announce as an
unnamed dialog (axe: aria-dialog-name). This names it in the page's language. If a Material
upgrade changes that element, the build fails here instead of silently losing the name.
"""

import project_path  # noqa: F401

from mkdocs.exceptions import PluginError

from scripts.mkdocs_adapter import state as build_hooks
from scripts.model.strings import t

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(html: str, where: str, config) -> str:
    if SEARCH_DIALOG not in html:
        raise PluginError(f"accessibility: Material's search dialog was not found in {where}; "
                          "update overrides/hooks/accessibility.py")
    name = t("search.dialog", build_hooks.current_language(config))
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{name}">', 1)


def on_post_page(output, page, config):
    return name_search_dialog(output, page.file.src_uri, config)


def on_post_template(output_content, template_name, config):
    """404.html, the one page built from a template rather than a Markdown file."""
    return name_search_dialog(output_content, template_name, config) if template_name == "404.html" else output_content
