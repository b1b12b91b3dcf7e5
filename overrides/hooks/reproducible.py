"""MkDocs hook: a page's date is its front matter's `last_reviewed`, never the day of the build.

MkDocs dates every page with the build's date (sitemap.xml <lastmod>, the time inside
sitemap.xml.gz), so two builds of the same commit on different days would differ. The date a
person last checked the page is the meaningful one, and it is the same in every build.
"""

import project_path  # noqa: F401

from scripts.mkdocs_adapter import state as build_hooks


def on_page_markdown(markdown, page, config, files):
    document = build_hooks.document_for(page, config)
    if document is not None:
        page.update_date = str(document.meta["last_reviewed"])
    return markdown
