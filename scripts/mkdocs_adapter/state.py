"""What the MkDocs hooks share: the corpus of the current build, the reader's language, failing a build.

The hooks in overrides/hooks/ stay thin and call into this module and the feature modules.
"""

from __future__ import annotations

import logging
from typing import Sequence

from mkdocs.exceptions import PluginError

from scripts.model.documents import DEFAULT_LANGUAGE, Corpus, Document, check_schema, load_cached
from scripts.checks.problems import Problem, errors

log = logging.getLogger("mkdocs.plugins.clearing_house")


_build_corpus: list = [None, None]  # [config, corpus] of the build in progress


def corpus(config) -> Corpus:
    """The document model of this build, read once and shared by every hook and every language.

    Hooks call this for every page; checking every file's mtime on each call made a build
    quadratic in the number of documents. So the docs folder is looked at once per MkDocs config:
    one per build (static-i18n reuses it for every language), a new one per `mkdocs serve` rebuild.
    """
    if _build_corpus[0] is not config:
        _build_corpus[:] = [config, load_cached(config["docs_dir"])]
    return _build_corpus[1]


def current_language(config) -> str:
    """The language mkdocs-static-i18n is building now (it builds one language after the other)."""
    i18n = config["plugins"].get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def document_for(page, config) -> Document | None:
    """The document behind a MkDocs page (for a fallback page: the original it falls back to).

    A fallback the translations feature adds sits at the reader's path and names its original in
    `fallback_src_uri` (static-i18n's own fallbacks keep the original's `sq/...` src_uri).
    """
    language, _, rel_path = getattr(page.file, "fallback_src_uri", page.file.src_uri).partition("/")
    return corpus(config).by_path(language, rel_path)


def schema_problems(config) -> list[Problem]:
    """Schema problems of the build's corpus, computed once per corpus (not once per language)."""
    docs = corpus(config)
    if not hasattr(docs, "schema_problems"):
        docs.schema_problems = check_schema(docs)
    return docs.schema_problems


def without_build_data(files):
    """The site's files minus the theme folder's interface strings (overrides/strings/*.yml),
    which hooks read at build time and readers never need."""
    for file in [f for f in files if f.src_uri.startswith("strings/")]:
        files.remove(file)
    return files


def make_alternates_relative(config) -> None:
    """Language links relative to the site root ('/sr/' -> 'sr/'), so MkDocs' `url` filter makes them
    relative to each page: the site then works in a sub-folder of a server and opened from disk.
    (mkdocs-static-i18n leaves its absolute '/sr/' on home pages.)"""
    extra = config["extra"]  # static-i18n sets the page's list as an attribute, which templates read
    for alternate in getattr(extra, "alternate", None) or extra.get("alternate") or []:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = link.lstrip("/") or "./"


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
