"""The search feature in a build: one prebuilt index per language, answered by the project's worker.

Each language's build (mkdocs-static-i18n builds them one after the other) collects the sections
of that language's own pages (a page served from another language's original is not in this
language's words: scripts/model/served.py), writes assets/search/index.<language>.js and its
text shards after the build (scripts/search/index.py, index_files.py), and excludes every page from Material's own
search plugin, which stays enabled only for its search box and result list.

Sections: with the `search_sections: markdown` option (the default) each page is cut into sections
from its Markdown tree while it renders (scripts/search/sections.py, an extension added to MkDocs'
Markdown), with Material's parser reading only the raw-HTML pieces; a page whose headings changed
after Markdown, and every page with `search_sections: html`, is parsed whole by Material's parser
as Material's search does. Both give the same index files (tests/site/test_search_sections.py).
Each language's build logs the work: pages cut, pages parsed, characters of HTML parsed.
"""

from __future__ import annotations

import logging
from typing import Any

from scripts.cyrillic.search_payload import without_markers
from scripts.model.served import is_fallback
from scripts.search import index as search_index
from scripts.search import index_files
from scripts.search import sections
from scripts.search.browser_files import BUNDLED_SOURCES
from scripts.search.language import language_payload

from scripts.mkdocs_adapter import search_worker, upstream
from scripts.mkdocs_adapter.state import BuildState

log = logging.getLogger("mkdocs.plugins.clearing_house")
SOURCES_FOLDER = index_files.INDEX_DIR.as_posix()  # where the theme's copies of the sources would go


def configure(config: Any, state: BuildState, from_markdown: bool) -> None:
    """Add the sections cutter to every page's Markdown (once per build; on_config runs per language)."""
    if not from_markdown:
        return
    if state.sections_cutter is None:
        state.sections_cutter = sections.SectionsExtension(upstream.material_piece_texts, upstream.markdown_escape)
    upstream.add_markdown_extension(config, state.sections_cutter)


def start_language(state: BuildState) -> None:
    state.search_sections = []
    state.kept_latin = {}
    state.tree_sections = {}
    state.search_work = sections.Work()
    if state.sections_cutter is not None:
        state.sections_cutter.work = state.search_work


def without_sources(files: Any) -> Any:
    """The search sources are published only minified and bundled (written in on_post_build)."""
    for name in sorted(BUNDLED_SOURCES):
        source = files.get_file_from_path(f"{SOURCES_FOLDER}/{name}")
        if source is not None:
            files.remove(source)
    return files


def take_tree_sections(page: Any, state: BuildState) -> None:
    """Right after Markdown rendered the page: the sections the cutter took from its tree."""
    if state.sections_cutter is None:
        return
    cut = state.sections_cutter.take()
    if cut is None and (page.markdown or "").strip():  # (Markdown returns a blank page at once, uncut)
        raise upstream.changed(f"{page.file.src_uri}: MkDocs rendered the page without the project's Markdown "
                               "extension (config['markdown_extensions'])")
    if cut is not None:
        state.tree_sections[page.file.src_uri] = cut


def page_sections(page: Any, state: BuildState, **fields: Any) -> list[search_index.Section]:
    """The page's sections, from its Markdown tree where the finished HTML has the tree's headings,
    else from its HTML as Material's parser cuts it; the page's own entry carries `fields`."""
    content = page.content or ""
    cut = state.tree_sections.pop(page.file.src_uri, None)
    work = state.search_work
    work.page_characters += len(content)
    if cut is not None and sections.tree_matches_html(cut[1], content):
        entries = sections.tree_entries(cut[0], page.url, str(page.meta.get("title", page.title)))
        work.tree_pages += 1
    else:
        material = upstream.material_sections(page, sections.BLOCK_START.sub(" <", content))
        entries = [(entry["location"], entry["title"], entry["text"]) for entry in material]
        work.parsed_pages += 1
        work.parsed_characters += len(content)
    return search_index.page_sections(entries, **fields)


def collect(page: Any, state: BuildState) -> None:
    """Take the page's sections for its language's index (before Material's search plugin sees the
    page), and exclude the page from Material's own index."""
    search_meta = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    document = state.document_for(page)
    reader = state.reader_for(page)
    own_page = document is not None and not is_fallback(document, reader.language)
    if own_page and not search_meta.get("exclude"):
        found = page_sections(page, state, number=str(document.meta.get("number") or ""), doc_id=document.id,
                              tags=[reader.t(f"tag.{tag}") for tag in document.meta.get("tags") or []],
                              summary=document.summary, demoted=document.type == "page")  # listings and meta pages
        state.search_sections.extend(_without_markers(found, page, state))
    else:
        state.tree_sections.pop(page.file.src_uri, None)
    page.meta["search"] = {**search_meta, "exclude": True}


def _without_markers(found: list[search_index.Section], page: Any, state: BuildState) -> list[search_index.Section]:
    """The sections without the editor's {lat} markers (content syntax, whatever the language:
    front matter and data files bring them in as text); the pieces they mark are noted for the
    Cyrillic edition's results, with the runs the page's body keeps in Latin (cyrillic.page_content)."""
    marked: set[str] = set()
    for section in found:
        texts, runs = without_markers([section.title, section.text, section.summary, *section.tags])
        section.title, section.text, section.summary, *section.tags = texts
        marked |= runs
    if marked:
        state.kept_latin[page.url] = state.kept_latin.get(page.url, frozenset()) | marked
    return found


def write(state: BuildState) -> dict[str, Any]:
    """The language's index, the browser's search files and Material's (empty) index for file://;
    returns the index's payload (the Cyrillic edition's index is made from the Serbian one's)."""
    config = state.config
    site_dir = config["site_dir"]
    language = upstream.current_language(config)
    search_worker.write_browser_files(site_dir)
    payload = search_index.build_index(state.search_sections, language_payload(language, state.terms))
    index_files.write_index_files(site_dir, language, payload)
    state.search_sections = []  # the next language is built inside this build's on_post_build
    work = state.search_work
    log.info(f"search ({language}): sections of {work.tree_pages} pages cut from the Markdown tree, "
             f"{work.parsed_pages} parsed; {work.parsed_characters:,} characters of HTML parsed "
             f"(of {work.page_characters:,})")
    search_worker.write_offline_material_index(site_dir, upstream.material_search_index(config))
    return payload
