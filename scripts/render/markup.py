"""Small HTML pieces the fragments share. Everything from content is escaped (markupsafe)."""

from __future__ import annotations

import json
from typing import Any, Iterable

from markupsafe import Markup

from scripts.model.languages import Language


def html_list(items: Iterable[Markup]) -> Markup:
    """A <ul> of already-escaped items."""
    return Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(item) for item in items))


def after_title(html: str, block: str, separator: str = "\n") -> str:
    """A page body with `block` right after its title (<h1>), or first when it has none: the page
    then starts with its heading, as a document outline expects."""
    head, found, rest = html.partition("</h1>")
    return f"{head}{found}{separator}{block}{rest}" if found else f"{block}{separator}{html}"


def script_json(data: Any) -> Markup:
    """JSON safe inside <script>: '<', '>' and '&' escaped, so no field can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def language_name(language: Language, name: Any = None) -> Markup:
    """A language's name (or `name`, e.g. with a "(not translated)" mark) as written in that language:
    its own `lang` (WCAG 3.1.2), and translate="no" so that the Serbian Cyrillic edition keeps the
    names of the other languages and of the Latin edition as they are."""
    return Markup('<span lang="{}" translate="no">{}</span>').format(language.html_lang, language.name if name is None else name)
