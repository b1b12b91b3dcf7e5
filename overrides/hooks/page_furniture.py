"""MkDocs hook: what every page shows around its content, in the reader's language.

- `crch_t`, the templates' filter for the project's interface strings (overrides/strings/);
- the filters of overrides/main.html and the page rewrites that change Material's markup
  (scripts/page_markup.py);
- the name of its column on every cell of a table, for phones (scripts/phone_tables.py);
- the titles Markdown's extensions write into a page (a heading's permanent link, a footnote's
  link back to the text), in the language being built: they are options of the extensions,
  which MkDocs applies afresh to every page it converts.
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


# extension -> (option, interface string); footnotes wants its %d for the footnote's number
EXTENSION_TITLES = {"toc": ("permalink_title", "page.permalink"), "footnotes": ("BACKLINK_TITLE", "page.footnote-back")}


@event_priority(-110)  # after mkdocs-static-i18n's on_config (-100) has chosen the language
def on_config(config):
    language = build_hooks.current_language(config)
    for extension, (option, key) in EXTENSION_TITLES.items():
        if extension in config.markdown_extensions:
            config.mdx_configs.setdefault(extension, {})[option] = t(key, language)
    return config


def on_env(env, config, files):
    env.filters["crch_t"] = crch_t
    env.filters["without_language_alternates"] = markup_filter(page_markup.without_language_alternates)
    return env


@event_priority(-50)  # after the hooks that add tables to a page (content, translations)
def on_page_content(html, page, config, files):
    return phone_tables.with_column_labels(html)


def _keyboard_toggles(html: str, config) -> str:
    try:
        language = build_hooks.current_language(config)
        return page_markup.keyboard_toggles(html, {"drawer": t("page.menu", language), "search": t("page.search", language)})
    except page_markup.MaterialMarkupChanged as error:
        raise PluginError(str(error)) from None


def on_post_page(output, page, config):
    return _keyboard_toggles(output, config)


def on_post_template(output_content, template_name, config):
    """404.html, the one page built from a template rather than a Markdown file."""
    return _keyboard_toggles(output_content, config) if template_name == "404.html" else output_content
