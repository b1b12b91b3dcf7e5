"""The offline-save feature in a build: the "Save for offline reading" control of every page, in
the reader's language (overrides/partials/crch/offline-save.html). The files the control uses
(sw.js, one manifest per language) are added to the built site after MkDocs by
scripts/site/channels.py; the texts and the logic are in scripts/site/service_worker.py."""

from __future__ import annotations

from typing import Any

from scripts.site.service_worker import ABOUT_ID, control_texts

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState


def page_context(context: dict, page: Any, state: BuildState) -> dict:
    """The control's texts for the template (the same for every page of a language: made once)."""
    language = upstream.current_language(state.config)
    context["crch_offline"] = state.corpus.derived(("offline-control", language), lambda: control_texts(
        state.strings, language, state.corpus.get(language, ABOUT_ID)))
    return context
