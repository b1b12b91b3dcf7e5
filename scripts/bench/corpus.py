"""A deterministic synthetic trilingual corpus for the build and search benchmarks.

The real site has a few dozen pages; the benchmarks need hundreds or thousands that look like it:
Albanian, Serbian (Latin) and English words with their diacritics, about 950 words a page, front
matter valid for this project's schema, headings, lists, tables, and links between documents both
as relative Markdown links and as links by ID (`[text](id:DOC-ID)`). The same seed gives the same
bytes: every page draws from its own `random.Random` seeded by (seed, id, language). The words are
those of scripts/bench/corpus_words.py.

Layout of docs_dir (per_language documents in five type folders, plus a home and five section pages):

    {sq,sr,en}/index.md
    {sq,sr,en}/{laws,regulations,decisions,strategies,guides}/index.md
    {sq,sr,en}/<folder>/<type>-0001.md ...
    data/                  a copy of the project's docs/data/ (the directory and glossary hooks need it), without the contacts

Albanian is the source language; the Serbian and English pages carry a `translation` block with
the original's `source_hash` (in step; every third page reviewed, the others machine translations).
Every language version of a page has the same structure (headings, links, list items), so the
translation checks see no drift.

Links: with `id_links=True` (this project's set-up) half the links between documents are
`[text](id:DOC-ID)`, resolved by the project's cross-reference hook. The plain Material +
static-i18n set-up does not know `id:` links (it would leave them as dead `href="id:…"`), so the
benchmark generates the plain corpus with `id_links=False`: the very same links, written as
relative Markdown links. Both corpora have the same pages, words and number of links. Likewise a
section's index page lists its documents with the project's `<!-- documents type=… -->` marker, and
with the same list written out in Markdown for the plain set-up.

    python -m scripts.bench.corpus /tmp/corpus --per-language 100 [--seed 1] [--relative-links-only]
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Sequence

from markdown.extensions.toc import slugify

from scripts.bench.corpus_words import (COMMUNITY_CHOICES, HEADINGS, HOME_TITLE, ISSUERS, LANGUAGES, RELATED_LABEL,
                                        SECTION_TITLES, TABLE_HEADERS, TITLE_PATTERNS, TOPICS, VOCABULARY)
from scripts.model.documents import Document, split_front_matter
from scripts.model.project import ROOT
from scripts.model.settings import project_settings
from scripts.model.translations import source_hash
from scripts.model.yaml_reader import parse

SOURCE_LANGUAGE = "sq"
DATA_FILES = ROOT / "docs" / "data"  # YAML data files published with the site (directory, glossary)
LAST_REVIEWED = "2026-11-24"

# type -> folder; five document types as folders.
FOLDERS = {"law": "laws", "regulation": "regulations", "decision": "decisions", "strategy": "strategies", "guide": "guides"}
TYPES = tuple(FOLDERS)


@dataclass(frozen=True)
class DocumentSpec:
    """One synthetic document, the same in every language: what the search benchmark can query."""

    index: int  # position in the corpus, 0-based
    type: str
    sequence: int  # 1-based position within its type
    topic: int  # index into TOPICS
    number: str  # "" for types without a number

    @property
    def id(self) -> str:
        return f"{self.type}-{self.sequence:04d}"

    @property
    def rel_path(self) -> str:
        return f"{FOLDERS[self.type]}/{self.id}.md"

    def title(self, language: str) -> str:
        topic = TOPICS[self.topic][0][LANGUAGES.index(language)]
        years = f"{2010 + self.sequence % 12}–{2014 + self.sequence % 12}"
        return TITLE_PATTERNS[self.type][language].format(number=self.number, topic=topic, years=years)


def act_number(doc_type: str, sequence: int) -> str:
    """Numbers in the forms the real acts use: laws '03/L-047', regulations '02/2010', decisions '138/2020'."""
    if doc_type == "law":
        return f"{2 + sequence % 7:02d}/L-{sequence:03d}"
    if doc_type == "regulation":
        return f"{sequence % 99 + 1:02d}/{2008 + sequence // 99}"
    if doc_type == "decision":
        return f"{sequence % 900 + 100}/{2015 + sequence // 900}"
    return ""


def document_specs(per_language: int) -> list[DocumentSpec]:
    """The documents of a corpus of per_language documents, dealt round-robin over the five types."""
    specs = []
    for index in range(per_language):
        doc_type = TYPES[index % len(TYPES)]
        sequence = index // len(TYPES) + 1
        specs.append(DocumentSpec(index, doc_type, sequence, index % len(TOPICS), act_number(doc_type, sequence)))
    return specs


def relative_link(from_rel_path: str, to_rel_path: str) -> str:
    """A relative Markdown link between two files of one language folder (all one folder deep or at the root)."""
    from_parts, to_parts = from_rel_path.split("/"), to_rel_path.split("/")
    if len(from_parts) == 1:
        return to_rel_path
    if len(to_parts) > 1 and to_parts[0] == from_parts[0]:
        return to_parts[-1]
    return "../" + to_rel_path


class PageWriter:
    """Writes one page in one language; its random draws depend only on (seed, id, language)."""

    def __init__(self, seed: int, doc_id: str, language: str, id_links: bool):
        self.words = random.Random(f"{seed}:{doc_id}:{language}")
        self.language = language
        self.lang_index = LANGUAGES.index(language)
        self.id_links = id_links
        self.vocabulary = VOCABULARY[language]

    def sentence(self, low: int = 8, high: int = 16) -> str:
        words = self.words.choices(self.vocabulary, k=self.words.randint(low, high))
        words[0] = words[0][:1].upper() + words[0][1:]
        if self.words.random() < 0.2:
            position = self.words.randrange(1, len(words))
            words[position] = f"**{words[position]}**"
        return " ".join(words) + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def link(self, from_rel_path: str, target: DocumentSpec, by_id: bool, anchor: str = "") -> str:
        text = target.title(self.language)
        fragment = f"#{anchor}" if anchor else ""
        if by_id and self.id_links:
            return f"[{text}](id:{target.id}{fragment})"
        return f"[{text}]({relative_link(from_rel_path, target.rel_path)}{fragment})"


def _heading_slug(heading: str) -> str:
    return slugify(heading, "-")


def page_plan(seed: int, spec: DocumentSpec) -> random.Random:
    """The structure of a page (which headings, lists, tables): shared by its three languages."""
    return random.Random(f"{seed}:{spec.id}:structure")


def front_matter(spec: DocumentSpec, language: str, specs: Sequence[DocumentSpec]) -> str:
    lines = [
        "---",
        f"id: {spec.id}",
        f"type: {spec.type}",
        f'title: "{spec.title(language)}"',
        f'summary: "{_summary(spec, language)}"',
        f"last_reviewed: {LAST_REVIEWED}",
        f"tags: [{TOPICS[spec.topic][1]}]",
        f"communities: [{COMMUNITY_CHOICES[spec.index % len(COMMUNITY_CHOICES)]}]",
    ]
    if spec.type in ISSUERS:
        year = 2008 + spec.sequence % 15
        lines += [
            f'issuer: "{ISSUERS[spec.type][LANGUAGES.index(language)]}"',
            f"date_adopted: {year}-{spec.sequence % 12 + 1:02d}-{spec.sequence % 28 + 1:02d}",
            f"status: {'repealed' if spec.sequence % 9 == 0 else 'in-force'}",
            "sources:",
            f'  - title: "{spec.title(language)}"',
            f"    url: https://gzk.rks-gov.net/ActDetail.aspx?ActID={10000 + spec.index}",
        ]
        if spec.number:
            lines.insert(4, f'number: "{spec.number}"')
    basis = _law_for(spec, specs)
    if basis is not None:
        relation = "based_on" if spec.type in ("regulation", "decision") else "related"
        lines += ["relations:", f"  {relation}: [{basis.id}]"]
    return "\n".join(lines + ["---", ""])


def _summary(spec: DocumentSpec, language: str) -> str:
    topic = TOPICS[spec.topic][0][LANGUAGES.index(language)]
    return {
        "sq": f"Çfarë duhet të dini për {topic}.",
        "sr": f"Šta treba da znate o {topic}.",
        "en": f"What you need to know about {topic}.",
    }[language]


def _law_for(spec: DocumentSpec, specs: Sequence[DocumentSpec]) -> DocumentSpec | None:
    """The law a non-law document is based on or related to (every fifth document is a law)."""
    laws = len(specs) // len(TYPES) + (1 if len(specs) % len(TYPES) else 0)
    if spec.type == "law" or laws == 0:
        return None
    return specs[((spec.sequence - 1) % laws) * len(TYPES)]


def page_text(seed: int, spec: DocumentSpec, language: str, specs: Sequence[DocumentSpec], id_links: bool) -> str:
    """Front matter and a body of about 950 words: intro, six sections with lists and tables, links."""
    plan = page_plan(seed, spec)
    writer = PageWriter(seed, spec.id, language, id_links)
    headings = plan.sample(range(len(HEADINGS)), 6)
    same_type = [s for s in (_neighbour(spec, specs, -1), _neighbour(spec, specs, +1)) if s is not None]
    elsewhere = specs[(spec.index * 7 + 3) % len(specs)]
    law = _law_for(spec, specs)
    parts = [front_matter(spec, language, specs), f"# {spec.title(language)}", "", writer.paragraph(5), ""]
    for number, heading_index in enumerate(headings):
        parts += [f"## {HEADINGS[heading_index][writer.lang_index]}", "", writer.paragraph(plan.randint(4, 5)), ""]
        if number % 2 == 0:
            parts += [f"- {writer.sentence(5, 9)}" for _ in range(plan.randint(3, 5))] + [""]
        else:
            parts += [f"{i}. {writer.sentence(5, 9)}" for i in range(1, plan.randint(3, 5) + 1)] + [""]
        if number in (1, 4):
            header = TABLE_HEADERS[writer.lang_index]
            parts += [f"| {' | '.join(header)} |", "|---|---|---|"]
            for _ in range(plan.randint(3, 5)):
                cells = [writer.sentence(2, 3).rstrip("."), writer.sentence(3, 5).rstrip("."), f"{plan.randint(5, 60)}"]
                parts.append(f"| {' | '.join(cells)} |")
            parts.append("")
        parts += [writer.paragraph(plan.randint(2, 3)), ""]
    parts += [f"## {RELATED_LABEL[writer.lang_index]}", ""]
    links = [writer.link(spec.rel_path, target, by_id=i % 2 == 0) for i, target in enumerate(same_type)]
    if law is not None:
        links.append(writer.link(spec.rel_path, law, by_id=True))
    target_headings = page_plan(seed, elsewhere).sample(range(len(HEADINGS)), 6)
    anchor = _heading_slug(HEADINGS[target_headings[0]][writer.lang_index])
    links.append(writer.link(spec.rel_path, elsewhere, by_id=False, anchor=anchor))
    links.append(writer.link(spec.rel_path, elsewhere, by_id=True, anchor=anchor))
    parts += [f"- {link}" for link in links] + [""]
    return "\n".join(parts)


def _neighbour(spec: DocumentSpec, specs: Sequence[DocumentSpec], step: int) -> DocumentSpec | None:
    """The previous or next document of the same type, in a ring: every document is linked from two
    others and has as many links at any corpus size (so work per document is comparable across sizes)."""
    same_type = len(range(TYPES.index(spec.type), len(specs), len(TYPES)))
    if same_type < 2:
        return None
    sequence = (spec.sequence - 1 + step) % same_type
    return specs[sequence * len(TYPES) + TYPES.index(spec.type)]


def section_page(doc_type: str, language: str, specs: Sequence[DocumentSpec], id_links: bool) -> str:
    """A section's index page listing all its documents: generated by the project's listing marker,
    written out as Markdown for the plain set-up (whose navigation lists them too)."""
    title = SECTION_TITLES[doc_type][language]
    rel_path = f"{FOLDERS[doc_type]}/index.md"
    lines = ["---", f"id: {FOLDERS[doc_type]}", "type: page", f'title: "{title}"', f'summary: "{title}."',
             f"last_reviewed: {LAST_REVIEWED}", "---", "", f"# {title}", ""]
    if id_links:
        lines.append(f"<!-- documents type={doc_type} -->")
    else:
        lines += [f"- [{spec.title(language)}]({relative_link(rel_path, spec.rel_path)}): {_summary(spec, language)}"
                  for spec in specs if spec.type == doc_type]
    return "\n".join(lines + [""])


def home_page(language: str, specs: Sequence[DocumentSpec]) -> str:
    title = HOME_TITLE[language]
    lines = ["---", "id: home", "type: page", f'title: "{title}"', f'summary: "{title}."',
             f"last_reviewed: {LAST_REVIEWED}"]
    lines += ["---", "", f"# {title}", ""]
    present = [t for t in TYPES if any(spec.type == t for spec in specs)]
    lines += [f"- [{SECTION_TITLES[t][language]}]({FOLDERS[t]}/index.md)" for t in present]
    return "\n".join(lines + [""])


def generate_corpus(docs_dir: Path, per_language: int, seed: int = 1, id_links: bool = True) -> None:
    """Write the corpus under docs_dir/{sq,sr,en}/ (docs_dir is emptied first), and the project's docs/data/.

    id_links=False writes every link as a relative Markdown link (for the plain set-up).
    """
    docs_dir = Path(docs_dir)
    shutil.rmtree(docs_dir, ignore_errors=True)
    specs = document_specs(per_language)
    if DATA_FILES.is_dir():  # the project's hooks render pages from these; both set-ups publish them
        shutil.copytree(DATA_FILES, docs_dir / DATA_FILES.name)
        # Each contact's `body` is an institution of the real site, which this corpus does not have
        # (make check would report every one); no page of the corpus shows a contact.
        (docs_dir / project_settings().contacts_file).unlink(missing_ok=True)
    pages: list[tuple[str, Callable[[str], str]]] = [("index.md", lambda language: home_page(language, specs))]
    for doc_type in TYPES:
        if any(spec.type == doc_type for spec in specs):
            pages.append((f"{FOLDERS[doc_type]}/index.md", partial(section_page, doc_type, specs=specs, id_links=id_links)))
    for spec in specs:
        pages.append((spec.rel_path, partial(page_text, seed, spec, specs=specs, id_links=id_links)))
    for number, (rel_path, text_in) in enumerate(pages):
        original = text_in(SOURCE_LANGUAGE)
        status = "reviewed" if number % 3 == 0 else "machine"
        for language in LANGUAGES:
            text = original if language == SOURCE_LANGUAGE else with_translation(text_in(language), original, status)
            path = docs_dir / language / rel_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))  # bytes: no newline translation on any platform


def with_translation(text: str, original: str, status: str) -> str:
    """A translated page's text with its `translation` block, in step with its original (source_hash)."""
    front, body, body_line = split_front_matter(original)
    recorded = source_hash(Document(SOURCE_LANGUAGE, Path(), "", parse(front).value, body, body_line))
    block = f'translation:\n  source: {SOURCE_LANGUAGE}\n  status: {status}\n  source_hash: "{recorded}"\n'
    end = text.index("\n---\n", 3) + 1
    return text[:end] + block + text[end:]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic trilingual corpus (for the benchmarks).")
    parser.add_argument("docs_dir", type=Path, help="folder to write (emptied first)")
    parser.add_argument("--per-language", type=int, default=100, help="documents per language (default: 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--relative-links-only", action="store_true", help="no id: links (the plain set-up)")
    args = parser.parse_args(argv)
    generate_corpus(args.docs_dir, args.per_language, args.seed, id_links=not args.relative_links_only)
    print(f"wrote {args.per_language} documents per language (+ home and section pages) to {args.docs_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
