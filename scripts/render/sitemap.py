"""Sitemaps and robots.txt, for a site with an address (sitemaps.org protocol 0.9, Google's hreflang).

Each language has its own sitemap at the root of its part of the site (`sitemap.xml`,
`sr/sitemap.xml`, `en/sitemap.xml`: a sitemap may only list addresses under its own folder), and
`robots.txt` names them all. Each lists the pages written in its language, one `<url>` each, with
an `xhtml:link rel="alternate"` for every language version of the document (itself included, as
the protocol wants) and `x-default` for the default language's. A page served in place of a
missing translation is not listed: its canonical address is its original's, listed there.
`lastmod` is the version's `last_reviewed`, so two builds give the same bytes.

A generated edition (Serbian in Cyrillic, `Languages.editions`), when the build makes it, is one
more part of the site: its own sitemap (`sr-cyrl/sitemap.xml`: its twins are not under `sr/`, and
a sitemap lists only addresses under its folder) with the twin of each page written in its source
language, and the twin is an alternate (`sr-Cyrl`) wherever its Latin page is one.

Without an address nothing here is written but a robots.txt without `Sitemap:` lines: the
protocol requires absolute URLs, and a list of relative ones would be an invalid sitemap.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from scripts.cyrillic.edition import twin_path
from scripts.model.documents import Corpus, Document
from scripts.model.languages import Language
from scripts.model.site_address import SiteAddress

SITEMAP_FILE = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
X_DEFAULT = "x-default"


def _twins(corpus: Corpus, code: str, site_path: str, editions: tuple[Language, ...]) -> list[tuple[Language, str]]:
    """(edition, twin's site path) of a page of language `code`, for each edition built from it."""
    source = corpus.languages[code]
    found = [(edition, twin_path(site_path, source, edition)) for edition in corpus.languages.editions_of(code)
             if edition in editions]
    return [(edition, path) for edition, path in found if path is not None]


def alternates(corpus: Corpus, doc: Document, address: SiteAddress,
               editions: tuple[Language, ...] = ()) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of every language version of doc's document (each edition's twin
    after its source's), then x-default."""
    versions = corpus.versions(doc.id)
    found = []
    for code, version in versions.items():
        found.append((corpus.languages[code].html_lang, address.url(version.site_path)))
        found += [(edition.html_lang, address.url(path)) for edition, path in _twins(corpus, code, version.site_path, editions)]
    default = versions.get(corpus.languages.default.code) or next(iter(versions.values()))
    return [*found, (X_DEFAULT, address.url(default.site_path))]


def sitemap_parts(corpus: Corpus, editions: tuple[Language, ...] = ()) -> list[Language]:
    """The parts of the site with a sitemap: each language, then the editions built from it."""
    return [part for language in corpus.languages
            for part in (language, *(e for e in corpus.languages.editions_of(language.code) if e in editions))]


def sitemap_path(corpus: Corpus, language: str) -> str:
    """Where a language's (or edition's) sitemap is, from the site root: 'sitemap.xml', 'sr/sitemap.xml'."""
    return corpus.languages.language_or_edition(language).prefix + SITEMAP_FILE


def sitemap_xml(corpus: Corpus, language: str, address: SiteAddress, editions: tuple[Language, ...] = ()) -> str:
    """The sitemap of one language's (or built edition's) pages (requires an address)."""
    if not address:
        raise ValueError("a sitemap needs the site's address (site_url)")
    edition = corpus.languages.edition(language)
    source = edition.generated_from if edition else language
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    for doc in sorted(corpus.in_language(source), key=lambda d: d.site_path):
        if not doc.id:
            continue
        path = dict(_twins(corpus, source, doc.site_path, editions)).get(edition) if edition else doc.site_path
        if path is None:
            continue
        lines += ["  <url>", f"    <loc>{escape(address.url(path))}</loc>"]
        if isinstance(doc.meta.get("last_reviewed"), dt.date):
            lines.append(f"    <lastmod>{doc.meta['last_reviewed'].isoformat()}</lastmod>")
        for hreflang, href in alternates(corpus, doc, address, editions):
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(corpus: Corpus, address: SiteAddress, editions: tuple[Language, ...] = ()) -> str:
    """Every crawler may read everything; the sitemaps are named when the site has an address.
    (Crawlers read robots.txt only at a host's root: a site in a sub-folder is listed there by
    its operator, who can copy these lines.)"""
    lines = ["User-agent: *", "Disallow:"]
    if address:
        lines.append("")
        lines += [f"Sitemap: {address.url(sitemap_path(corpus, part.code))}" for part in sitemap_parts(corpus, editions)]
    return "\n".join(lines) + "\n"
