"""The Cyrillic edition's search index: the Serbian Latin index's payload with its texts in Cyrillic.

The index's terms need no second pass. The folding that the indexer and the browser share
(overrides/assets/search/folding.json) maps Serbian Cyrillic to Latin, so every Cyrillic word
folds to its Latin original's term (tests/unit/cyrillic/test_search_folding.py checks the whole
Serbian corpus), and a query typed in either script finds the same pages in either index. Only
what a reader sees changes: the titles and texts of the results, in Cyrillic, and the pages'
locations, in the Cyrillic edition.

The payload is scripts/search/index.py's (its docstring gives the format): `docs` is a list of
entries `[location, title, extra?]`, the location a page's URL path from the site root
('sr/acts/x/') or '#anchor' for a section of the page before it, `extra` a mapping whose string
values (a summary) and lists of strings (tags) a reader sees; `texts[ref]` is the text of
`docs[ref]`. Those are transliterated, and the pages relocated into the edition; numbers and
mapping keys are left alone, and everything else (the index's terms, the language's folded
function words and synonyms) is copied as it is. The edition's files are then written as any
language's (index file and text shards, `write_index_files`), under the edition's code.

Text a page keeps in Latin (marked `{lat}…{/lat}`, or in an element of another language:
html_pages.latin_body; marked in its title or summary: `without_markers`) stays Latin in its
results too. It is found again as the same run of words (a text node, or a marked piece), not
word by word: the Albanian 'i' of a source's title or the English 'Roma' of a name is not the
Serbian 'i' or 'Roma' of the page's own text, which is transliterated. Where it fails: a Serbian
sentence spelled exactly as a kept run (it would have to be the whole run).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Iterable, Mapping

from scripts.cyrillic.latin_spans import MARKER_CLOSE, MARKER_OPEN, kept_run, split_markers, strip_markers
from scripts.cyrillic.text import Work, transliterate


def cyrillic_payload(payload: dict[str, Any], source_prefix: str, edition_prefix: str,
                     kept: Mapping[str, frozenset[str]] | None = None, work: Work | None = None) -> dict[str, Any]:
    """The edition's payload: the titles, extras and texts transliterated, and the pages relocated
    from `source_prefix` ('sr/') to `edition_prefix` ('sr-cyrl/'); `kept` gives, per page location,
    the runs of text that stay Latin."""
    kept = kept or {}
    docs, texts = [], []
    keep: frozenset[str] = frozenset()
    for (location, *shown), text in zip(payload["docs"], payload["texts"], strict=True):
        if not location.startswith("#"):
            keep = kept.get(location, frozenset())
            if location.startswith(source_prefix):
                location = edition_prefix + location[len(source_prefix):]
        docs.append([location, *(_in_cyrillic(item, keep, work) for item in shown)])
        texts.append(_in_cyrillic(text, keep, work))
    return {**payload, "docs": docs, "texts": texts}


def without_markers(texts: Iterable[str]) -> tuple[list[str], frozenset[str]]:
    """Texts for a search index without the editor's markers (a title or summary from front
    matter, a raw-HTML piece from a data file: Markdown turned those of the body into spans), and
    the pieces they marked (latin_spans.kept_run), which the edition keeps in Latin."""
    plain, marked = [], set()
    for text in texts:
        if MARKER_OPEN in text:
            marked.update(run for piece, is_marked in split_markers(text) if is_marked
                          for run in [kept_run(piece)] if run)
            text = strip_markers(text)
        plain.append(text)
    return plain, frozenset(marked)


def _in_cyrillic(value: Any, keep: frozenset[str], work: Work | None) -> Any:
    if isinstance(value, str):
        return transliterate(protect(value, keep), work)
    if isinstance(value, list):
        return [_in_cyrillic(item, keep, work) for item in value]
    if isinstance(value, dict):
        return {key: _in_cyrillic(item, keep, work) for key, item in value.items()}
    return value


def protect(text: str, runs: frozenset[str]) -> str:
    """The text with each of `runs` (whole words at both ends, any spaces between words) marked to
    stay Latin."""
    if not runs:
        return text
    return _pattern(runs).sub(lambda match: f"{MARKER_OPEN}{match.group()}{MARKER_CLOSE}", text)


@functools.lru_cache(maxsize=1024)
def _pattern(runs: frozenset[str]) -> re.Pattern:
    alternatives = "|".join(r"\s+".join(map(re.escape, run.split())) for run in sorted(runs, key=len, reverse=True))
    # whole words as WORD finds them: a kept 'së' is not the end of 'OSBE-së'
    return re.compile(rf"(?<!\w)(?<!\w[-./'’])(?:{alternatives})(?!\w)(?![-./'’]\w)")
