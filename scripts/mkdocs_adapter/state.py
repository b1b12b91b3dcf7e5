"""What one build shares, held by the plugin: read once, in the build's first on_config.

mkdocs-static-i18n builds the other languages inside the default language's build, with the same
configuration object, so one `BuildState` serves every language of a build; `mkdocs serve` makes
a new configuration (and a new plugin) for each rebuild, so nothing of a build outlives it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from mkdocs.exceptions import PluginError

from scripts.checks.problems import Problem, errors
from scripts.cyrillic.text import Work as EditionWork
from scripts.model.contacts import Contact, load_contacts
from scripts.model.directory import Municipality, load_directory
from scripts.model.documents import Corpus, Document, load_corpus
from scripts.model.glossary import Term, load_glossary
from scripts.model.languages import SITE_TEXTS, LanguageError, Languages
from scripts.model.settings import Settings
from scripts.model.site_address import AddressError, SiteAddress
from scripts.model.strings import Strings, load_strings
from scripts.render.reader import Reader
from scripts.search.index import Section
from scripts.search.sections import SectionsExtension, TreeSection, Work

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.assets import BuiltAssets
from scripts.mkdocs_adapter.navigation import CompactNavigation

log = logging.getLogger("mkdocs.plugins.clearing_house")


@dataclass
class BuildState:
    config: Any  # the MkDocs configuration of the build (the same object for every language)
    settings: Settings
    corpus: Corpus
    strings: Strings
    read_problems: list[Problem]  # strings files that could not be read (they stop the build)
    municipalities: list[Municipality] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    contacts: list[Contact] | None = None  # None: the site has no contacts file
    search_sections: list[Section] = field(default_factory=list)  # of the language being built
    sections_cutter: SectionsExtension | None = None  # in every page's Markdown (search_sections: markdown)
    search_work: Work = field(default_factory=Work)  # what cutting the language's sections cost, counted
    # src_uri -> (sections, heading ids) the cutter took from a page's Markdown tree, until its context
    tree_sections: dict[str, tuple[list[TreeSection], int]] = field(default_factory=dict)
    navigation: CompactNavigation | None = None  # of the language being built, opened page by page
    assets: BuiltAssets = field(default_factory=BuiltAssets)  # the hashed stylesheet and scripts, once per build
    # The Cyrillic edition (cyrillic.py): runs of text each page keeps in Latin (by page URL, the
    # source language being built), and the work, twins and warnings of the whole build.
    kept_latin: dict[str, frozenset[str]] = field(default_factory=dict)
    edition_work: EditionWork = field(default_factory=EditionWork)
    edition_pages: int = 0
    edition_warnings: int = 0
    open_data_written: bool = False  # the open-data files are written once per build, by its first language

    @classmethod
    def read(cls, config: Any, options: Any) -> BuildState:
        config_dir = Path(config.config_file_path or ".").resolve().parent
        try:
            languages = Languages.from_settings(upstream.i18n_languages(config), options.languages,
                                                {key: config[key] for key in SITE_TEXTS})
            address = SiteAddress.parse(config.site_url)
        except (LanguageError, AddressError) as error:
            raise PluginError(f"{config.config_file_path}: {error}") from None
        settings = Settings(languages, config_dir / options.strings_dir, options.directory_file, options.glossary_file,
                            options.offline_save, options.kiwix_files, options.contacts_file, address)
        strings, problems = load_strings(settings.strings_dir)
        return cls(config, settings, load_corpus(Path(config.docs_dir), languages), strings, problems)

    def load_data(self) -> list[Problem]:
        """Read the directory, the glossary and the contacts, if there are any (once per build); their problems."""
        docs_dir = Path(self.config.docs_dir)
        self.municipalities, found = load_directory(docs_dir / self.settings.directory_file)
        self.terms, more = load_glossary(docs_dir / self.settings.glossary_file, self.settings.languages)
        contacts_path = docs_dir / self.settings.contacts_file
        if contacts_path.exists():
            self.contacts, wrong = load_contacts(contacts_path, self.settings.languages)
            more += wrong
        return found + more

    def document_for(self, page: Any) -> Document | None:
        """The document behind a MkDocs page (for a fallback page: the original it is built from)."""
        language, _, rel_path = document_path(page).partition("/")
        return self.corpus.by_path(language, rel_path)

    def reader_for(self, page: Any) -> Reader:
        """The reader of a page of the language being built."""
        rel_path = page.file.src_uri.partition("/")[2]
        return Reader(self.corpus, self.strings, upstream.current_language(self.config), page.url, rel_path,
                      self.settings.address)


def document_path(page: Any) -> str:
    """'sr/guides/x.md': the file a page is built from, inside docs/. A fallback the translations
    feature adds names its original in `fallback_src_uri`; static-i18n's own fallbacks keep the
    original's `src_uri` (an upstream fact: scripts/mkdocs_adapter/upstream.py)."""
    return page.file.fallback_src_uri if "fallback_src_uri" in vars(page.file) else page.file.src_uri


def fail_on(problems: Sequence[Problem], what: str) -> None:
    """Stop the build with every error, each naming file, line and fix.

    Warnings are logged at INFO level: in strict mode a logged WARNING would fail the build,
    and warnings (an orphan page, a long sentence) must not.
    """
    found = errors(problems)
    for problem in problems:
        if problem not in found:
            log.info(str(problem))
    if found:
        listing = "\n".join(str(p) for p in sorted(found))
        raise PluginError(f"{len(found)} {what} error(s):\n{listing}")
