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
| static-i18n sets the switcher's links as the attribute `config.extra.alternate` (per page), none when `I18n.extra_alternate` is empty (one language built, at the site root) | relative and marked switcher links, their `hreflang` (`lang`); where a 404 page goes | `check_at_start`, `page_alternates`, `builds_one_language` |
| static-i18n: other languages are built inside the default language's `on_post_build` | per-build state; releasing written pages | `plugin.py` priorities |
| static-i18n `I18n.extra_alternate`: the site-wide switcher (each language's home page), copied into `config.extra.alternate` before each page | the 404 pages' switcher (`show_site_switcher`) | `check_at_start` |
| static-i18n builds every language with the one configuration object (`extra_css`, `extra_javascript` stay as the first language left them) and into the one `site_dir` | the bundled assets, rewritten once; each language's 404 page | tests/site/test_assets.py, test_not_found.py |
| static-i18n's `on_files` (-100) handles only files on disk | generated files (the bundled assets) are added after it | `plugin.py` priorities |
| Material `search` plugin: `.search_index.generate_search_index(None)` | its (empty) index for file:// | `check_at_start`, `material_search_index` |
| Material `plugins.search.plugin.Parser`, `SearchIndex.create_entry_for_section`, `.entries` | search sections as Material splits them (a whole page's HTML, or a raw-HTML piece of its Markdown tree: `material_piece_texts`) | `check_at_start` |
| Material's page configuration `<script id="__config" …>` with a `search` key | naming the project's worker | `search_worker.with_search_worker` |
| Material's search toggle `id="__search"` and box `data-md-component="search-query"` | loader.js starts the search when the reader opens them | `check_search_markup` (every page) |
| Material's own search index (`search/search_index.json`) is empty when every page is excluded | file:// copy; proof that no second index ships | `search_worker.write_offline_material_index` |
| MkDocs passes `config["markdown_extensions"]` (a list, which may hold Extension objects) to Markdown for every page | cutting search sections from each page's Markdown tree | `add_markdown_extension`; `search.take_tree_sections` (every page must have been cut) |
| Python-Markdown's private `markdown.serializers._escape_cdata` | a tree's text written as the serialiser writes it | `check_markdown_escape` (at start: there, and escaping as expected) |
| Material's search dialog `<div class="md-search" data-md-component="search" role="dialog">` | naming the dialog | `SEARCH_DIALOG` in `pages.name_search_dialog` |
| Material's checkboxes of the phone menu and the search box (`MATERIAL_TOGGLE`, ids `__drawer`, `__search`) | naming them, reached with Tab on phones (clearing-house.css) | `pages.name_toggles` |
| Material's `<link rel="alternate" href hreflang>` in the head (block `site_meta`), which its script takes for language roots to fetch `sitemap.xml` under | dropping them (`LANGUAGE_ALTERNATE`) | `pages.without_language_alternates` |
| Material's navigation gives the page being read, when it is in the navigation, its table of contents and the `__toc` toggle | the phone menu's table of contents (`navigation.CompactNavigation.show`) | tests/browser/test_phone.py; the ID-reference check of scripts/site/html_audit.py |
| Material's 404.html is rendered with links from the site root | each language's 404 page works at any depth | tests/site/test_nginx.py |
| Material prints `page.meta.title` / `.description` and the switcher's `alt.name` unescaped | escaping front matter; marking the switcher | (behaviour; tests/browser/test_hostile_content.py) |
| MkDocs `Page.toc` / `AnchorLink`, `.content` / `.markdown` / `.title`, `.update_date` | the status page's TOC, releasing written pages, the page's date | (attributes of public classes) |
| MkDocs `Page.canonical_url`, which Material prints as `<link rel="canonical">` (static-i18n sets it from `site_url`) | canonical links (a fallback page's is its original's) | tests/site/test_site_address.py, test_metadata_build.py |
| MkDocs writes no file for a static template whose output is empty | no sitemap.xml of MkDocs or static-i18n (the project writes its own) | tests/site/test_open_data.py |
| Material prints `page.meta.description` as the meta description | the summary as description | tests/site/test_open_data.py |
| Material's script fetches a `sitemap.xml` next to every `<link rel="alternate">` of a page (`new URL("sitemap.xml", link.href)`) | the feed link only with an address, beside that language's sitemap; no hreflang alternates in the head (`pages.without_language_alternates`) | tests/site/test_site_address.py |
| MkDocs' Jinja environment (`env.bytecode_cache`, `url_filter`) | compiled templates shared; the worker's URL | (public Jinja API) |
| MkDocs renders each page's Markdown with `config.mdx_configs` as it is then (after `on_pre_build`) | headings' and footnotes' link titles in the language being built | tests/site/test_page_furniture.py |
| MkDocs renders 404.html and sitemap.xml before the pages, and writes nothing for a template whose output is empty | the navigation collapsed on them; a language's 404 page written to its own folder | tests/site/test_not_found.py |
| MkDocs `ExtraScriptValue.path`, `config.theme.dirs`, `File.generated` | the hashed assets in place of their sources | (public classes) |
| MkDocs `Files.get_file_from_path`, the `File.content_bytes` setter (1.6: the file is then copied from memory) | docs/data/ files published without `{lat}` markers | tests/site/test_open_data.py |
| Material's switcher entry `<a href=… hreflang=… class="md-select__link">` and `<link rel="alternate" href=… hreflang=…>`, the page's own language as `href="./"` | the Cyrillic twin's link back to its Latin page | `SELF_ALTERNATES` in `point_self_alternates` |
| Material's `<link rel="canonical" href="{{ page.canonical_url }}">` (with a `site_url`) | the twin's own address | `with_canonical` |
| Python-Markdown's toc and footnotes write English titles by default (`Permanent link`, `Jump back to footnote 1 in the text`) | marked `lang="en"` outside English pages | `ENGLISH_DEFAULT_TITLE` (nothing to mark once the titles are set per language) |
| MkDocs `File.dest_uri`, `Page.url`, `Page.canonical_url`, `config.site_dir` (the build's own folder) | where a twin is written | `scripts/mkdocs_adapter/cyrillic.py` |
"""

from __future__ import annotations

import inspect
import re
from copy import deepcopy
from importlib.metadata import version
from typing import Any

from markdown import Extension, serializers
from material.plugins.search.plugin import Parser, SearchIndex
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs_static_i18n import folder
from mkdocs_static_i18n.plugin import I18n

from scripts.model.project import REQUIREMENTS_FILE

HERE = "scripts/mkdocs_adapter/upstream.py"
# The versions every internal in this file was read against. Upgrading one: re-read what the table
# above names in the new version, adapt this file, then update the pin here and in requirements.txt.
VERIFIED_VERSIONS = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1", "mkdocs-static-i18n": "1.3.1", "Markdown": "3.11.3"}
I18N_PLUGIN = "i18n"
MATERIAL_SEARCH_PLUGIN = "material/search"
MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# What overrides/assets/search/loader.js looks for (SEARCH_BOX, SEARCH_OPENERS there) in each page.
SEARCH_MARKUP = ('id="__search"', 'data-md-component="search-query"')
# The hidden checkboxes that open Material's phone menu ("drawer") and its search box.
MATERIAL_TOGGLE = '<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
MATERIAL_TOGGLES = ("drawer", "search")
LANGUAGE_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
ANY_LANGUAGE_ALTERNATE = re.compile(r'<link\b[^>]*\bhreflang=')
# A language's entry in Material's switcher (partials/alternate.html) and in <head> (base.html; a
# site may leave the head's out: Material's script fetches a sitemap.xml under each).
SELF_ALTERNATES = ('<a href="{link}" hreflang="{lang}" class="md-select__link">',
                   '<link rel="alternate" href="{link}" hreflang="{lang}">')
CREATE_I18N_FILE_PARAMETERS = ["file", "current_language", "default_language", "all_languages", "config"]


def changed(what: str) -> PluginError:
    return PluginError(f"{what}: the upstream internal this project relies on has changed; "
                       f"see the table in {HERE}")


def check_versions() -> None:
    """The installed MkDocs, Material, static-i18n and Python-Markdown are the versions the internals were verified against."""
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
    check_markdown_escape()


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
    no switcher when it builds one language only (`make serve LANG=sr`)."""
    if builds_one_language(config):
        return []
    if "alternate" not in vars(config.extra):
        raise changed("mkdocs-static-i18n no longer sets config.extra.alternate for each page")
    return config.extra.alternate


def builds_one_language(config: Any) -> bool:
    """static-i18n builds one language only (`build_only_locale`), at the site root: it then has
    no switcher (`extra_alternate` empty)."""
    return not i18n_plugin(config).extra_alternate


def show_site_switcher(config: Any) -> None:
    """The language switcher as static-i18n sets it before pointing it at a page (each language's
    home page), for a page it does not see: 404.html, rendered from a template. Without this the
    404 page shows the switcher of the page built before it. None when one language is built."""
    if not builds_one_language(config):
        config.extra.alternate = deepcopy(i18n_plugin(config).extra_alternate)


# --------------------------------------------------------------------------- Material


# Python-Markdown's English default titles (toc's permalink, footnotes' back-link), which a page in
# another language shows unless the build sets them per language: marked as English, they stay
# English for screen readers and in the Cyrillic twin (which would spell them in Cyrillic letters).
ENGLISH_DEFAULT_TITLE = re.compile(r'(<a class="(?:headerlink|footnote-backref)" href="[^"]*" '
                                   r'title="(?:Permanent link|Jump back to footnote \d+ in the text)")>')


def with_english_default_titles_marked(html: str) -> str:
    return ENGLISH_DEFAULT_TITLE.sub(r'\1 lang="en">', html) if 'title="' in html else html


def point_self_alternates(html: str, language: str, link: str, where: str, expected: bool) -> str:
    """A Cyrillic twin with `language`'s switcher entry and <link rel="alternate"> pointed at `link`
    (in the Latin page they point at the page itself, "./", which in the twin is the twin)."""
    for number, tag in enumerate(SELF_ALTERNATES):
        own = tag.format(link="./", lang=language)
        if expected and html.count(own) != 1 and not (number and own not in html):  # the head's is optional
            raise changed(f"Material's language links in {where} (expected one {own})")
        html = html.replace(own, tag.format(link=link, lang=language), 1)
    return html


def with_search_language(html: str, language: str, edition: str, where: str) -> str:
    """A twin whose Material configuration names the search worker of `edition` (`?lang=sr-cyrl`)."""
    config = MATERIAL_CONFIG.search(html)
    worker = f"?lang={language}\""
    if config is None or worker not in config.group(2):
        raise changed(f"the search worker's ?lang= in Material's configuration of {where}")
    return html[: config.start(2)] + config.group(2).replace(worker, f"?lang={edition}\"", 1) + html[config.end(2):]


def with_canonical(html: str, address: str, twin_address: str, where: str) -> str:
    tag = f'<link rel="canonical" href="{address}">'
    if tag not in html:
        raise changed(f"Material's canonical link in {where}")
    return html.replace(tag, f'<link rel="canonical" href="{twin_address}">', 1)



def material_search_index(config: Any) -> str:
    """Material's own search index of the language just built, as JSON (every page is excluded from it)."""
    return config.plugins[MATERIAL_SEARCH_PLUGIN].search_index.generate_search_index(None)


def material_piece_texts(html: str) -> list[str]:
    """The text of each section (title and text, with Material's kept tags) its parser makes of an
    HTML piece: scripts/search/sections.py hands the raw HTML of a Markdown tree to it."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return ["".join(section.title + section.text) for section in parser.data]


def check_search_markup(html: str, where: str) -> None:
    """The page has the search toggle and box loader.js waits for (else search would load at once)."""
    for markup in SEARCH_MARKUP:
        if markup not in html:
            raise changed(f"{where}: Material's search markup {markup!r} (SEARCH_MARKUP)")


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


# --------------------------------------------------------------------------- MkDocs and Markdown


def check_markdown_escape() -> None:
    """Markdown's private escaping is there and escapes as the sections cutter expects."""
    if not hasattr(serializers, "_escape_cdata") or markdown_escape("a &amp; b<c & d") != "a &amp; b&lt;c &amp; d":
        raise changed("Python-Markdown's serializers._escape_cdata")


def markdown_escape(text: str) -> str:
    """A text of a Markdown tree as Python-Markdown's serialiser writes it (an entity stays one)."""
    return serializers._escape_cdata(text)


def add_markdown_extension(config: Any, extension: Extension) -> None:
    """Have MkDocs render every page with `extension` too (once, whichever language's on_config this is)."""
    extensions = config["markdown_extensions"]
    if not isinstance(extensions, list):
        raise changed("MkDocs' markdown_extensions is no longer a list")
    if extension not in extensions:
        extensions.append(extension)
