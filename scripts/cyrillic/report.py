"""Run the transliterator over a built Serbian Latin edition and print what an editor should review.

    python -m scripts.cyrillic.report site/sr [--out DIR]

For every page: the work done, the Latin left (check.latin_left on the result), and across the
edition: each distinct word with lj, nj or dž and its Cyrillic form (the digraph rule is where a
wrong letter is likeliest), the words the exception list split, the words kept by each rule, and
words with doubled consonants (often a foreign word that Serbian letters spell but Serbian would
not: "Office"). `--out` also writes the Cyrillic pages there, for looking at them in a browser.
"""

from __future__ import annotations

import argparse
import collections
import re
import time
from pathlib import Path
from typing import Sequence

from scripts.cyrillic.check import latin_left
from scripts.cyrillic.html_pages import PageWalk, transliterate_html
from scripts.cyrillic.latin_spans import classify
from scripts.cyrillic.text import Work
from scripts.cyrillic.words import split_points, word_to_cyrillic

DIGRAPH = re.compile(r"lj|nj|dž", re.I)
DOUBLED = re.compile(r"([bcdfghklmnprstvz])\1", re.I)


def serbian_words(pages: list[str]) -> collections.Counter:
    """The words the transliterator spells, with how often (from the readable places of the pages)."""
    found: collections.Counter = collections.Counter()

    def look(text: str) -> str:
        for segment in classify(text):
            found[(segment.kind, segment.rule, text[segment.start : segment.end])] += 1
        return text

    for page in pages:
        PageWalk(look, False, Work()).run(page)
    return found


def report(site_dir: Path, out_dir: Path | None = None) -> str:
    paths = sorted(Path(site_dir).rglob("*.html"))
    pages = [p.read_text(encoding="utf-8") for p in paths]
    lines = [f"# Cyrillic edition of {site_dir}: {len(paths)} pages, {sum(map(len, pages)):,} characters of HTML", ""]
    total, started = Work(), time.perf_counter()
    left = collections.defaultdict(list)
    for path, page in zip(paths, pages):
        work = Work()
        cyrillic = transliterate_html(page, work)
        total.add(work)
        for found in latin_left(cyrillic):
            left[found.word].append(f"{path.relative_to(site_dir)}:{found.line}")
        if out_dir:
            target = Path(out_dir) / path.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(cyrillic, encoding="utf-8")
    seconds = time.perf_counter() - started
    lines += [
        "## Work",
        f"tokens {total.tokens:,}, characters {total.characters:,}, segments {total.segments:,} "
        f"({total.tokens / max(1, sum(map(len, pages))):.3f} tokens per HTML character); "
        f"{seconds:.2f} s here, for information only",
        "segments by kind: " + ", ".join(f"{k} {v:,}" for k, v in sorted(total.counts.items())),
        "",
        f"## Latin left ({sum(map(len, left.values()))} in {len(left)} distinct words)",
    ]
    for word, where in sorted(left.items(), key=lambda item: (-len(item[1]), item[0])):
        lines.append(f"- {word} ×{len(where)}: {', '.join(where[:3])}{' …' if len(where) > 3 else ''}")
    words = serbian_words(pages)
    spelled = collections.Counter()
    kept = collections.defaultdict(collections.Counter)
    for (kind, rule, word), count in words.items():
        if kind == "serbian":
            spelled[word] += count
        elif kind == "kept":
            kept[rule][word] += count
    lines += ["", "## Words split by the exception list (two sounds)"]
    lines += [f"- {w} → {word_to_cyrillic(w)}" for w in sorted(spelled) if split_points(w)] or ["(none on this site)"]
    lines += ["", "## Every distinct word with lj, nj or dž (review the letter each became)"]
    digraph_words = sorted({w.lower() for w in spelled if DIGRAPH.search(w)})
    lines.append(", ".join(f"{w} {word_to_cyrillic(w)}" for w in digraph_words))
    lines += ["", "## Doubled consonants (a foreign word spelt in Cyrillic?)"]
    lines.append(", ".join(sorted({f"{w} {word_to_cyrillic(w)}" for w in spelled if DOUBLED.search(w)})) or "(none)")
    lines += ["", "## Kept in Latin, by rule"]
    for rule, counter in sorted(kept.items()):
        lines.append(f"- {rule}: " + ", ".join(f"{w} ×{n}" for w, n in counter.most_common(25)))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Transliterate a built Serbian edition and report what to review.")
    parser.add_argument("site_dir", type=Path, help="the built Serbian Latin edition, e.g. site/sr")
    parser.add_argument("--out", type=Path, help="also write the Cyrillic pages into this folder")
    args = parser.parse_args(argv)
    print(report(args.site_dir, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
