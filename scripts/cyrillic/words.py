"""One Serbian Latin word in Cyrillic letters: the letter table and the digraph rule.

Serbian Latin writes three sounds with two letters: lj (љ), nj (њ), dž (џ). Most of the time
the pair is that one sound, but where a prefix or a loanword's parts meet between the letters
(nad|živeti, in|jekcija, kon|jugacija) they are two sounds and Cyrillic writes two letters. The
words where that happens are a reviewed data file, `digraph_exceptions.yml`, of word-initial
stems with the boundary marked; everything else follows the table below. `dj` is always д + ј
(odjednom → одједном, podjednako → подједнако): this project writes đ as đ, and reading dj as đ
would wreck every prefixed word with d + j, which standard Serbian spells this way.

The letter table is the Serbian alphabet itself (30 letters, fixed by the standard), written out
here rather than taken from a transliteration library: the libraries' tables are the same 30
pairs, and their digraph handling is what this module has to do differently.

The caller (latin_spans.py) decides which words are Serbian; this module only spells them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from scripts.model.project import display_path
from scripts.model.yaml_reader import YamlProblem, read_file

EXCEPTIONS_FILE = Path(__file__).with_name("digraph_exceptions.yml")

LETTERS = {
    "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "đ": "ђ", "e": "е", "ž": "ж", "z": "з",
    "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р",
    "s": "с", "t": "т", "ć": "ћ", "u": "у", "f": "ф", "h": "х", "c": "ц", "č": "ч", "š": "ш",
}
DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
# Unicode's one-character digraphs (Ǆ ǅ ǆ, Ǉ ǈ ǉ, Ǌ ǋ ǌ): always the one sound.
LIGATURES = {"ǆ": "џ", "ǅ": "Џ", "Ǆ": "Џ", "ǉ": "љ", "ǈ": "Љ", "Ǉ": "Љ", "ǌ": "њ", "ǋ": "Њ", "Ǌ": "Њ"}
TABLE = {
    **{latin: cyrillic for latin, cyrillic in LETTERS.items()},
    **{latin.upper(): cyrillic.upper() for latin, cyrillic in LETTERS.items()},
    **LIGATURES,
}
SERBIAN_LATIN_LETTERS = frozenset(TABLE)
# The negation prefix is productive: nekonjugovan, neodžaljen follow their stems.
OPTIONAL_PREFIXES = ("ne",)


@dataclass(frozen=True)
class TwoSounds:
    """A word-initial stem in which one digraph is two sounds; `split` is the index of its second letter."""

    stem: str
    split: int
    digraph: str
    reason: str
    examples: tuple[str, ...]


class ExceptionFileError(ValueError):
    """The exception list is malformed (names the entry and the fix)."""


def read_data_file(path: Path, error: type[ValueError]) -> dict:
    """A data file of this package as a mapping, read by the project's one YAML reader."""
    try:
        data = read_file(Path(path), display_path(Path(path))).value or {}
    except YamlProblem as problem:
        raise error(f"{display_path(Path(path))}:{problem.line}: {problem.message}") from None
    if not isinstance(data, dict):
        raise error(f"{display_path(Path(path))}: must be a mapping of lists")
    return data


def load_exceptions(path: Path = EXCEPTIONS_FILE) -> tuple[TwoSounds, ...]:
    """Read and validate the reviewed list of two-sound digraphs."""
    data = read_data_file(path, ExceptionFileError)
    found = []
    for digraph in DIGRAPHS:
        for entry in data.get(digraph) or []:
            raw = str(entry.get("stem", ""))
            stem = raw.replace("|", "")
            split = raw.find("|")
            if raw.count("|") != 1 or stem[split - 1 : split + 1] != digraph:
                raise ExceptionFileError(
                    f"{path}: stem {raw!r} under '{digraph}' must mark with one '|' where {digraph} splits, e.g. 'nad|živ'"
                )
            if stem != stem.lower():
                raise ExceptionFileError(f"{path}: stem {raw!r} must be lower-case (matching ignores case)")
            found.append(TwoSounds(stem, split, digraph, str(entry.get("reason", "")), tuple(entry.get("examples") or ())))
    return tuple(found)


@functools.lru_cache(maxsize=None)
def _exceptions_by_start(path: Path = EXCEPTIONS_FILE) -> dict[str, tuple[TwoSounds, ...]]:
    """Exceptions keyed by their first two letters, so a word looks at a handful, not the list."""
    index: dict[str, list[TwoSounds]] = {}
    for exception in load_exceptions(path):
        index.setdefault(exception.stem[:2], []).append(exception)
    return {key: tuple(sorted(group, key=lambda e: -len(e.stem))) for key, group in index.items()}


def split_points(word: str) -> frozenset[int]:
    """Indices in `word` of the second letter of a digraph that is two sounds (empty for most words)."""
    lower = word.lower()
    index = _exceptions_by_start()
    for offset in (0, *(len(p) for p in OPTIONAL_PREFIXES if lower.startswith(p))):
        for exception in index.get(lower[offset : offset + 2], ()):
            if lower.startswith(exception.stem, offset):
                return frozenset({offset + exception.split})
    return frozenset()


def _cased(cyrillic: str, first_letter: str) -> str:
    return cyrillic.upper() if first_letter.isupper() else cyrillic


@functools.lru_cache(maxsize=65536)
def word_to_cyrillic(word: str) -> str:
    """A Serbian word (letters only) in Cyrillic. Letters outside the table are left as they are."""
    splits = split_points(word)
    out = []
    i, n = 0, len(word)
    while i < n:
        pair = word[i : i + 2].lower()
        if pair in DIGRAPHS and i + 1 not in splits:
            out.append(_cased(DIGRAPHS[pair], word[i]))  # LJ, Lj and lj are all Љ/љ by the first letter
            i += 2
            continue
        out.append(TABLE.get(word[i], word[i]))
        i += 1
    return "".join(out)


_TO_LATIN = {cyrillic: latin for latin, cyrillic in TABLE.items() if len(latin) == 1 and latin not in LIGATURES}
_TO_LATIN.update({"љ": "lj", "њ": "nj", "џ": "dž", "Љ": "Lj", "Њ": "Nj", "Џ": "Dž"})


def to_latin(text: str) -> str:
    """Serbian Cyrillic back to Latin (unambiguous in this direction): for context rules and tests."""
    out = []
    for i, char in enumerate(text):
        latin = _TO_LATIN.get(char, char)
        if len(latin) == 2 and i + 1 < len(text) and text[i + 1].isupper():
            latin = latin.upper()  # ЉУБЉАНА → LJUBLJANA
        out.append(latin)
    return "".join(out)
