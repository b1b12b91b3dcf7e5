"""The translation state in a build (scripts/model/translations.py has the states, scripts/render/
notices.py and status_page.py what readers see):

- a page missing in the language being built is built from its original, whatever language that
  is (mkdocs-static-i18n itself falls back to the default language only), at the reader's path;
- pages get their notices (after their title), a fallback page's text its `lang`, the switcher
  its "(not translated)" marks and links to the same page in each language, and every page the
  line saying when a person last checked it (`crch_last_reviewed`, partials/crch/last-reviewed.html);
- the status page gets its tables, and its table of contents the generated sections.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.toc import AnchorLink

from scripts.checks.problems import Problem
from scripts.model.review import review_of
from scripts.model.translations import MISSING, Entry, report_for
from scripts.render.markup import after_title
from scripts.render.notices import notices, notices_html, review_note, untranslated_name
from scripts.render.reader import Reader
from scripts.render.status_page import STATUS_MARKER, STATUS_PAGE_ID, sections, status_html

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState


def problems(state: BuildState) -> list[Problem]:
    """What the build reports of the translations: the report's errors (which stop it) and drift
    warnings; the to-do list of missing and stale pages is for people (make check, the status page)."""
    return report_for(state.corpus).problems


def entry_for(page: Any, state: BuildState) -> Entry | None:
    """The state of the page being built, in the language being built."""
    doc = state.document_for(page)
    return report_for(state.corpus).entry(upstream.current_language(state.config), doc.id) if doc else None


def add_original_fallbacks(files: Any, state: BuildState) -> Any:
    """Build every page missing in this language from its original.

    Runs after mkdocs-static-i18n chose this language's files. The added file lives at the
    reader's path (`sr/guides/x.md`), so its relative links resolve to the reader's language and it
    sits in the reader's navigation, but it reads the original's file; `fallback_src_uri` tells
    `BuildState.document_for` which document it is.
    """
    config = state.config
    language = upstream.current_language(config)
    chosen = upstream.chosen_pages(files)
    for entry in report_for(state.corpus).entries:
        if entry.language != language or entry.state != MISSING:
            continue
        original = entry.original
        original_uri = f"{original.language}/{original.rel_path}"
        current = chosen.get(original.rel_path)
        if current is not None:
            if current.src_uri == original_uri:
                continue  # static-i18n already fell back to the original (the default language)
            files.remove(current)
        fallback = upstream.fallback_file(original.rel_path, language, config)
        fallback.abs_src_path = str(original.path)
        fallback.fallback_src_uri = original_uri
        files.append(fallback)
    return files


def mark_switcher(state: BuildState, reader: Reader, doc_id: str, rel_path: str, is_home: bool) -> None:
    """Point each language at this page and mark the languages it is missing in (after static-i18n
    set the page's switcher entries)."""
    report = report_for(state.corpus)
    for alternate in upstream.page_alternates(state.config):
        language = alternate["lang"]
        name = alternate.setdefault("crch_name", alternate["name"])
        entry = report.entry(language, doc_id)
        if language not in reader.languages or entry is None:
            continue
        if not is_home:
            alternate["link"] = reader.languages[language].site_path(rel_path)
        alternate["name"] = untranslated_name(name, language, reader) if entry.state == MISSING else name


def page_context(context: dict, page: Any, state: BuildState) -> dict:
    doc = state.document_for(page)
    entry = entry_for(page, state)
    if doc is None or entry is None:
        return context
    reader = state.reader_for(page)
    context["crch_last_reviewed"] = review_note(review_of(state.corpus, doc, reader.language), reader)
    mark_switcher(state, reader, doc.id, doc.rel_path, is_home=doc.rel_path == "index.md")
    return context


def page_content(html: str, page: Any, state: BuildState) -> str:
    """The notices after the page's title; a fallback page's text marked with its language; the
    status page filled in."""
    entry = entry_for(page, state)
    if entry is None:
        return html
    reader = state.reader_for(page)
    found = notices(entry, reader)
    if found:
        html = after_title(html, notices_html(found, reader))
    if entry.state == MISSING:
        html = f'<div lang="{reader.html_lang(entry.original.language)}">\n{html}\n</div>'
    if entry.doc_id == STATUS_PAGE_ID and STATUS_MARKER in html:
        html = html.replace(STATUS_MARKER, status_html(report_for(state.corpus), reader))
        items = list(page.toc.items)
        parent = items[0].children if len(items) == 1 and items[0].level == 1 else page.toc.items
        parent.extend(AnchorLink(title, anchor, 2) for anchor, title in sections(reader))
    return html

