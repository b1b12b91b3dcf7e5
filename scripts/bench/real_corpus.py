"""The project's own docs/ replicated to a benchmark's size: the real pages, many times over.

The synthetic corpus (scripts/bench/corpus.py) has pages shaped like the real ones; this one has
the real ones: their words, front matter, citations, contact and listing markers, data files. It
copies docs/ as it is (every language, docs/data/ and any other file) and adds copy sets of its
documents until a language has about `per_language` of them. The site's own pages (`type: page`
or `directory`: home, about, browse, glossary, translation status, the section indexes, the
directory) stay single; every other document (acts, institutions, guides) gets, in copy set k
(2, 3, ...), a new file next to its original, `<name>-copy-k.md`, in every language it has, with the
id `<id>-copy-k`. Inside a copy set the documents point at each other as the originals do: links by
id, relative links and relations to a replicated document name its copy in the same set; links to
the single pages, contact markers and data files stay as written (the contacts belong to the
original institutions). A translation's `source_hash` covers its original's title, summary and
body (scripts/model/translations.py), and the copy's body has other links: a translation that was
in step with its original records the hash of the copied original, one that was not keeps its own
hash (it is as stale in the copy as in the original). Titles and words are the originals': the
copies differ only where ids do. Nothing is random: the same docs/ gives the same bytes.

The plain Material + static-i18n set-up knows neither `id:` links nor the project's markers, so
with `id_links=False` every page is rewritten as the project's build shows it, in what plain can
show: `id:` links as relative Markdown links, the directory, contact, glossary and listing markers
and the translation-status marker replaced by the very fragments the project's build puts there
(scripts/render/markers.py, scripts/render/status_page.py), and a page missing in a language
written in that language's tree from its original, as the project serves it (plain falls back to
the default language only). Both sites have the same pages, words and links.

    python -m scripts.bench.real_corpus /tmp/corpus --per-language 300 [--relative-links-only]
"""

from __future__ import annotations

import argparse
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from scripts.model.contacts import load_contacts
from scripts.model.directory import load_directory
from scripts.model.documents import Corpus, Document, load_corpus, split_front_matter
from scripts.model.glossary import load_glossary
from scripts.model.links import Link, markdown_path, resolve_relative, rewrite_id_hrefs, rewrite_links
from scripts.model.project import ROOT
from scripts.model.served import served_version
from scripts.model.settings import project_settings
from scripts.model.strings import load_strings
from scripts.model.translations import report_for, source_hash
from scripts.render.markers import fill_markers
from scripts.render.reader import Reader
from scripts.render.status_page import STATUS_MARKER, STATUS_PAGE_ID, status_html

SOURCE_DOCS = ROOT / "docs"
SINGLE_TYPES = ("page", "directory")  # the site's own pages: one of each at any size
ID_SCHEME = "id:"


@dataclass(frozen=True)
class CopySet:
    """Copy set `number` (2, 3, ...) of the replicated documents: their new ids and paths."""

    number: int
    replicated: frozenset[str]  # the ids of the documents that are copied

    def id(self, doc_id: str) -> str:
        return f"{doc_id}-copy-{self.number}" if doc_id in self.replicated else doc_id

    def rel_path(self, rel_path: str) -> str:
        stem, _, _ = rel_path.rpartition(".md")
        return f"{stem}-copy-{self.number}.md"


def replicated_ids(corpus: Corpus) -> list[str]:
    """The documents a copy set holds: all but the site's own pages."""
    return [doc_id for doc_id in corpus.ids()
            if not any(doc.type in SINGLE_TYPES for doc in corpus.versions(doc_id).values())]


def copy_sets(corpus: Corpus, per_language: int) -> int:
    """How many sets of the replicated documents (the originals are set 1) give about per_language
    documents per language."""
    replicated = len(replicated_ids(corpus))
    single = len(corpus.ids()) - replicated
    return max(1, round((per_language - single) / replicated)) if replicated else 1


def _replace_ids(line: str, names: dict[str, str]) -> str:
    """A front-matter line with each whole document id of `names` replaced."""
    return re.sub(r"(?<![\w-])[a-z0-9][a-z0-9-]*(?![\w-])", lambda m: names.get(m.group(0), m.group(0)), line)


def _copied_body(doc: Document, corpus: Corpus, copy: CopySet) -> str:
    """The body with its links to replicated documents pointing at the same copy set."""

    def replacement(link: Link) -> str | None:
        if link.is_id:
            new = copy.id(link.path)
            return None if new == link.path else ID_SCHEME + new + (f"#{link.anchor}" if link.anchor else "")
        if not link.is_relative:
            return None
        target = resolve_relative(corpus, doc, link).document
        if target is None or copy.id(target.id) == target.id:
            return None
        return markdown_path(copy.rel_path(doc.rel_path), copy.rel_path(target.rel_path), link.anchor)

    body = rewrite_links(doc.body, replacement)
    return rewrite_id_hrefs(body, lambda doc_id, anchor: None if copy.id(doc_id) == doc_id
                            else ID_SCHEME + copy.id(doc_id) + anchor)


def _copied_front_matter(doc: Document, copy: CopySet, new_hash: str | None) -> str:
    """The front matter with the copy's id and relations (and, given one, its translation's source_hash)."""
    front = split_front_matter(doc.path.read_text(encoding="utf-8"))[0].split("\n")
    lines = {doc.line_of("id")} | {line for path, line in doc.lines.items() if path[:1] == ("relations",) and len(path) == 3}
    names = {doc_id: copy.id(doc_id) for doc_id in copy.replicated}
    for line in lines:
        front[line - 2] = _replace_ids(front[line - 2], names)  # front matter starts on the file's line 2
    if new_hash is not None:
        at = doc.line_of("translation", "source_hash") - 2
        front[at] = front[at].replace(str(doc.translation["source_hash"]), new_hash)
    return "\n".join(front)


def write_copy_set(corpus: Corpus, copy: CopySet, docs_dir: Path) -> None:
    """Every version of every replicated document, as copy set `copy`, under docs_dir."""
    for doc_id in sorted(copy.replicated):
        versions = corpus.versions(doc_id)
        bodies = {language: _copied_body(doc, corpus, copy) for language, doc in versions.items()}
        original = next((doc for doc in versions.values() if doc.translation is None), None)
        copied_hash = None
        if original is not None:
            copied_hash = source_hash(Document(original.language, original.path, original.rel_path, original.meta,
                                               bodies[original.language], original.body_line))
        for language, doc in versions.items():
            recorded = (doc.translation or {}).get("source_hash")
            in_step = original is not None and doc is not original and recorded == source_hash(original)
            front = _copied_front_matter(doc, copy, copied_hash if in_step else None)
            path = docs_dir / language / copy.rel_path(doc.rel_path)
            path.write_bytes(f"---\n{front}\n---\n{bodies[language]}".encode("utf-8"))


def replicate_docs(docs_dir: Path, per_language: int, id_links: bool = True, source: Path = SOURCE_DOCS) -> int:
    """Write the replicated docs under docs_dir (emptied first); returns its documents per language.

    id_links=False writes the plain set-up's copy (see the module's docstring)."""
    docs_dir = Path(docs_dir)
    shutil.rmtree(docs_dir, ignore_errors=True)
    shutil.copytree(source, docs_dir)
    corpus = load_corpus(docs_dir)
    replicated = frozenset(replicated_ids(corpus))
    taken = set(corpus.ids())
    sets = copy_sets(corpus, per_language)
    for number in range(2, sets + 1):
        copy = CopySet(number, replicated)
        clashes = sorted(taken & {copy.id(doc_id) for doc_id in replicated})
        if clashes:
            raise ValueError(f"{source}: copy ids {', '.join(clashes)} are ids of real documents")
        write_copy_set(corpus, copy, docs_dir)
    if not id_links:
        write_plain_pages(load_corpus(docs_dir), docs_dir)
    return len(corpus.ids()) + (sets - 1) * len(replicated)


# --------------------------------------------------------------------------- the plain set-up's copy


def plain_page(doc: Document, reader: Reader, fill: Callable[[str, Reader, str], str]) -> str:
    """A page as the project's build shows it, in what plain Material can show: id: links as
    relative links, markers replaced by their fragments (front matter kept: plain reads its title)."""
    markdown = reader.markdown(doc.body)
    markdown = fill(markdown, reader, doc.id)
    if doc.id == STATUS_PAGE_ID and STATUS_MARKER in markdown:
        markdown = markdown.replace(STATUS_MARKER, status_html(report_for(reader.corpus), reader))
    front = split_front_matter(doc.path.read_text(encoding="utf-8"))[0]
    return f"---\n{front}\n---\n{reader.html(markdown)}"


def write_plain_pages(corpus: Corpus, docs_dir: Path) -> None:
    """Rewrite every page of the corpus for the plain set-up, each language's tree holding the
    version its readers get (scripts/model/served.py)."""
    settings = project_settings()
    strings, _ = load_strings(settings.strings_dir)
    municipalities, _ = load_directory(docs_dir / settings.directory_file)
    terms, _ = load_glossary(docs_dir / settings.glossary_file, corpus.languages)
    contacts_path = docs_dir / settings.contacts_file
    offices = load_contacts(contacts_path, corpus.languages)[0] if contacts_path.exists() else None

    def fill(markdown: str, reader: Reader, page_id: str) -> str:
        return fill_markers(markdown, reader, page_id, municipalities, terms, offices, settings.directory_file)

    pages = {}
    for language in corpus.languages.codes:
        for doc_id in corpus.ids():
            doc = served_version(corpus, doc_id, language)
            if doc is not None:
                reader = Reader(corpus, strings, language, corpus.site_path(doc, language), doc.rel_path)
                pages[docs_dir / language / doc.rel_path] = plain_page(doc, reader, fill)
    for path, text in pages.items():  # written after all are read: a page's fragments read other pages
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the project's docs/ replicated to a size (for the benchmarks).")
    parser.add_argument("docs_dir", type=Path, help="folder to write (emptied first)")
    parser.add_argument("--per-language", type=int, default=300, help="about this many documents per language (default: 300)")
    parser.add_argument("--relative-links-only", action="store_true", help="the plain set-up's copy (no id: links, no markers)")
    args = parser.parse_args(argv)
    documents = replicate_docs(args.docs_dir, args.per_language, id_links=not args.relative_links_only)
    print(f"wrote {documents} documents per language to {args.docs_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
