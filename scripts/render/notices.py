"""What a page says about its translation, in the reader's language.

- a page missing in the reader's language (served from its original) says so;
- a stale page links to its original and says when the original was last reviewed;
- a machine translation carries a short note with a link to the original;
- the notices follow the page's title (<h1>), so the page starts with its heading;
- every page says when a person last checked it against its sources; a machine translation says
  that no person has reviewed it and gives its original's date instead of its own;
- the language switcher marks the languages in which the page is missing.

Every text from content or strings is escaped here; the switcher's name is built from escaped
parts too, because Material prints it as it is.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from babel.dates import format_date
from markupsafe import Markup

from scripts.model.links import relative_url
from scripts.model.review import Review
from scripts.model.translations import MISSING, STALE, UNCONFIRMED, UNREVIEWED, Entry
from scripts.render.reader import Reader


def format_day(value: Any, reader: Reader) -> str:
    """A date as the reader's language writes it (`translations.date-pattern`, e.g. 24.11.2026)."""
    if isinstance(value, dt.date):
        return format_date(value, reader.t("translations.date-pattern"), locale=reader.languages[reader.language].babel_locale)
    return str(value)


def notices(entry: Entry, reader: Reader) -> list[dict[str, str]]:
    """The notices of a page, in the reader's language (plain text; `notices_html` escapes)."""
    original = entry.original
    if original is None:
        return []
    language = reader.language
    original_words = reader.t(f"translations.original.{original.language}")
    link = {
        "link_href": original.site_path,
        "link_lang": original.language,
        "link_text": reader.t("translations.read-original").format(original=original_words),
    }
    found = []
    if entry.state == MISSING:
        found.append({"kind": "missing", "text": reader.t("translations.notice.missing").format(
            into=reader.t(f"translations.into.{language}"), original=original_words)})
    if entry.state == STALE:
        date = format_day(original.meta.get("last_reviewed"), reader)
        found.append({"kind": "stale", "text": reader.t("translations.notice.stale").format(date=date), **link})
    if entry.machine and entry.state in (STALE, UNREVIEWED, UNCONFIRMED):
        note = {"kind": "machine", "text": reader.t("translations.notice.machine").format(
            **{"from": reader.t(f"translations.from.{original.language}")})}
        found.append(note if entry.state == STALE else {**note, **link})
    return found


def notices_html(found: list[dict[str, str]], reader: Reader) -> str:
    """The notices as HTML, marked with the reader's language (a missing page's text is the
    original's) and left out of search."""
    parts = []
    for notice in found:
        link = ""
        if "link_href" in notice:
            href = relative_url(reader.page_url, notice["link_href"])
            link = (f' <a href="{escape(href)}" hreflang="{escape(notice["link_lang"])}">'
                    f'{escape(notice["link_text"])}</a>')
        kind = escape(notice["kind"])
        parts.append(
            f'<aside class="admonition {"warning" if notice["kind"] == "stale" else "info"} crch-notice crch-notice--{kind}" '
            f'role="note" lang="{reader.html_lang()}" data-translation-notice="{kind}" data-search-exclude>'
            f'<p>{escape(notice["text"])}{link}</p></aside>'
        )
    return "\n".join(parts)


def review_note(review: Review, reader: Reader) -> Markup:
    """The page's last review by a person, as one paragraph (the rule: scripts/model/review.py)."""
    value = review.date
    key = "translations.reviewed.machine" if review.machine else "translations.reviewed"
    original = reader.t(f"translations.original.{review.reviewed.language}") if review.machine else ""
    before, _, after = reader.t(key).format(original=original, date="\0").partition("\0")
    date = Markup('<time datetime="{}">{}</time>').format(value.isoformat(), format_day(value, reader)) \
        if isinstance(value, dt.date) else escape(str(value))
    return Markup('<p class="crch-reviewed" data-search-exclude>{}{}{}</p>').format(before, date, after)


def untranslated_name(name: str, language: str, reader: Reader) -> Markup:
    """A language's name in the switcher, marked "(not translated)" in that language."""
    switching = Reader(reader.corpus, reader.strings, language)
    title = escape(switching.t("translations.switcher.missing.title"))
    suffix = escape(switching.t("translations.switcher.missing"))
    return Markup(f'{escape(name)} <span class="crch-untranslated" lang="{reader.html_lang(language)}" '
                  f'title="{title}">{suffix}</span>')
