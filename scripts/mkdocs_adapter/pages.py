"""Small things a build does to every page, each for a reason of the host (MkDocs, Material, static-i18n):

- front matter is data: Material prints a page's `title` and `description` as HTML (in <title>,
  the header, the navigation of every page), so they are escaped before any template sees them;
- a page's date is its `last_reviewed`, never the day of the build (sitemap.xml, reproducible);
- Material's search dialog gets an accessible name in the page's language (axe: aria-dialog-name),
  and so do the hidden checkboxes that open the phone menu and the search box: the stylesheet lets
  Tab reach them on narrow screens (Space opens and closes), showing their focus on the header's
  buttons (a <label>, which may carry no role or name of its own);
- the head has no `<link rel="alternate" hreflang>`: Material's script takes each for the root of
  a language's site and fetches `sitemap.xml` under it (to keep the reader on the same page when
  switching language), and static-i18n points them at the page's own translations, so every page
  view asked for one missing `…/sitemap.xml` per language. The switcher's links (`<a hreflang>`)
  and, with an address, the sitemaps (`xhtml:link hreflang`, scripts/render/sitemap.py) still name
  every translation;
- the titles Markdown's extensions write into a page (a heading's permanent link, a footnote's
  link back to the text) are in the language being built: they are options of the extensions,
  which MkDocs applies afresh to every page it converts;
- `crch_t`, the templates' filter for the project's interface strings (overrides/404.html);
- each language link's `hreflang` is the `lang` of the page it leads to (`sr-Latn`, `sr-Cyrl`), not
  static-i18n's code (`sr`);
- language links are relative to the site root ('/sr/' -> 'sr/'), so MkDocs' `url` filter makes
  them relative to each page and the site works in a sub-folder and from disk;
- the interface strings (overrides/strings/*.yml, in the theme folder) are build data, not published.
"""

from __future__ import annotations

from typing import Any, Callable

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState

STRINGS_FOLDER = "strings/"  # the theme folder's interface strings, as MkDocs' theme files name them


def without_build_data(files: Any) -> Any:
    """The site's files minus the theme folder's interface strings, which the build reads and
    readers never need."""
    for file in [f for f in files if f.src_uri.startswith(STRINGS_FOLDER)]:
        files.remove(file)
    return files


def escape_front_matter(page: Any) -> None:
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = str(escape(page.meta[key]))


def date_from_last_reviewed(page: Any, state: BuildState) -> None:
    document = state.document_for(page)
    if document is not None:
        page.update_date = str(document.meta["last_reviewed"])


def _named(html: str, element: str, constant: str, where: str, name: Callable[[], str]) -> str:
    """The page with Material's `element` (a start tag: `constant` in upstream.py) given a name."""
    if element not in html:
        raise PluginError(f"accessibility: Material's {element} was not found in {where}; "
                          f"update {constant} in scripts/mkdocs_adapter/upstream.py")
    return html.replace(element, element[:-1] + f' aria-label="{escape(name())}">', 1)


def name_search_dialog(html: str, where: str, state: BuildState) -> str:
    """The page with Material's search dialog named in the language being built."""
    return _named(html, upstream.SEARCH_DIALOG, "SEARCH_DIALOG", where,
                  lambda: state.strings.t("search.dialog", upstream.current_language(state.config)))


TOGGLE_NAMES = {"drawer": "page.menu", "search": "page.search"}  # Material's toggle -> interface string


def name_toggles(html: str, where: str, state: BuildState) -> str:
    """The page with the checkboxes of the phone menu and of the search box named in the language
    being built (the stylesheet lets Tab reach them on narrow screens)."""
    for toggle in upstream.MATERIAL_TOGGLES:
        html = _named(html, upstream.MATERIAL_TOGGLE.format(name=toggle), "MATERIAL_TOGGLE", where,
                      lambda toggle=toggle: state.strings.t(TOGGLE_NAMES[toggle], upstream.current_language(state.config)))
    return html


def without_language_alternates(head: Any) -> Markup:
    """The page head without Material's language alternates (`{{ super() | … }}` of block site_meta)."""
    head = upstream.LANGUAGE_ALTERNATE.sub("", str(head))
    if upstream.ANY_LANGUAGE_ALTERNATE.search(head):
        raise PluginError('Material\'s <link rel="alternate" hreflang> changed: update LANGUAGE_ALTERNATE in '
                          "scripts/mkdocs_adapter/upstream.py")
    return Markup(head)


# Markdown extension -> (its option, the interface string); footnotes wants its %d for the footnote's number
EXTENSION_TITLES = {"toc": ("permalink_title", "page.permalink"), "footnotes": ("BACKLINK_TITLE", "page.footnote-back")}


def localize_link_titles(config: Any, state: BuildState) -> None:
    """The extensions' link titles in the language being built (before its pages are converted)."""
    language = upstream.current_language(config)
    for extension, (option, key) in EXTENSION_TITLES.items():
        if extension in config.markdown_extensions:
            config.mdx_configs.setdefault(extension, {})[option] = state.strings.t(key, language)


def strings_filter(state: BuildState):
    """`{{ "not-found.title" | crch_t | e }}`: an interface string in the language being built (not escaped)."""

    @pass_context
    def crch_t(context: Any, key: str) -> str:
        return state.strings.t(key, upstream.current_language(context["config"]))

    return crch_t


def make_alternates_relative(state: BuildState) -> None:
    """Language links relative to the site root (static-i18n leaves its absolute '/sr/' on home
    pages, '/crch/sr/' when the site's address is in a sub-folder)."""
    root = state.settings.address.path
    for alternate in upstream.page_alternates(state.config):
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = (link[len(root):] if link.startswith(root) else link.lstrip("/")) or "./"


def hreflang_of_text(state: BuildState) -> None:
    """Each language link's `hreflang` is the `lang` of the page it leads to ('sr-Latn', not
    static-i18n's 'sr'). Runs after the translations feature, which looks the entries up by their
    language code, and after the Cyrillic edition joins the switcher."""
    languages = state.settings.languages
    for alternate in upstream.page_alternates(state.config):
        if alternate.get("lang") in languages:
            alternate["lang"] = languages[alternate["lang"]].html_lang
