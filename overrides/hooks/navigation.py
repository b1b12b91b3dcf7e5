"""MkDocs hook: sections with an index page show only that page in the navigation (see scripts/navigation.py)."""

import project_path  # noqa: F401

from mkdocs.plugins import event_priority

from scripts.mkdocs_adapter import state as build_hooks
from scripts.mkdocs_adapter.navigation import compact_navigation


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made this language's navigation
def on_nav(nav, config, files):
    def title_of(page):
        document = build_hooks.document_for(page, config)
        return document.title if document else None

    return compact_navigation(nav, title_of)
