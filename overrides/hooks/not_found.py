"""MkDocs hook: each language's own 404 page, in its own folder (see scripts/not_found.py)."""

import project_path  # noqa: F401

import copy

from mkdocs.plugins import event_priority

from scripts import build_hooks, not_found
from scripts.documents import DEFAULT_LANGUAGE


def on_template_context(context, template_name, config):
    if template_name == not_found.TEMPLATE and "alternate" in config.extra:  # none when one language is built
        # mkdocs-static-i18n keeps the site-wide switcher (each language's home page) in the item
        # extra["alternate"] and sets the attribute extra.alternate, which templates read, page by
        # page: without this, a 404 page would show the switcher of the page built before it.
        config.extra.alternate = copy.deepcopy(config.extra["alternate"])
    return context


@event_priority(-50)  # after the other hooks have finished 404.html (accessibility.py names its search dialog)
def on_post_template(output, template_name, config):
    language = build_hooks.current_language(config)
    if template_name != not_found.TEMPLATE or language == DEFAULT_LANGUAGE:
        return output
    not_found.write_page(config.site_dir, language, output)
    return ""  # MkDocs writes nothing for empty output: the root 404.html stays the default language's
