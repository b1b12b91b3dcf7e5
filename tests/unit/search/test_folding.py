"""The folding rules of overrides/assets/search/folding.json, as the Python indexer applies them.
The browser's engine applies the same rules: tests/unit/search/test_engine_js.py checks that both agree."""

from __future__ import annotations

import unicodedata

import pytest

from scripts.search import folding

SERBIAN_CYRILLIC = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
SERBIAN_LATIN = ["a", "b", "v", "g", "d", "dj", "e", "z", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r",
                 "s", "t", "c", "u", "f", "h", "c", "c", "dz", "s"]

# (text, folded): the rules of overrides/assets/search/folding.json, one case each.
EXPECTED = [
    ("Çështje", "ceshtje"),
    ("ËË çç", "ee cc"),
    ("Zaštita ŽENA Čačak Ćuprija", "zastita zena cacak cuprija"),
    ("đ Đ Đorđe", "dj dj djordje"),
    ("DŽ Dž dž ǅ Ǆ ǆ Ǉ ǈ ǉ Ǌ ǋ ǌ", "dz dz dz dz dz dz lj lj lj nj nj nj"),
    ("Приштина", "pristina"),
    ("Љубав Њива Џеп Ђак Ћуприја", "ljubav njiva dzep djak cuprija"),
    ("Ёлка ѓ ќ café naïve Ångström", "elka g k cafe naive angstrom"),
    ("03/L-047 02/2010 138/2020", "03/l-047 02/2010 138/2020"),
] + [(upper, latin) for upper, latin in zip(SERBIAN_CYRILLIC, SERBIAN_LATIN)] + [
    (upper.lower(), latin) for upper, latin in zip(SERBIAN_CYRILLIC, SERBIAN_LATIN)
]

# Tokenising: act numbers stay whole; the index adds their parts, prefixes and suffixes.
TOKEN_CASES = [
    ("Rregullorja Nr. 02/2010, neni 5.", ["Rregullorja", "Nr", "02/2010", "02", "2010", "neni", "5"]),
    ("Ligji 03/L-047!", ["Ligji", "03/L-047", "03", "L", "047", "03/L", "L-047"]),
    ("(138/2020)", ["138/2020", "138", "2020"]),
    ("don’t “quote” — x-", ["don", "t", "quote", "x"]),
    ("Закон бр. 03/L-047", ["Закон", "бр", "03/L-047", "03", "L", "047", "03/L", "L-047"]),
]


@pytest.mark.parametrize("text, folded", EXPECTED)
def test_python_folding_follows_the_rules(text, folded):
    assert folding.fold(text) == folded


@pytest.mark.parametrize("text, terms", TOKEN_CASES)
def test_python_tokens_keep_act_numbers_whole(text, terms):
    assert folding.index_terms(text) == terms


def test_every_listed_character_is_reachable():
    """fold() lower-cases and strips accents before it maps: a key that is upper-case, or that
    decomposes, would never be looked up."""
    for character in folding.rules().characters:
        assert len(character) == 1 and character == character.lower(), character
        assert unicodedata.normalize("NFD", character) == character, character


def test_folding_is_idempotent():
    for text in [text for text, _ in EXPECTED] + [text for text, _ in TOKEN_CASES]:
        assert folding.fold(folding.fold(text)) == folding.fold(text)


def test_index_terms_are_the_tokens_with_the_pieces_of_joined_ones():
    text = "Ligji 03/L-047, neni 5.2 dhe çështje – Закон 02/2010."
    expected = [term for _, _, token in folding.tokens(text) for term in [token, *folding.token_pieces(token)]]
    assert folding.rules().token.groups == 0  # index_terms takes findall's strings as whole tokens
    assert folding.index_terms(text) == expected
    assert "L-047" in expected and "2010" in expected
