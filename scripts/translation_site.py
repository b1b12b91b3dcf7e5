"""What readers see of the translation state (used by overrides/hooks/translations.py).

- A page missing in the reader's language is built from its original (whatever language that is;
  mkdocs-static-i18n itself only falls back to the default language) and says so in the reader's
  language.
- A stale page links to its original and says when the original was last reviewed; a machine
  translation carries a short note. The notices follow the page's title (<h1>), so the page
  starts with its heading.
- Every page says when a person last checked it against its sources; a machine translation
  says that no person has reviewed it and gives its original's date instead of its own.
- The language switcher marks the languages in which the page is missing.
- The "Translation status" page gets its tables and lists from the same report as
  `python -m scripts.check_translations`.

Every text from content or strings is escaped here.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from babel.dates import format_date
from babel.numbers import format_percent
from markupsafe import Markup
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from mkdocs_static_i18n import folder

from scripts import build_hooks
from scripts.page_markup import after_title
from scripts.documents import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, Document
from scripts.translations import (
    MISSING, STALE, UNCONFIRMED, UNREVIEWED, Entry, TranslationReport, report_for,
)
from scripts.ui_strings import t

STATUS_PAGE_ID = "translation-status"
STATUS_MARKER = "<!-- translation-status -->"
STATUS_LISTS = (MISSING, STALE, UNCONFIRMED, UNREVIEWED)
BABEL_LOCALES = {"sq": "sq", "sr": "sr_Latn", "en": "en"}
HTML_LANG = {"sq": "sq", "sr": "sr-Latn", "en": "en"}


def report(config) -> TranslationReport:
    return report_for(build_hooks.corpus(config))


def entry_for(page, config) -> Entry | None:
    """The state of the page being built, in the language being built."""
    doc = build_hooks.document_for(page, config)
    return report(config).entry(build_hooks.current_language(config), doc.id) if doc else None


def site_path_in(doc: Document, language: str) -> str:
    """The URL path the document has in `language`'s part of the site ('sr/acts/x/')."""
    path = doc.site_path
    if doc.language != DEFAULT_LANGUAGE:
        path = path[len(doc.language) + 1 :]
    return path if language == DEFAULT_LANGUAGE else f"{language}/{path}"


# --------------------------------------------------------------------------- files


def add_original_fallbacks(files: Files, config) -> Files:
    """Build every page missing in this language from its original.

    Runs after mkdocs-static-i18n chose this language's files. The added file lives at the
    reader's path (`sr/guides/x.md`), so its relative links resolve to the reader's language and it
    sits in the reader's navigation, but it reads the original's file; `fallback_src_uri` tells
    `build_hooks.document_for` which document it is.
    """
    language = build_hooks.current_language(config)
    i18n = config.plugins["i18n"]
    chosen = {getattr(f, "norm_src_uri", f.src_uri): f for f in files.documentation_pages()}
    for entry in report(config).entries:
        if entry.language != language or entry.state != MISSING:
            continue
        original = entry.original
        original_uri = f"{original.language}/{original.rel_path}"
        current = chosen.get(original.rel_path)
        if current is not None:
            if current.src_uri == original_uri:
                continue  # static-i18n already fell back to the original (the default language)
            files.remove(current)
        plain = File(f"{language}/{original.rel_path}", config.docs_dir, config.site_dir, config.use_directory_urls)
        fallback = folder.create_i18n_file(plain, language, i18n.default_language, i18n.all_languages, config)
        fallback.abs_src_path = str(original.path)
        fallback.fallback_src_uri = original_uri
        files.append(fallback)
    return files


# --------------------------------------------------------------------------- notices and switcher


def _format_date(value: Any, language: str) -> str:
    if isinstance(value, dt.date):
        return format_date(value, t("translations.date-pattern", language), locale=BABEL_LOCALES[language])
    return str(value)


def notices(entry: Entry, language: str) -> list[dict[str, str]]:
    """The notices of a page, in the reader's language (plain text; `notices_html` escapes)."""
    original = entry.original
    if original is None:
        return []
    original_words = t(f"translations.original.{original.language}", language)
    link = {
        "link_href": original.site_path or ".",
        "link_lang": original.language,
        "link_text": t("translations.read-original", language).format(original=original_words),
    }
    found = []
    if entry.state == MISSING:
        found.append({"kind": "missing", "text": t("translations.notice.missing", language).format(
            into=t(f"translations.into.{language}", language), original=original_words)})
    if entry.state == STALE:
        date = _format_date(original.meta.get("last_reviewed"), language)
        found.append({"kind": "stale", "text": t("translations.notice.stale", language).format(date=date), **link})
    if entry.machine and entry.state in (STALE, UNREVIEWED, UNCONFIRMED):
        note = {"kind": "machine", "text": t("translations.notice.machine", language).format(
            **{"from": t(f"translations.from.{original.language}", language)})}
        found.append(note if entry.state == STALE else {**note, **link})
    return found


def notices_html(found: list[dict[str, str]], language: str, page_url: str) -> str:
    """The notices as HTML, marked with the reader's language (a missing page's text is the original's)."""
    parts = []
    for notice in found:
        link = ""
        if notice.get("link_href"):
            href = get_relative_url(notice["link_href"], page_url)
            link = (f' <a href="{escape(href)}" hreflang="{escape(notice["link_lang"])}">'
                    f'{escape(notice["link_text"])}</a>')
        kind = escape(notice["kind"])
        parts.append(
            f'<aside class="admonition {"warning" if notice["kind"] == "stale" else "info"} crch-notice crch-notice--{kind}" '
            f'role="note" lang="{HTML_LANG[language]}" data-translation-notice="{kind}" data-search-exclude>'
            f'<p>{escape(notice["text"])}{link}</p></aside>'
        )
    return "\n".join(parts)


def review_note(doc: Document, entry: Entry, language: str) -> Markup:
    """The page's last review by a person, as one paragraph (doc: the document the page shows)."""
    machine = entry.machine and entry.original is not None
    reviewed = entry.original if machine else doc
    value = reviewed.meta.get("last_reviewed")
    key = "translations.reviewed.machine" if machine else "translations.reviewed"
    original = t(f"translations.original.{reviewed.language}", language) if machine else ""
    before, _, after = t(key, language).format(original=original, date="\0").partition("\0")
    date = Markup('<time datetime="{}">{}</time>').format(value.isoformat(), _format_date(value, language)) \
        if isinstance(value, dt.date) else escape(str(value))
    return Markup('<p class="crch-reviewed" data-search-exclude>{}{}{}</p>').format(before, date, after)


def mark_switcher(config, doc: Document, is_home: bool) -> None:
    """Point each language at this page and mark the languages it is missing in.

    Runs after static-i18n reset `extra.alternate` for the page (it sets an attribute of
    `config.extra`, which is what the templates read; the mapping item holds the site-wide list).
    Material prints `alt.name` unescaped, so the name is built here from escaped parts.
    """
    state = report(config)
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alternate in alternates:
        language = alternate.get("lang")
        name = alternate.setdefault("crch_name", alternate["name"])
        entry = state.entry(language, doc.id)
        if language not in LANGUAGES or entry is None:
            continue
        if not is_home:
            alternate["link"] = site_path_in(doc, language)
        if entry.state == MISSING:
            title = escape(t("translations.switcher.missing.title", language))
            suffix = escape(t("translations.switcher.missing", language))
            alternate["name"] = Markup(
                f'{escape(name)} <span class="crch-untranslated" lang="{HTML_LANG[language]}" title="{title}">{suffix}</span>'
            )
        else:
            alternate["name"] = name


def page_context(context: dict, page, config) -> dict:
    doc = build_hooks.document_for(page, config)
    entry = entry_for(page, config)
    if doc is None or entry is None:
        return context
    context["crch_last_reviewed"] = review_note(doc, entry, build_hooks.current_language(config))
    mark_switcher(config, doc, is_home=doc.rel_path == "index.md")
    return context


# --------------------------------------------------------------------------- page content


def page_content(html: str, page, config) -> str:
    """The notices after the page's title; a fallback page's text marked with its language; the
    status page filled in."""
    entry = entry_for(page, config)
    if entry is None:
        return html
    found = notices(entry, entry.language)
    if found:
        html = after_title(html, notices_html(found, entry.language, page.url))
    if entry.state == MISSING:
        html = f'<div lang="{HTML_LANG[entry.original.language]}">\n{html}\n</div>'
    if entry.doc_id == STATUS_PAGE_ID and STATUS_MARKER in html:
        html = html.replace(STATUS_MARKER, status_html(report(config), entry.language, page.url))
        add_status_toc(page)
    return html


def add_status_toc(page) -> None:
    """List the generated per-language sections in the page's table of contents."""
    items = list(page.toc.items)
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else page.toc.items
    parent.extend(AnchorLink(escape(LANGUAGE_NAMES[shown]), f"translation-status-{shown}", 2) for shown in LANGUAGES)


def _percent(value: float, language: str) -> str:
    return format_percent(value / 100, "#,##0.0%", locale=BABEL_LOCALES[language])


def _status_table(state: TranslationReport, language: str) -> list[str]:
    columns = ["translations.status.documents", "translations.status.up-to-date", "translations.status.reviewed",
               *(f"translations.state.{s}" for s in STATUS_LISTS)]
    head = "".join(f'<th scope="col">{escape(t(key, language))}</th>' for key in columns)
    rows = [f'<table data-translation-status><caption>{escape(t("translations.status.caption", language))}</caption>'
            f'<thead><tr><th scope="col">'
            f'{escape(t("translations.status.language", language))}</th>{head}</tr></thead><tbody>']
    for shown in LANGUAGES:
        summary = state.summary(shown)
        counts = summary["counts"]
        data = " ".join(
            [f'data-language="{shown}"', f'data-documents="{summary["documents"]}"',
             f'data-up-to-date-percent="{summary["up_to_date_percent"]}"',
             f'data-reviewed-percent="{summary["reviewed_percent"]}"']
            + [f'data-{s}="{counts[s]}"' for s in STATUS_LISTS]
        )
        cells = [str(summary["documents"]), _percent(summary["up_to_date_percent"], language),
                 _percent(summary["reviewed_percent"], language), *(str(counts[s]) for s in STATUS_LISTS)]
        rows.append(f'<tr {data}><th scope="row"><a href="#translation-status-{shown}">{escape(LANGUAGE_NAMES[shown])}</a></th>'
                    + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    rows.append("</tbody></table>")
    return rows


def _item(entry: Entry, language: str, page_url: str) -> str:
    """One page of a to-do list: a link to it (for a missing page, to its original)."""
    shown = entry.document or entry.original
    href = get_relative_url(shown.site_path, page_url)
    item = (f'<a href="{escape(href)}" hreflang="{shown.language}" lang="{HTML_LANG[shown.language]}">'
            f'{escape(shown.title)}</a>')
    if entry.state == STALE:
        original_href = get_relative_url(entry.original.site_path, page_url)
        item += (f' (<a href="{escape(original_href)}" hreflang="{entry.original.language}">'
                 f'{escape(t("translations.status.original-link", language))}</a>)')
    return f'<li data-id="{escape(entry.doc_id)}">{item}</li>'


def status_html(state: TranslationReport, language: str, page_url: str) -> str:
    """The status page's generated part, in the reader's language."""
    parts = _status_table(state, language)
    for shown in LANGUAGES:
        parts.append(f'<h2 id="translation-status-{shown}">{escape(LANGUAGE_NAMES[shown])}</h2>')
        todo = [e for e in state.todo(shown) if e.state in STATUS_LISTS]
        if not todo:
            parts.append(f"<p>{escape(t('translations.status.none', language))}</p>")
        for list_state in STATUS_LISTS:
            items = [e for e in todo if e.state == list_state]
            if items:
                parts.append(f'<h3>{escape(t(f"translations.state.{list_state}", language))} ({len(items)})</h3>')
                parts.append(f'<ul data-language="{shown}" data-state="{list_state}">'
                             + "".join(_item(e, language, page_url) for e in items) + "</ul>")
    return "\n".join(parts)
