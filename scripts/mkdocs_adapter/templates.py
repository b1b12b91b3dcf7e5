"""Faster builds: compile the theme's templates once per process; let each page go once it is written.

MkDocs makes a new Jinja environment for every build: mkdocs-static-i18n builds each language as
a build of its own, and `mkdocs serve` rebuilds after every save (with a new configuration and a
new plugin each time), so Material's templates were parsed and compiled again each time.
`TEMPLATE_CACHE` keeps the compiled templates for the life of the process, keyed by template name
and source checksum (an edited template is compiled afresh). It is the one piece of state that
outlives a build, on purpose: it is a cache of pure functions of the template files.

`release_page` lets a page's rendered HTML and Markdown go once the page is written: MkDocs keeps
every page's until the build ends, and mkdocs-static-i18n builds the other languages inside the
default language's on_post_build, so all of the default language's pages stayed in memory through
the whole build (about a third of the peak at 1,000 documents per language).
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process (Jinja checks the source checksum on every load)."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = MemoryBytecodeCache()


def with_template_cache(env: Environment) -> Environment:
    env.bytecode_cache = TEMPLATE_CACHE
    return env


def release_page(page) -> None:
    """Drop a written page's content and Markdown: nothing reads them after on_post_page (MkDocs
    checks anchors from `page.present_anchor_ids`; search took its sections in on_page_context).
    Its title, which MkDocs derives from them on every read, is kept as it is (later pages' navigation
    shows it)."""
    page.title = page.title
    page.content = None
    page.markdown = None
