"""A navigation whose size does not grow with the number of documents.

Material renders the whole visible navigation into every page. With `navigation.sections` every
top-level section is visible, so a site of N documents writes N links into each of its N pages:
build time and site size grow with N². Here a section that has an index page is shown as that
index page alone; the index page lists the section's documents (the content feature's
`<!-- documents type=… -->` listings). A section without an index page keeps its documents in the
navigation (nothing would link to them otherwise). A collapsed section is named by its index
page's title in the reader's language (not by its folder name).

While a document of a collapsed section is read, that section is shown open with three entries:
its index page, a link to that index page that stays visible inside the section on a phone ("all
pages of this section": Material's phone menu shows a section's index only one level up), and the
document itself. Material gives the current page of the navigation its table of contents (on a
phone the menu's only way to it) and the `__toc` toggle that the page's other table of contents
labels; a page missing from the navigation had neither, and an empty open section kept an
`aria-labelledby` pointing at a label Material writes only for sections of two or more entries.
So every page carries the same dozen links at any size, plus its own headings.

The plugin compacts each language's navigation after mkdocs-static-i18n has built it, and calls
`show` for each page before Material renders it (MkDocs renders 404.html and the sitemap before
the pages, with every section collapsed): scripts/mkdocs_adapter/plugin.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from mkdocs.structure.nav import Link, Navigation, Section
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


@dataclass
class CollapsedSection:
    """A section shown as its index page: where it sits, and what it shows when open."""

    siblings: list  # the list holding it: the navigation's items or a parent section's children
    position: int
    section: Section
    index: Page
    overview: Link


class CompactNavigation:
    """The collapsed sections of one language's navigation, opened for the page being read."""

    def __init__(self, collapsed: list[CollapsedSection]):
        self.collapsed = collapsed

    def show(self, page: Page | None) -> None:
        """Set the navigation as `page` shows it (None: every section collapsed)."""
        for entry in self.collapsed:
            if page is not None and page.parent is entry.section and page is not entry.index:
                entry.section.children = [entry.index, entry.overview, page]
                entry.siblings[entry.position] = entry.section
            else:
                entry.siblings[entry.position] = entry.index


def collapse_sections(items: list, title_of: Callable[[Page], str | None], overview_title: str) -> list[CollapsedSection]:
    """Every section with an index page is recorded as collapsed; its pages keep it as parent."""
    collapsed = []
    for position, item in enumerate(items):
        if not isinstance(item, Section):
            continue
        index = section_index(item)
        if index is None:
            collapsed += collapse_sections(item.children, title_of, overview_title)
            continue
        for page in _pages_under(item.children):
            page.parent = item
        item.title = title_of(index) or item.title
        collapsed.append(CollapsedSection(items, position, item, index, Link(overview_title, index.url)))
    return collapsed


def compact_navigation(nav: Navigation, title_of: Callable[[Page], str | None], overview_title: str) -> CompactNavigation:
    """Collapse the sections of `nav` in place; the returned object opens them page by page."""
    compact = CompactNavigation(collapse_sections(nav.items, title_of, overview_title))
    compact.show(None)
    return compact
