"""Every internal of MkDocs, Material for MkDocs and mkdocs-static-i18n the project relies on, named once.

Public plugin API (events, `BasePlugin`, `config_options`, `PluginError`) is used where it is
imported; what follows is what their documentation does not promise. Each is used directly (no
`getattr(…, default)`), and each is guarded: `check_at_start` runs when a build starts (the
installed versions are the ones these were verified against, and the objects below still have the
shape used here), and the markup tripwires raise where the markup is read. A changed upstream
therefore stops the build with a message naming this file, instead of a site that quietly lost
its language or its search.

| internal | used for | guarded by |
|---|---|---|
| static-i18n `I18n.current_language` | the language being built (its nested per-language builds) | `check_at_start`, `current_language` |
| static-i18n `I18n.default_language`, `.all_languages`, `.config.languages` (each with `locale`, `name`, `default`, `site_name`, `site_description`) | the site's languages and their site names; building a fallback file | `check_at_start` |
| static-i18n `folder.create_i18n_file(file, language, default, all, config)` | a page missing in a language, built from its original | `check_at_start` (signature) |
| static-i18n `File.norm_src_uri` | which page it chose for each path of a language | `chosen_pages` |
| static-i18n: its fallback files keep the original's `src_uri` | which document a page is | `document_path` |
| static-i18n sets the switcher's links as the attribute `config.extra.alternate` (per page), none when `I18n.extra_alternate` is empty (one language built) | relative and marked switcher links, their `hreflang` (`lang`) | `check_at_start`, `page_alternates` |
| static-i18n: other languages are built inside the default language's `on_post_build` | per-build state; releasing written pages | `plugin.py` priorities |
| Material `search` plugin: `.search_index.generate_search_index(None)` | its (empty) index for file:// | `check_at_start`, `material_search_index` |
| Material `plugins.search.plugin.Parser`, `SearchIndex.create_entry_for_section`, `.entries` | search sections as Material splits them | `check_at_start` |
| Material's page configuration `<script id="__config" …>` with a `search` key | naming the project's worker | `search_worker.with_search_worker` |
| Material's search dialog `<div class="md-search" data-md-component="search" role="dialog">` | naming the dialog | `SEARCH_DIALOG` in `pages.name_search_dialog` |
| Material prints `page.meta.title` / `.description` and the switcher's `alt.name` unescaped | escaping front matter; marking the switcher | (behaviour; tests/browser/test_hostile_content.py) |
| lunr.js inside the mkdocs package (`contrib/search/templates/search/lunr.js`) | the browser's lunr | `check_at_start` (version line) |
| MkDocs `Page.toc` / `AnchorLink`, `.content` / `.markdown` / `.title`, `.update_date` | the status page's TOC, releasing written pages, the page's date | (attributes of public classes) |
| MkDocs `Page.canonical_url`, which Material prints as `<link rel="canonical">` (static-i18n sets it from `site_url`) | canonical links (a fallback page's is its original's) | tests/site/test_site_address.py, test_metadata_build.py |
| MkDocs writes no file for a static template whose output is empty | no sitemap.xml of MkDocs or static-i18n (the project writes its own) | tests/site/test_open_data.py |
| Material prints `page.meta.description` as the meta description | the summary as description | tests/site/test_open_data.py |
| Material's script fetches a `sitemap.xml` next to every `<link rel="alternate">` of a page | the feed link only with an address, beside that language's sitemap | tests/site/test_site_address.py |
| MkDocs' Jinja environment (`env.bytecode_cache`, `url_filter`) | compiled templates shared; the worker's URL | (public Jinja API) |
"""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import mkdocs
from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION  # the lunr.js the index is written for
from material.plugins.search.plugin import Parser, SearchIndex
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs_static_i18n import folder
from mkdocs_static_i18n.plugin import I18n

from scripts.model.project import REQUIREMENTS_FILE

HERE = "scripts/mkdocs_adapter/upstream.py"
# The versions every internal in this file was read against. Upgrading one: re-read what the table
# above names in the new version, adapt this file, then update the pin here and in requirements.txt.
VERIFIED_VERSIONS = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1", "mkdocs-static-i18n": "1.3.1"}
I18N_PLUGIN = "i18n"
MATERIAL_SEARCH_PLUGIN = "material/search"
LUNR_JS = Path(mkdocs.__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"
MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
CREATE_I18N_FILE_PARAMETERS = ["file", "current_language", "default_language", "all_languages", "config"]


def changed(what: str) -> PluginError:
    return PluginError(f"{what}: the upstream internal this project relies on has changed; "
                       f"see the table in {HERE}")


def check_versions() -> None:
    """The installed MkDocs, Material and static-i18n are the versions the internals were verified against."""
    for package, verified in VERIFIED_VERSIONS.items():
        installed = version(package)
        if installed != verified:
            raise PluginError(f"{package} {installed} is installed, but {HERE} was verified against {verified}: "
                              f"run `make` to install the pinned versions ({REQUIREMENTS_FILE.name}), or re-verify "
                              "the internals it lists and update VERIFIED_VERSIONS")


def check_at_start(config: Any) -> None:
    """Everything below still has the shape the adapter uses (run in the first on_config of a build)."""
    check_versions()
    i18n = i18n_plugin(config)
    for name in ("current_language", "default_language", "all_languages", "config", "extra_alternate"):
        if not hasattr(i18n, name):
            raise changed(f"mkdocs-static-i18n's plugin has no '{name}'")
    if list(inspect.signature(folder.create_i18n_file).parameters) != CREATE_I18N_FILE_PARAMETERS:
        raise changed("mkdocs-static-i18n's folder.create_i18n_file")
    search = config.plugins.get(MATERIAL_SEARCH_PLUGIN)
    if search is None:
        raise PluginError(f"mkdocs.yml must enable '{MATERIAL_SEARCH_PLUGIN}' (its search box and result list are used)")
    for owner, name in ((SearchIndex, "create_entry_for_section"), (SearchIndex, "generate_search_index"),
                        (Parser, "feed")):
        if not callable(getattr(owner, name, None)):
            raise changed(f"Material's search {owner.__name__}.{name}")
    if f'lunr.version = "{LUNR_VERSION}"' not in LUNR_JS.read_text(encoding="utf-8"):
        raise changed(f"{LUNR_JS} is not lunr.js {LUNR_VERSION}")


# --------------------------------------------------------------------------- mkdocs-static-i18n


def i18n_plugin(config: Any) -> I18n:
    plugin = config.plugins.get(I18N_PLUGIN)
    if not isinstance(plugin, I18n):
        raise PluginError(f"mkdocs.yml must enable mkdocs-static-i18n as '{I18N_PLUGIN}' (the project's languages)")
    return plugin


def current_language(config: Any) -> str:
    """The language static-i18n is building now (it builds one language after the other)."""
    language = i18n_plugin(config).current_language
    if not isinstance(language, str):
        raise changed("mkdocs-static-i18n's current_language is not set")
    return language


def i18n_languages(config: Any) -> list[dict[str, Any]]:
    """static-i18n's languages as mkdocs.yml gives them (locale, name, default, the site's name
    and description in that language)."""
    return [{"locale": entry.locale, "name": entry.name, "default": entry.default,
             "site_name": entry.site_name, "site_description": entry.site_description}
            for entry in i18n_plugin(config).config.languages]


def fallback_file(rel_path: str, language: str, config: Any) -> File:
    """A file at `language`'s path for `rel_path`, as static-i18n makes the files of a language."""
    i18n = i18n_plugin(config)
    plain = File(f"{language}/{rel_path}", config.docs_dir, config.site_dir, config.use_directory_urls)
    return folder.create_i18n_file(plain, language, i18n.default_language, i18n.all_languages, config)


def chosen_pages(files: Files) -> dict[str, File]:
    """The page static-i18n chose for each path of the language being built ('acts/x.md' -> file)."""
    chosen = {}
    for file in files.documentation_pages():
        if "norm_src_uri" not in vars(file):
            raise changed(f"mkdocs-static-i18n no longer sets norm_src_uri (on {file.src_uri})")
        chosen[file.norm_src_uri] = file
    return chosen


def page_alternates(config: Any) -> list[dict[str, Any]]:
    """The language switcher's entries for the page being built ({lang, name, link}): static-i18n
    sets them per page as an attribute of `config.extra`, which is what the templates read. It has
    no switcher (`extra_alternate` empty) when it builds one language only (`make serve LANG=sr`)."""
    if not i18n_plugin(config).extra_alternate:
        return []
    if "alternate" not in vars(config.extra):
        raise changed("mkdocs-static-i18n no longer sets config.extra.alternate for each page")
    return config.extra.alternate


# --------------------------------------------------------------------------- Material


def material_search_index(config: Any) -> str:
    """Material's own search index of the language just built, as JSON (every page is excluded from it)."""
    return config.plugins[MATERIAL_SEARCH_PLUGIN].search_index.generate_search_index(None)


def material_sections(page: Any, html: str) -> list[dict[str, str]]:
    """The search sections ({location, title, text}) Material's parser makes of a page's HTML."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    material = SearchIndex()
    for section in parser.data:
        if not section.is_excluded():
            material.create_entry_for_section(section, page.toc, page.url, page)
    return material.entries
