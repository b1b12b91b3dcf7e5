"""The "Translation status" page's generated part: a table per language and each language's to-do
lists with links, from the same report as `python -m scripts.checks.translations`, in the reader's
language. The page holds the marker `<!-- translation-status -->`. A generated edition (the
Serbian Cyrillic one) has a row of its own saying what it is generated from, with its source's
numbers: it has no translation state of its own."""

from __future__ import annotations

from html import escape

from babel.numbers import format_percent
from markupsafe import Markup

from scripts.model.links import relative_url
from scripts.model.translations import MISSING, STALE, UNCONFIRMED, UNREVIEWED, Entry, TranslationReport
from scripts.render.markup import language_name
from scripts.render.reader import Reader

STATUS_PAGE_ID = "translation-status"
STATUS_MARKER = "<!-- translation-status -->"
STATUS_LISTS = (MISSING, STALE, UNCONFIRMED, UNREVIEWED)


def sections(reader: Reader) -> list[tuple[str, str]]:
    """(anchor, title) of the generated per-language sections, for the page's table of contents."""
    return [(f"translation-status-{language.code}", language_name(language)) for language in reader.languages]


def _percent(value: float, reader: Reader) -> str:
    return format_percent(value / 100, "#,##0.0%", locale=reader.languages[reader.language].babel_locale)


def _status_table(state: TranslationReport, reader: Reader) -> list[str]:
    columns = ["translations.status.documents", "translations.status.up-to-date", "translations.status.reviewed",
               *(f"translations.state.{s}" for s in STATUS_LISTS)]
    head = "".join(f'<th scope="col">{escape(reader.t(key))}</th>' for key in columns)
    rows = [f'<table data-translation-status><caption>{escape(reader.t("translations.status.caption"))}</caption>'
            f'<thead><tr><th scope="col">'
            f'{escape(reader.t("translations.status.language"))}</th>{head}</tr></thead><tbody>']
    rows_of = [(language, language.code, language_name(language)) for language in reader.languages]
    for edition in reader.languages.editions:
        generated = reader.t("translations.status.generated")
        source = language_name(reader.languages[edition.generated_from])
        name = language_name(edition) + Markup("<br><small>{}</small>").format(Markup.escape(generated).replace("{source}", source))
        at = next(number for number, row in enumerate(rows_of) if row[1] == edition.generated_from)
        rows_of.insert(at + 1, (edition, edition.generated_from, name))
    for language, shown, name in rows_of:
        summary = state.summary(shown)
        counts = summary["counts"]
        data = " ".join(
            [f'data-language="{language.code}"'] + ([f'data-generated-from="{shown}"'] if language.generated_from else [])
            + [f'data-documents="{summary["documents"]}"',
             f'data-up-to-date-percent="{summary["up_to_date_percent"]}"',
             f'data-reviewed-percent="{summary["reviewed_percent"]}"']
            + [f'data-{s}="{counts[s]}"' for s in STATUS_LISTS]
        )
        cells = [str(summary["documents"]), _percent(summary["up_to_date_percent"], reader),
                 _percent(summary["reviewed_percent"], reader), *(str(counts[s]) for s in STATUS_LISTS)]
        rows.append(f'<tr {data}><th scope="row"><a href="#translation-status-{shown}">{name}</a></th>'
                    + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    rows.append("</tbody></table>")
    return rows


def _item(entry: Entry, reader: Reader) -> str:
    """One page of a to-do list: a link to it (for a missing page, to its original)."""
    shown = entry.document or entry.original
    href = relative_url(reader.page_url, shown.site_path)
    item = (f'<a href="{escape(href)}" hreflang="{shown.language}" lang="{reader.html_lang(shown.language)}">'
            f'{escape(shown.title)}</a>')
    if entry.state == STALE:
        original_href = relative_url(reader.page_url, entry.original.site_path)
        item += (f' (<a href="{escape(original_href)}" hreflang="{entry.original.language}">'
                 f'{escape(reader.t("translations.status.original-link"))}</a>)')
    return f'<li data-id="{escape(entry.doc_id)}">{item}</li>'


def status_html(state: TranslationReport, reader: Reader) -> str:
    """The status page's generated part, in the reader's language."""
    parts = _status_table(state, reader)
    for language in reader.languages:
        shown = language.code
        parts.append(f'<h2 id="translation-status-{shown}">{language_name(language)}</h2>')
        todo = [e for e in state.todo(shown) if e.state in STATUS_LISTS]
        if not todo:
            parts.append(f"<p>{escape(reader.t('translations.status.none'))}</p>")
        for list_state in STATUS_LISTS:
            items = [e for e in todo if e.state == list_state]
            if items:
                parts.append(f'<h3>{escape(reader.t(f"translations.state.{list_state}"))} ({len(items)})</h3>')
                parts.append(f'<ul data-language="{shown}" data-state="{list_state}">'
                             + "".join(_item(e, reader) for e in items) + "</ul>")
    return "\n".join(parts)
