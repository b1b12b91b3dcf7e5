"""Recording that a translation is in step with its original: writing `translation.source_hash`.

    python -m scripts.tools.confirm_translations docs/sr/guides/x.md [PAGE …]   # after translating
    python -m scripts.tools.confirm_translations --all      # after a bulk import: every page without a hash

The edit touches only the `translation` block of the front matter (one value replaced, or one
`source_hash` entry added); every other byte of the file stays as it was, so a confirmation shows
up in review as a one-line change. Stale translations are left to `--all`: they changed after a
confirmation and need a translator's look, page by page.
"""

from __future__ import annotations

import argparse
import json
from codecs import BOM_UTF8
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

from scripts.model.documents import FRONT_MATTER_FENCE, Corpus, Document, load_corpus
from scripts.model.project import DOCS_DIR
from scripts.model.translations import ORPHAN, UNCONFIRMED, report_for, source_hash
from scripts.model.yaml_reader import YamlProblem, parse


class ConfirmError(ValueError):
    """A page that cannot be confirmed, with the reason and the fix."""


def with_source_hash(text: str, new_hash: str) -> str:
    """`text` (a whole page) with `translation.source_hash` set to `new_hash`, nothing else changed."""
    first_break = text.find("\n")
    if first_break < 0 or text[:first_break].rstrip() != FRONT_MATTER_FENCE:
        raise ConfirmError("no front matter")
    start = first_break + 1
    end = start
    while True:
        line_end = text.find("\n", end)
        if line_end < 0:
            raise ConfirmError("front matter has no closing '---' line")
        if text[end:line_end].rstrip() == FRONT_MATTER_FENCE:
            break
        end = line_end + 1
    front = text[start:end]
    newline = "\r\n" if "\r\n" in front else "\n"
    try:
        data = parse(front, first_line=2, subject="front matter")
    except YamlProblem as problem:
        raise ConfirmError(f"line {problem.line}: {problem.message}") from None
    block = data.value.get("translation") if isinstance(data.value, dict) else None
    if not isinstance(block, dict):
        raise ConfirmError("no 'translation' block: this page is an original, nothing to confirm")
    quoted = f'"{new_hash}"'
    if "source_hash" in block:
        value_start, value_end = (start + index for index in data.spans[("translation", "source_hash")])
        separator = "" if text[value_start - 1] in " \t" else " "  # an empty value: 'source_hash:'
        return text[:value_start] + separator + quoted + text[value_end:]
    if ("translation",) in data.flow:
        closing = start + data.spans[("translation",)][1] - 1  # the '}'
        insert_at = closing
        while text[insert_at - 1] in " \t":
            insert_at -= 1
        separator = ", " if block else ""
        return text[:insert_at] + f"{separator}source_hash: {quoted}" + text[insert_at:]
    last_key, first_key = list(block)[-1], next(iter(block))
    line_end = text.find("\n", start + data.spans[("translation", last_key)][1])
    insert_at = line_end + 1
    indent = " " * data.key_columns[("translation", first_key)]
    return text[:insert_at] + f"{indent}source_hash: {quoted}{newline}" + text[insert_at:]


@dataclass(frozen=True)
class Confirmation:
    path: str
    original: str
    source_hash: str
    changed: bool  # False when the page already had this hash


def confirm_document(doc: Document, corpus: Corpus) -> Confirmation:
    """Write the current hash of `doc`'s original into `doc` (a translation)."""
    entry = report_for(corpus).entry(doc.language, doc.id)
    if doc.translation is None or entry is None:
        raise ConfirmError(f"{doc.display_path} is an original (no 'translation' block): nothing to confirm")
    if entry.state == ORPHAN or entry.original is None:
        raise ConfirmError(f"{doc.display_path}: its original does not exist; fix 'translation.source' first")
    new_hash = source_hash(entry.original)
    data = doc.path.read_bytes()
    mark = BOM_UTF8 if data.startswith(BOM_UTF8) else b""  # kept as it was
    raw = data[len(mark):].decode("utf-8")
    updated = with_source_hash(raw, new_hash)
    if updated != raw:
        doc.path.write_bytes(mark + updated.encode("utf-8"))
    return Confirmation(doc.display_path, entry.original.display_path, new_hash, updated != raw)


def confirm_paths(docs_dir: Path, paths: list[Path]) -> tuple[list[Confirmation], list[str]]:
    """Confirm each named page; returns what was confirmed and, for the rest, why not."""
    corpus = load_corpus(docs_dir)
    by_file = {doc.path.resolve(): doc for doc in corpus}
    done: list[Confirmation] = []
    refused: list[str] = []
    for path in paths:
        doc = by_file.get(Path(path).resolve())
        try:
            if doc is None:
                raise ConfirmError(f"{path}: not a page of {corpus.docs_dir} (give the path of a translated page)")
            done.append(confirm_document(doc, corpus))
        except ConfirmError as error:
            refused.append(str(error))
    return done, refused


def confirm_unconfirmed(docs_dir: Path) -> list[Confirmation]:
    """After a bulk import: confirm every translation that has no `source_hash` yet.

    Stale translations (with an old hash) are left alone: they changed after a confirmation and
    need a translator's look, page by page.
    """
    corpus = load_corpus(docs_dir)
    report = report_for(corpus)
    return [confirm_document(e.document, corpus) for e in report.entries if e.state == UNCONFIRMED and e.document]


def confirmations_text(done: list[Confirmation], refused: list[str]) -> str:
    lines = [
        f"{c.path}: {'confirmed' if c.changed else 'already confirmed'} against {c.original} (source_hash {c.source_hash})"
        for c in done
    ]
    lines += [f"not confirmed: {reason}" for reason in refused]
    lines.append(f"{len([c for c in done if c.changed])} page(s) updated, {len(refused)} refused")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path, metavar="PAGE",
                        help="translated pages that are in step with their original (writes source_hash)")
    parser.add_argument("--all", action="store_true",
                        help="record source_hash in every translation that has none yet (after a bulk import)")
    parser.add_argument("--docs-dir", type=Path, default=DOCS_DIR, help="default: %(default)s")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    args = parser.parse_args(argv)
    if bool(args.pages) == args.all:
        parser.error("name the translated pages to confirm, or give --all (not both)")
    if args.all:
        done, refused = confirm_unconfirmed(args.docs_dir), []
    else:
        done, refused = confirm_paths(args.docs_dir, args.pages)
    if args.format == "json":
        print(json.dumps({"confirmed": [asdict(c) for c in done], "refused": refused}, ensure_ascii=False, indent=2))
    else:
        print(confirmations_text(done, refused))
    return 1 if refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
