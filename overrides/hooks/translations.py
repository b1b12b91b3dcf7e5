"""MkDocs hook: translation state for readers (fallbacks to the original, notices, switcher marks,
the status page) and for the build (orphans and broken translation blocks stop it)."""

import project_path  # noqa: F401

from mkdocs.plugins import event_priority

from scripts.mkdocs_adapter import state as build_hooks

from scripts.mkdocs_adapter import translations as translation_site
from scripts.model.translations import report_for


def on_pre_build(config):
    build_hooks.fail_on(report_for(build_hooks.corpus(config)).problems, "translation")


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    return translation_site.add_original_fallbacks(files, config)


def on_page_content(html, page, config, files):
    return translation_site.page_content(html, page, config)


def on_page_context(context, page, config, nav):  # after static-i18n (priority 50) reset the switcher
    return translation_site.page_context(context, page, config)
