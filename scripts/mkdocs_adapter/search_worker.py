"""Wiring the project's search into Material: its worker setting, the browser files, file:// support.

Material (9.8) starts the search worker named by the "search" key of its page configuration
(`<script id="__config">`) and talks to it in four messages (SETUP, READY, QUERY, RESULT).
`with_search_worker` rewrites that key to the project's worker (overrides/assets/search/worker.js),
which answers the same messages from the prebuilt index of the page's language. Material's own
search plugin stays enabled, for its search box, with every page excluded: its index is empty.

Files this writes into a built site: the search scripts of scripts/search/browser_files.py (the
engine, minified) into assets/search/, and
search/search_index.js, Material's (empty) index for file://, where its bundle loads it by <script>.
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import pass_context
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils.templates import url_filter

from scripts.mkdocs_adapter.upstream import MATERIAL_CONFIG, current_language
from scripts.search.browser_files import WORKER_SCRIPT, browser_files
from scripts.search.index_files import INDEX_DIR

WORKER = (INDEX_DIR / WORKER_SCRIPT).as_posix()


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


def write_browser_files(site_dir: Path) -> None:
    """The search scripts (scripts/search/browser_files.py) into the site's assets/search/."""
    files = browser_files()
    target = Path(site_dir) / INDEX_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
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
