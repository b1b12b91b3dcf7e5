"""MkDocs hook: one prebuilt search index per language, answered by the project's worker.

Runs once per language (mkdocs-static-i18n builds them one after the other): it collects the
sections of that language's own pages (not fallback pages of another language), writes
assets/search/index.<language>.js after the build, and excludes every page from Material's
own search plugin, which stays enabled only for its search box and result list.
"""

import project_path  # noqa: F401

from mkdocs.plugins import event_priority

import os
from pathlib import Path

from scripts import build_hooks, glossary, search_index, search_language, search_sections, search_worker
from scripts.ui_strings import t

# language -> sections of the language being built; dropped once its index is written, since the
# next languages are built inside this build's on_post_build (see mkdocs-static-i18n).
_sections: dict[str, list[search_index.Section]] = {}
# Cuts each page into search sections while Markdown renders it (scripts/search_sections.py), so
# the HTML is not parsed again; src_uri -> the sections of a page rendered, until its context.
_cutter = search_sections.SectionsExtension()
_tree_sections: dict[str, list] = {}


def on_config(config):
    # CRCH_SEARCH_SECTIONS=html: every page parsed as before (tests compare the two ways).
    if os.environ.get("CRCH_SEARCH_SECTIONS") != "html" and _cutter not in config["markdown_extensions"]:
        config["markdown_extensions"].append(_cutter)  # MkDocs passes the list to markdown.Markdown
    return config


def on_pre_build(config):
    _sections[build_hooks.current_language(config)] = []
    _tree_sections.clear()


@event_priority(-100)  # after every hook that changes the HTML: the tree is checked against the final page
def on_page_content(html, page, config, files):
    cut = _cutter.take()
    if cut is not None and search_sections.tree_matches_html(cut[1], html):
        _tree_sections[page.file.src_uri] = cut[0]
    return html


def on_files(files, config):
    """The search sources are published only minified and bundled (written in on_post_build)."""
    for file in list(files):
        folder, _, name = file.src_uri.rpartition("/")
        if folder == search_index.INDEX_DIR.as_posix() and name in search_worker.BUNDLED_SOURCES:
            files.remove(file)
    return files


def on_env(env, config, files):
    env.filters["with_search_worker"] = search_worker.with_search_worker
    return env


@event_priority(50)  # before Material's search plugin, which drops data-search-exclude and reads meta.search
def on_page_context(context, page, config, nav):
    language = build_hooks.current_language(config)
    own_page = page.file.src_uri.partition("/")[0] == language
    search_meta = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    if own_page and not search_meta.get("exclude"):
        document = build_hooks.document_for(page, config)
        meta = document.meta if document else {}
        tags = [t(f"tag.{tag}", language) for tag in meta.get("tags") or []]
        number = str(meta.get("number") or "")
        demoted = (document.type if document else "page") == "page"  # listings and meta pages
        tree = _tree_sections.pop(page.file.src_uri, None)
        work = _cutter.work
        work.page_characters += len(page.content or "")
        if tree is None:
            work.parsed_pages += 1
            work.parsed_characters += len(page.content or "")
        else:
            work.tree_pages += 1
        _sections[language].extend(search_index.page_sections(
            page, number, document.id if document else "", tags, str(meta.get("summary") or ""), demoted, tree))
    page.meta["search"] = {**search_meta, "exclude": True}
    return context


def on_post_build(config):
    language = build_hooks.current_language(config)
    site_dir = config["site_dir"]
    search_worker.write_browser_files(site_dir)
    index_file = search_index.index_path(site_dir, language)
    terms, _ = glossary.load_glossary(Path(config["docs_dir"]))  # checked by the content hook already
    payload = search_index.build_index(_sections.pop(language), search_language.language_payload(language, terms))
    search_index.write_index_script(index_file, payload)
    work = _cutter.work
    build_hooks.log.info(f"search ({language}): sections of {work.tree_pages} pages cut from the Markdown tree, "
                         f"{work.parsed_pages} parsed; {work.parsed_characters:,} characters of HTML parsed "
                         f"(of {work.page_characters:,})")
    _cutter.work = search_sections.Work()
    material = config["plugins"]["material/search"]
    search_worker.write_offline_material_index(site_dir, material.search_index.generate_search_index(None))
