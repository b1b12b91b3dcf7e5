"""Changes to Material's markup that its options cannot make, each failing loudly when Material's
markup changes under it (`MaterialMarkupChanged`), so a theme upgrade cannot silently undo one.

- `without_language_alternates`: Material's script takes each `<link rel="alternate" hreflang>`
  of the page's head for the root of a language's site and fetches `sitemap.xml` under it, to
  keep the reader on the same page when switching language. mkdocs-static-i18n points those links
  at the page's own translations (as the language switcher does), so every page view asked for
  one missing `…/sitemap.xml` per language. The links are dropped from the head; the switcher's
  links (`<a hreflang>`) and the site's sitemap.xml (`xhtml:link hreflang`) still name every
  translation.
"""

from __future__ import annotations

import re


class MaterialMarkupChanged(Exception):
    """Material's markup no longer has what a rewrite here expects: update scripts/page_markup.py."""


LANGUAGE_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
ANY_LANGUAGE_ALTERNATE = re.compile(r'<link\b[^>]*\bhreflang=')


def without_language_alternates(head: str) -> str:
    """The page head without Material's language alternates (`{{ super() | …}}` of block site_meta)."""
    head = LANGUAGE_ALTERNATE.sub("", head)
    if ANY_LANGUAGE_ALTERNATE.search(head):
        raise MaterialMarkupChanged('Material\'s <link rel="alternate" hreflang> changed: update scripts/page_markup.py')
    return head


def after_title(html: str, block: str) -> str:
    """A page body with `block` right after its title (<h1>), or first when it has none: the page
    then starts with its heading, as a document outline expects."""
    head, found, rest = html.partition("</h1>")
    return f"{head}{found}\n{block}{rest}" if found else f"{block}\n{html}"
