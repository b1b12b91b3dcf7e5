"""The project's own stylesheets and scripts as readers get them: one stylesheet, a script only on
the pages that use it, and every file named by a hash of its content.

- The stylesheets of mkdocs.yml's `extra_css` become one file, in their order
  (`assets/stylesheets/clearing-house.<hash>.css`): one request instead of one per feature.
- The scripts of `extra_javascript` (every page) and `PAGE_SCRIPTS` (only pages whose HTML has the
  element the script works on) are each named `<name>.<hash>.js`.
- A new version of a file has a new name, so deploy/nginx.conf lets browsers keep them for a
  year, like Material's own `bundle.<hash>.min.js`.

The sources stay one file per feature under overrides/assets/; only the built site has the
hashed names (scripts/mkdocs_adapter/assets.py puts them there). Nothing here knows MkDocs.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Sequence

from scripts.render import directory

HASH_LENGTH = 8
STYLESHEET_BUNDLE = "assets/stylesheets/clearing-house.css"

# Scripts a page gets only when its HTML has the element they work on: {source: marker}.
PAGE_SCRIPTS = {
    directory.FILTER_SCRIPT: directory.PAGE_MARKER,
}

HASHED_NAME = re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}(?:\.min)?\.(?:css|js)$")


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:HASH_LENGTH]


def hashed_uri(uri: str, content: bytes) -> str:
    """'assets/javascripts/x.js' -> 'assets/javascripts/x.1a2b3c4d.js'."""
    stem, extension = posixpath.splitext(uri)
    return f"{stem}.{content_hash(content)}{extension}"


@dataclass(frozen=True)
class Asset:
    """A file of the built site made from one or more source files."""

    uri: str
    content: bytes
    sources: tuple[str, ...]


def stylesheet_bundle(sources: Sequence[str], read: Callable[[str], bytes]) -> Asset:
    """The stylesheets, in order, as one file (each starts on a line of its own, after a comment
    naming its source, so a reader of the built file finds where a rule comes from)."""
    parts = [b"/* " + uri.encode() + b" */\n" + read(uri).rstrip(b"\n") + b"\n" for uri in sources]
    content = b"".join(parts)
    return Asset(hashed_uri(STYLESHEET_BUNDLE, content), content, tuple(sources))


def hashed_script(uri: str, read: Callable[[str], bytes]) -> Asset:
    content = read(uri)
    return Asset(hashed_uri(uri, content), content, (uri,))


def page_scripts(html: str) -> list[str]:
    """The sources of PAGE_SCRIPTS that a page with this HTML needs."""
    return [uri for uri, marker in PAGE_SCRIPTS.items() if marker in html]
