"""Interface-strings check: every key of overrides/strings/*.yml has text in every language of the site."""

from __future__ import annotations

from scripts.checks.problems import Problem
from scripts.checks.registry import check
from scripts.model.documents import Corpus
from scripts.model.project import STRINGS_DIR
from scripts.model.strings import load_strings


@check("strings",
       bad="type.law: {sq: Ligj, en: Law}",
       good="type.law: {sq: Ligj, sr: Zakon, en: Law}")
def interface_strings(corpus: Corpus) -> list[Problem]:
    """An interface string without one of the site's languages, or a strings file that cannot be read."""
    strings, problems = load_strings(STRINGS_DIR)
    return problems + strings.missing(corpus.languages)
