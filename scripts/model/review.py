"""When a person last checked the text a reader gets against its sources: the one rule for it.

`last_reviewed` in a page's front matter is the day a person checked that page. A machine
translation was checked by nobody: the review that stands behind its text is its original's, so
what a reader (a citation, the catalogue, a feed) is told is the original's date, together with
the fact that the text is a machine translation. A page served in place of a missing translation
is the original itself, with its own date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from scripts.model.documents import Corpus, Document
from scripts.model.translations import report_for


@dataclass(frozen=True)
class Review:
    text: Document  # the version the reader gets
    reviewed: Document  # the version whose review stands behind it (the original for a machine translation)
    machine: bool  # the text is a machine translation no person has reviewed

    @property
    def date(self) -> Any:
        """The date of that review (a date, or the front matter's value as written)."""
        return self.reviewed.meta.get("last_reviewed")

    @property
    def iso_date(self) -> str:
        value = self.date
        return value.isoformat() if isinstance(value, dt.date) else ""


def review_of(corpus: Corpus, text: Document, language: str) -> Review:
    """The review behind `text`, the version of its document a reader of `language` gets."""
    entry = report_for(corpus).entry(language, text.id)
    if entry is not None and entry.machine and entry.original is not None and entry.document is text:
        return Review(text, entry.original, True)
    return Review(text, text, False)
