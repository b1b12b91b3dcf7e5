"""What a page says about its translation, in the reader's language.

- a page missing in the reader's language (served from its original) says so;
- a stale page links to its original and says when the original was last reviewed;
- a machine translation carries a short note with a link to the original;
- the language switcher marks the languages in which the page is missing.

The notices are plain text (partials/crch/notices.html escapes them); the switcher's name is built
from escaped parts, because Material prints it as it is.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from babel.dates import format_date
from markupsafe import Markup

from scripts.model.translations import MISSING, STALE, UNCONFIRMED, UNREVIEWED, Entry
from scripts.render.reader import Reader


def format_day(value: Any, reader: Reader) -> str:
    """A date as the reader's language writes it (`translations.date-pattern`, e.g. 24.11.2026)."""
    if isinstance(value, dt.date):
        return format_date(value, reader.t("translations.date-pattern"), locale=reader.languages[reader.language].babel_locale)
    return str(value)


def notices(entry: Entry, reader: Reader) -> list[dict[str, str]]:
    """The notices above a page, in the reader's language (plain text; the partial escapes)."""
    original = entry.original
    if original is None:
        return []
    language = reader.language
    original_words = reader.t(f"translations.original.{original.language}")
    link = {
        "link_href": original.site_path or ".",
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


def untranslated_name(name: str, language: str, reader: Reader) -> Markup:
    """A language's name in the switcher, marked "(not translated)" in that language."""
    switching = Reader(reader.corpus, reader.strings, language)
    title = escape(switching.t("translations.switcher.missing.title"))
    suffix = escape(switching.t("translations.switcher.missing"))
    return Markup(f'{escape(name)} <span class="crch-untranslated" lang="{reader.html_lang(language)}" '
                  f'title="{title}">{suffix}</span>')
