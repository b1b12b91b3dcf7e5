"""The document model: every Markdown page of docs/, read once, with its front matter and line numbers.

Every check, generator and page of a build works on one `Corpus` from `load_corpus`, so the front
matter is parsed in one place (scripts/model/yaml_reader.py) and every message can name a file
and a line. What is derived from a corpus (the translation report, each language's relation graph,
the checks' results) is computed once per corpus through `Corpus.derived`.
"""

from __future__ import annotations

import os

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from scripts.checks.problems import Problem
from scripts.model.languages import Languages
from scripts.model.markdown_scan import Destination, link_destinations
from scripts.model.project import display_path
from scripts.model.schema import ACT_TYPES, REQUIRED_FIELDS
from scripts.model.settings import project_settings
from scripts.model.yaml_reader import YamlProblem, decode, parse

FRONT_MATTER_FENCE = "---"
T = TypeVar("T")


@dataclass
class Document:
    """One page in one language: where it is, its front matter and its Markdown body."""

    language: str  # the language's code, e.g. "sr"
    path: Path  # the file on disk
    rel_path: str  # path inside the language folder, e.g. "acts/regulation-02-2010.md"
    meta: dict[str, Any]
    body: str
    body_line: int  # line number of the first body line in the file
    lines: dict[tuple, int] = field(default_factory=dict)  # front-matter path -> line, e.g. ("relations", "amends", 0)
    site_path: str = ""  # its URL path from the site root (directory URLs): '', 'sr/', 'en/acts/x/'

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
        """The page's sources that have an `id`, which the body cites as `[^id]` (see scripts/render/citations.py)."""
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

    @functools.cached_property  # the check, the relation graph and the content rules read them all
    def link_destinations(self) -> tuple[Destination, ...]:
        """Every link destination of the body, outside code, with its line in the file."""
        return tuple(link_destinations(self.body, self.body_line))

    @functools.cached_property  # resolving the path is the costly part of a report on many pages
    def display_path(self) -> str:
        return display_path(self.path)

    def line_of(self, *path: Any) -> int:
        """The line of a front-matter field (or of the nearest enclosing one), else the file's first line."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1

    def problem(self, key: str | tuple | None, message: str, **kwargs: Any) -> Problem:
        """A problem on the line of a field: `"status"`, or a path like `("relations", "amends")`."""
        line = (self.line_of(*key) if isinstance(key, tuple) else self.line_of(key)) if key else 1
        return Problem(self.display_path, line, message, **kwargs)


@dataclass
class Corpus:
    """All documents of a docs folder, indexed by language, ID and path."""

    docs_dir: Path
    documents: list[Document]
    problems: list[Problem]  # files that could not be read as documents at all
    languages: Languages

    def __post_init__(self) -> None:
        self._by_id: dict[tuple[str, str], Document] = {}
        self._by_path: dict[tuple[str, str], Document] = {}
        self._derived: dict[Any, Any] = {}
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
        """The language versions of one document, by language, in the languages' order."""
        found = {code: self.get(code, doc_id) for code in self.languages.codes}
        return {code: doc for code, doc in found.items() if doc is not None}

    def site_path(self, doc: Document, language: str) -> str:
        """Where `doc` is served in `language`'s part of the site: 'sr/acts/x/' (the URL of its path
        in that language's tree, which is where a fallback to it is served too)."""
        return self.languages[language].site_path(doc.rel_path)

    def derived(self, key: Any, compute: Callable[[], T]) -> T:
        """`compute()` the first time `key` is asked for, the same value after: what a build derives
        from its corpus (once, not once per language or page)."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]


# --------------------------------------------------------------------------- reading


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line of the first body line), or None when the file has no front matter.
    Raises YamlProblem when the front matter has no closing '---' line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise YamlProblem(1, "the front matter has no closing '---' line: add one after its last field")


def read_document(path: Path, language: str, rel_path: str, languages: Languages) -> tuple[Document | None, list[Problem]]:
    """Read one Markdown file; a file that cannot be a document gives a problem instead."""
    shown = display_path(path)
    try:
        text = decode(path.read_bytes(), shown)
        parts = split_front_matter(text)
        if parts is None:
            return None, [Problem(shown, 1, "no front matter: start the file with a '---' line, the fields "
                                            f"({', '.join(REQUIRED_FIELDS)}) and a closing '---' line")]
        source, body, body_line = parts
        front = parse(source, first_line=2, subject="front matter")
    except YamlProblem as problem:
        return None, [Problem(shown, problem.line, problem.message)]
    if not isinstance(front.value, dict):
        return None, [Problem(shown, 2, "front matter must be a mapping of 'key: value' lines")]
    site_path = languages[language].site_path(rel_path)
    return Document(language, path, rel_path, front.value, body, body_line, front.lines, site_path), []


def markdown_files(docs_dir: Path) -> list[Path]:
    """The Markdown files under docs_dir, never through a symbolic link (scripts/checks/docs_tree.py refuses them)."""
    found = []
    for folder, _, names in os.walk(docs_dir):  # os.walk does not enter linked folders
        for name in names:
            path = Path(folder) / name
            if name.endswith(".md") and not path.is_symlink() and path.is_file():
                found.append(path)
    return sorted(found)


def generated_folder_problems(docs_dir: Path, languages: Languages) -> list[Problem]:
    """A folder under docs/ for a generated edition (docs/sr-cyrl/): editors never write it. One
    problem per page in it, naming the page to edit instead, or one for the folder if it has none."""
    problems = []
    for edition in languages.editions:
        folder = Path(docs_dir) / edition.code
        if not folder.is_dir() or folder.is_symlink():
            continue  # a link is refused by the docs-tree check
        fix = (f"the {edition.name} edition is generated at build time from docs/{edition.generated_from}/ "
               "and has no pages of its own")
        pages = markdown_files(folder)
        for page in pages:
            source = Path(docs_dir) / edition.generated_from / page.relative_to(folder)
            problems.append(Problem(display_path(page), 1, f"{fix}: edit {display_path(source)} instead "
                                                           f"and remove {display_path(folder)}/"))
        if not pages:
            problems.append(Problem(display_path(folder), 1, f"{fix}: remove this folder"))
    return problems


def load_corpus(docs_dir: Path, languages: Languages | None = None) -> Corpus:
    """Read every Markdown page under docs_dir/<language>/ once (languages: the project's by default)."""
    languages = languages or project_settings().languages
    docs_dir = Path(docs_dir)
    documents: list[Document] = []
    problems: list[Problem] = []
    problems += generated_folder_problems(docs_dir, languages)
    for path in markdown_files(docs_dir):
        parts = path.relative_to(docs_dir).parts
        if languages.edition(parts[0]) is not None:
            continue  # reported with its folder
        if parts[0] not in languages:
            others = ", ".join(f"{code}/" for code in languages.codes if code != languages.default.code)
            problems.append(Problem(display_path(path), 1, "page outside a language folder: move it under "
                                                           f"docs/{languages.default.code}/ (or {others})"))
            continue
        doc, found = read_document(path, parts[0], "/".join(parts[1:]), languages)
        problems.extend(found)
        if doc is not None:
            documents.append(doc)
    return Corpus(docs_dir, documents, problems, languages)
