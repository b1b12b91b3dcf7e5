"""Which version of a document a reader gets: the one rule every listing, link, page and index follows.

A reader of language L gets, for each document:

1. its L version, when there is one;
2. else its original (the version without a `translation` block, in whatever language it was
   written), served in L's part of the site at the same path, with a notice saying so;
3. else nothing: a translation whose original does not exist is an orphan (an error that stops the
   build), served in its own language only.

So a guide written only in Serbian is listed, linked and navigable in the Albanian and English
sites, in Serbian, at sq's and en's own paths. Search indexes only a language's own versions: a
fallback is not in L's words (`is_fallback`).
"""

from __future__ import annotations

from typing import Mapping

from scripts.model.documents import Corpus, Document


def original_of(versions: Mapping[str, Document]) -> Document | None:
    """The version the others are translated from: the first, in the languages' order, without a
    `translation` block (two originals are an error of the translation check)."""
    return next((doc for doc in versions.values() if doc.translation is None), None)


def served_version(corpus: Corpus, doc_id: str, language: str) -> Document | None:
    """The version of `doc_id` a reader of `language` gets (see the module's rule)."""
    own = corpus.get(language, doc_id)
    if own is not None:
        return own
    return original_of(corpus.versions(doc_id))


def served_documents(corpus: Corpus, language: str) -> list[Document]:
    """One version of every document, as a reader of `language` gets it (in the corpus's order)."""
    ids = {doc.id: None for doc in corpus if doc.id}
    return [doc for doc in (served_version(corpus, doc_id, language) for doc_id in ids) if doc is not None]


def is_fallback(doc: Document, language: str) -> bool:
    """Whether `doc` is served to readers of `language` in place of a version in their language."""
    return doc.language != language
