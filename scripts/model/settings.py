"""The project's settings as the core uses them: the project plugin's options in mkdocs.yml.

    plugins:
      - clearing-house:
          languages: {sr: {html_lang: sr-Latn, babel_locale: sr_Latn}}   # see scripts/model/languages.py
          strings_dir: overrides/strings           # interface strings, relative to mkdocs.yml
          directory_file: data/municipal-offices.yml   # data files, relative to docs/
          glossary_file: data/glossary.yml
          contacts_file: data/contacts.yml
          offline_save: true                       # "Save for offline reading" (scripts/site/service_worker.py)
          kiwix_files: true                        # one ZIM per language in downloads/ (scripts/site/zim.py)

The last two are made after MkDocs, by the atomic build (scripts/site/build.py, through
scripts/site/channels.py), from the built site; the Kiwix files take seconds, so they are off
unless mkdocs.yml turns them on (the real site does; the tests' tiny sites do not).
The settings also hold the site's address, MkDocs' own `site_url` (scripts/model/site_address.py).

A build gets them from the plugin's typed configuration (scripts/mkdocs_adapter/config.py, whose
defaults are the ones below); the command-line tools read mkdocs.yml with `project_settings`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.model.languages import PROJECT_PLUGIN, Languages, has_plugin, plugin_settings, read_config
from scripts.model.project import CONFIG_FILE
from scripts.model.site_address import SiteAddress

DEFAULT_STRINGS_DIR = "overrides/strings"
DEFAULT_DIRECTORY_FILE = "data/municipal-offices.yml"
DEFAULT_GLOSSARY_FILE = "data/glossary.yml"
DEFAULT_OFFLINE_SAVE = True  # cheap: a manifest per language and sw.js
DEFAULT_KIWIX_FILES = False  # seconds per build: mkdocs.yml turns it on for the real site
DEFAULT_CONTACTS_FILE = "data/contacts.yml"


@dataclass(frozen=True)
class Settings:
    languages: Languages
    strings_dir: Path  # absolute
    directory_file: str  # inside the docs folder
    glossary_file: str
    offline_save: bool = DEFAULT_OFFLINE_SAVE  # the control on every page, and the service worker files
    kiwix_files: bool = DEFAULT_KIWIX_FILES  # downloads/<site>_<language>_all.zim
    contacts_file: str = DEFAULT_CONTACTS_FILE
    address: SiteAddress = SiteAddress()  # the site's public address (site_url), when it has one

    @classmethod
    def from_config(cls, config: dict[str, Any], config_dir: Path) -> Settings:
        """From a whole mkdocs.yml read as data (`config_dir`: the folder it is in)."""
        own = plugin_settings(config, PROJECT_PLUGIN)
        # The plugin off (or not used, as by the plain set-up): no offline control on the pages, so no worker files.
        enabled = has_plugin(config, PROJECT_PLUGIN) and own.get("enabled", True)
        return cls(Languages.from_config(config), Path(config_dir) / own.get("strings_dir", DEFAULT_STRINGS_DIR),
                   own.get("directory_file", DEFAULT_DIRECTORY_FILE), own.get("glossary_file", DEFAULT_GLOSSARY_FILE),
                   bool(enabled and own.get("offline_save", DEFAULT_OFFLINE_SAVE)),
                   bool(enabled and own.get("kiwix_files", DEFAULT_KIWIX_FILES)),
                   own.get("contacts_file", DEFAULT_CONTACTS_FILE),
                   SiteAddress.parse(config.get("site_url")))


@functools.lru_cache(maxsize=None)
def project_settings(config_file: Path = CONFIG_FILE) -> Settings:
    """The settings of the project's mkdocs.yml, for the command-line tools (a build takes them from
    its own configuration)."""
    return Settings.from_config(read_config(config_file), Path(config_file).parent)
