"""Open data in a build: the Data page's tables, and after the first language's build every file
of scripts/site/open_data.py (catalogues, relations, feeds, data descriptions, sitemaps,
robots.txt) written into the site, once per build: they come from the corpus, not from any
language's pages. The project's sitemaps replace the one MkDocs and static-i18n write. The data
files of docs/data/, which MkDocs copies in every language's build, are published as the
catalogue describes them: without the editor's {lat} markers."""

from __future__ import annotations

from typing import Any

from scripts.model.languages import Language
from scripts.render import data_page
from scripts.render.dataset import PublishedFile
from scripts.site.open_data import data_folder_files, generated_files, open_data_files, write_files

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState, fail_on

SITEMAP_TEMPLATE = "sitemap.xml"  # MkDocs' static template (static-i18n installs its own in its place)


def built_editions(state: BuildState, editions: bool) -> tuple[Language, ...]:
    """The generated editions this build makes (`editions`: the plugin's cyrillic_edition; none in
    a one-language build)."""
    return state.settings.languages.editions if editions and not upstream.builds_one_language(state.config) else ()


def published(state: BuildState, editions: bool) -> list[PublishedFile]:
    """The build's open-data files (the built editions' feeds among them), computed once per corpus."""
    return state.corpus.derived("open-data-files", lambda: open_data_files(state.corpus, state.strings, state.settings.address,
                                                                           built_editions(state, editions)))


def with_published_data_files(files: Any, state: BuildState) -> Any:
    """The language's files, each data file of docs/data/ with the content researchers get
    (scripts/site/open_data.py, `published_data`) where that differs from the file on disk."""
    for data_file in data_folder_files(state.corpus.docs_dir):
        file = files.get_file_from_path(data_file.site_path)
        if file is not None and file.abs_src_path is not None and file.content_bytes != data_file.content:
            file.content_bytes = data_file.content  # MkDocs 1.6: written from memory (upstream.py)
    return files


def page_markdown(markdown: str, page: Any, state: BuildState, editions: bool) -> str:
    doc = state.document_for(page)
    if doc is None or "open-data" not in markdown:
        return markdown
    fail_on(data_page.marker_problems(doc), "open-data marker")
    return data_page.replace_markers(markdown, published(state, editions), state.reader_for(page))


def write(state: BuildState, open_data: bool, sitemaps: bool, editions: bool) -> None:
    """Write the files into the site (the first language's on_post_build: the site folder is the
    same for every language, and static-i18n's later builds do not clean it). `editions`: the
    generated editions are built (their sitemaps are written too)."""
    if state.open_data_written:
        return
    built = built_editions(state, editions)
    files = generated_files(state.corpus, state.strings, state.settings.address, open_data, sitemaps,
                            published(state, editions) if open_data else None, built)
    write_files(state.config["site_dir"], files)
    state.open_data_written = True


def without_host_sitemap(output: str, template_name: str) -> str:
    """MkDocs writes no file for a template whose output is empty: its sitemap.xml (whose URLs
    are relative without an address) gives way to the project's."""
    return "" if template_name == SITEMAP_TEMPLATE else output
