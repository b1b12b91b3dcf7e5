"""What the files made from a built site read besides it, and their one command-line shape.

The Kiwix files (scripts/site/zim.py) and the booklet (scripts/site/booklet.py) are made from a
built site folder, for one language each; they also need the build's configuration (which
languages, the site's name in each), its documents (which pages are written in a language, their
titles and summaries) and the interface strings. `SiteSources.read(config_file)` reads them once,
from the same mkdocs.yml the site was built with, without MkDocs.

A generated edition (the Serbian Cyrillic one, sr-cyrl) is a part of the site like a language:
its texts are its source language's as its twin pages show them (`converted`: transliterated by
scripts/cyrillic/), its pages the source's documents at the edition's addresses (`pages`).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import Any, Callable, Sequence

from scripts.cyrillic.latin_spans import strip_markers
from scripts.cyrillic.strings import transliterate_string
from scripts.model.documents import Corpus, Document, load_corpus
from scripts.model.languages import I18N_PLUGIN, Language, Languages, SiteTexts, plugin_settings, read_config, site_texts
from scripts.model.project import CONFIG_FILE, ROOT
from scripts.model.settings import Settings
from scripts.model.strings import Strings, load_strings

# The site's name in files is its English name: readable in every language's file manager.
FILE_NAME_LANGUAGE = "en"


@dataclass(frozen=True)
class PageText:
    """A document as one part of the site shows it (scripts/site/sources.py, SiteSources.pages)."""

    site_path: str  # its address there, from the site root: 'sr-cyrl/guides/x/'
    title: str
    summary: str
    document: Document  # the document it is written from (for an edition, its source's)


@dataclass(frozen=True)
class SiteSources:
    config: dict[str, Any]  # the mkdocs.yml, read as data
    settings: Settings
    corpus: Corpus
    strings: Strings

    @classmethod
    def read(cls, config_file: Path = CONFIG_FILE) -> SiteSources:
        config_file = Path(config_file).resolve()
        config = read_config(config_file)
        settings = Settings.from_config(config, config_file.parent)
        docs_dir = config_file.parent / config.get("docs_dir", "docs")
        return cls(config, settings, load_corpus(docs_dir, settings.languages), load_strings(settings.strings_dir)[0])

    @property
    def languages(self) -> Languages:
        """The languages a build of this configuration writes (see `built_languages`)."""
        return built_languages(self.config, self.settings.languages)

    def part(self, code: str) -> Language:
        """A language or generated edition of the build ('sr', 'sr-cyrl')."""
        return self.languages.language_or_edition(code)

    def source(self, code: str) -> str:
        """The language whose pages and texts a part of the site shows: its own, or for a
        generated edition the one it is made from ('sr-cyrl' -> 'sr')."""
        return self.part(code).generated_from or code

    def converted(self, code: str, text: str) -> str:
        """A text of the source language as the part `code` shows it: without the editor's {lat}
        markers, and for the Serbian Cyrillic edition in Cyrillic (scripts/cyrillic/), as its
        twin pages show it; {placeholders} are kept."""
        if self.part(code).generated_from:
            return transliterate_string(text)
        return strip_markers(text)

    def t(self, key: str, code: str) -> str:
        """An interface string in the part `code` of the site."""
        return self.converted(code, self.strings.t(key, self.source(code)))

    def texts(self, language: str) -> SiteTexts:
        texts = site_texts(self.config, self.source(language))
        return SiteTexts(*(self.converted(language, text) for text in astuple(texts)))

    def pages(self, code: str) -> list[PageText]:
        """The documents written in this part of the site (its source language's, for an edition),
        each as that part shows it: its address there, title and summary."""
        part = self.part(code)
        source = self.languages[self.source(code)]
        return [PageText(part.prefix + doc.site_path[len(source.prefix):], self.converted(code, doc.title),
                         self.converted(code, doc.summary), doc)
                for doc in self.corpus.in_language(source.code)]

    def file_name(self) -> str:
        """The site's name in file names: 'community-rights-clearing-house'."""
        return file_name_of_site(self.config)


def built_languages(config: dict[str, Any], languages: Languages) -> Languages:
    """The languages a build writes, and where: all of them, or, when static-i18n's
    `build_only_locale` names one (CRCH_ONLY_LANGUAGE, as `make serve LANG=sr` sets it), that one
    alone, at the site root."""
    only = plugin_settings(config, I18N_PLUGIN).get("build_only_locale")
    return Languages((replace(languages[only], default=True),)) if only in languages else languages


def file_name_of_site(config: dict[str, Any] | None = None) -> str:
    """The English site name as a file name ('community-rights-clearing-house'): the same whichever
    language a reader starts from."""
    text = site_texts(config if config is not None else read_config(), FILE_NAME_LANGUAGE).site_name
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def channel_parser(description: str, files: str) -> argparse.ArgumentParser:
    """The arguments of the commands that make files from a built site (scripts.site.zim, scripts.site.booklet)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist", help=f"where the {files} go (default: dist/)")
    parser.add_argument("--config-file", type=Path, default=CONFIG_FILE,
                        help="the mkdocs.yml the site was built with (default: mkdocs.yml)")
    parser.add_argument("--language", action="append", help="only this language (repeatable; default: every one)")
    return parser


def chosen_languages(parser: argparse.ArgumentParser, args: argparse.Namespace, sources: SiteSources) -> list[str]:
    """The --language values, each a language or generated edition of the site (else the
    parser's usage error); by default every one."""
    codes = tuple(part.code for part in sources.languages.with_editions)
    for code in args.language or []:
        if code not in codes:
            parser.error(f"--language {code}: not a language of the site (use {', '.join(codes)})")
    return list(args.language or codes)


def run_channel(make: Callable[[], Sequence[Path]], errors: tuple[type[Exception], ...]) -> int:
    """Make the files, print each with its size; a problem is one line on stderr and exit code 1."""
    try:
        paths = make()
    except errors as error:
        print(error, file=sys.stderr)
        return 1
    for path in paths:
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    return 0
