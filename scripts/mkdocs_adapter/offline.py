"""MkDocs hook: the texts of the "Save for offline reading" control in the reader's language
(partials/crch/offline-save.html; the logic is in scripts/service_worker.py)."""

import project_path  # noqa: F401

from scripts import build_hooks, service_worker


def on_page_context(context, page, config, nav):
    language = build_hooks.current_language(config)
    about = build_hooks.corpus(config).get(language, service_worker.ABOUT_ID)
    context["crch_offline"] = service_worker.control_texts(language, about)
    return context
