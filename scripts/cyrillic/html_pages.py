"""A built Serbian Latin page as the Serbian Cyrillic edition's page: HTML in, HTML out.

    python -m scripts.cyrillic.html_pages site/sr/index.html > /tmp/index.html

What is transliterated (text.py, with what latin_spans.py keeps):
- text nodes, outside the elements below;
- the readable attributes (`READABLE_ATTRIBUTES`: title, alt, aria-label, placeholder, a table
  cell's data-label…), and the `content` of the readable <meta> tags (description, og:title,
  citation_title…); a Serbian `lang` (and `citation_language`) becomes sr-Cyrl;
- in JSON-LD (`<script type="application/ld+json">`) the values of the readable keys
  (`JSON_LD_READABLE`: name, description, legislationType…), never @id, url, identifiers or dates,
  nor anything of an object whose `inLanguage` is another language's;
  in Material's page configuration (`<script id="__config">`) the values of "translations".

What is never touched: tags, attribute names, URLs (href, src), ids, classes, the contents of
code, pre, kbd, samp, var, script and style, entities (&amp; stays &amp;), and everything inside an
element with translate="no" (the editor's marker, see markdown_marker.py) or with a `lang` that is
not Serbian (lang="sq" on the Albanian names of the directory, lang="en" in the glossary). A
`lang` of sr or sr-Latn becomes sr-Cyrl. Markers `{lat}…{/lat}` still in the text (from front
matter or data files, which Markdown does not see) become <span translate="no"> in a text node
and disappear in an attribute; `latin_html` does the same for the Latin edition.

One pass over the page with one regular expression, no tree, no backtracking across tags:
linear in the page's size (`Work.tokens`, `Work.characters` count it; tests check the count).
Written for HTML that MkDocs and Material produce: an element whose end tag is left out closes
with its parent's (the region stack pops to the matching name).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path
from typing import Callable, Sequence

from scripts.cyrillic.latin_spans import MARKER_OPEN, kept_run, split_markers, strip_markers
from scripts.cyrillic.text import Work, between, transliterate

TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|[^<]+|<",
    re.S,
)
TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
ATTRIBUTE = re.compile(r"""([^\s"'=<>`/]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
SKIPPED_ELEMENTS = frozenset("code pre kbd samp var script style textarea".split())
# data-label: a table cell's column name, which phones show before the cell (render/phone_tables.py)
READABLE_ATTRIBUTES = frozenset(
    "title alt aria-label aria-description aria-roledescription aria-valuetext aria-placeholder placeholder label "
    "data-label".split()
)
OUTER_ATTRIBUTES = frozenset({"data-label"})  # in the language around the element, not its own
READABLE_META = frozenset(
    "description keywords author application-name apple-mobile-web-app-title twitter:title "
    "twitter:description twitter:image:alt og:title og:description og:site_name og:image:alt "
    "citation_title citation_publisher".split()
)
LANGUAGE_META = frozenset({"citation_language"})  # a <meta> whose content is a language tag, as lang is
BUTTON_INPUTS = frozenset({"button", "submit", "reset"})
JSON_LD_READABLE = frozenset(
    "name alternateName description disambiguatingDescription headline alternativeHeadline abstract "
    "text caption legislationType legislationJurisdiction keywords".split()
)
# Anything that makes a tag worth parsing; every other tag is copied as it is.
INTERESTING_TAG = re.compile(
    r"\s(?:title|alt|aria-|placeholder|label|data-label|lang|translate|content|value)[\s=>/]|\{/?lat\}", re.I
)
# The attributes that give an element a language or script of its own (the part of INTERESTING_TAG that
# can change a region's mode)
MODE_ATTRIBUTE = re.compile(r"\s(?:lang|translate)[\s=>/]", re.I)
SERBIAN_LANG = re.compile(r"^sr(?:-(?:latn|cyrl))?(?:-[a-z]{2})?$", re.I)
CYRILLIC_LANG = "sr-Cyrl"
PROTECTED_SPAN = '<span translate="no">', "</span>"

# KEEP: text in another language (left as it is, and seen by on_kept); PROTECTED: the same, under
# translate="no", which (as HTML's translate attribute) holds for every element inside it, whatever its lang.
TRANSLITERATE, KEEP, PROTECTED, SKIP = "transliterate", "keep", "protected", "skip"


def _text_node(raw: str, convert: Callable[[str], str], on_kept: Callable[[str], None] | None = None, plain: bool = False) -> str:
    """A text node's raw HTML with `convert` applied between its entities and markers; a marked
    piece becomes a <span translate="no">, or just its text where no markup can go (`plain`: <title>)."""
    if MARKER_OPEN in raw:
        out = []
        for piece, marked in split_markers(raw):
            if not marked:
                out.append(_text_node(piece, convert))
                continue
            if on_kept:
                on_kept(piece)
            out.append(piece if plain else f"{PROTECTED_SPAN[0]}{piece}{PROTECTED_SPAN[1]}")
        return "".join(out)
    return between(ENTITY, raw, convert) if "&" in raw else convert(raw)


def _attribute_value(raw: str, convert: Callable[[str], str]) -> str:
    """An attribute's value (quoted or not) with `convert` applied to its decoded text."""
    quote = raw[0] if raw[:1] in ("'", '"') else ""
    inner = raw[1:-1] if quote else raw
    text = html.unescape(inner)
    converted = convert(text)
    if converted == text:
        return raw
    return f'"{html.escape(converted, quote=True)}"'


class PageWalk:
    """One pass over one page. `convert` is what each readable text becomes (transliterate, strip
    the markers for the Latin edition, or look at it for the check); `to_cyrillic` also rewrites
    lang. While `convert` runs, `line` is the line of the token and `context` is "text" for a
    text node or "plain" for an attribute, a <title> or a JSON value (where no markup can mark a
    name); `on_kept` sees the text nodes left alone because they are foreign or marked."""

    def __init__(self, convert: Callable[[str], str], to_cyrillic: bool, work: Work, on_kept: Callable[[str], None] | None = None):
        self.convert = convert
        self.to_cyrillic = to_cyrillic
        self.work = work
        self.on_kept = on_kept
        self.regions: list[list] = []  # [element name, open count, mode]
        self.line = 1
        self.context = "text"
        self.in_title = False

    @property
    def mode(self) -> str:
        return self.regions[-1][2] if self.regions else TRANSLITERATE

    def run(self, page: str) -> str:
        out = []
        position, length = 0, len(page)
        while position < length:
            token = TOKEN.match(page, position)
            raw = token.group()
            position = token.end()
            self.work.tokens += 1
            newlines = raw.count("\n")  # self.line stays the token's first line while it is handled
            if raw[0] != "<" or len(raw) == 1:
                out.append(self._text(raw))
            elif raw.startswith(("<!", "<?")):
                out.append(raw)
            elif raw[1] == "/":
                name = TAG_NAME.match(raw).group(1).lower()
                self.in_title = self.in_title and name != "title"
                self._end(name)
                out.append(raw)
            else:
                name = TAG_NAME.match(raw).group(1).lower()
                self.context = "plain"
                tag, attributes = self._start(raw, name)
                self.in_title = self.in_title or name == "title"
                out.append(tag)
                if name in ("script", "style"):
                    self.line += newlines
                    end = _find_end(page, name, position)
                    body = page[position:end]
                    self.work.characters += len(body)
                    out.append(self._script(body, attributes) if name == "script" else body)
                    newlines = body.count("\n")
                    position = end
            self.line += newlines
        return "".join(out)

    def _text(self, raw: str) -> str:
        self.context = "plain" if self.in_title else "text"
        if self.mode == TRANSLITERATE:
            return _text_node(raw, self.convert, self.on_kept, plain=self.in_title)
        if self.mode in (KEEP, PROTECTED):
            if self.on_kept:
                self.on_kept(raw)
            if MARKER_OPEN in raw:
                return _text_node(raw, str, plain=self.in_title)  # foreign text: only the markers change
        return raw

    def _start(self, raw: str, name: str) -> tuple[str, dict[str, str]]:
        void = name in VOID_ELEMENTS or raw.endswith("/>")
        attributes: dict[str, str] = {}
        mode = self.mode
        if INTERESTING_TAG.search(raw) or name == "script":
            attributes = {m.group(1).lower(): html.unescape((m.group(3) or "").strip("\"'")) for m in ATTRIBUTE.finditer(raw, TAG_NAME.match(raw).end())}
        new_mode = self._mode_of(name, attributes, mode)
        if new_mode != TRANSLITERATE or attributes:
            raw = self._attributes(raw, name, attributes, new_mode, mode)
        if not void:
            if new_mode != mode:
                self.regions.append([name, 1, new_mode])
            elif self.regions and self.regions[-1][0] == name:
                self.regions[-1][1] += 1
        return raw, attributes

    def _mode_of(self, name: str, attributes: dict[str, str], mode: str) -> str:
        if mode == SKIP or name in SKIPPED_ELEMENTS:
            return SKIP
        translate = attributes.get("translate", "").lower()
        if translate == "no" or (mode == PROTECTED and translate != "yes"):
            return PROTECTED
        if "lang" in attributes:
            return TRANSLITERATE if SERBIAN_LANG.match(attributes["lang"]) else KEEP
        if translate == "yes":
            return TRANSLITERATE
        return mode

    def _end(self, name: str) -> None:
        for index in range(len(self.regions) - 1, -1, -1):
            if self.regions[index][0] == name:
                self.regions[index][1] -= 1
                if self.regions[index][1] == 0:
                    del self.regions[index:]
                return

    def _attributes(self, raw: str, name: str, attributes: dict[str, str], mode: str, outer: str) -> str:
        """The tag with its readable attributes converted in the element's mode, but a cell's
        data-label in the mode around it: the column's name is in the page's language even where
        the cell's text has a lang of its own (the directory's Albanian names)."""
        readable = set(READABLE_ATTRIBUTES)
        if name == "meta" and (attributes.get("name", "") or attributes.get("property", "")).lower() in READABLE_META:
            readable.add("content")
        if name == "input" and attributes.get("type", "").lower() in BUTTON_INPUTS:
            readable.add("value")
        tag_lang = name == "meta" and attributes.get("name", "").lower() in LANGUAGE_META

        def rewrite(match: re.Match) -> str:
            key, equals, value = match.group(1), match.group(2), match.group(3)
            if value is None:
                return match.group()
            lower = key.lower()
            if (lower == "lang" or tag_lang and lower == "content") and self.to_cyrillic and mode == TRANSLITERATE and SERBIAN_LANG.match(html.unescape(value.strip("\"'"))):
                return f'{key}{equals}"{CYRILLIC_LANG}"'
            if lower in readable:
                if (outer if lower in OUTER_ATTRIBUTES else mode) == TRANSLITERATE:
                    return f"{key}{equals}{_attribute_value(value, self.convert)}"
                if MARKER_OPEN in value:
                    return f"{key}{equals}{_attribute_value(value, strip_markers)}"
            return match.group()

        head = TAG_NAME.match(raw).end()
        return raw[:head] + ATTRIBUTE.sub(rewrite, raw[head:])

    def _script(self, body: str, attributes: dict[str, str]) -> str:
        kind = attributes.get("type", "").lower()
        if self.mode == SKIP and not (kind == "application/ld+json" or attributes.get("id") == "__config"):
            return body
        if kind == "application/ld+json":
            return _json_script(body, lambda data: self._json_ld(data))
        if attributes.get("id") == "__config":
            def config(data):
                if not isinstance(data, dict) or not isinstance(data.get("translations"), dict):
                    return data
                translations = {k: self.convert(v) if isinstance(v, str) else v for k, v in data["translations"].items()}
                return {**data, "translations": translations}
            return _json_script(body, config, compact=True)
        return body

    def _json_ld(self, data):
        if isinstance(data, list):
            return [self._json_ld(item) for item in data]
        if not isinstance(data, dict):
            return data
        language = data.get("inLanguage")
        if isinstance(language, str) and not SERBIAN_LANG.match(language):
            return data  # a work in another language (a translation's original) keeps its names
        result = {}
        for key, value in data.items():
            if key in JSON_LD_READABLE:
                value = self._json_readable(value)
            elif key == "inLanguage" and self.to_cyrillic and isinstance(value, str) and SERBIAN_LANG.match(value):
                value = CYRILLIC_LANG
            elif isinstance(value, (dict, list)):
                value = self._json_ld(value)
            result[key] = value
        return result

    def _json_readable(self, value):
        if isinstance(value, str):
            return self.convert(value)
        if isinstance(value, list):
            return [self._json_readable(item) for item in value]
        return self._json_ld(value)


RAW_TEXT_END = {name: re.compile(f"</{name}[\\s>]", re.I) for name in ("script", "style")}


def _find_end(page: str, name: str, position: int) -> int:
    """Where a raw-text element's end tag starts (the page's end if it has none)."""
    match = RAW_TEXT_END[name].search(page, position)
    return match.start() if match else len(page)


def _json_script(body: str, change: Callable, compact: bool = False) -> str:
    """A JSON script's new body, escaped so that no value can close the element; the same bytes
    when nothing changed or the body is not JSON. `compact` writes it as Material's configuration
    is written (one line, \\u escapes), otherwise as the project's JSON-LD (scripts/xref_pages.py)."""
    try:
        data = json.loads(body)
    except ValueError:
        return body
    changed = change(data)
    if changed == data:
        return body
    text = json.dumps(changed, ensure_ascii=True) if compact else json.dumps(changed, ensure_ascii=False, indent=1)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return text.replace("'", "\\u0027") if compact else text


def transliterate_html(page: str, work: Work | None = None) -> str:
    """The Serbian Cyrillic edition of a built Serbian Latin page."""
    work = work if work is not None else Work()
    return PageWalk(lambda text: transliterate(text, work), True, work).run(page)


def latin_html(page: str, work: Work | None = None) -> str:
    """The Serbian Latin page as published: markers left in text become <span translate="no">,
    markers in readable attributes disappear; nothing else changes."""
    if MARKER_OPEN not in page:
        return page
    return PageWalk(strip_markers, False, work or Work()).run(page)


def latin_body(body: str, work: Work | None = None) -> tuple[str, frozenset[str]]:
    """A rendered page body for the Latin edition (as latin_html makes it), and the runs of text
    the body keeps in Latin (each text node, spaces collapsed): marked ones and those in an element
    of another language. The Cyrillic edition's search excerpts keep them too
    (search_payload.protect); one pass over the body."""
    if MARKER_OPEN not in body and not MODE_ATTRIBUTE.search(body):
        return body, frozenset()  # no marker to strip, no element of another language: nothing to walk
    kept: set[str] = set()

    def keep(text: str) -> None:
        run = kept_run(strip_markers(html.unescape(text)))
        if run:
            kept.add(run)

    return PageWalk(strip_markers, False, work if work is not None else Work(), on_kept=keep).run(body), frozenset(kept)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print a built Serbian Latin page in Serbian Cyrillic.")
    parser.add_argument("page", type=Path)
    args = parser.parse_args(argv)
    sys.stdout.write(transliterate_html(args.page.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
