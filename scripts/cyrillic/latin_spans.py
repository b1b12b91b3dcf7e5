"""What stays in Latin letters in the Serbian Cyrillic edition, and why.

One rule, used by the transliterator (text.py, html_pages.py) and by the check (check.py), so the
check accepts exactly what the transliterator deliberately kept. A text is cut into tokens
(a URL, an e-mail address, or a word: letters and digits, parts joined by - . / or an apostrophe)
and each token is

- **kept** in Latin, for one of these reasons (`Segment.rule`):
  - `marker`: the editor marked it, `{lat}Balkan Sunflowers{/lat}` (the Latin edition drops the
    marker; see strip_markers);
  - `url`, `email`: an address (https://…, www.…, mailto:…, name@host.org; a query quoted on
    its own, ?page=2,33);
  - `file`: a file or host name, a host name's path with it (municipal-offices.yml,
    gzk.rks-gov.net, kryeministri-ks.net/zck, zanotowane.pl);
  - `number`: a token with a digit: act numbers and identifiers (03/L-047, 02/2010, 138/2020,
    06/34, DNJ-02-2017, 2000/43/EC); a case ending after the last hyphen is Serbian and follows
    the text's script (1990-ih → 1990-их);
  - `name`: a name or abbreviation of the reviewed list keep_latin.yml (OSCE, UNHCR-a → UNHCR-а);
  - `roman`: a Roman numeral (II, III, XII, "Poglavlje III"); the ones that are also Serbian words
    or letters (I, V, X, MI, VI, LI, DIV, CD) only where they cannot be the word: not at the start
    of a sentence and not next to an all-capitals word, or right after a noun that takes a numeral
    (poglavlje, deo, aneks, vek…) or right before one (VI sprat, XXI vek). Fails for "I" alone in
    a table cell (read as the conjunction);
- **foreign**: a word with a letter that Serbian Latin does not have (w, x, y, q, ë, ç, é…) is
  left in Latin, because no Cyrillic spelling of it exists, but it is not deliberate: the check
  reports it, and the editor marks it or adds it to the list (Sunflowers, Shqip, Deçan);
- **spelled**: a name whose Cyrillic form keep_latin.yml gives (EULEX → ЕУЛЕКС, whose x Serbian
  writes кс);
- **serbian**: every other word with Latin letters: transliterated (words.py).

Words without Latin letters (Cyrillic, digits) are no segment at all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from scripts.cyrillic.words import SERBIAN_LATIN_LETTERS, read_data_file, to_latin

KEEP_FILE = Path(__file__).with_name("keep_latin.yml")

MARKER_OPEN, MARKER_CLOSE = "{lat}", "{/lat}"
MARKER = re.compile(r"\{lat\}(.*?)\{/lat\}", re.S)

# an address (its scheme alone too: "https://"), or an address's query written on its own ("?page=2,33")
_URL = (r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)(?:[^\s<>\"]*[^\s<>\"'.,;:!?)\]}])?"
        r"|\?[a-z][\w-]*=[^\s<>\"')\]]*")
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_WORD = r"\w+(?:[-./'’]\w+)*"
TOKEN = re.compile(f"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<word>{_WORD})|(?P<marker>\\{{/?lat\\}})", re.I)
WORD = re.compile(_WORD)
JOINER = re.compile(r"[-./'’]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")
NUMBER_ENDING = re.compile(r"^(.*\d)-([a-zčćšžđ]+)$")
ROMAN = re.compile(r"^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
ROMAN_ALSO_WORDS = frozenset({"I", "V", "X", "MI", "VI", "LI", "DIV", "CD"})
ROMAN_SINGLE_LETTERS = frozenset({"I", "V", "X"})  # L, C, D, M alone are read as letters: "vitamin C"
# Nouns (their Latin beginnings, lower-case) after which a numeral is a numeral: "Poglavlje I".
NUMBERED_NOUNS = (
    "poglavlj", "glav", "deo", "del", "dio", "dijel", "odeljak", "odeljk", "odjeljak", "odjeljk",
    "aneks", "prilog", "tom", "knjig", "svez", "faz", "vek", "vijek", "stoleć", "razred", "stepen",
    "nivo", "kategorij", "naslov", "chapter", "part", "annex", "title",
)
FILE_ENDINGS = frozenset(
    "pdf doc docx odt rtf xls xlsx ods csv tsv json yml yaml xml md txt html htm zip zim png jpg jpeg "
    "gif svg webp js css py com net org int eu gov edu info io rs ks al mk me ba hr "
    # more hosts' countries and kinds (copies of documents are found on sites all over)
    "pl mx ir cz it in de fr uk ch at si tv co biz ru ua hu gr tr es nl be se dk fi pt ro bg ca au us pub tips".split()
)
# Nouns (Latin beginnings) that an ordinal numeral comes before: "VI sprat", "XXI vek", "IV razred".
NOUNS_AFTER_A_NUMERAL = ("sprat", "vek", "razred", "kat")
SENTENCE_END = re.compile(r"[.!?]")


@dataclass(frozen=True)
class Segment:
    """A stretch of a text with Latin letters: what happens to it and by which rule."""

    start: int
    end: int
    kind: str  # "serbian" (transliterated), "spelled" (its Cyrillic form is in keep_latin.yml),
    #            "kept" (deliberately Latin) or "foreign" (Latin, reported by the check)
    rule: str = ""


# --------------------------------------------------------------------------- the editor's marker


def split_markers(text: str) -> list[tuple[str, bool]]:
    """The text in pieces, each with whether the editor marked it to stay Latin."""
    if MARKER_OPEN not in text:
        return [(text, False)]
    pieces, position = [], 0
    for match in MARKER.finditer(text):
        pieces.append((text[position : match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    pieces.append((text[position:], False))
    return [(piece, marked) for piece, marked in pieces if piece]


def strip_markers(text: str) -> str:
    """The Latin edition's text: the markers go, what they mark stays."""
    return MARKER.sub(r"\1", text) if MARKER_OPEN in text else text


# --------------------------------------------------------------------------- the reviewed names


@dataclass(frozen=True)
class KeepList:
    words: frozenset[str]
    phrases: dict[str, tuple[str, ...]]  # first word → phrases starting with it, longest first
    transliterated: dict[str, str]  # decided the other way: Latin → its Cyrillic form
    # word → its segments as (start, end, kind, rule) from the word's start, for the words whose
    # segments do not depend on the words around them (word_segments); filled as words are seen
    seen_words: dict[str, tuple[tuple[int, int, str, str], ...]] = field(default_factory=dict, compare=False, repr=False)


class KeepListError(ValueError):
    """keep_latin.yml is malformed (names the entry and the fix)."""


@functools.lru_cache(maxsize=None)
def keep_list(path: Path = KEEP_FILE) -> KeepList:
    data = read_data_file(path, KeepListError)
    words, phrases = set(), {}
    for entry in data.get("keep") or []:
        latin = str(entry.get("latin", "")).strip()
        if not latin or not entry.get("reason") or set(entry) - {"latin", "reason"}:
            raise KeepListError(f"{path}: every 'keep' entry has 'latin' and 'reason' only (got {entry!r}; "
                                "quote a name with a comma: in {…} the comma ends it)")
        if " " in latin:
            phrases.setdefault(latin.split(" ")[0], []).append(latin)
        else:
            words.add(latin)
    transliterated = {str(e["latin"]): str(e["cyrillic"]) for e in data.get("transliterated") or []}
    clash = words & set(transliterated)
    if clash:
        raise KeepListError(f"{path}: {sorted(clash)} are both kept and transliterated: keep one")
    return KeepList(
        frozenset(words),
        {first: tuple(sorted(group, key=len, reverse=True)) for first, group in phrases.items()},
        transliterated,
    )


# --------------------------------------------------------------------------- the rules


def has_latin(text: str) -> bool:
    return LATIN_LETTER.search(text) is not None


def kept_run(text: str) -> str:
    """A piece of text kept in Latin, as the search payload finds it again: spaces collapsed, or ''
    when it has no Latin letter. Runs, not words: a foreign name's 'i' or 'Roma' is not the
    Serbian word spelled the same elsewhere on its page."""
    return " ".join(text.split()) if has_latin(text) else ""


def is_foreign(word: str) -> bool:
    """A Latin letter that Serbian Latin does not have (w, y, ë, ç…)."""
    return any(char not in SERBIAN_LATIN_LETTERS for char in LATIN_LETTER.findall(word))


def _is_caps_word(word: str | None) -> bool:
    return bool(word) and len(word) > 1 and word.isalpha() and word.isupper()


def _roman_rule(word: str, previous: str | None, next_: str | None, sentence_start: bool) -> bool:
    """Whether a capital word is a Roman numeral here (see the module docstring)."""
    if not ROMAN.match(word):
        return False
    if len(word) == 1 and word not in ROMAN_SINGLE_LETTERS:
        return False
    if word not in ROMAN_ALSO_WORDS:
        return True
    if previous and to_latin(previous).lower().startswith(NUMBERED_NOUNS):
        return True
    if next_ and to_latin(next_).lower().startswith(NOUNS_AFTER_A_NUMERAL):
        return True  # "VI sprat" on an address's line of its own
    return not sentence_start and not _is_caps_word(previous) and not _is_caps_word(next_)


def _phrase_at(text: str, start: int, word: str, names: KeepList) -> str | None:
    for phrase in names.phrases.get(word.split("-")[0], ()):
        end = start + len(phrase)
        if text.startswith(phrase, start) and (end == len(text) or not text[end].isalnum()):
            return phrase
    return None


def _word_segments(word: str, start: int, context: tuple[str | None, str | None, bool], names: KeepList) -> Iterator[Segment]:
    end = start + len(word)
    if not has_latin(word):
        return
    if any(char.isdigit() for char in word):
        ending = NUMBER_ENDING.match(word)
        if ending and not is_foreign(ending.group(2)):
            split = start + len(ending.group(1))
            yield Segment(start, split, "kept", "number")
            yield Segment(split + 1, end, "serbian")
        else:
            yield Segment(start, end, "kept", "number")
        return
    parts = JOINER.split(word)
    host = word.split("/", 1)[0]  # a host name with a path: kryeministri-ks.net/zck
    if word.isascii() and (len(parts) > 1 and "." in word and parts[-1].lower() in FILE_ENDINGS
                           or "." in host and host.rsplit(".", 1)[-1].lower() in FILE_ENDINGS):
        yield Segment(start, end, "kept", "file")
        return
    if word in names.words:
        yield Segment(start, end, "kept", "name")
        return
    if word in names.transliterated:
        yield Segment(start, end, "spelled", "name")
        return
    previous, next_, sentence_start = context
    if is_foreign(word) and not (len(parts) == 1 and _roman_rule(word, previous, next_, sentence_start)):
        yield Segment(start, end, "foreign", "foreign-letters")  # (a Roman numeral's X is no foreign letter)
        return
    position = start
    for part in parts:
        part_end = position + len(part)
        if has_latin(part):
            if part in names.words:
                yield Segment(position, part_end, "kept", "name")
            elif part in names.transliterated:
                yield Segment(position, part_end, "spelled", "name")
            elif (len(parts) > 1 and ROMAN.match(part) and part not in ROMAN_ALSO_WORDS) or (
                len(parts) == 1 and _roman_rule(part, previous, next_, sentence_start)
            ):
                yield Segment(position, part_end, "kept", "roman")
            else:
                yield Segment(position, part_end, "serbian")
        position = part_end + 1  # every joiner is one character


def _context_free_segments(word: str, names: KeepList) -> tuple[tuple[int, int, str, str], ...] | None:
    """The word's segments from its start, when no neighbour can change them: only a single-part
    word that looks like a Roman numeral depends on them (_roman_rule). Remembered per word."""
    known = names.seen_words.get(word)
    if known is not None:
        return known
    if ROMAN.match(word) and len(JOINER.split(word)) == 1:
        return None
    known = tuple((s.start, s.end, s.kind, s.rule) for s in _word_segments(word, 0, (None, None, True), names))
    names.seen_words[word] = known
    return known


def classify(text: str, names: KeepList | None = None) -> Iterator[Segment]:
    """The segments of a text (no markers in it: split_markers first), in order."""
    if not has_latin(text):
        return
    names = names or keep_list()
    tokens = list(TOKEN.finditer(text))
    skip_until = -1
    for i, token in enumerate(tokens):
        start = token.start()
        if start < skip_until:
            continue
        kind = token.lastgroup
        if kind in ("url", "email"):
            yield Segment(start, token.end(), "kept", kind)
            continue
        if kind == "marker":  # a marker without its partner: left visible for the check to report
            yield Segment(start, token.end(), "foreign", "unpaired-marker")
            continue
        word = token.group()
        phrase = _phrase_at(text, start, word, names)
        if phrase:
            skip_until = start + len(phrase)
            yield Segment(start, skip_until, "kept", "name")
            continue
        known = _context_free_segments(word, names)
        if known is not None:
            for segment_start, segment_end, kind, rule in known:
                yield Segment(start + segment_start, start + segment_end, kind, rule)
            continue
        previous_token = tokens[i - 1] if i else None
        gap = text[previous_token.end() : start] if previous_token else ""
        context = (
            previous_token.group() if previous_token else None,
            tokens[i + 1].group() if i + 1 < len(tokens) else None,
            previous_token is None or SENTENCE_END.search(gap) is not None,
        )
        yield from _word_segments(word, start, context, names)
