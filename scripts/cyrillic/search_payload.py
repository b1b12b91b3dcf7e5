"""The Cyrillic edition's search index: the Serbian Latin index's payload with its texts in Cyrillic.

The index's terms need no second pass. The folding that the indexer and the browser share
(overrides/assets/search/folding.json) maps Serbian Cyrillic to Latin, so every Cyrillic word
folds to its Latin original's term (tests/unit/cyrillic/test_search_folding.py checks the whole
Serbian corpus), and a query typed in either script finds the same pages in either index. Only
what a reader sees changes: the titles and texts of the results, in Cyrillic, and the pages'
locations, in the Cyrillic edition.

Written against the payload's shape, not its details, so that the search code can change its
format and this keeps working: `docs` is a list of entries, each a list whose first item is the
location (a page's URL path from the site root, 'sr/acts/x/', or '#anchor' for a section of the
page before it) and whose other strings, at any depth (title, text, tags, summary…), are text a
reader sees; mapping keys and numbers are left alone. Everything outside `docs` (the index, the
language's folded function words and synonyms) is copied as it is.

Words a page's body keeps in Latin (marked `{lat}…{/lat}`, or in an element of another language:
html_pages.latin_body) stay Latin in its excerpts too. Where it fails: such a word is also kept
where the same page uses it as a Serbian word (rare: it would have to be spelled the same).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Mapping

from scripts.cyrillic.latin_spans import MARKER_CLOSE, MARKER_OPEN
from scripts.cyrillic.text import Work, transliterate


def cyrillic_payload(payload: dict[str, Any], source_prefix: str, edition_prefix: str,
                     kept: Mapping[str, frozenset[str]] | None = None, work: Work | None = None) -> dict[str, Any]:
    """The edition's payload: `docs` transliterated and relocated from `source_prefix` ('sr/') to
    `edition_prefix` ('sr-cyrl/'); `kept` gives, per page location, the words that stay Latin."""
    kept = kept or {}
    docs = []
    keep: frozenset[str] = frozenset()
    for location, *shown in payload["docs"]:
        if not location.startswith("#"):
            keep = kept.get(location, frozenset())
            if location.startswith(source_prefix):
                location = edition_prefix + location[len(source_prefix):]
        docs.append([location, *(_in_cyrillic(item, keep, work) for item in shown)])
    return {**payload, "docs": docs}


def _in_cyrillic(value: Any, keep: frozenset[str], work: Work | None) -> Any:
    if isinstance(value, str):
        return transliterate(protect(value, keep), work)
    if isinstance(value, list):
        return [_in_cyrillic(item, keep, work) for item in value]
    if isinstance(value, dict):
        return {key: _in_cyrillic(item, keep, work) for key, item in value.items()}
    return value


def protect(text: str, words: frozenset[str]) -> str:
    """The text with each of `words` (whole words only) marked to stay Latin."""
    if not words:
        return text
    return _pattern(words).sub(lambda match: f"{MARKER_OPEN}{match.group()}{MARKER_CLOSE}", text)


@functools.lru_cache(maxsize=1024)
def _pattern(words: frozenset[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
