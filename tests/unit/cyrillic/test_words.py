"""The letter table and the digraph rule, with the reviewed exception list as data under test."""

from __future__ import annotations

import pytest
import yaml

from scripts.cyrillic import words
from scripts.cyrillic.words import ExceptionFileError, load_exceptions, to_latin, word_to_cyrillic


@pytest.mark.parametrize(
    "latin, cyrillic",
    [
        ("ljubav", "љубав"),
        ("Ljubljana", "Љубљана"),
        ("LJUBLJANA", "ЉУБЉАНА"),
        ("Njegoš", "Његош"),
        ("NJEGOŠ", "ЊЕГОШ"),
        ("NJ", "Њ"),
        ("Nj", "Њ"),
        ("nj", "њ"),
        ("džep", "џеп"),
        ("Džep", "Џеп"),
        ("DŽEP", "ЏЕП"),
        ("Đorđe", "Ђорђе"),
        ("ĐAK", "ЂАК"),
        ("čćšžđ", "чћшжђ"),
        ("ČĆŠŽĐ", "ЧЋШЖЂ"),
        ("ǉubav", "љубав"),  # Unicode's one-character digraphs
        ("ǅep", "Џеп"),
        ("Ǌ", "Њ"),
    ],
)
def test_letters_and_digraphs_in_every_case(latin, cyrillic):
    assert word_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "latin, cyrillic",
    [
        ("nadživeti", "надживети"),
        ("Nadživela", "Надживела"),
        ("NADŽIVETI", "НАДЖИВЕТИ"),
        ("nadživljavati", "надживљавати"),  # the boundary is split, the later lj is still љ
        ("injekcija", "инјекција"),
        ("INJEKCIJA", "ИНЈЕКЦИЈА"),
        ("konjugacija", "конјугација"),
        ("nekonjugovan", "неконјугован"),  # after the negation prefix too
        ("odžaliti", "оджалити"),
        ("podžupan", "поджупан"),
        ("konjunktura", "конјунктура"),
        ("Tanjug", "Танјуг"),
    ],
)
def test_two_sounds_where_a_boundary_falls_between_the_letters(latin, cyrillic):
    assert word_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "latin, cyrillic",
    [
        # Controls: the same letters as one sound; a stem too short would break each of these.
        ("nadžak", "наџак"),  # battle-axe (nad|ž would catch it)
        ("odžak", "оџак"),  # chimney (od|ž)
        ("kanjon", "кањон"),  # canyon: an|jon matches only at the start of a word
        ("konj", "коњ"),
        ("konjak", "коњак"),
        ("inje", "иње"),  # hoarfrost
        ("tanjir", "тањир"),
        ("njegov", "његов"),
        ("budžet", "буџет"),
        ("Podžeže", "Поджеже"),
    ],
)
def test_one_sound_where_no_exception_applies(latin, cyrillic):
    assert word_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("latin, cyrillic", [("odjednom", "одједном"), ("podjednako", "подједнако"), ("nadjačati", "надјачати"), ("Djeca", "Дјеца")])
def test_dj_is_d_and_j(latin, cyrillic):
    assert word_to_cyrillic(latin) == cyrillic


def test_every_example_of_the_reviewed_list_is_two_sounds():
    """The data file tests itself: each example keeps its two letters, and has a reason."""
    exceptions = load_exceptions()
    assert len(exceptions) >= 25
    two_letters = {"dž": "дж", "nj": "нј", "lj": "лј"}
    for exception in exceptions:
        assert exception.reason, exception.stem
        assert exception.examples, exception.stem
        for example in exception.examples:
            assert two_letters[exception.digraph] in word_to_cyrillic(example).lower(), (exception.stem, example)


def test_a_stem_without_its_boundary_is_refused(tmp_path):
    bad = tmp_path / "exceptions.yml"
    bad.write_text(yaml.safe_dump({"dž": [{"stem": "nadživ", "reason": "x"}]}), encoding="utf-8")
    with pytest.raises(ExceptionFileError, match="must mark with one '|'"):
        load_exceptions(bad)
    bad.write_text(yaml.safe_dump({"nj": [{"stem": "na|dživ", "reason": "x"}]}), encoding="utf-8")
    with pytest.raises(ExceptionFileError, match="where nj splits"):
        load_exceptions(bad)


def test_the_table_is_the_whole_serbian_alphabet_both_ways():
    assert len(words.LETTERS) + len(words.DIGRAPHS) == 30
    alphabet = "abcčćddžđefghijklljmnnjoprsštuvzž"
    assert to_latin(word_to_cyrillic(alphabet)) == alphabet
    assert to_latin("ЉУБЉАНА Његош") == "LJUBLJANA Njegoš"
