"""Wiring the project's search into Material: its worker setting, the browser files, file:// support.

Material (9.8) starts the search worker named by the "search" key of its page configuration
(`<script id="__config">`) and talks to it in four messages (SETUP, READY, QUERY, RESULT).
`with_search_worker` rewrites that key to the project's worker (overrides/assets/search/worker.js),
which answers the same messages from the prebuilt index of the page's language. Material's own
search plugin stays enabled, for its search box, with every page excluded: its index is empty.

Files this writes into a built site's assets/search/, minified (rjsmin), from the sources in
overrides/assets/search/ (which are not published as they are):
- search.js: lunr.js 2.3.9 as shipped in the installed mkdocs package (not vendored; its licence
  comment kept), the folding rules of folding.json, and the engine (ENGINE_MODULES), one file;
- worker.js (Material's worker, which loads search.js and index.<lang>.js) and loader.js (on every
  page: starts the worker only when the reader opens the search; file:// support);
- text.js: the folding rules and text.js alone, for the directory filter (the same folding);
and search/search_index.js: Material's (empty) index for file://, where its bundle loads it by <script>.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import rjsmin
from jinja2 import pass_context
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils.templates import url_filter

from scripts.mkdocs_adapter.upstream import LUNR_JS, LUNR_VERSION, MATERIAL_CONFIG, current_language
from scripts.search.folding import FOLDING_FILE
from scripts.search.index import INDEX_DIR

SOURCES = FOLDING_FILE.parent  # overrides/assets/search/
WORKER = (INDEX_DIR / "worker.js").as_posix()
FOLDING_GLOBAL = "crchSearchFolding"
TEXT_MODULE = "text.js"  # folding and tokenising: the directory filter needs it alone
ENGINE_MODULES = (TEXT_MODULE, "restore.js", "query.js", "results.js", "messages.js")  # in load order
ENTRY_SCRIPTS = ("worker.js", "loader.js")
# The source files of overrides/assets/search/ that the site gets only minified and bundled.
BUNDLED_SOURCES = frozenset(ENGINE_MODULES + ENTRY_SCRIPTS + ("folding.json", "language.json"))
LICENCE_COMMENT = re.compile(r"\A\s*(/\*\*.*?\*/)", re.DOTALL)


@pass_context
def with_search_worker(context, config_html: str) -> Markup:
    """Material's page configuration with the project's worker for the page's language.

    Used as `{{ super() | with_search_worker }}` in the config block of overrides/main.html.
    Fails the build if Material's configuration cannot be found (e.g. after a theme upgrade)
    rather than silently falling back to Material's own search.
    """
    match = MATERIAL_CONFIG.search(str(config_html))
    if not match:
        raise PluginError("search: Material's <script id=\"__config\"> was not found; update scripts/mkdocs_adapter/upstream.py")
    settings = json.loads(match.group(2))
    if "search" not in settings:
        raise PluginError("search: Material's page configuration has no 'search' (worker) key; update scripts/mkdocs_adapter/upstream.py")
    language = current_language(context["config"])
    settings["search"] = f"{url_filter(context, WORKER)}?lang={language}"
    page_config = str(config_html)
    settings_json = str(htmlsafe_json_dumps(settings))  # as Material's `| tojson` writes it
    return Markup(page_config[: match.start(2)] + settings_json + page_config[match.end(2):])


def minified(source: str) -> str:
    return rjsmin.jsmin(source).strip() + "\n"


def lunr_script() -> str:
    """lunr.js from the installed mkdocs package, minified, with its licence comment kept first."""
    source = LUNR_JS.read_text(encoding="utf-8")
    if f'lunr.version = "{LUNR_VERSION}"' not in source:
        raise PluginError(f"search: {LUNR_JS} is not lunr.js {LUNR_VERSION}; pin mkdocs==1.6.1")
    licence = LICENCE_COMMENT.match(source)
    if not licence or "@license" not in licence.group(1):
        raise PluginError(f"search: {LUNR_JS} no longer starts with its licence comment; update scripts/search_worker.py")
    return f"{licence.group(1)}\n{minified(source)}"


def folding_script() -> str:
    rules = json.loads(FOLDING_FILE.read_text(encoding="utf-8"))
    return f"globalThis.{FOLDING_GLOBAL}={json.dumps(rules, ensure_ascii=False, separators=(',', ':'))};\n"


def browser_files() -> dict[str, str]:
    """{file name in assets/search/: text} of every search script the site serves."""
    module = {name: minified((SOURCES / name).read_text(encoding="utf-8")) for name in ENGINE_MODULES + ENTRY_SCRIPTS}
    return {
        "search.js": lunr_script() + folding_script() + "".join(module[name] for name in ENGINE_MODULES),
        TEXT_MODULE: folding_script() + module[TEXT_MODULE],
        **{name: module[name] for name in ENTRY_SCRIPTS},
    }


def write_browser_files(site_dir: Path) -> None:
    """The search scripts (browser_files) into the site's assets/search/."""
    target = Path(site_dir) / INDEX_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name, text in browser_files().items():
        (target / name).write_text(text, encoding="utf-8")


def write_offline_material_index(site_dir: Path, material_index_json: str) -> None:
    """search/search_index.js: what Material's bundle loads instead of search_index.json on file://.

    Material's index must be empty (every page is excluded from it): a page in it would mean
    a second, merged index of every language was being shipped.
    """
    if json.loads(material_index_json).get("docs"):
        raise PluginError("search: Material's own search index is not empty; every page must be excluded from it")
    path = Path(site_dir) / "search" / "search_index.js"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"var __index = {material_index_json};\n", encoding="utf-8")
