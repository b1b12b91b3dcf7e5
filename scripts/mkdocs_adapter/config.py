"""The project plugin's typed configuration (`plugins: - clearing-house:` in mkdocs.yml).

Every option has a default, so `- clearing-house` alone builds the site as the project does; the
defaults of the paths are the core's (scripts/model/settings.py), which the command-line tools use.
Each feature can be switched off on its own (to find which one changes a page, or while porting);
the document model, its schema check and the per-build state are always there.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from scripts.model.settings import DEFAULT_DIRECTORY_FILE, DEFAULT_GLOSSARY_FILE, DEFAULT_STRINGS_DIR


class ClearingHouseConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # What static-i18n does not hold about a language: {code: {html_lang: …, babel_locale: …}}
    languages = c.Type(dict, default={})
    strings_dir = c.Type(str, default=DEFAULT_STRINGS_DIR)  # relative to mkdocs.yml; build data, never published
    directory_file = c.Type(str, default=DEFAULT_DIRECTORY_FILE)  # relative to docs_dir; published
    glossary_file = c.Type(str, default=DEFAULT_GLOSSARY_FILE)  # relative to docs_dir; published

    # Features, each on its own switch.
    sanitize = c.Type(bool, default=True)  # page bodies lose scripts, event handlers, javascript: links
    escape_front_matter = c.Type(bool, default=True)  # title / description are text, never HTML
    cross_references = c.Type(bool, default=True)  # id: links, act panel, "Referenced by", JSON-LD, the check
    content = c.Type(bool, default=True)  # directory, glossary, listings, citations, abbreviations
    translations = c.Type(bool, default=True)  # fallbacks to the original, notices, switcher, status page
    search = c.Type(bool, default=True)  # one prebuilt index per language, the project's worker
    compact_navigation = c.Type(bool, default=True)  # a section with an index page shows only that page
    reproducible_dates = c.Type(bool, default=True)  # a page's date is its last_reviewed
    accessibility = c.Type(bool, default=True)  # names Material leaves out (the search dialog)
    template_cache = c.Type(bool, default=True)  # compiled templates shared by every language and rebuild
    release_pages = c.Type(bool, default=True)  # a written page's HTML and Markdown are let go
    page_metadata = c.Type(bool, default=True)  # description = summary, canonical link, Open Graph
    citation = c.Type(bool, default=True)  # "How to cite this page" and the citation meta tags
    open_data = c.Type(bool, default=True)  # catalogues, relations, feeds, data descriptions, the Data page's tables
    sitemap = c.Type(bool, default=True)  # per-language sitemaps (with an address) and robots.txt, in MkDocs' place
