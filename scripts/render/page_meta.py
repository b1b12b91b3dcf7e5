"""What a page's <head> says about it, beyond what the theme writes: Open Graph (link previews),
the citation tags (scripts/render/suggested_citation.py) and, when the site has an address, the
link to its language's Atom feed. The meta description is the page's own summary and the
canonical link its canonical URL (the host's templates print both; see `canonical_path`).

Locales: `lang`, `hreflang` and `citation_language` are BCP 47 tags of the text (`sq`, `sr-Latn`,
`en`): no region, because the text is not a regional variant, and `XK` (Kosovo) is a private-use
region subtag in BCP 47 that hreflang consumers reject. Open Graph wants `language_TERRITORY`
instead, which cannot carry a script: each language's `og_locale` is set in mkdocs.yml (see the
comment there), and a language without one gets no `og:locale`.

The feed link is written only when the site has an address: Material's script fetches a
`sitemap.xml` next to every `<link rel="alternate">` of a page, and only a site with an address
has sitemaps (scripts/render/sitemap.py), as only such a site can be subscribed to. It is
relative, so a copy served from another host asks nothing of the original host.
"""

from __future__ import annotations

from markupsafe import Markup

from scripts.model.documents import Document
from scripts.model.review import Review
from scripts.render.feed import feed_path
from scripts.render.reader import Reader
from scripts.render.suggested_citation import citation_meta

def canonical_path(doc: Document) -> str:
    """The site path a page's content lives at: the document's own version (a page served in place
    of a missing translation points at its original, whose text it shows)."""
    return doc.site_path


def open_graph(review: Review, reader: Reader, url: str | None) -> list[tuple[str, str]]:
    """(property, content) of the page's Open Graph tags (no image: the site has none worth a preview)."""
    text = review.text
    languages = reader.languages
    tags = [("og:type", "website" if text.rel_path == "index.md" else "article"), ("og:site_name", reader.site_name),
            ("og:title", text.title), ("og:description", text.summary)]
    own = languages[text.language].og_locale
    if own:
        tags.append(("og:locale", own))
        others = [languages[code].og_locale for code in reader.corpus.versions(text.id) if code != text.language]
        tags += [("og:locale:alternate", locale) for locale in dict.fromkeys(others) if locale and locale != own]
    if url:
        tags.append(("og:url", url))
    return tags


def head_tags(review: Review, reader: Reader, feed_title: str | None, citation: bool = True) -> Markup:
    """The tags for the page's <head>, every value escaped (`feed_title`: None when there is no feed)."""
    url = reader.address.url(canonical_path(review.text))
    tags = [Markup('<meta property="{}" content="{}">').format(name, value)
            for name, value in open_graph(review, reader, url)]
    if citation:
        tags += [Markup('<meta name="{}" content="{}">').format(name, value)
                 for name, value in citation_meta(review, reader, url)]
    if reader.address and feed_title is not None:
        feed = reader.file_url(feed_path(reader.corpus, reader.language))
        tags.append(Markup('<link rel="alternate" type="application/atom+xml" href="{}" title="{}">').format(feed, feed_title))
    return Markup("\n").join(tags)
