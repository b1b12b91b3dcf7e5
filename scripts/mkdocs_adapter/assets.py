"""The project's stylesheets as one file, its scripts only on the pages that use them, every file
named by its content hash (scripts/site/assets.py has the rules; this puts them into a build).

mkdocs.yml keeps naming the sources (`extra_css`, `extra_javascript`); the first language of a
build reads them from the theme folders, and the configuration (the one object every language of
the build shares) then names the hashed files instead, which every language adds to its files in
place of the sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from scripts.site.assets import PAGE_SCRIPTS, Asset, hashed_script, page_scripts, stylesheet_bundle


@dataclass
class BuiltAssets:
    """The hashed files of a build, and the scripts only some pages load (by source)."""

    files: list[Asset] = field(default_factory=list)
    page_scripts: dict[str, Asset] = field(default_factory=dict)


def _reader(config: Any) -> Callable[[str], bytes]:
    folders = [*config.theme.dirs, config.docs_dir]

    def read(uri: str) -> bytes:
        for folder in folders:
            path = Path(folder) / uri
            if path.is_file():
                return path.read_bytes()
        raise PluginError(f"assets: {uri} (mkdocs.yml or scripts/site/assets.py) is in no theme folder and not in docs/")

    return read


def configure(config: Any) -> BuiltAssets:
    """Once per build: the hashed files, and the configuration naming them instead of their sources."""
    read = _reader(config)
    built = BuiltAssets()
    if config.extra_css:
        bundle = stylesheet_bundle(list(config.extra_css), read)
        config.extra_css = [bundle.uri]
        built.files.append(bundle)
    for number, script in enumerate(config.extra_javascript):
        asset = hashed_script(str(script), read)  # an ExtraScriptValue (path, defer, …) or a plain path
        if isinstance(script, ExtraScriptValue):
            script.path = asset.uri
        else:
            config.extra_javascript[number] = asset.uri
        built.files.append(asset)
    built.page_scripts = {uri: hashed_script(uri, read) for uri in PAGE_SCRIPTS}
    built.files += built.page_scripts.values()
    return built


def with_hashed_files(files: Any, built: BuiltAssets, config: Any) -> Any:
    """The language's files with the hashed files in place of their sources (which are not published)."""
    for asset in built.files:
        for source in asset.sources:
            found = files.get_file_from_path(source)
            if found is not None:
                files.remove(found)
        files.append(File.generated(config, asset.uri, content=asset.content))
    return files


def scripts_of(page: Any, built: BuiltAssets) -> list[str]:
    """The hashed scripts this page loads besides every page's (`crch_page_scripts` in main.html)."""
    return [built.page_scripts[uri].uri for uri in page_scripts(page.content or "")]
