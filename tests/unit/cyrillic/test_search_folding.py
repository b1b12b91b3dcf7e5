"""Search on the Cyrillic edition: the folding (overrides/assets/search/folding.json) must give a
Cyrillic word the same index term as its Latin original, so one index answers both scripts."""

from __future__ import annotations

import re

import pytest

from scripts.cyrillic.text import transliterate
from scripts.cyrillic.words import word_to_cyrillic
from scripts.model.documents import load_corpus
from scripts.model.project import DOCS_DIR
from scripts.search.folding import fold, index_terms


def serbian_corpus_words() -> set[str]:
    corpus = load_corpus(DOCS_DIR)
    text = "\n".join(f"{doc.title}\n{doc.summary}\n{doc.body}" for doc in corpus.in_language("sr"))
    return set(re.findall(r"[^\W\d_]+", text))


def test_every_word_of_the_serbian_corpus_folds_the_same_in_both_scripts():
    words = serbian_corpus_words()
    assert len(words) > 1000
    mismatches = {w: (fold(w), fold(transliterate(w))) for w in words if fold(transliterate(w)) != fold(w)}
    assert mismatches == {}


@pytest.mark.parametrize(
    "latin",
    ["LJUBLJANA", "Njegoš", "džep", "nadživeti", "injekcija", "konjugacija", "Đorđe", "odjednom", "ǉubav", "Priština", "Zakon 03/L-047"],
)
def test_digraphs_exceptions_and_act_numbers_fold_alike(latin):
    cyrillic = transliterate(latin)
    assert [fold(t) for t in index_terms(cyrillic)] == [fold(t) for t in index_terms(latin)]


def test_dz_folds_from_both_scripts():
    """dž and џ both fold to dz, đ and ђ to dj: a reader typing either script, or neither's accents, finds both."""
    assert fold("џ") == fold("dž") == "dz"
    assert fold("ђ") == fold("đ") == fold(word_to_cyrillic("dj")) == "dj"


def test_control_a_folding_without_a_cyrillic_letter_is_caught(monkeypatch):
    """Planted fault: drop џ from the folding table; the same comparison then finds the mismatch."""
    import dataclasses

    from scripts.search import folding

    rules = folding.rules()
    broken = dataclasses.replace(rules, characters={k: v for k, v in rules.characters.items() if k != "џ"})
    monkeypatch.setattr(folding, "rules", lambda: broken)
    assert fold(transliterate("budžet")) != fold("budžet")
