"""Cyrillic-edition check: what `make check` can tell about an edition generated from another
language's pages before anything is built (scripts/cyrillic/check.py has the rules; each built
Cyrillic page is checked by the build itself). A page under docs/<edition>/ is the schema's
problem (scripts/model/documents.py: the edition has no pages of its own)."""

from __future__ import annotations

from scripts.checks.problems import Problem
from scripts.checks.registry import check
from scripts.cyrillic.check import marker_problems
from scripts.cyrillic.strings import check_cyrillic_strings
from scripts.model.documents import Corpus
from scripts.model.project import STRINGS_DIR


@check("cyrillic",
       bad="title: Misija {lat}Balkan Sunflowers",
       good="title: Misija {lat}Balkan Sunflowers{/lat}")
def cyrillic_edition(corpus: Corpus) -> list[Problem]:
    """A {lat} marker without its {/lat} in a page the Cyrillic edition is made from, or an interface string it would show in Latin."""
    problems = []
    for edition in corpus.languages.editions:
        problems += marker_problems(corpus, edition.generated_from)
        problems += check_cyrillic_strings(STRINGS_DIR, edition.generated_from)
    return problems
