"""Sitemaps and robots.txt, for a site with an address (sitemaps.org protocol 0.9, Google's hreflang).

Each language has its own sitemap at the root of its part of the site (`sitemap.xml`,
`sr/sitemap.xml`, `en/sitemap.xml`: a sitemap may only list addresses under its own folder), and
`robots.txt` names them all. Each lists the pages written in its language, one `<url>` each, with
an `xhtml:link rel="alternate"` for every language version of the document (itself included, as
the protocol wants) and `x-default` for the default language's. A page served in place of a
missing translation is not listed: its canonical address is its original's, listed there.
`lastmod` is the version's `last_reviewed`, so two builds give the same bytes.

Without an address nothing here is written but a robots.txt without `Sitemap:` lines: the
protocol requires absolute URLs, and a list of relative ones would be an invalid sitemap.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from scripts.model.documents import Corpus, Document
from scripts.model.site_address import SiteAddress

SITEMAP_FILE = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
X_DEFAULT = "x-default"


def alternates(corpus: Corpus, doc: Document, address: SiteAddress) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of every language version of doc's document, then x-default."""
    versions = corpus.versions(doc.id)
    found = [(corpus.languages[code].html_lang, address.url(version.site_path)) for code, version in versions.items()]
    default = versions.get(corpus.languages.default.code) or next(iter(versions.values()))
    return [*found, (X_DEFAULT, address.url(default.site_path))]


def sitemap_path(corpus: Corpus, language: str) -> str:
    """Where a language's sitemap is, from the site root: 'sitemap.xml', 'sr/sitemap.xml'."""
    return corpus.languages[language].prefix + SITEMAP_FILE


def sitemap_xml(corpus: Corpus, language: str, address: SiteAddress) -> str:
    """The sitemap of one language's pages (requires an address)."""
    if not address:
        raise ValueError("a sitemap needs the site's address (site_url)")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    for doc in sorted(corpus.in_language(language), key=lambda d: d.site_path):
        if not doc.id:
            continue
        lines += ["  <url>", f"    <loc>{escape(address.url(doc.site_path))}</loc>"]
        if isinstance(doc.meta.get("last_reviewed"), dt.date):
            lines.append(f"    <lastmod>{doc.meta['last_reviewed'].isoformat()}</lastmod>")
        for hreflang, href in alternates(corpus, doc, address):
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(corpus: Corpus, address: SiteAddress) -> str:
    """Every crawler may read everything; the sitemaps are named when the site has an address.
    (Crawlers read robots.txt only at a host's root: a site in a sub-folder is listed there by
    its operator, who can copy these lines.)"""
    lines = ["User-agent: *", "Disallow:"]
    if address:
        lines.append("")
        lines += [f"Sitemap: {address.url(sitemap_path(corpus, language.code))}" for language in corpus.languages]
    return "\n".join(lines) + "\n"
