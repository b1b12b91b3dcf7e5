"""MkDocs hook: strip anything executable from each page body before the other hooks add to it."""

import project_path  # noqa: F401

from mkdocs.plugins import event_priority

from scripts.render.sanitize import sanitize


@event_priority(100)  # first: later hooks add only HTML they escaped themselves
def on_page_content(html, page, config, files):
    return sanitize(html)
