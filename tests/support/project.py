"""The project as the tests see it: its languages (from mkdocs.yml), its interface strings, a
reader of a page, the command line of the checks, and where a built site keeps its Kiwix files."""

from __future__ import annotations

from pathlib import Path

from scripts.checks.all import main as checks_main
from scripts.checks.problems import Problem
from scripts.checks.registry import REGISTRY
from scripts.model.documents import Corpus
from scripts.model.settings import project_settings
from scripts.model.strings import load_strings
from scripts.render.reader import Reader
from scripts.site import zim
from scripts.site.sources import file_name_of_site

SETTINGS = project_settings()
LANGUAGES = SETTINGS.languages.codes
DEFAULT_LANGUAGE = SETTINGS.languages.default.code
STRINGS = load_strings(SETTINGS.strings_dir)[0]
SITE_FILE_NAME = file_name_of_site()  # 'community-rights-clearing-house'


def reader(language: str, corpus: Corpus | None = None, page_url: str = "", page_rel_path: str = "") -> Reader:
    """A reader of `language` (of an empty corpus unless one is given), with the project's strings."""
    corpus = corpus if corpus is not None else Corpus(Path("docs"), [], [], SETTINGS.languages)
    return Reader(corpus, STRINGS, language, page_url, page_rel_path)


def kiwix_file(site_dir: Path, language: str) -> Path:
    """A language's Kiwix file in a built site (downloads/<site>_<language>_all.zim)."""
    return zim.zim_path(Path(site_dir) / zim.DOWNLOADS_DIR, SITE_FILE_NAME, language)


def run_checks(*args: str) -> int:
    """`python -m scripts.checks ARGS` in this process (prints as the command does)."""
    return checks_main(list(args))


def run_named(corpus: Corpus, *names: str) -> list[Problem]:
    """The problems of the checks registered under these names, in this order."""
    return [problem for name in names for problem in REGISTRY[name].run(corpus)]
