"""The files of a language's search index in a built site (scripts/search/index.py makes the payload).

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

    python -m scripts.search.index_files site/     # sections, terms, bytes and shards of each language's index
"""

from __future__ import annotations

import argparse
import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

INDEX_DIR = Path("assets") / "search"  # where the index files and the search scripts go in the site
INDEX_GLOBAL = "crchSearchIndex"  # the global the index file sets (worker and file:// page alike)
SHARDS_GLOBAL = "crchSearchShards"  # the object a shard file sets its entry of (keyed by its file name)
TEXT_SHARD_CHARACTERS = 16_000  # characters of section text per text shard, about (a shard holds whole pages)
TERM_SHARD_CHARACTERS = 32_000  # characters of postings per term shard, about


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
