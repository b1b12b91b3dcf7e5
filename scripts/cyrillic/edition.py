"""The Serbian Cyrillic edition as a part of a site: which editions can be generated, where a twin
page goes, and what a twin's links and addresses become (its sitemap: scripts/render/sitemap.py). Host-neutral; the adapter
(scripts/mkdocs_adapter/cyrillic.py) wires it into a build.

An edition is an HTML twin of each page of its source language, at the same path under its own
folder (`sr/acts/x/` → `sr-cyrl/acts/x/`), so every relative link of the page works unchanged.
"""

from __future__ import annotations

import re

from scripts.model.languages import Language

SOURCE_LANG = re.compile(r"^sr(?:-latn)?$", re.I)  # Serbian in Latin script, which words.py spells
EDITION_LANG = "sr-Cyrl"


class EditionError(ValueError):
    """An edition this package cannot generate (the message names the fix)."""


def check_supported(edition: Language, source: Language) -> None:
    """Only Serbian Latin → Serbian Cyrillic is a transliteration this package knows."""
    if not SOURCE_LANG.match(source.html_lang) or edition.html_lang != EDITION_LANG:
        raise EditionError(f"languages.{edition.code}: only a Serbian Cyrillic edition (html_lang: {EDITION_LANG}) "
                           f"of Serbian Latin pages (sr-Latn) can be generated; {source.code} is {source.html_lang}")


def twin_path(site_path: str, source: Language, edition: Language) -> str | None:
    """The twin's URL path (or file path) from the site root, for a page of the source language
    ('sr/acts/x/' → 'sr-cyrl/acts/x/'); None for a path outside the source language's part."""
    if not site_path.startswith(source.prefix) or not source.prefix:
        return None
    return edition.prefix + site_path[len(source.prefix):]


def with_own_address(html: str, latin_url: str, twin_url: str) -> str:
    """A twin whose metadata (Open Graph, citation tags, JSON-LD, the suggested citation) gives
    the twin's own address where it gave its Latin page's (as a whole attribute, JSON string or
    element text: a longer address that begins with it is another page's)."""
    for before, after in (('"{}"', '"{}"'), (">{}<", ">{}<")):
        html = html.replace(before.format(latin_url), after.format(twin_url))
    return html


def links_into_edition(html: str, source: Language, edition: Language, kept: str, root: str = "/") -> str:
    """A twin of a page whose links are written from the site root (a 404 page, which a server
    shows at any address) with every link into the source language's part ('/sr/…') leading into
    the edition's ('/sr-cyrl/…'), except inside `kept` (the language switcher's entry for the
    source language, which must still lead there). `root`: the site's URL path ('/crch/' for a
    site in a sub-folder, from its address)."""
    into_source, into_edition = f'href="{root}{source.prefix}', f'href="{root}{edition.prefix}'
    return kept.join(part.replace(into_source, into_edition) for part in html.split(kept))
