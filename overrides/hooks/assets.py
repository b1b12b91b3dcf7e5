"""MkDocs hook: the project's stylesheets as one file, its scripts only on the pages that use them,
every file named by its content hash (see scripts/assets.py)."""

import project_path  # noqa: F401

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from scripts import assets

# hashed uri -> asset. A language build after the first finds extra_css and extra_javascript
# already pointing at these (mkdocs-static-i18n builds every language with the same config).
_built: dict[str, assets.Asset] = {}
_build: dict[str, object] = {"assets": [], "page_scripts": {}}  # the build in progress


def _reader(config):
    folders = [*config.theme.dirs, config.docs_dir]

    def read(uri: str) -> bytes:
        for folder in folders:
            path = Path(folder) / uri
            if path.is_file():
                return path.read_bytes()
        raise PluginError(f"assets: {uri} (mkdocs.yml or scripts/assets.py) is in no theme folder and not in docs/")

    return read


def _remember(asset: assets.Asset) -> assets.Asset:
    _built[asset.uri] = asset
    return asset


def on_config(config):
    read = _reader(config)
    used = []
    if config.extra_css:
        sources = list(config.extra_css)
        bundle = (len(sources) == 1 and _built.get(sources[0])) or _remember(assets.stylesheet_bundle(sources, read))
        config.extra_css = [bundle.uri]
        used.append(bundle)
    for number, script in enumerate(config.extra_javascript):
        path = str(script)  # an ExtraScriptValue (path, defer, …) or a plain path
        asset = _built.get(path) or _remember(assets.hashed_script(path, read))
        if isinstance(script, ExtraScriptValue):
            script.path = asset.uri
        else:
            config.extra_javascript[number] = asset.uri
        used.append(asset)
    page_scripts = {uri: assets.hashed_script(uri, read) for uri in assets.PAGE_SCRIPTS}
    _build.update(assets=used + list(page_scripts.values()), page_scripts=page_scripts)
    return config


@event_priority(-300)  # after mkdocs-static-i18n (-100), which cannot take files generated in memory
def on_files(files, config):
    """The hashed files in place of their sources (which are not published)."""
    for asset in _build["assets"]:
        for source in asset.sources:
            found = files.get_file_from_path(source)
            if found is not None:
                files.remove(found)
        files.append(File.generated(config, asset.uri, content=asset.content))
    return files


def on_page_context(context, page, config, nav):
    scripts = _build["page_scripts"]
    context["crch_page_scripts"] = [scripts[uri].uri for uri in assets.page_scripts(page.content or "")]
    return context
