"""Recording that a translation is in step with its original: writing `translation.source_hash`.

The edit touches only the `translation` block of the front matter (one value replaced, or one
`source_hash` entry added); every other byte of the file stays as it was, so a confirmation shows
up in review as a one-line change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.model.documents import FRONT_MATTER_FENCE, Corpus, Document, load_corpus
from scripts.model.translations import ORPHAN, UNCONFIRMED, report_for, source_hash


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
    root = yaml.compose(front, Loader=yaml.SafeLoader)
    block = None
    if isinstance(root, yaml.MappingNode):
        block = next((value for key, value in root.value if key.value == "translation"), None)
    if not isinstance(block, yaml.MappingNode):
        raise ConfirmError("no 'translation' block: this page is an original, nothing to confirm")
    quoted = f'"{new_hash}"'
    for key, value in block.value:
        if key.value == "source_hash":
            value_start, value_end = start + value.start_mark.index, start + value.end_mark.index
            separator = "" if text[value_start - 1] in " \t" else " "  # an empty value: 'source_hash:'
            return text[:value_start] + separator + quoted + text[value_end:]
    if block.flow_style:
        closing = start + block.end_mark.index - 1  # the '}'
        insert_at = closing
        while text[insert_at - 1] in " \t":
            insert_at -= 1
        separator = ", " if block.value else ""
        return text[:insert_at] + f"{separator}source_hash: {quoted}" + text[insert_at:]
    last_value = block.value[-1][1]
    line_end = text.find("\n", start + last_value.end_mark.index)
    insert_at = line_end + 1
    indent = " " * block.value[0][0].start_mark.column
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
    raw = doc.path.read_bytes().decode("utf-8")
    updated = with_source_hash(raw, new_hash)
    if updated != raw:
        doc.path.write_bytes(updated.encode("utf-8"))
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
