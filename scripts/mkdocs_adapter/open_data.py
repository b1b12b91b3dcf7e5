"""Open data in a build: the Data page's tables, and after the first language's build every file
of scripts/site/open_data.py (catalogues, relations, feeds, data descriptions, sitemaps,
robots.txt) written into the site, once per build: they come from the corpus, not from any
language's pages. The project's sitemaps replace the one MkDocs and static-i18n write."""

from __future__ import annotations

from typing import Any

from scripts.render import data_page
from scripts.render.dataset import PublishedFile
from scripts.site.open_data import generated_files, open_data_files, write_files

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState, fail_on

SITEMAP_TEMPLATE = "sitemap.xml"  # MkDocs' static template (static-i18n installs its own in its place)


def published(state: BuildState) -> list[PublishedFile]:
    """The build's open-data files, computed once per corpus."""
    return state.corpus.derived("open-data-files", lambda: open_data_files(state.corpus, state.strings, state.settings.address))


def page_markdown(markdown: str, page: Any, state: BuildState) -> str:
    doc = state.document_for(page)
    if doc is None or "open-data" not in markdown:
        return markdown
    fail_on(data_page.marker_problems(doc), "open-data marker")
    return data_page.replace_markers(markdown, published(state), state.reader_for(page))


def write(state: BuildState, open_data: bool, sitemaps: bool, editions: bool) -> None:
    """Write the files into the site (the first language's on_post_build: the site folder is the
    same for every language, and static-i18n's later builds do not clean it). `editions`: the
    generated editions are built (their sitemaps are written too)."""
    if state.open_data_written:
        return
    built = state.settings.languages.editions if editions and not upstream.builds_one_language(state.config) else ()
    files = generated_files(state.corpus, state.strings, state.settings.address, open_data, sitemaps,
                            published(state) if open_data else None, built)
    write_files(state.config["site_dir"], files)
    state.open_data_written = True


def without_host_sitemap(output: str, template_name: str) -> str:
    """MkDocs writes no file for a template whose output is empty: its sitemap.xml (whose URLs
    are relative without an address) gives way to the project's."""
    return "" if template_name == SITEMAP_TEMPLATE else output
