"""One Atom feed per language (RFC 4287) of the documents its readers get, newest review first.

An entry's `updated` is the day a person last checked the text against its sources
(scripts/model/review.py: a machine translation's is its original's), taken from front matter,
never from the day of the build, so two builds give the same bytes and a feed reader sees an
entry change when a document is added or reviewed. Identifiers are `urn:uuid:` names derived
from the language and the document's ID: permanent, and the same whether or not the site has an
address. Links are absolute when it has one, else relative to the feed (Atom resolves them
against the feed's own address), so a copy on another host or in a sub-folder is whole.

A generated edition (Serbian in Cyrillic, `sr-cyrl/feed.atom`) has a feed of its own: its source
language's documents, linked at their twin pages, with each text in Cyrillic as the twins show it
(scripts/cyrillic/: what stays Latin stays Latin; a page served in another language keeps it).
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape, quoteattr

from scripts.cyrillic.edition import twin_path
from scripts.cyrillic.latin_spans import strip_markers
from scripts.cyrillic.text import transliterate
from scripts.model.documents import Corpus
from scripts.model.languages import Language
from scripts.model.links import relative_url
from scripts.model.review import review_of
from scripts.model.served import served_documents
from scripts.model.site_address import SiteAddress
from scripts.model.strings import Strings

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.atom"  # at the root of each language's part of the site
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:community-rights-clearing-house")


def feed_path(corpus: Corpus, language: str) -> str:
    """Where a language's (or edition's) feed is, from the site root: 'feed.atom', 'sr/feed.atom',
    'sr-cyrl/feed.atom'."""
    return corpus.languages.language_or_edition(language).prefix + FEED_FILE


def _urn(*names: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, ':'.join(names))}"


def _timestamp(iso_date: str) -> str:
    return f"{iso_date}T00:00:00Z" if iso_date else "1970-01-01T00:00:00Z"


def feed_xml(corpus: Corpus, language: str, strings: Strings, address: SiteAddress,
             edition: Language | None = None) -> str:
    """The Atom feed of every document a reader of `language` gets (`edition`: the feed of that
    language's generated edition)."""
    languages = corpus.languages
    source = languages[language]
    part = edition or source
    prefix = part.prefix

    def href(site_path: str) -> str:
        return address.url(site_path) or relative_url(prefix, site_path)

    def shown(text: str, text_language: str = language) -> str:
        """A text as the part's pages show it: in the edition's script when it is the source's text."""
        return transliterate(text) if edition and text_language == language else strip_markers(text)

    def entry_lang(text_language: str) -> str:
        return part.html_lang if text_language == language else languages[text_language].html_lang

    reviews = [review_of(corpus, doc, language) for doc in served_documents(corpus, language)]
    reviews.sort(key=lambda r: (r.iso_date, r.text.id), reverse=True)
    updated = _timestamp(max((r.iso_date for r in reviews), default=""))
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f"<feed xmlns={quoteattr(ATOM_NS)} xml:lang={quoteattr(part.html_lang)}>",
             f"  <id>{_urn('feed', part.code)}</id>",
             f"  <title>{escape(shown(source.site_name))}</title>"]
    if source.site_description:
        lines.append(f"  <subtitle>{escape(shown(source.site_description))}</subtitle>")
    lines += [f"  <updated>{updated}</updated>",
              f"  <author><name>{escape(shown(source.site_name))}</name></author>",
              f'  <link rel="alternate" type="text/html" href={quoteattr(href(prefix))}/>']
    if address:
        lines.append(f'  <link rel="self" type="application/atom+xml" href={quoteattr(address.url(feed_path(corpus, part.code)))}/>')
    for review in reviews:
        doc = review.text
        path = corpus.site_path(doc, language)
        if edition:
            path = twin_path(path, source, edition) or path
        type_label = shown(strings.t(f"type.{doc.type}", language))
        lines += [f"  <entry xml:lang={quoteattr(entry_lang(doc.language))}>",
                  f"    <id>{_urn('document', part.code, doc.id)}</id>",
                  f"    <title>{escape(shown(doc.title, doc.language))}</title>",
                  f'    <link rel="alternate" type="text/html" href={quoteattr(href(path))}/>',
                  f"    <updated>{_timestamp(review.iso_date)}</updated>",
                  f"    <summary>{escape(shown(doc.summary, doc.language))}</summary>",
                  f"    <category term={quoteattr(doc.type)} label={quoteattr(type_label)}/>",
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
