"""MkDocs configurations for building another docs folder: this project's, and the plain set-up.

- `write_project_config`: the project's own mkdocs.yml (theme, plugins) with another docs and site
  folder, so tests and benchmarks exercise exactly what `make build` runs (the tests' tiny sites
  switch the Kiwix files off: tests/support/sites.py).
- `write_plain_config`: what a site would use without this project's work: Material for MkDocs with
  mkdocs-static-i18n (folder structure, the same languages), Material's search plugin and every
  other option at its default (static-i18n's `reconfigure_search` on, no project plugin).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.model.languages import I18N_PLUGIN, PROJECT_PLUGIN, plugin_settings, read_config
from scripts.model.project import ROOT
from scripts.model.settings import DEFAULT_STRINGS_DIR, project_settings


def _write(directory: Path, config: dict) -> Path:
    path = Path(directory) / "mkdocs.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_project_config(directory: Path, docs_dir: Path, site_dir: Path, only_language: str | None = None,
                         plugin_options: dict | None = None, **overrides) -> Path:
    """A mkdocs.yml in `directory` equal to the project's but for the docs and site folders
    (and, with only_language, building that language alone, as CRCH_ONLY_LANGUAGE does;
    plugin_options replace options of the clearing-house plugin, overrides top-level keys).
    Paths the project's file gives relative to itself are made absolute."""
    config = read_config()  # the project's mkdocs.yml, `!ENV` values read from the environment now
    config.update(docs_dir=str(docs_dir), site_dir=str(site_dir))
    if only_language is not None:
        plugin_settings(config, I18N_PLUGIN)["build_only_locale"] = only_language
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    own = plugin_settings(config, PROJECT_PLUGIN)
    own["strings_dir"] = str(ROOT / own.get("strings_dir", DEFAULT_STRINGS_DIR))
    own.update(plugin_options or {})
    config.update(overrides)
    return _write(directory, config)


def plain_config(docs_dir: Path, site_dir: Path) -> dict:
    """Material + mkdocs-static-i18n as their documentation sets them up, for the same languages."""
    languages = [
        {"locale": language.code, "name": language.name, "build": True, "default": language.default}
        for language in project_settings().languages
    ]
    return {
        "site_name": "Community Rights Clearing House",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"name": "material"},
        "plugins": ["search", {I18N_PLUGIN: {"docs_structure": "folder", "languages": languages}}],
    }


def write_plain_config(directory: Path, docs_dir: Path, site_dir: Path) -> Path:
    """A mkdocs.yml in `directory` for the plain set-up (see `plain_config`)."""
    return _write(directory, plain_config(docs_dir, site_dir))
