"""Search folding and tokenising, read from the one data file the browser reads too.

`overrides/assets/search/folding.json` defines the rules; this module applies them for the indexer
and `overrides/assets/search/text.js` applies the same rules in the browser (search and the
directory filter), so `ceshtje` finds `çështje`, `zastita` finds `zaštita`, `Приштина` finds
`Priština` and `02/2010` stays one token. The lunr pipeline function `crchFold` is registered for
the Python lunr builder that counts the index's terms.

    python -m scripts.search.folding "Zaštita Çështje Приштина 03/L-047"   # print folded index tokens
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from lunr.pipeline import Pipeline

from scripts.model.project import ROOT

FOLDING_FILE = ROOT / "overrides" / "assets" / "search" / "folding.json"
PIPELINE_FUNCTION = "crchFold"


@dataclass(frozen=True)
class Rules:
    characters: dict[str, str]
    combining_marks: re.Pattern
    token: re.Pattern
    joiner: re.Pattern


@functools.lru_cache(maxsize=None)
def rules(path: Path = FOLDING_FILE) -> Rules:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    word, joiner = data["word_character"], data["joiner"]
    return Rules(
        characters=data["characters"],
        combining_marks=re.compile(data["combining_marks"]),
        token=re.compile(f"{word}+(?:{joiner}{word}+)*"),
        joiner=re.compile(joiner),
    )


def fold(text: str) -> str:
    """Lower-case, transliterate, drop accents: the form in which text is indexed and queried."""
    folding = rules()
    stripped = folding.combining_marks.sub("", unicodedata.normalize("NFD", text.lower()))
    return unicodedata.normalize("NFC", "".join(folding.characters.get(char, char) for char in stripped))


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, surface text) of every token, as the browser finds them in a query or result."""
    for match in rules().token.finditer(text):
        yield match.start(), match.end(), match.group()


def index_terms(text: str) -> list[str]:
    """The unfolded terms a text adds to the index: each token, and for a joined token
    (02/2010, 03/L-047) also its parts and the prefixes and suffixes of its parts."""
    folding, terms = rules(), []
    for token in folding.token.findall(text):  # (the pattern has no groups: the whole tokens)
        terms.append(token)
        if folding.joiner.search(token):
            terms.extend(token_pieces(token))
    return terms


def token_pieces(token: str) -> list[str]:
    """Parts, prefixes and suffixes of a joined token: 03/L-047 -> 03, L, 047, 03/L, L-047."""
    separators = [m.span() for m in rules().joiner.finditer(token)]
    if not separators:
        return []
    starts = [0] + [end for _, end in separators]
    ends = [start for start, _ in separators] + [len(token)]
    parts = [token[s:e] for s, e in zip(starts, ends)]
    prefixes = [token[: ends[i]] for i in range(1, len(parts) - 1)]
    suffixes = [token[starts[i]:] for i in range(1, len(parts) - 1)]
    return parts + prefixes + suffixes


def fold_token(token, i, tokens):  # noqa: ARG001 - lunr's pipeline signature
    return token.update(lambda string, metadata: fold(string))


Pipeline.register_function(fold_token, PIPELINE_FUNCTION)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the folded index terms of a text (what search indexes).")
    parser.add_argument("text", help="text to fold and tokenise")
    args = parser.parse_args(argv)
    print(" ".join(fold(term) for term in index_terms(args.text)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
