"""The translation state of every document in every language, computed in one pass over the corpus.

A document is written in one language, its *original* (the version without a `translation` block).
Every other version says where it comes from and what the original looked like when a translator
last confirmed it:

    translation: {source: sq, status: machine, source_hash: "3f2a9c0d1e4b5a67"}

`source_hash` is the hash of the original's title, summary and body with all whitespace runs
collapsed, so re-wrapping a paragraph or adding blank lines does not make translations stale.

States of one document in one language (`TranslationReport.entries`):

- `original`    the version the others are translated from;
- `ok`          a reviewed translation in step with its original;
- `unreviewed`  a machine translation in step with its original (readers see a note);
- `unconfirmed` a translation without `source_hash`: a translator must confirm it is in step
                (`python -m scripts.tools.confirm_translations PATH`), after which it is `ok`
                or `unreviewed`; until then nobody can tell whether it is stale, so it counts as
                not up to date;
- `stale`       the original changed since `source_hash` was recorded;
- `missing`     no version in this language (readers get the original with a notice);
- `orphan`      a translation whose original does not exist (an error).

Problems (`TranslationReport.problems`): errors for orphans and for translation blocks that do
not fit together (two originals, a source that is itself a translation, versions at different
paths or with different IDs); warnings for structure drift (a translation with a different number
of headings, links or list items than its original).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from scripts.checks.problems import ERROR, WARNING, Problem
from scripts.model.documents import Corpus, Document
from scripts.model.markdown_scan import heading_lines, list_item_lines
from scripts.model.links import find_links
from scripts.model.project import display_path
from scripts.model.served import original_of

CHECK = "translations"
HASH_LENGTH = 16

ORIGINAL, OK, UNREVIEWED, UNCONFIRMED, STALE, MISSING, ORPHAN = (
    "original", "ok", "unreviewed", "unconfirmed", "stale", "missing", "orphan",
)
STATES = (ORIGINAL, OK, UNREVIEWED, UNCONFIRMED, STALE, MISSING, ORPHAN)
UP_TO_DATE = (ORIGINAL, OK, UNREVIEWED)  # readable in this language and in step with the original
REVIEWED = (ORIGINAL, OK)
TODO_STATES = (ORPHAN, MISSING, STALE, UNCONFIRMED, UNREVIEWED)  # most urgent first
CONFIRM_COMMAND = "python -m scripts.tools.confirm_translations"


# --------------------------------------------------------------------------- hashing and structure


def normalised_text(doc: Document) -> str:
    """What a translation must follow: title, summary and body, whitespace runs collapsed, NFC."""
    text = unicodedata.normalize("NFC", "\n".join((doc.title, doc.summary, doc.body)))
    return " ".join(text.split())


def source_hash(doc: Document) -> str:
    """The hash a translation records of its original (short hex, always quoted in YAML)."""
    return hashlib.sha256(normalised_text(doc).encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Structure:
    """What a translation must keep from its original: its headings, links and list items."""

    headings: int
    links: int
    list_items: int


def structure(body: str) -> Structure:
    """Counts outside code, as the Markdown scanner sees them (the same links the cross-reference
    check follows, plus autolinks)."""
    return Structure(len(heading_lines(body)), len(find_links(body)), len(list_item_lines(body)))


def drift_message(translation: Structure, original: Structure, original_path: str) -> str:
    """'' when both have the same structure, else which counts differ."""
    names = (("headings", "headings"), ("links", "links"), ("list_items", "list items"))
    differences = [
        f"{getattr(translation, key)} {label} ({getattr(original, key)} in the original)"
        for key, label in names
        if getattr(translation, key) != getattr(original, key)
    ]
    if not differences:
        return ""
    return (
        f"structure differs from {original_path}: {', '.join(differences)}; "
        "translate every heading, link and list item of the original"
    )


# --------------------------------------------------------------------------- the report


@dataclass
class Entry:
    """One document in one language: its state, and what to do about it."""

    doc_id: str
    language: str
    state: str
    path: str  # the page (for a missing page: where it belongs)
    line: int | None  # line of the `translation` block; None for a missing page
    document: Document | None
    original: Document | None
    message: str = ""  # what to do; empty for `original` and `ok`

    @property
    def location(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"

    @property
    def machine(self) -> bool:
        block = self.document.translation if self.document else None
        return bool(block) and block.get("status") == "machine"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.doc_id,
            "language": self.language,
            "state": self.state,
            "path": self.path,
            "line": self.line,
            "original": self.original.display_path if self.original else None,
            "message": self.message,
        }


@dataclass
class TranslationReport:
    entries: list[Entry]
    problems: list[Problem]
    languages: tuple[str, ...]
    _index: dict[tuple[str, str], Entry] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {(e.language, e.doc_id): e for e in self.entries}

    def entry(self, language: str, doc_id: str) -> Entry | None:
        return self._index.get((language, doc_id))

    def in_language(self, language: str) -> list[Entry]:
        return [e for e in self.entries if e.language == language]

    def counts(self, language: str) -> dict[str, int]:
        counts = dict.fromkeys(STATES, 0)
        for entry in self.in_language(language):
            counts[entry.state] += 1
        return counts

    def percent(self, language: str, states: tuple[str, ...] = UP_TO_DATE) -> float:
        """Share of the documents (one decimal) readable in `language` in one of `states`."""
        counts = self.counts(language)
        total = sum(counts.values())
        return round(100 * sum(counts[s] for s in states) / total, 1) if total else 100.0

    def todo(self, language: str) -> list[Entry]:
        """What a translator of `language` has to do, most urgent first, then by path."""
        rank = {state: number for number, state in enumerate(TODO_STATES)}
        found = [e for e in self.in_language(language) if e.state in rank]
        return sorted(found, key=lambda e: (rank[e.state], e.path))

    def summary(self, language: str) -> dict[str, Any]:
        counts = self.counts(language)
        return {
            "documents": sum(counts.values()),
            "up_to_date_percent": self.percent(language),
            "reviewed_percent": self.percent(language, REVIEWED),
            "counts": counts,
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "languages": {
                language: {**self.summary(language), "todo": [e.as_json() for e in self.todo(language)]}
                for language in self.languages
            },
            "problems": [asdict(p) for p in sorted(self.problems)],
        }


def _expected_path(corpus: Corpus, language: str, rel_path: str) -> str:
    return display_path(corpus.docs_dir / language / rel_path)


def _translation_entry(corpus: Corpus, doc: Document, versions: dict[str, Document],
                       original: Document | None, problems: list[Problem]) -> Entry:
    """The state of one translated page (and the problems of its translation block)."""
    block = doc.translation or {}
    where = doc.line_of("translation")
    named = block.get("source")
    source = versions.get(named) if isinstance(named, str) else None

    def error(message: str) -> None:
        problems.append(Problem(doc.display_path, where, message, ERROR, CHECK))

    if source is not None and source.translation is not None:
        if original is not None:
            error(
                f"'translation.source' is {named}, but {source.display_path} is itself a translation; "
                f"set 'source: {original.language}' (the original is {original.display_path})"
            )
        source = original
    if source is None:
        if isinstance(named, str) and named in corpus.languages:
            expected = _expected_path(corpus, named, doc.rel_path)
            namesake = corpus.by_path(named, doc.rel_path)
            if namesake is not None:
                error(f"its source {namesake.display_path} has id '{namesake.id}', not '{doc.id}': "
                      "give every language version the same id")
        else:
            expected = f"the '{named}' version"
        message = (f"orphan: its original {expected} does not exist; restore the original, "
                   "correct 'translation.source', or delete this translation")
        problems.append(Problem(doc.display_path, where, message, ERROR, CHECK))
        return Entry(doc.id, doc.language, ORPHAN, doc.display_path, where, doc, None, message)

    if source.rel_path != doc.rel_path:
        error(f"'{doc.id}' is at {source.display_path} in the original; every language version needs "
              f"the same path: move this file to {_expected_path(corpus, doc.language, source.rel_path)}")
    drift = drift_message(structure(doc.body), structure(source.body), source.display_path)
    if drift:
        problems.append(Problem(doc.display_path, doc.body_line, drift, WARNING, CHECK))

    recorded = block.get("source_hash")
    confirm = f"`{CONFIRM_COMMAND} {doc.display_path}`"
    if recorded is None:
        state, message = UNCONFIRMED, (f"unconfirmed: no 'source_hash' yet; check that it says what "
                                       f"{source.display_path} says, then run {confirm}")
    elif recorded != source_hash(source):
        state, message = STALE, (f"stale: {source.display_path} changed since this translation was "
                                 f"confirmed; bring it in step, then run {confirm}")
    elif block.get("status") == "machine":
        state, message = UNREVIEWED, (f"unreviewed: machine translation of {source.display_path}; "
                                      "have a person review it, then set 'status: reviewed'")
    else:
        state, message = OK, ""
    return Entry(doc.id, doc.language, state, doc.display_path, where, doc, source, message)


def _group_by_id(corpus: Corpus) -> dict[str, dict[str, Document]]:
    """Each ID's versions by language, in the languages' order."""
    groups: dict[str, dict[str, Document]] = {}
    for doc in corpus:
        if doc.id:
            groups.setdefault(doc.id, {}).setdefault(doc.language, doc)
    order = {code: number for number, code in enumerate(corpus.languages.codes)}
    return {doc_id: dict(sorted(versions.items(), key=lambda item: order[item[0]])) for doc_id, versions in groups.items()}


def build_report(corpus: Corpus) -> TranslationReport:
    """Every document's state in every language: one pass to group by ID, one over the groups."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for doc_id, versions in sorted(_group_by_id(corpus).items()):
        original = original_of(versions)
        for other in [doc for doc in versions.values() if doc.translation is None and doc is not original]:
            problems.append(Problem(
                other.display_path, 1,
                f"two originals of '{doc_id}': this page and {original.display_path} have no 'translation' "
                f"block; add 'translation: {{source: {original.language}, status: machine}}' to the one "
                "that is a translation",
                ERROR, CHECK,
            ))
        for language in corpus.languages.codes:
            doc = versions.get(language)
            if doc is None:
                if original is not None:
                    path = _expected_path(corpus, language, original.rel_path)
                    message = (f"missing: translate {original.display_path} and save it here with "
                               f"'translation: {{source: {original.language}, status: machine}}', "
                               f"then run `{CONFIRM_COMMAND} {path}`")
                    entries.append(Entry(doc_id, language, MISSING, path, None, None, original, message))
            elif doc.translation is None:
                entries.append(Entry(doc_id, language, ORIGINAL, doc.display_path, None, doc, doc))
            else:
                entries.append(_translation_entry(corpus, doc, versions, original, problems))
    return TranslationReport(entries, problems, corpus.languages.codes)


def report_for(corpus: Corpus) -> TranslationReport:
    """The report of a corpus, computed once (a build asks for it once per language and page)."""
    return corpus.derived("translation-report", lambda: build_report(corpus))
