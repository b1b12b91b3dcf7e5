"""Content that would make a reader's browser contact another host by itself is refused.

A link a reader clicks (`<a href="https://…">`, an act's official source) is a choice; an image,
a frame, a video, a stylesheet, a font or a script from another host is fetched without one: it
tells that host who reads what, fails offline, and breaks the site opened from disk. Each page's
body is rendered with the site's Markdown settings (so inline and reference-style images, raw
HTML and attributes are all seen as the browser sees them) and every URL the browser would load
is checked: anything but a relative URL, a `#fragment` or a `data:` URL is refused, with the
file, the line where the address is written and the fix. `make check` and every build run it.

Heuristic limit: the line is where the address first appears in the file; an address written
twice is reported at its first occurrence.

The same reading of what a page loads by itself (`page_loads`, `css_urls`) tells the service worker
which of the site's own files a saved copy needs (scripts/site/service_worker.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable, Iterable

import markdown

from scripts.checks.problems import Problem
from scripts.checks.registry import check
from scripts.model.anchors import project_markdown_settings
from scripts.model.documents import Corpus, Document

CHECK = "remote-loads"
# Attributes whose URL the browser loads by itself, by element ("*": any element).
LOADED = {
    "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
    "script": ("src",), "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"), "body": ("background",), "table": ("background",),
    "td": ("background",), "th": ("background",), "base": ("href",),
}
# <link rel=…> values whose href the browser fetches.
FETCHED_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload", "modulepreload",
                     "prefetch", "preconnect", "dns-prefetch", "prerender", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")\s]+)\1\s*\)|@import\s+(['"])(?P<imported>[^'"]+)\3""", re.I)
# A body with none of these (no '//', no '\\', no 'scheme:' glued to what follows) names no other host.
POSSIBLY_REMOTE = re.compile(r"//|\\\\|[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]")
# Every load above needs one of these in the HTML (tag and attribute names, which are never written
# as entities): HTML with none of them loads nothing by itself and is not parsed (most page bodies).
LOAD_MARKS = re.compile(r"src|poster|background|style|<(?:link|meta|image|use|feimage|base|object)", re.I)
LOCAL = re.compile(r"^(?:#|data:|$)|^(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//)(?!\\\\)", re.I)  # relative, fragment, data:
WHAT = {"img": "an image", "source": "a media source", "video": "a video", "audio": "a sound", "track": "subtitles",
        "iframe": "a frame", "frame": "a frame", "embed": "an embedded object", "object": "an embedded object",
        "script": "a script", "link": "a stylesheet or icon", "style": "a stylesheet", "base": "the base address"}


@dataclass(frozen=True)
class Load:
    """A URL that a page makes the browser load without the reader clicking anything."""

    url: str
    what: str  # "an image", "a style attribute", …


def is_remote(url: str) -> bool:
    """Whether loading `url` from a page of this site would contact another host (or another scheme)."""
    return not LOCAL.match(url.strip())


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def css_urls(css: str) -> list[str]:
    """The URLs a stylesheet (or a style attribute) loads: url(…) and @import."""
    return [match.group("url") or match.group("imported") for match in CSS_URL.finditer(css)]


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Load] = []
        self._in_style = False

    def _add(self, urls: Iterable[str], what: str) -> None:
        self.found += [Load(url, what) for url in urls if url]

    def handle_starttag(self, tag, attrs):
        attributes = {name.lower(): value or "" for name, value in attrs}
        what = WHAT.get(tag, f"a <{tag}> element")
        for name in LOADED.get(tag, ()):
            if name in attributes:
                self._add(_srcset_urls(attributes[name]) if name == "srcset" else [attributes[name]], what)
        if tag == "link" and FETCHED_LINK_RELS & set(attributes.get("rel", "").lower().split()):
            self._add([attributes.get("href", "")], WHAT["link"])
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self._add([attributes.get("content", "").partition("url=")[2]], "an automatic redirect")
        if "style" in attributes:
            self._add(css_urls(attributes["style"]), "a style attribute")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._add(css_urls(data), WHAT["style"])


def page_loads(html: str) -> list[Load]:
    """Every URL in the HTML that the browser would load by itself, in document order."""
    if not LOAD_MARKS.search(html):
        return []
    parser = _Loads()
    parser.feed(html)
    parser.close()
    return parser.found


def remote_loads(html: str) -> list[Load]:
    """Every URL in the HTML that the browser would load from another host, in document order."""
    return [load for load in page_loads(html) if is_remote(load.url)]


def line_of(text: str, needle: str, first_line: int) -> int:
    """The line of the first occurrence of needle in text (first_line when it is not found as written)."""
    position = text.find(needle)
    return first_line if position < 0 else first_line + text.count("\n", 0, position)


def problems_in(doc: Document, html: str) -> list[Problem]:
    """Problems for what doc's rendered body (html) would load from another host."""
    problems = []
    for load in remote_loads(html):
        line = line_of(doc.body, load.url, doc.body_line)
        problems.append(Problem(doc.display_path, line, f"{load.what} from another host ({load.url}): a reader's "
                                "browser would fetch it by itself (offline readers lose it, the other host learns who "
                                "reads what); put the file under docs/ and use a relative address, or make it a link "
                                "the reader clicks", check=CHECK))
    return problems


def document_problems(doc: Document, render: Callable[[str], str]) -> list[Problem]:
    """problems_in(doc, render(doc.body)); a body that cannot name another host (POSSIBLY_REMOTE) is
    not rendered."""
    if not POSSIBLY_REMOTE.search(doc.body):
        return []
    return problems_in(doc, render(doc.body))


@check("remote-loads", bad="![map](https://maps.example/kosovo.png)", good="![map](kosovo.png) or [the map](https://maps.example/)")
def corpus_problems(corpus: Corpus) -> list[Problem]:
    """Something a page would make the browser load from another host (image, frame, style, font, script)."""
    extensions, configs = project_markdown_settings()
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    return [problem for doc in corpus for problem in document_problems(doc, lambda body: converter.reset().convert(body))]
