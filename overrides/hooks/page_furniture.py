"""MkDocs hook: what every page shows around its content, in the reader's language.

- `crch_t`, the templates' filter for the project's interface strings (overrides/strings/);
- the filters of overrides/main.html that change Material's markup (scripts/page_markup.py);
- the name of its column on every cell of a table, for phones (scripts/phone_tables.py).
"""

import project_path  # noqa: F401

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts import build_hooks, page_markup, phone_tables
from scripts.ui_strings import t


@pass_context
def crch_t(context, key: str) -> str:
    """`{{ "not-found.title" | crch_t | e }}`: a string in the language being built (not escaped)."""
    return t(key, build_hooks.current_language(context["config"]))


def markup_filter(rewrite):
    def apply(html) -> Markup:
        try:
            return Markup(rewrite(str(html)))
        except page_markup.MaterialMarkupChanged as error:
            raise PluginError(str(error)) from None

    return apply


def on_env(env, config, files):
    env.filters["crch_t"] = crch_t
    env.filters["without_language_alternates"] = markup_filter(page_markup.without_language_alternates)
    return env


@event_priority(-50)  # after the hooks that add tables to a page (content, translations)
def on_page_content(html, page, config, files):
    return phone_tables.with_column_labels(html)
