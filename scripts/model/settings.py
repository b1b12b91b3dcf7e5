"""The project's settings as the core uses them: the project plugin's options in mkdocs.yml.

    plugins:
      - clearing-house:
          languages: {sr: {html_lang: sr-Latn, babel_locale: sr_Latn}}   # see scripts/model/languages.py
          strings_dir: overrides/strings           # interface strings, relative to mkdocs.yml
          directory_file: data/municipal-offices.yml   # data files, relative to docs/
          glossary_file: data/glossary.yml

and the site's address, MkDocs' own `site_url` (scripts/model/site_address.py). A build gets them from the plugin's typed configuration (scripts/mkdocs_adapter/config.py, whose
defaults are the ones below); the command-line tools read mkdocs.yml with `project_settings`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.model.languages import PROJECT_PLUGIN, Languages, plugin_settings, read_config
from scripts.model.project import CONFIG_FILE
from scripts.model.site_address import SiteAddress

DEFAULT_STRINGS_DIR = "overrides/strings"
DEFAULT_DIRECTORY_FILE = "data/municipal-offices.yml"
DEFAULT_GLOSSARY_FILE = "data/glossary.yml"


@dataclass(frozen=True)
class Settings:
    languages: Languages
    strings_dir: Path  # absolute
    directory_file: str  # inside the docs folder
    glossary_file: str
    address: SiteAddress = SiteAddress()  # the site's public address (site_url), when it has one

    @classmethod
    def from_config(cls, config: dict[str, Any], config_dir: Path) -> Settings:
        """From a whole mkdocs.yml read as data (`config_dir`: the folder it is in)."""
        own = plugin_settings(config, PROJECT_PLUGIN)
        return cls(Languages.from_config(config), Path(config_dir) / own.get("strings_dir", DEFAULT_STRINGS_DIR),
                   own.get("directory_file", DEFAULT_DIRECTORY_FILE), own.get("glossary_file", DEFAULT_GLOSSARY_FILE),
                   SiteAddress.parse(config.get("site_url")))


@functools.lru_cache(maxsize=None)
def project_settings(config_file: Path = CONFIG_FILE) -> Settings:
    """The settings of the project's mkdocs.yml, for the command-line tools (a build takes them from
    its own configuration)."""
    return Settings.from_config(read_config(config_file), Path(config_file).parent)
