"""One prebuilt search index per language, in the sections Material's search results show.

Each language's build (mkdocs-static-i18n builds them one after the other) collects its own
pages' sections (scripts/mkdocs_adapter/search.py: cut from each page's Markdown tree by
scripts/search/sections.py, or parsed from its HTML with Material's own parser), so results look
like Material's, and writes them here as one payload: each term's frequencies per field and section
(counted with the Python `lunr` package's tokenizer and the shared folding of
scripts/search/folding.py), the section titles and texts to show, and the language's function
words and synonyms (scripts/search/language.py). The browser's engine (overrides/assets/search/)
weighs and ranks; nothing is indexed on a reader's phone.

The payload (`build_index`; the browser restores it in restore.js):

    {"docs":  [[location, title, extra?], ...],  one per section, a page first, then its sections
     "texts": [text, ...],                       the section texts excerpts show: texts[ref] is docs[ref]'s
     "index": {"version", "fieldBoosts", "fieldLengths", "invertedIndex"},  the terms (see _compact)
     "functionWords": [...], "synonyms": [[phrase, ...], ...]}            folded, as the terms are

- `location`: a page's URL path from the site root (`sr/acts/x/`); a section's is only its
  `#anchor`, its page being the doc before it. A doc's position in `docs` is its ref in `index`.
- `title` and `texts` are plain text (escaped only when shown); `extra`, on pages that have any of
  them: `{"tags": [names in the page's language], "summary": "…", "demoted": 1}` (demoted: a listing
  or meta page, ranked after documents).

Every string a reader is shown is a title, a summary, a tag or a text; `index`, `functionWords` and
`synonyms` hold folded terms only, and folding turns Serbian Cyrillic into Latin. So another script
of a language (Serbian in Cyrillic from Serbian in Latin) is the same payload with those four
transliterated and the rest kept as it is.

Its files, and what each holds, are scripts/search/index_files.py's.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION
from lunr.builder import Builder
from lunr.tokenizer import Tokenizer

from scripts.search import folding

# Field boosts: a match in a title, an act's number or a document ID ranks above one in the
# document's summary (its front matter), which ranks above one in the text.
FIELD_BOOSTS = {"title": 10, "number": 10, "id": 10, "summary": 4, "tags": 3, "text": 1}
KEPT_TAG = re.compile(r"<[^>]*>")  # Material's parser keeps a few tags (<p>, <code>, <li>) in its text
WHITESPACE = re.compile(r"\s+")


@dataclass
class Section:
    """A page or one of its sections, as one search result: the page comes before its sections."""

    location: str  # URL relative to the site root, with '#anchor' for a section
    title: str  # plain text (escaped only when shown)
    text: str
    number: str = ""  # the act's number (pages only)
    id: str = ""  # the document ID (pages only)
    tags: list[str] = field(default_factory=list)  # tag names in the page's language (pages only)
    summary: str = ""  # the document's summary from its front matter (pages only)
    demoted: bool = False  # a listing or meta page (home, Browse, a section index…): ranked below documents

    @property
    def is_page(self) -> bool:
        return "#" not in self.location


def page_sections(entries: Sequence[tuple[str, str, str]], number: str = "", doc_id: str = "",
                  tags: Sequence[str] = (), summary: str = "", demoted: bool = False) -> list[Section]:
    """A page's sections from its (location, title, text) entries as Material's search makes them
    (HTML-escaped, a few tags kept); the page's own entry (first) carries its number, ID, tags and
    summary. A page whose first section is excluded from search (`data-search-exclude`) is left out."""
    sections = [Section(location, plain_text(title), plain_text(text)) for location, title, text in entries]
    if not sections or not sections[0].is_page:
        return []
    first = sections[0]
    first.number, first.id, first.tags, first.summary, first.demoted = number, doc_id, list(tags), summary, demoted
    return sections


def plain_text(material_html: str) -> str:
    """Material's section text (escaped, with a few kept tags) as plain text."""
    return WHITESPACE.sub(" ", html.unescape(KEPT_TAG.sub(" ", material_html))).strip()


def build_index(sections: Sequence[Section], language: dict[str, Any] | None = None) -> dict[str, Any]:
    """The language's payload (see the module docstring): `docs`, `texts`, the compact `index`
    (refs are positions in `docs`), and the language's search data (scripts/search/language.py,
    language_payload) if given."""
    docs, texts = [], []
    page_location = None
    for section in sections:
        if section.is_page:
            page_location = location = section.location
        else:
            page, _, anchor = section.location.partition("#")
            if page != page_location:
                raise ValueError(f"section {section.location} does not follow its page {page}")
            location = f"#{anchor}"
        extra = {key: value for key, value in (("tags", section.tags), ("summary", section.summary),
                                                ("demoted", 1 if section.demoted else 0)) if value}
        docs.append([location, section.title] + ([extra] if extra else []))
        texts.append(section.text)
    return {"docs": docs, "texts": texts, "index": streamed_compact_index(sections), **(language or {})}


def _pipeline_builder() -> Builder:
    """A lunr builder with the project's fields, boosts and folding pipeline, and no sections yet."""
    builder = Builder()
    builder.pipeline.add(folding.fold_token)
    builder.search_pipeline.add(folding.fold_token)
    builder.ref("ref")
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost, extractor=lambda doc, name=name: folding.index_terms(doc[name]))
    return builder


def _lunr_document(ref: int, section: Section) -> dict[str, str]:
    return {"ref": str(ref), "title": section.title, "text": section.text, "number": section.number,
            "id": section.id, "summary": section.summary, "tags": " ".join(section.tags)}


def index_builder(sections: Sequence[Section]) -> Builder:
    """A lunr builder holding every section, with the shared folding as its pipeline: lunr's own
    weights, which tests/unit/search/test_engine_js.py compares the browser's with."""
    builder = _pipeline_builder()
    for ref, section in enumerate(sections):
        builder.add(_lunr_document(ref, section))
    return builder


def streamed_compact_index(sections: Sequence[Section]) -> dict[str, Any]:
    """The compact index of the sections (_compact), without lunr's builder holding every section.

    The builder keeps, for every term, field and section, a posting with its own metadata
    dictionaries: at 1,000 documents per language that was about 200 MB, the largest part of a
    build's peak memory, for an index that needs only each term's frequency per field and section.
    So the sections' terms go through the very same tokenizer and pipeline (lunr's `Builder.add`
    does `pipeline.run(Tokenizer(extractor(doc)), field)`), one section at a time, and only their
    frequencies are kept. The pipeline (the folding) works token by token, so it runs once per
    distinct token and field rather than on every occurrence.
    """
    builder = _pipeline_builder()
    pipeline_terms: dict[tuple[str, str], list[str]] = {}

    def terms_of(token: str, name: str) -> list[str]:
        if (token, name) not in pipeline_terms:
            pipeline_terms[token, name] = [str(term) for term in builder.pipeline.run(Tokenizer([token]), name)]
        return pipeline_terms[token, name]

    def frequencies():
        for ref, section in enumerate(sections):
            document = _lunr_document(ref, section)
            for name in FIELD_BOOSTS:
                counts: Counter[str] = Counter()
                for token, occurrences in Counter(folding.index_terms(document[name])).items():
                    for term in terms_of(token, name):
                        counts[term] += occurrences
                yield ref, name, counts

    return _compact(frequencies())


def _compact(frequencies: Iterable[tuple[int, str, dict[str, int]]]) -> dict[str, Any]:
    """The index as term frequencies only; the browser (restore.js) derives the weights.

    `frequencies` gives (section ref, field name, {term: frequency in that field of that section}).
    lunr weighs a term in a field of a section from its frequency there, the field's length in
    that section, the average length and the term's number of postings (BM25). So this writes
    each field's length in every section (`fieldLengths`: one string of comma-separated numbers
    per field, by ref) and, for each term (sorted), only the fields it occurs in, each as one
    string: the sections' refs in ascending order as gaps from the one before, `gap:frequency`
    where the term occurs more than once (`"0,3:2,1"` is refs 0, 3 (twice), 4). Strings, because a
    browser parses a long JSON string many times faster than as many small arrays, and decodes
    a term's postings only when a query needs them.
    """
    postings: dict[str, dict[str, list[tuple[int, int]]]] = {}
    lengths: dict[str, dict[int, int]] = {name: {} for name in FIELD_BOOSTS}
    for ref, name, terms in frequencies:
        lengths[name][ref] = lengths[name].get(ref, 0) + sum(terms.values())
        for term, frequency in terms.items():
            postings.setdefault(term, {}).setdefault(name, []).append((ref, frequency))
    inverted = []
    for term in sorted(postings):
        fields = {}
        for name, entries in postings[term].items():
            previous, encoded = 0, []
            for ref, frequency in sorted(entries):
                encoded.append(str(ref - previous) if frequency == 1 else f"{ref - previous}:{frequency}")
                previous = ref
            fields[name] = ",".join(encoded)
        inverted.append([term, fields])
    field_lengths = {}
    for name, by_ref in lengths.items():
        values = [by_ref.get(ref, 0) for ref in range(max(by_ref, default=-1) + 1)]
        while values and not values[-1]:
            values.pop()
        field_lengths[name] = ",".join(map(str, values))
    return {
        "version": LUNR_VERSION,
        "fieldBoosts": FIELD_BOOSTS,
        "fieldLengths": field_lengths,
        "invertedIndex": inverted,
    }
