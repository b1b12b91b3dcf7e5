"""Scaffold a new document in every language of the site with valid front matter.

    python -m scripts.tools.new_document --id guide-health --type guide --path guides/health.md \\
        --source en --title "Health care"

Writes docs/<source>/<path> (the original) and the same path in the other two languages as
machine translations that record the original's hash, so they read as `unreviewed` until a person
translates and reviews them. Acts and strategies get their required fields as `unknown` / TODO
placeholders to fill in from the sources. Nothing is overwritten: if any of the three files exists,
or the id is taken, nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path, PurePosixPath
from typing import Sequence

import yaml

from scripts.model.documents import Document, load_corpus
from scripts.model.schema import ACT_TYPES, DOCUMENT_TYPES, KEBAB_CASE, NUMBERED_ACT_TYPES, UNKNOWN, check_document
from scripts.model.settings import project_settings
from scripts.model.project import DOCS_DIR, display_path
from scripts.model.translations import source_hash

TODO = "TODO"


def front_matter(fields: dict) -> str:
    text = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=120)
    return f"---\n{text}---\n"


def original_fields(args: argparse.Namespace) -> dict:
    fields = {
        "id": args.id,
        "type": args.type,
        "title": args.title,
        "summary": args.summary or f"{TODO}: one plain-language sentence about {args.title}.",
        "last_reviewed": args.date,
    }
    if args.type in ACT_TYPES:
        if args.type in NUMBERED_ACT_TYPES:
            fields["number"] = TODO
        fields.update(issuer=TODO, date_adopted=UNKNOWN, status=UNKNOWN, sources=[{"title": TODO}])
    return fields


def scaffold(args: argparse.Namespace) -> list[Path]:
    """Write the three files; returns their paths. Raises ValueError before writing anything."""
    docs_dir = Path(args.docs_dir)
    languages = project_settings().languages
    paths = {language: docs_dir / language / args.path for language in languages.codes}
    existing = [display_path(p) for p in paths.values() if p.exists()]
    if existing:
        raise ValueError(f"not overwriting {', '.join(existing)}: choose another --path or edit the existing files")
    corpus = load_corpus(docs_dir, languages)
    taken = [doc.display_path for doc in corpus if doc.id == args.id]
    if taken:
        raise ValueError(f"id '{args.id}' is already used by {', '.join(taken)}: choose another --id")

    fields = original_fields(args)
    body = f"\n# {args.title}\n\n{TODO}: write the page.\n"
    original = Document(args.source, paths[args.source], args.path, fields, body, 0)
    hash_now = source_hash(original)
    texts = {}
    for language in languages.codes:
        meta = dict(fields)
        if language != args.source:
            meta["translation"] = {"source": args.source, "status": "machine", "source_hash": hash_now}
        problems = check_document(Document(language, paths[language], args.path, meta, body, 0), languages)
        if problems:
            raise ValueError("; ".join(p.message for p in problems))
        texts[language] = front_matter(meta) + body
    for language, text in texts.items():
        paths[language].parent.mkdir(parents=True, exist_ok=True)
        paths[language].write_text(text, encoding="utf-8")
    return list(paths.values())


def kebab_id(text: str) -> str:
    if not KEBAB_CASE.match(text):
        raise argparse.ArgumentTypeError(f"{text!r}: an id is kebab-case, like 'guide-health'")
    return text


def page_path(text: str) -> str:
    path = PurePosixPath(text)
    if path.is_absolute() or ".." in path.parts or path.suffix != ".md" or path.parts[0] in project_settings().languages:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give the path inside a language folder, ending in .md, e.g. guides/health.md"
        )
    return path.as_posix()


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--id", required=True, type=kebab_id, help="the document's id, the same in every language")
    parser.add_argument("--type", required=True, choices=DOCUMENT_TYPES)
    parser.add_argument("--path", required=True, type=page_path, help="path inside each language folder, e.g. guides/x.md")
    parser.add_argument("--source", required=True, choices=project_settings().languages.codes,
                        help="the language you write the original in")
    parser.add_argument("--title", required=True, help="the title (in the source language; translators change it)")
    parser.add_argument("--summary", default="", help="one plain-language sentence (default: a TODO placeholder)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="last_reviewed, YYYY-MM-DD (default: today)")
    parser.add_argument("--docs-dir", type=Path, default=DOCS_DIR, help="default: %(default)s")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        written = scaffold(args)
    except ValueError as error:
        print(f"new_document: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"created {display_path(path)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
