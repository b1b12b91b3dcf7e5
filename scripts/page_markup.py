"""Changes to Material's markup that its options cannot make, each failing loudly when Material's
markup changes under it (`MaterialMarkupChanged`), so a theme upgrade cannot silently undo one.

- `without_language_alternates`: Material's script takes each `<link rel="alternate" hreflang>`
  of the page's head for the root of a language's site and fetches `sitemap.xml` under it, to
  keep the reader on the same page when switching language. mkdocs-static-i18n points those links
  at the page's own translations (as the language switcher does), so every page view asked for
  one missing `…/sitemap.xml` per language. The links are dropped from the head; the switcher's
  links (`<a hreflang>`) and the site's sitemap.xml (`xhtml:link hreflang`) still name every
  translation.
- `keyboard_toggles`: the phone menu and the search box open with the keyboard. Material opens
  each with a hidden checkbox that a header button (a <label>, which may carry no role or name
  of its own) toggles; the checkboxes get a name, and the stylesheet keeps them focusable on
  narrow screens, showing their focus on the header's buttons.
"""

from __future__ import annotations

import re
from html import escape


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


# Material's checkboxes that open the phone menu and the search box.
TOGGLE = '<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
TOGGLES = ("drawer", "search")


def keyboard_toggles(page: str, names: dict[str, str]) -> str:
    """The page with the checkboxes of the phone menu and of the search box named (names: plain
    text by toggle, "drawer" and "search"); the stylesheet lets Tab reach them on narrow screens,
    where Space opens and closes what they open."""
    for toggle in TOGGLES:
        markup = TOGGLE.format(name=toggle)
        if markup not in page:
            raise MaterialMarkupChanged(f"Material's {toggle} checkbox (id=__{toggle}) changed: update scripts/page_markup.py")
        page = page.replace(markup, f'{markup[:-1]} aria-label="{escape(names[toggle])}">', 1)
    return page
