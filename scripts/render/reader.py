"""The reader of a page being built: their language, the interface texts, and how the page reaches
other documents. Every fragment in scripts/render/ is written for one `Reader`.

A document reached from a page is the version scripts/model/served.py gives the reader, and it is
always in the reader's own part of the site (their version, or the original served there in its
place), so its URL is relative to the page and stays in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from scripts.model.documents import Corpus, Document
from scripts.model.languages import Languages
from scripts.model.links import Link, markdown_path, relative_file_url, relative_url, rewrite_id_hrefs, rewrite_links
from scripts.model.served import served_version
from scripts.model.site_address import SiteAddress
from scripts.model.strings import Strings


@dataclass(frozen=True)
class Reader:
    corpus: Corpus
    strings: Strings
    language: str  # the reader's language (code)
    page_url: str = ""  # the page's URL path from the site root, e.g. "sr/acts/x/"
    page_rel_path: str = ""  # its Markdown path inside its language tree, e.g. "acts/x.md"
    address: SiteAddress = SiteAddress()  # the site's public address, when it has one

    @property
    def languages(self) -> Languages:
        return self.corpus.languages

    @property
    def site_name(self) -> str:
        """The site's name in the reader's language."""
        return self.languages[self.language].site_name

    def t(self, key: str) -> str:
        """An interface text in the reader's language."""
        return self.strings.t(key, self.language)

    def html_lang(self, code: str | None = None) -> str:
        """The `lang` attribute of text in a language (the reader's by default): 'sr' -> 'sr-Latn'."""
        return self.languages[code or self.language].html_lang

    def target(self, doc_id: str) -> Document | None:
        return served_version(self.corpus, doc_id, self.language)

    def url(self, target: Document, anchor: str = "") -> str:
        """Relative URL of a served document (in the reader's part of the site), with an anchor."""
        return relative_url(self.page_url, self.corpus.site_path(target, self.language)) + (f"#{anchor}" if anchor else "")

    def site_url(self, site_path: str) -> str:
        """A site path ('sr/acts/x/') as this page links it: absolute when the site has an address
        (for data that leaves the page: JSON-LD, citations), else relative to the page."""
        return self.address.url(site_path) or relative_url(self.page_url, site_path)

    def file_url(self, file_path: str) -> str:
        """Relative URL of a file of the site ('data/sq/documents.csv', from the site root)."""
        return relative_file_url(self.page_url, file_path)

    def markdown(self, markdown: str) -> str:
        """id: links as relative Markdown paths (MkDocs makes them URLs and checks them); an id: link
        to no known document stays as written (the cross-reference check stops the build on it)."""

        def replacement(link: Link) -> str | None:
            target = self.target(link.path) if link.is_id else None
            return None if target is None else markdown_path(self.page_rel_path, target.rel_path, link.anchor)

        return rewrite_links(markdown, replacement)

    def html(self, html: str) -> str:
        """id: links left in rendered HTML (from raw HTML or generated fragments) as relative URLs."""

        def url_for(doc_id: str, anchor: str) -> str | None:
            target = self.target(doc_id)
            return None if target is None else self.url(target, anchor.lstrip("#"))

        return rewrite_id_hrefs(html, url_for)

    def link(self, doc_id: str) -> Markup:
        """A link to a document, titled in the version the reader gets (its ID when it is unknown)."""
        target = self.target(doc_id)
        if target is None:
            return escape(doc_id)
        return Markup('<a href="{}">{}</a>').format(self.url(target), target.title)
