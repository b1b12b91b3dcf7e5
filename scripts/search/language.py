"""What the search engine knows of each language beyond its pages: function words and synonyms.

Function words come from overrides/assets/search/language.json; synonyms from the glossary
(scripts/model/glossary.py, docs/data/glossary.yml): every name and abbreviation of one term, in the three languages, is
one group, so `ombudsman` finds the Ombudsperson, `avokati i popullit` too, and `MOCR`, `ZKKK`
and `OKZP` find the municipal offices in every language. Both go into each language's index
file (scripts/search/index.py), folded as the index is, and the browser's engine uses them
(overrides/assets/search/query.js).

Limit: a synonym group joins whole names only; a name the glossary does not list (a spelling
variant, a word people use for it) is no synonym.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Sequence

from scripts.model.glossary import Term
from scripts.model.project import ROOT
from scripts.search import folding

LANGUAGE_FILE = ROOT / "overrides" / "assets" / "search" / "language.json"


@functools.lru_cache(maxsize=None)
def _language_data(path: Path = LANGUAGE_FILE) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def function_words(language: str) -> list[str]:
    """The folded function words of a language (none for a language the file does not list)."""
    words = _language_data().get(language, {}).get("function_words", [])
    return sorted({folding.fold(word) for word in words})


def folded_phrase(name: str) -> str:
    """A name as the engine compares it: its folded tokens joined by single spaces."""
    return " ".join(folding.fold(token) for _, _, token in folding.tokens(name))


def synonym_groups(terms: Sequence[Term]) -> list[list[str]]:
    """One group per glossary term: its folded names and abbreviations in every language, each once.

    A group of a single phrase (the same name everywhere) says nothing and is left out.
    """
    groups = []
    for term in terms:
        phrases: list[str] = []
        for name in term.names.values():
            for text in (name.term, name.abbr):
                phrase = folded_phrase(text or "")
                if phrase and phrase not in phrases:
                    phrases.append(phrase)
        if len(phrases) > 1:
            groups.append(phrases)
    return groups


def language_payload(language: str, terms: Sequence[Term]) -> dict[str, Any]:
    """The language part of an index file: {"functionWords": [...], "synonyms": [[phrase, ...], ...]}."""
    return {"functionWords": function_words(language), "synonyms": synonym_groups(terms)}
