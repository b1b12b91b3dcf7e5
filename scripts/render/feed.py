"""One Atom feed per language (RFC 4287) of the documents its readers get, newest review first.

An entry's `updated` is the day a person last checked the text against its sources
(scripts/model/review.py: a machine translation's is its original's), taken from front matter,
never from the day of the build, so two builds give the same bytes and a feed reader sees an
entry change when a document is added or reviewed. Identifiers are `urn:uuid:` names derived
from the language and the document's ID: permanent, and the same whether or not the site has an
address. Links are absolute when it has one, else relative to the feed (Atom resolves them
against the feed's own address), so a copy on another host or in a sub-folder is whole.
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape, quoteattr

from scripts.cyrillic.latin_spans import strip_markers
from scripts.model.documents import Corpus
from scripts.model.links import relative_url
from scripts.model.review import review_of
from scripts.model.served import served_documents
from scripts.model.site_address import SiteAddress
from scripts.model.strings import Strings

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.atom"  # at the root of each language's part of the site
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:community-rights-clearing-house")


def feed_path(corpus: Corpus, language: str) -> str:
    """Where a language's feed is, from the site root: 'feed.atom', 'sr/feed.atom'."""
    return corpus.languages[language].prefix + FEED_FILE


def _urn(*names: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, ':'.join(names))}"


def _timestamp(iso_date: str) -> str:
    return f"{iso_date}T00:00:00Z" if iso_date else "1970-01-01T00:00:00Z"


def feed_xml(corpus: Corpus, language: str, strings: Strings, address: SiteAddress) -> str:
    """The Atom feed of every document a reader of `language` gets."""
    languages = corpus.languages
    prefix = languages[language].prefix

    def href(site_path: str) -> str:
        return address.url(site_path) or relative_url(prefix, site_path)

    reviews = [review_of(corpus, doc, language) for doc in served_documents(corpus, language)]
    reviews.sort(key=lambda r: (r.iso_date, r.text.id), reverse=True)
    updated = _timestamp(max((r.iso_date for r in reviews), default=""))
    site = languages[language]
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f"<feed xmlns={quoteattr(ATOM_NS)} xml:lang={quoteattr(site.html_lang)}>",
             f"  <id>{_urn('feed', language)}</id>",
             f"  <title>{escape(site.site_name)}</title>"]
    if site.site_description:
        lines.append(f"  <subtitle>{escape(site.site_description)}</subtitle>")
    lines += [f"  <updated>{updated}</updated>",
              f"  <author><name>{escape(site.site_name)}</name></author>",
              f'  <link rel="alternate" type="text/html" href={quoteattr(href(prefix))}/>']
    if address:
        lines.append(f'  <link rel="self" type="application/atom+xml" href={quoteattr(address.url(feed_path(corpus, language)))}/>')
    for review in reviews:
        doc = review.text
        path = corpus.site_path(doc, language)
        type_label = strings.t(f"type.{doc.type}", language)
        lines += [f"  <entry xml:lang={quoteattr(languages[doc.language].html_lang)}>",
                  f"    <id>{_urn('document', language, doc.id)}</id>",
                  f"    <title>{escape(strip_markers(doc.title))}</title>",
                  f'    <link rel="alternate" type="text/html" href={quoteattr(href(path))}/>',
                  f"    <updated>{_timestamp(review.iso_date)}</updated>",
                  f"    <summary>{escape(strip_markers(doc.summary))}</summary>",
                  f"    <category term={quoteattr(doc.type)} label={quoteattr(type_label)}/>",
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
