"""A navigation whose size does not grow with the number of documents.

Material renders the whole visible navigation into every page. With `navigation.sections` every
top-level section is visible, so a site of N documents writes N links into each of its N pages:
build time and site size grow with N². Here a section that has an index page shows only that
index page in the navigation; the index page lists the section's documents (the content feature's
`<!-- documents type=… -->` listings). A document stays a child of its section (`page.parent`), so
while it is read its section is marked active in the sidebar. A section without an index page
keeps its documents in the navigation (nothing would link to them otherwise). A collapsed section
is named by its index page's title in the reader's language (not by its folder name).

The plugin applies this after mkdocs-static-i18n has built each language's nav (scripts/mkdocs_adapter/plugin.py).
"""

from __future__ import annotations

from typing import Callable, Iterable

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def section_index(section: Section) -> Page | None:
    """The section's index page (its `index.md`), as Material's `navigation.indexes` finds it."""
    return next((item for item in section.children if isinstance(item, Page) and item.is_index), None)


def _pages_under(items: Iterable) -> Iterable[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages_under(item.children)


def collapse_sections(items: list, title_of: Callable[[Page], str | None]) -> None:
    """In place: every section with an index page keeps only that page; its pages keep it as parent."""
    for item in items:
        if not isinstance(item, Section):
            continue
        index = section_index(item)
        if index is None:
            collapse_sections(item.children, title_of)
            continue
        for page in _pages_under(item.children):
            page.parent = item
        item.children = [index]
        item.title = title_of(index) or item.title


def compact_navigation(nav: Navigation, title_of: Callable[[Page], str | None]) -> Navigation:
    collapse_sections(nav.items, title_of)
    return nav
