"""MkDocs hook: front matter is data, never HTML.

Material prints a page's front-matter `title` and `description` as they are, as HTML (in <title>,
the header, the navigation of every page), so a title holding `<script>` would run. This escapes
them before any template sees them; the project's own partials escape the other fields.
"""

import project_path  # noqa: F401

from markupsafe import escape


def on_page_markdown(markdown, page, config, files):
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = str(escape(page.meta[key]))
    return markdown
