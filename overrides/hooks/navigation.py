"""MkDocs hook: sections with an index page show only that page in the navigation, and open for the
page being read (see scripts/navigation.py)."""

import project_path  # noqa: F401

from mkdocs.plugins import event_priority

from scripts import build_hooks
from scripts.navigation import compact_navigation
from scripts.ui_strings import t


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made this language's navigation
def on_nav(nav, config, files):
    def title_of(page):
        document = build_hooks.document_for(page, config)
        return document.title if document else None

    overview = t("nav.section-overview", build_hooks.current_language(config))
    nav.crch_compact = compact_navigation(nav, title_of, overview)
    return nav


def on_page_context(context, page, config, nav):
    nav.crch_compact.show(page)
    return context
