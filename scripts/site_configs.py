"""MkDocs configurations for building another docs folder: this project's, and the plain set-up.

- `write_project_config`: the project's own mkdocs.yml (theme, hooks, plugins) with another docs and
  site folder, so tests and benchmarks exercise exactly what `make build` runs.
- `write_plain_config`: what a site would use without this project's work: Material for MkDocs with
  mkdocs-static-i18n (folder structure, the same three languages), Material's search plugin and every
  other option at its default (static-i18n's `reconfigure_search` on, no hooks, no extra features).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from scripts.documents import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from scripts.problems import ROOT


class _ProjectConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does: `!ENV [NAME, default]` is the variable's value, else the default."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    *names, default = loader.construct_sequence(node)
    return next((os.environ[name] for name in names if os.environ.get(name)), default)


_ProjectConfigLoader.add_constructor("!ENV", _environment_value)


def project_config(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """The project's mkdocs.yml (or another config file) as a dict (`!ENV` values read from the
    environment now)."""
    return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_ProjectConfigLoader)


LANGUAGE_TEXTS = ("site_name", "site_description", "copyright")


def language_texts(language: str, config: dict | None = None) -> dict[str, str]:
    """The site's name, description and copyright line in a language: mkdocs-static-i18n's values
    for that language in mkdocs.yml, else the top-level ones (the default language's)."""
    config = config or project_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    own = next((lang for lang in i18n["languages"] if lang["locale"] == language), {})
    return {key: own.get(key) or config.get(key, "") for key in LANGUAGE_TEXTS}


def _write(directory: Path, config: dict) -> Path:
    path = Path(directory) / "mkdocs.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_project_config(directory: Path, docs_dir: Path, site_dir: Path, only_language: str | None = None,
                         **overrides) -> Path:
    """A mkdocs.yml in `directory` equal to the project's but for the docs and site folders
    (and, with only_language, building that language alone, as CRCH_ONLY_LANGUAGE does)."""
    config = project_config()
    config.update(docs_dir=str(docs_dir), site_dir=str(site_dir))
    if only_language is not None:
        i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
        i18n["build_only_locale"] = only_language
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config.update(overrides)
    return _write(directory, config)


def plain_config(docs_dir: Path, site_dir: Path) -> dict:
    """Material + mkdocs-static-i18n as their documentation sets them up, for the same three languages."""
    languages = [
        {"locale": language, "name": LANGUAGE_NAMES[language], "build": True, "default": language == DEFAULT_LANGUAGE}
        for language in LANGUAGES
    ]
    return {
        "site_name": "Community Rights Clearing House",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"name": "material"},
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": languages}}],
    }


def write_plain_config(directory: Path, docs_dir: Path, site_dir: Path) -> Path:
    """A mkdocs.yml in `directory` for the plain set-up (see `plain_config`)."""
    return _write(directory, plain_config(docs_dir, site_dir))
