"""The project plugin's typed configuration (`plugins: - clearing-house:` in mkdocs.yml).

Every option has a default, so `- clearing-house` alone builds the site as the project does but for
the Kiwix files, which take seconds and which mkdocs.yml turns on (`kiwix_files: true`); the
defaults are the core's (scripts/model/settings.py), which the command-line tools and the atomic
build use.
Each feature can be switched off on its own (to find which one changes a page, or while porting);
the document model, its schema check and the per-build state are always there.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from scripts.model.settings import (DEFAULT_CONTACTS_FILE, DEFAULT_DIRECTORY_FILE, DEFAULT_GLOSSARY_FILE,
                                    DEFAULT_KIWIX_FILES, DEFAULT_OFFLINE_SAVE, DEFAULT_STRINGS_DIR)


class ClearingHouseConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # What static-i18n does not hold about a language: {code: {html_lang: …, babel_locale: …}}
    languages = c.Type(dict, default={})
    strings_dir = c.Type(str, default=DEFAULT_STRINGS_DIR)  # relative to mkdocs.yml; build data, never published
    directory_file = c.Type(str, default=DEFAULT_DIRECTORY_FILE)  # relative to docs_dir; published
    glossary_file = c.Type(str, default=DEFAULT_GLOSSARY_FILE)  # relative to docs_dir; published
    contacts_file = c.Type(str, default=DEFAULT_CONTACTS_FILE)  # relative to docs_dir; published

    # Features, each on its own switch.
    sanitize = c.Type(bool, default=True)  # page bodies lose scripts, event handlers, javascript: links
    escape_front_matter = c.Type(bool, default=True)  # title / description are text, never HTML
    cross_references = c.Type(bool, default=True)  # id: links, act panel, "Referenced by", JSON-LD, the check
    content = c.Type(bool, default=True)  # directory, glossary, contacts, listings, citations, abbreviations
    translations = c.Type(bool, default=True)  # fallbacks to the original, notices, switcher, status page
    search = c.Type(bool, default=True)  # one prebuilt index per language, the project's worker
    # Where search sections come from: each page's Markdown tree as it renders, or its HTML parsed
    # again as Material's search does (the same index files; "html" is the reference tests compare with).
    search_sections = c.Choice(("markdown", "html"), default="markdown")
    cyrillic_edition = c.Type(bool, default=True)  # the editions `languages` generates (sr-cyrl from sr): HTML twins
    compact_navigation = c.Type(bool, default=True)  # a section with an index page shows only that page
    reproducible_dates = c.Type(bool, default=True)  # a page's date is its last_reviewed
    accessibility = c.Type(bool, default=True)  # names Material leaves out (search dialog, menu and search checkboxes)
    phone_tables = c.Type(bool, default=True)  # every cell of a table with a header row carries its column's name
    link_titles = c.Type(bool, default=True)  # headings' and footnotes' link titles in the reader's language
    drop_language_alternates = c.Type(bool, default=True)  # no <link rel=alternate hreflang>: no sitemap.xml look-ups
    not_found_pages = c.Type(bool, default=True)  # each language its own 404 page, in its own folder
    asset_bundle = c.Type(bool, default=True)  # one project stylesheet, content-hashed names, scripts where used
    template_cache = c.Type(bool, default=True)  # compiled templates shared by every language and rebuild
    release_pages = c.Type(bool, default=True)  # a written page's HTML and Markdown are let go
    # "Save for offline reading": the control on every page here; sw.js and the manifests are
    # written by scripts/site/build.py after MkDocs (scripts/site/channels.py)
    offline_save = c.Type(bool, default=DEFAULT_OFFLINE_SAVE)
    # one Kiwix file (ZIM) per language in downloads/: written by scripts/site/build.py after
    # MkDocs; nothing in the plugin reads it (it is declared so that MkDocs accepts it)
    kiwix_files = c.Type(bool, default=DEFAULT_KIWIX_FILES)
    page_metadata = c.Type(bool, default=True)  # description = summary, canonical link, Open Graph
    citation = c.Type(bool, default=True)  # "How to cite this page" and the citation meta tags
    open_data = c.Type(bool, default=True)  # catalogues, relations, feeds, data descriptions, the Data page's tables
    sitemap = c.Type(bool, default=True)  # per-language sitemaps (with an address) and robots.txt, in MkDocs' place
