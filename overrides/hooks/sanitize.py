"""MkDocs hook: stop the build on a body that loads from another host (scripts/remote_loads.py), then
strip anything executable from each page body before the other hooks add to it."""

import project_path  # noqa: F401

from mkdocs.plugins import event_priority

from scripts import build_hooks, remote_loads
from scripts.sanitize import sanitize


@event_priority(100)  # first: later hooks add only HTML they escaped themselves
def on_page_content(html, page, config, files):
    document = build_hooks.document_for(page, config)
    if document is not None:  # the body as rendered, before anything is removed from it
        build_hooks.fail_on(remote_loads.problems_in(document, html), "remote-load")
    return sanitize(html)
