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

The files (`write_index_files`, `read_index_files`): a first query needs the titles and the
postings of its own words only, and its excerpts can follow (overrides/assets/search/messages.js
answers first from the index, then again with the excerpts). So the payload is split into:

- `assets/search/index.<language>.js`: the docs, the field lengths, the sorted terms (without their
  postings), the function words and synonyms, and where the rest is:
  `"termShards": {"file": "terms.<language>.{shard}.js", "starts": [first term of each shard]}` and
  `"textShards": {"file": "texts.<language>.{shard}.js", "starts": [first ref of each shard]}`;
- `assets/search/terms.<language>.<n>.js`: the postings (`{field: "gaps"}`) of the terms
  `starts[n]` up to the next shard's start, about TERM_SHARD_CHARACTERS characters each (at 1,000
  documents per language, 9/10 of the index file's bytes were postings; a query needs a few
  kilobytes of them, in one or two shards; the rest are loaded once it is answered);
- `assets/search/terms.<language>.js`: `{"file": <the term shards' name pattern>, "starts": [the
  first term of each]}`, a few hundred bytes, so that a query typed before the index file has
  arrived has its own shards asked for at once (messages.js, `likelyShards`);
- `assets/search/texts.<language>.<n>.js`: the section texts of refs `starts[n]` up to the next
  shard's start, whole pages of about TEXT_SHARD_CHARACTERS characters, loaded for the pages a
  result shows.

Each is a script, `self.crchSearchIndex=<JSON>;` or `self.crchSearchShards["<file name>"]=<JSON>;`,
so that a page opened from disk (file://, where workers are refused) loads them with <script>;
the worker fetches them and parses the JSON after the `=`.

    python -m scripts.search.index site/     # sections, terms, bytes and shards of each language's index
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION
from lunr.builder import Builder
from lunr.tokenizer import Tokenizer

from scripts.search import folding

# Field boosts: a match in a title, an act's number or a document ID ranks above one in the
# document's summary (its front matter), which ranks above one in the text.
FIELD_BOOSTS = {"title": 10, "number": 10, "id": 10, "summary": 4, "tags": 3, "text": 1}
INDEX_DIR = Path("assets") / "search"  # where the index files and the search scripts go in the site
INDEX_GLOBAL = "crchSearchIndex"  # the global the index file sets (worker and file:// page alike)
SHARDS_GLOBAL = "crchSearchShards"  # the object a shard file sets its entry of (keyed by its file name)
TEXT_SHARD_CHARACTERS = 16_000  # characters of section text per text shard, about (a shard holds whole pages)
TERM_SHARD_CHARACTERS = 32_000  # characters of postings per term shard, about
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


def index_path(site_dir: Path, language: str) -> Path:
    return Path(site_dir) / INDEX_DIR / f"index.{language}.js"


def texts_file(language: str) -> str:
    """The name pattern of a language's text shards, with `{shard}` for the shard's number."""
    return f"texts.{language}.{{shard}}.js"


def terms_file(language: str) -> str:
    """The name pattern of a language's term shards (the postings), with `{shard}` for the shard's number."""
    return f"terms.{language}.{{shard}}.js"


def first_terms_file(language: str) -> str:
    """The name of the file listing the first term of each of a language's term shards."""
    return f"terms.{language}.js"


def _starts(sizes: Iterable[int], size: int, may_start: Callable[[int], bool] = lambda item: True) -> list[int]:
    """The first item of each shard of consecutive items: a shard is closed at the first item that
    may start one once it holds `size` (so a larger item is alone)."""
    starts, held = [], 0
    for item, item_size in enumerate(sizes):
        if not starts or (held >= size and may_start(item)):
            starts.append(item)
            held = 0
        held += item_size
    return starts


def shard_starts(docs: Sequence[list], texts: Sequence[str], size: int = TEXT_SHARD_CHARACTERS) -> list[int]:
    """The first ref of each text shard: shards of whole pages (a page and its sections), each about
    `size` characters of text, closed at the first page that reaches it (a longer page is alone)."""
    return _starts(map(len, texts), size, lambda ref: not docs[ref][0].startswith("#"))


def _compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def split_files(payload: dict[str, Any], language: str, text_size: int = TEXT_SHARD_CHARACTERS,
                term_size: int = TERM_SHARD_CHARACTERS) -> tuple[dict[str, Any], list[list[str]], list[list[dict]]]:
    """The payload as its files hold it (module docstring): the index file's part, the texts of each
    text shard and the postings of each term shard."""
    texts, inverted = payload["texts"], payload["index"]["invertedIndex"]
    text_starts = shard_starts(payload["docs"], texts, text_size)
    term_starts = _starts((len(_compact_json(fields)) for _, fields in inverted), term_size)
    text_shards = [texts[start:end] for start, end in zip(text_starts, text_starts[1:] + [len(texts)])]
    term_shards = [[fields for _, fields in inverted[start:end]]
                   for start, end in zip(term_starts, term_starts[1:] + [len(inverted)])]
    index = {key: value for key, value in payload["index"].items() if key != "invertedIndex"}
    index["terms"] = [term for term, _ in inverted]
    index_part = {"docs": payload["docs"],
                  "termShards": {"file": terms_file(language), "starts": term_starts},
                  "textShards": {"file": texts_file(language), "starts": text_starts},
                  "index": index,
                  **{key: value for key, value in payload.items() if key not in ("docs", "texts", "index")}}
    return index_part, text_shards, term_shards


def write_index_files(site_dir: Path, language: str, payload: dict[str, Any]) -> list[Path]:
    """The language's index file, its term shards, their first terms and its text shards (earlier shards of the
    language removed): scripts that set a global, so that a page opened from disk loads them with
    <script>.

    Written piece by piece (each doc, each term), the same bytes as one `json.dumps`: one string of
    the whole index, with the fragments json makes of it, was the peak of a language's build
    (about 50 MB at 1,000 documents per language).
    """
    index_part, text_shards, term_shards = split_files(payload, language)
    folder = Path(site_dir) / INDEX_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for pattern in (texts_file(language), terms_file(language)):
        for old in folder.glob(pattern.format(shard="*")):
            old.unlink()
    written = [index_path(site_dir, language)]
    _write_script(written[0], f"self.{INDEX_GLOBAL}=", index_part, depth=3)
    for pattern, shards in ((terms_file(language), term_shards), (texts_file(language), text_shards)):
        for shard, value in enumerate(shards):
            name = pattern.format(shard=shard)
            written.append(folder / name)
            _write_script(written[-1], shard_assignment(name), value, depth=1)
    terms, term_shards_of = index_part["index"]["terms"], index_part["termShards"]
    written.append(folder / first_terms_file(language))
    _write_script(written[-1], shard_assignment(written[-1].name),
                  {"file": term_shards_of["file"], "starts": [terms[start] for start in term_shards_of["starts"]]}, depth=1)
    return written


def shard_assignment(file_name: str) -> str:
    """What a shard file starts with: the entry of the shards' global named by its file name."""
    return f"self.{SHARDS_GLOBAL}[{json.dumps(file_name)}]="


def _write_script(path: Path, assignment: str, value: Any, depth: int) -> None:
    with open(path, "w", encoding="utf-8") as script:
        script.write(assignment)
        for piece in _json_pieces(value, depth):
            script.write(piece)
        script.write(";\n")


def _json_pieces(value: Any, depth: int) -> Iterator[str]:
    """Compact JSON of value (as json.dumps with separators (",", ":") and ensure_ascii=False), in
    pieces: the objects and arrays of the first `depth` levels opened up, each deeper value whole."""
    if depth == 0 or not isinstance(value, (dict, list)):
        yield _compact_json(value)
        return
    items = value.items() if isinstance(value, dict) else enumerate(value)
    yield "{" if isinstance(value, dict) else "["
    for position, (key, item) in enumerate(items):
        if position:
            yield ","
        if isinstance(value, dict):
            yield json.dumps(key, ensure_ascii=False) + ":"
        yield from _json_pieces(item, depth - 1)
    yield "}" if isinstance(value, dict) else "]"


def _read_script(path: Path, assignment: str) -> Any:
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith(assignment):
        raise ValueError(f"{path} is not a search index file (it should start with {assignment})")
    return json.loads(text[len(assignment):].rstrip().rstrip(";"))


def _read_shards(folder: Path, shards: dict[str, Any]) -> list:
    found: list = []
    for shard in range(len(shards["starts"])):
        name = shards["file"].format(shard=shard)
        found += _read_script(folder / name, shard_assignment(name))
    return found


def read_index_files(site_dir: Path, language: str) -> dict[str, Any]:
    """A language's payload as build_index made it, read back from its index file and shards."""
    payload = _read_script(index_path(site_dir, language), f"self.{INDEX_GLOBAL}=")
    folder = Path(site_dir) / INDEX_DIR
    texts = _read_shards(folder, payload.pop("textShards"))
    postings = _read_shards(folder, payload.pop("termShards"))
    index = payload.pop("index")
    index["invertedIndex"] = [[term, fields] for term, fields in zip(index.pop("terms"), postings)]
    return {"docs": payload.pop("docs"), "texts": texts, "index": index, **payload}


@dataclass(frozen=True)
class IndexStats:
    """One language's index files in a built site."""

    language: str
    sections: int
    terms: int
    index_bytes: int  # the index file, what a first query needs besides its term shards
    index_gzip: int
    term_shards: int
    term_bytes: int
    text_shards: int
    text_bytes: int


def index_stats(site_dir: Path) -> list[IndexStats]:
    """The index files of each language of a built site."""
    rows = []
    folder = Path(site_dir) / INDEX_DIR
    for path in sorted(folder.glob("index.*.js")):
        language = path.name[len("index."):-len(".js")]
        data = path.read_bytes()
        payload = read_index_files(site_dir, language)
        terms, texts = (list(folder.glob(pattern(language).format(shard="*"))) for pattern in (terms_file, texts_file))
        rows.append(IndexStats(language, len(payload["docs"]), len(payload["index"]["invertedIndex"]), len(data),
                               len(gzip.compress(data)), len(terms), sum(shard.stat().st_size for shard in terms),
                               len(texts), sum(shard.stat().st_size for shard in texts)))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the size of each language's search index in a built site.")
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"), help="a built site (default: site/)")
    args = parser.parse_args(argv)
    print(f"{'language':<8}  {'sections':>8}  {'terms':>7}  {'index bytes':>11}  {'gzip':>9}  "
          f"{'term shards':>11}  {'term bytes':>10}  {'text shards':>11}  {'text bytes':>10}")
    for row in index_stats(args.site_dir):
        print(f"{row.language:<8}  {row.sections:>8,}  {row.terms:>7,}  {row.index_bytes:>11,}  {row.index_gzip:>9,}  "
              f"{row.term_shards:>11,}  {row.term_bytes:>10,}  {row.text_shards:>11,}  {row.text_bytes:>10,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
