"""The document model: every Markdown page of docs/, read once, with its front matter and line numbers.

Every check, hook and generator works on a `Corpus` from `load_corpus` (or `load_cached` inside a
build), so the front matter is parsed in one place and every message can name a file and a line.

    python -m scripts.documents            # schema check of docs/ (also part of `make check`)
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

import yaml

from scripts.problems import Problem, display_path, main_exit, run_check

try:  # libyaml is several times faster; the pure-Python loader gives the same result.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

LANGUAGES = ("sq", "sr", "en")
DEFAULT_LANGUAGE = "sq"
LANGUAGE_NAMES = {"sq": "Shqip", "sr": "Srpski", "en": "English"}

ACT_TYPES = ("constitution", "law", "regulation", "decision", "strategy", "action-plan", "declaration")
NUMBERED_ACT_TYPES = ("law", "regulation", "decision")
DOCUMENT_TYPES = ACT_TYPES + ("institution", "guide", "directory", "page")
STATUSES = ("in-force", "repealed", "expired", "unknown")
TRANSLATION_STATUSES = ("machine", "reviewed")
TAGS = ("education", "housing", "employment", "discrimination", "return", "language", "participation", "children")
COMMUNITIES = ("all", "roma", "ashkali", "egyptian", "serb", "bosniak", "turkish", "gorani")
RELATION_NAMES = ("based_on", "implements", "amends", "amended_by", "replaces", "replaced_by", "related")
DATE_FIELDS = ("date_adopted", "date_published", "date_in_force", "date_expires")
REQUIRED_FIELDS = ("id", "type", "title", "summary", "last_reviewed")
UNKNOWN = "unknown"
# Metadata an editor may flag as not confirmed by a cited source (`unverified: [issuer]`).
UNVERIFIABLE_FIELDS = ("number", "issuer") + DATE_FIELDS + ("status",)

KEBAB_CASE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER_FENCE = "---"


@dataclass
class Document:
    """One page in one language: where it is, its front matter and its Markdown body."""

    language: str
    path: Path  # the file on disk
    rel_path: str  # path inside the language folder, e.g. "acts/regulation-02-2010.md"
    meta: dict[str, Any]
    body: str
    body_line: int  # line number of the first body line in the file
    key_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> line number

    @property
    def id(self) -> str:
        value = self.meta.get("id")
        return value if isinstance(value, str) else ""

    @property
    def type(self) -> str:
        value = self.meta.get("type")
        return value if isinstance(value, str) else ""

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or "")

    @property
    def summary(self) -> str:
        return str(self.meta.get("summary") or "")

    @property
    def cited_sources(self) -> dict[str, dict[str, Any]]:
        """The page's sources that have an `id`, which the body cites as `[^id]` (see scripts/citations.py)."""
        sources = self.meta.get("sources")
        if not isinstance(sources, list):
            return {}
        return {s["id"]: s for s in sources if isinstance(s, dict) and isinstance(s.get("id"), str)}

    @property
    def is_act(self) -> bool:
        return self.type in ACT_TYPES

    @property
    def translation(self) -> dict[str, Any] | None:
        """The `translation` block of a translated page; None on a page written in its own language."""
        value = self.meta.get("translation")
        return value if isinstance(value, dict) else None

    @property
    def source_language(self) -> str:
        """The language this page was written from (its own language when it is an original)."""
        block = self.translation
        return str(block.get("source")) if block and block.get("source") else self.language

    @functools.cached_property  # resolving the path is the costly part of a report on many pages
    def display_path(self) -> str:
        return display_path(self.path)

    @property
    def site_path(self) -> str:
        """The page's URL path relative to the site root (directory URLs): '', 'sr/', 'en/acts/x/'."""
        return site_path(self.rel_path, self.language)

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, or the first line of the file when the key is absent."""
        return self.key_lines.get(key, 1)

    def problem(self, key: str | None, message: str, **kwargs: Any) -> Problem:
        line = self.line_of(key) if key else 1
        return Problem(self.display_path, line, message, **kwargs)


def site_path(rel_path: str, language: str) -> str:
    """URL path, relative to the site root, of the page at rel_path in a language tree: 'sr/acts/x/'.

    Also where a page of another language's tree is served as a fallback (mkdocs-static-i18n).
    """
    stem = rel_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix + stem.lstrip("/")


@dataclass
class Corpus:
    """All documents of a docs folder, indexed by language, ID and path."""

    docs_dir: Path
    documents: list[Document]
    problems: list[Problem]  # files that could not be read as documents at all

    def __post_init__(self) -> None:
        self._by_id: dict[tuple[str, str], Document] = {}
        self._by_path: dict[tuple[str, str], Document] = {}
        for doc in self.documents:
            self._by_id.setdefault((doc.language, doc.id), doc)
            self._by_path[(doc.language, doc.rel_path)] = doc

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def in_language(self, language: str) -> list[Document]:
        return [doc for doc in self.documents if doc.language == language]

    def get(self, language: str, doc_id: str) -> Document | None:
        return self._by_id.get((language, doc_id))

    def by_path(self, language: str, rel_path: str) -> Document | None:
        return self._by_path.get((language, rel_path))

    def ids(self) -> list[str]:
        return sorted({doc.id for doc in self.documents if doc.id})

    def versions(self, doc_id: str) -> dict[str, Document]:
        """The language versions of one document, by language."""
        found = {lang: self.get(lang, doc_id) for lang in LANGUAGES}
        return {lang: doc for lang, doc in found.items() if doc is not None}


# --------------------------------------------------------------------------- reading


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line of the first body line), or None when the file has no front matter."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None


def parse_front_matter(source: str, first_line: int = 2) -> tuple[dict[str, Any], dict[str, int]]:
    """YAML front matter as a dict, plus the file line of each top-level key. Raises yaml.YAMLError."""
    loader = SafeLoader(source)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + first_line
            if isinstance(value_node, yaml.MappingNode):  # nested keys and list items: 'relations.based_on.0'
                for sub_key, sub_value in value_node.value:
                    dotted = f"{key_node.value}.{sub_key.value}"
                    key_lines[dotted] = sub_key.start_mark.line + first_line
                    if isinstance(sub_value, yaml.SequenceNode):
                        for index, item in enumerate(sub_value.value):
                            key_lines[f"{dotted}.{index}"] = item.start_mark.line + first_line
    return data, key_lines


def read_document(path: Path, language: str, rel_path: str) -> tuple[Document | None, list[Problem]]:
    """Read one Markdown file; a file that cannot be a document gives a problem instead."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(shown, 1, f"not UTF-8 text ({error.reason}): save the file as UTF-8")]
    parts = split_front_matter(text)
    if parts is None:
        return None, [
            Problem(
                shown,
                1,
                "no front matter: start the file with a '---' line, the fields "
                f"({', '.join(REQUIRED_FIELDS)}) and a closing '---' line",
            )
        ]
    source, body, body_line = parts
    try:
        meta, key_lines = parse_front_matter(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error)
        return None, [
            Problem(shown, line, f"front matter is not valid YAML ({reason}): check quotes, colons and indentation")
        ]
    if not isinstance(meta, dict):
        return None, [Problem(shown, 2, "front matter must be a mapping of 'key: value' lines")]
    return Document(language, path, rel_path, meta, body, body_line, key_lines), []


def markdown_files(docs_dir: Path) -> list[Path]:
    """The Markdown files under docs_dir, never through a symbolic link (scripts/docs_tree.py refuses them)."""
    found = []
    for folder, _, names in os.walk(docs_dir):  # os.walk does not enter linked folders
        for name in names:
            path = Path(folder) / name
            if name.endswith(".md") and not path.is_symlink() and path.is_file():
                found.append(path)
    return sorted(found)


def load_corpus(docs_dir: Path, languages: Sequence[str] = LANGUAGES) -> Corpus:
    """Read every Markdown page under docs_dir/<language>/ once."""
    docs_dir = Path(docs_dir)
    documents: list[Document] = []
    problems: list[Problem] = []
    for path in markdown_files(docs_dir):
        parts = path.relative_to(docs_dir).parts
        if parts[0] not in languages:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    f"page outside a language folder: move it under docs/{DEFAULT_LANGUAGE}/ (or sr/, en/)",
                )
            )
            continue
        doc, found = read_document(path, parts[0], "/".join(parts[1:]))
        problems.extend(found)
        if doc is not None:
            documents.append(doc)
    return Corpus(docs_dir, documents, problems)


_cache: dict[Path, tuple[tuple, Corpus]] = {}


def load_cached(docs_dir: Path) -> Corpus:
    """The corpus for a build: re-read only when a Markdown file was added, removed or changed.

    MkDocs (and mkdocs-static-i18n, once per language) calls the hooks many times per build;
    they all share this one corpus.
    """
    docs_dir = Path(docs_dir).resolve()
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in markdown_files(docs_dir))
    cached = _cache.get(docs_dir)
    if cached is None or cached[0] != signature:
        cached = (signature, load_corpus(docs_dir))
        _cache[docs_dir] = cached
    return cached[1]


# --------------------------------------------------------------------------- schema


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _text(doc: Document, key: str) -> list[Problem]:
    value = doc.meta.get(key)
    if not isinstance(value, str) or not value.strip():
        return [doc.problem(key, f"'{key}' must be non-empty text")]
    return []


def _one_of(doc: Document, key: str, allowed: Sequence[str]) -> list[Problem]:
    value = doc.meta.get(key)
    if value not in allowed:
        return [doc.problem(key, f"'{key}' must be one of {', '.join(allowed)} (got {value!r})")]
    return []


def _date(doc: Document, key: str, allow_unknown: bool) -> list[Problem]:
    value = doc.meta.get(key)
    if _is_date(value) or (allow_unknown and value == UNKNOWN):
        return []
    also = f" or '{UNKNOWN}'" if allow_unknown else ""
    return [doc.problem(key, f"'{key}' must be a date like 2010-03-31{also} (got {value!r})")]


def _sources(doc: Document) -> list[Problem]:
    value = doc.meta.get("sources")
    hint = "a list of entries with 'title' and, where there is one, 'url' (official text first)"
    if not isinstance(value, list) or not value:
        return [doc.problem("sources", f"'sources' must be {hint}")]
    problems = []
    seen_ids: set[str] = set()
    for number, source in enumerate(value, 1):
        if not isinstance(source, dict) or not isinstance(source.get("title"), str):
            problems.append(doc.problem("sources", f"'sources' entry {number} needs a 'title': {hint}"))
            continue
        if "url" in source and not re.match(r"^https?://\S+$", str(source["url"])):
            problems.append(
                doc.problem("sources", f"'sources' entry {number}: 'url' must start with https:// or http://")
            )
        if "id" in source:
            source_id = source["id"]
            if not (isinstance(source_id, str) and KEBAB_CASE.match(source_id)):
                problems.append(doc.problem("sources", f"'sources' entry {number}: 'id' must be kebab-case like 'gazette' "
                                            f"(got {source_id!r}); the body cites it as [^gazette]"))
            elif source_id in seen_ids:
                problems.append(doc.problem("sources", f"'sources' entry {number}: id '{source_id}' is used twice: "
                                            "give each source its own id"))
            seen_ids.add(source_id if isinstance(source_id, str) else "")
    return problems


def _id_list(doc: Document, key: str, value: Any) -> list[Problem]:
    if not isinstance(value, list) or not all(isinstance(v, str) and KEBAB_CASE.match(v) for v in value):
        return [doc.problem(key, f"'{key.removeprefix('relations.')}' must be a list of document IDs like [regulation-02-2010]")]
    return []


def check_document(doc: Document) -> list[Problem]:
    """The front-matter contract of one page (see README, 'Front matter')."""
    meta = doc.meta
    problems: list[Problem] = []
    for key in REQUIRED_FIELDS:
        if key not in meta:
            problems.append(doc.problem(None, f"'{key}' is missing: add '{key}:' to the front matter"))
    if "id" in meta and not (isinstance(meta["id"], str) and KEBAB_CASE.match(meta["id"])):
        problems.append(doc.problem("id", f"'id' must be kebab-case like 'regulation-02-2010' (got {meta['id']!r})"))
    if "type" in meta:
        problems += _one_of(doc, "type", DOCUMENT_TYPES)
    for key in ("title", "summary"):
        if key in meta:
            problems += _text(doc, key)
    if "last_reviewed" in meta:
        problems += _date(doc, "last_reviewed", allow_unknown=False)
    for key in DATE_FIELDS:
        if key in meta:
            problems += _date(doc, key, allow_unknown=True)
    if "status" in meta:
        problems += _one_of(doc, "status", STATUSES)
    if "tags" in meta:
        tags = meta["tags"]
        if not isinstance(tags, list) or any(tag not in TAGS for tag in tags):
            problems.append(doc.problem("tags", f"'tags' must be a list of: {', '.join(TAGS)}"))
    if "communities" in meta:
        communities = meta["communities"]
        if not isinstance(communities, list) or any(c not in COMMUNITIES for c in communities):
            problems.append(doc.problem("communities", f"'communities' must be a list of: {', '.join(COMMUNITIES)}"))
    if "sources" in meta:
        problems += _sources(doc)
    if "unverified" in meta:
        flagged = meta["unverified"]
        if not isinstance(flagged, list) or any(f not in UNVERIFIABLE_FIELDS or f not in meta for f in flagged):
            problems.append(
                doc.problem(
                    "unverified",
                    f"'unverified' must list fields of this page that no source confirms, from: {', '.join(UNVERIFIABLE_FIELDS)}",
                )
            )
    if "relations" in meta:
        relations = meta["relations"]
        if not isinstance(relations, dict):
            problems.append(doc.problem("relations", f"'relations' must map {', '.join(RELATION_NAMES)} to ID lists"))
        else:
            for name, targets in relations.items():
                where = f"relations.{name}" if f"relations.{name}" in doc.key_lines else "relations"
                if name not in RELATION_NAMES:
                    problems.append(
                        doc.problem(where, f"unknown relation '{name}': use one of {', '.join(RELATION_NAMES)}")
                    )
                else:
                    problems += _id_list(doc, where, targets)
    if doc.is_act:
        problems += _act_fields(doc)
    if "translation" in meta:
        problems += _translation(doc)
    return problems


def _act_fields(doc: Document) -> list[Problem]:
    meta = doc.meta
    problems = []
    if doc.type in NUMBERED_ACT_TYPES and "number" not in meta:
        problems.append(doc.problem(None, f"a {doc.type} needs 'number' (e.g. '02/2010', '03/L-047')"))
    if "number" in meta and not (isinstance(meta["number"], str) and meta["number"].strip()):
        problems.append(doc.problem("number", "'number' must be text in quotes, e.g. number: \"02/2010\""))
    for key in ("issuer", "status", "sources"):
        if key not in meta:
            problems.append(doc.problem(None, f"a {doc.type} needs '{key}'"))
    if "issuer" in meta:
        problems += _text(doc, "issuer")
    if not any(key in meta for key in DATE_FIELDS):
        problems.append(
            doc.problem(None, f"a {doc.type} needs 'date_adopted' and/or 'date_published' (a date, or '{UNKNOWN}')")
        )
    return problems


def _translation(doc: Document) -> list[Problem]:
    block = doc.meta["translation"]
    others = [lang for lang in LANGUAGES if lang != doc.language]
    if not isinstance(block, dict):
        return [doc.problem("translation", "'translation' must be a mapping with 'source' and 'status'")]
    problems = []
    if block.get("source") not in others:
        problems.append(
            doc.problem("translation", f"'translation.source' must be one of {', '.join(others)} (got {block.get('source')!r})")
        )
    if block.get("status") not in TRANSLATION_STATUSES:
        problems.append(
            doc.problem(
                "translation",
                f"'translation.status' must be one of {', '.join(TRANSLATION_STATUSES)} (got {block.get('status')!r})",
            )
        )
    if "source_hash" in block and not isinstance(block["source_hash"], str):
        problems.append(doc.problem("translation", "'translation.source_hash' must be text"))
    return problems


def duplicate_ids(corpus: Corpus) -> list[Problem]:
    """Two pages of one language with the same ID (one pass over the corpus)."""
    first: dict[tuple[str, str], Document] = {}
    problems = []
    for doc in corpus:
        if not doc.id:
            continue
        seen = first.setdefault((doc.language, doc.id), doc)
        if seen is not doc:
            problems.append(
                doc.problem(
                    "id",
                    f"duplicate id '{doc.id}': also used by {seen.display_path}:{seen.line_of('id')}; "
                    "give each document its own id",
                )
            )
    return problems


def check_schema(corpus: Corpus) -> list[Problem]:
    """Every schema problem of a corpus: unreadable files, broken front matter, duplicate IDs."""
    problems = list(corpus.problems)
    for doc in corpus:
        problems += check_document(doc)
    problems += duplicate_ids(corpus)
    return [Problem(p.path, p.line, p.message, p.severity, p.check or "schema") for p in problems]


def check_docs_dir(docs_dir: Path) -> list[Problem]:
    return check_schema(load_corpus(docs_dir))


def main(argv: Sequence[str] | None = None) -> int:
    return run_check(argv, "Check the front matter of every page against the project's schema.", check_docs_dir)


if __name__ == "__main__":
    main_exit(main)
