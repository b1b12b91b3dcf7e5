"""The search feature in a build: one prebuilt index per language, answered by the project's worker.

Each language's build (mkdocs-static-i18n builds them one after the other) collects the sections
of that language's own pages (a page served from another language's original is not in this
language's words: scripts/model/served.py), writes assets/search/index.<language>.js after the
build, and excludes every page from Material's own search plugin, which stays enabled only for
its search box and result list.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from scripts.model.served import is_fallback
from scripts.search import index as search_index
from scripts.search.index import Section, plain_text

from scripts.mkdocs_adapter import search_worker, upstream
from scripts.mkdocs_adapter.state import BuildState

# Material's parser joins the text of adjacent cells and items ("Adopted2008-03-13"): a space goes first.
BLOCK_START = re.compile(r"<(?=(?:p|li|dt|dd|td|th|tr|br|div|section|aside|figcaption)\b)")


def page_sections(page: Any, number: str = "", doc_id: str = "", tags: Sequence[str] = ()) -> list[Section]:
    """The sections of a rendered MkDocs page, split and titled exactly as Material's search plugin
    does; the page's own entry (first) carries its number, ID and tags. A page whose first section
    is excluded from search (`data-search-exclude`) is left out."""
    entries = upstream.material_sections(page, BLOCK_START.sub(" <", page.content or ""))
    sections = [Section(entry["location"], plain_text(entry["title"]), plain_text(entry["text"])) for entry in entries]
    if not sections or not sections[0].is_page:
        return []
    sections[0].number, sections[0].id, sections[0].tags = number, doc_id, list(tags)
    return sections


def collect(page: Any, state: BuildState) -> None:
    """Take the page's sections for its language's index (before Material's search plugin sees the
    page), and exclude the page from Material's own index."""
    search_meta = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    document = state.document_for(page)
    reader = state.reader_for(page)
    own_page = document is not None and not is_fallback(document, reader.language)
    if own_page and not search_meta.get("exclude"):
        tags = [reader.t(f"tag.{tag}") for tag in document.meta.get("tags") or []]
        number = str(document.meta.get("number") or "")
        state.search_sections.extend(page_sections(page, number, document.id, tags))
    page.meta["search"] = {**search_meta, "exclude": True}


def write(state: BuildState) -> dict[str, Any]:
    """The language's index, the browser's search files and Material's (empty) index for file://;
    returns the index's payload (the Cyrillic edition's index is made from the Serbian one's)."""
    config = state.config
    site_dir = config["site_dir"]
    search_worker.write_browser_files(site_dir)
    index_file = search_index.index_path(site_dir, upstream.current_language(config))
    payload = search_index.build_index(state.search_sections)
    search_index.write_index_script(index_file, payload)
    state.search_sections = []  # the next language is built inside this build's on_post_build
    search_worker.write_offline_material_index(site_dir, upstream.material_search_index(config))
    return payload
