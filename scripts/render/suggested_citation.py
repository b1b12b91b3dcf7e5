"""Citing a page: the suggested citation shown at its foot, and the citation meta tags that
reference managers (Zotero's "Embedded Metadata", Google Scholar's Highwire Press tags) read.

A citation names the page's title, the site, its address (only when the site has one: a copy on
disk has no address worth citing), the date a person last checked the text against its sources
and leaves "accessed" for the reader. The date follows scripts/model/review.py: a machine
translation is cited as one, with its original's review date, never with a date of its own.

Everything from content is escaped here (markupsafe); the strings are in overrides/strings/citation.yml.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from scripts.model.review import Review
from scripts.render.notices import format_day
from scripts.render.reader import Reader

HIGHWIRE_DATE = "%Y/%m/%d"  # Highwire's citation_date is 'YYYY/MM/DD' (Zotero and Google Scholar read it)


def citation_parts(review: Review, reader: Reader, url: str | None) -> list[Markup]:
    """The citation's sentences, escaped, in the reader's language."""
    text = review.text
    parts = [escape(reader.t("citation.title-site").format(title=text.title, site=reader.site_name))]
    date = format_day(review.date, reader)
    if review.machine:
        origin = reader.t(f"translations.from.{review.reviewed.language}")
        parts.append(escape(reader.t("citation.machine").format(**{"from": origin, "date": date})))
    else:
        parts.append(escape(reader.t("citation.reviewed").format(date=date)))
    if url:
        parts.append(Markup("<span class=\"crch-cite-url\">{}</span>").format(url))
    parts.append(escape(reader.t("citation.accessed")))
    return parts


def citation_block(review: Review, reader: Reader, url: str | None) -> Markup:
    """The "How to cite this page" section (left out of search: it repeats the page's title)."""
    citation = Markup(" ").join(citation_parts(review, reader, url))
    return Markup(
        '<section class="crch-cite" data-search-exclude lang="{}" aria-labelledby="crch-cite-heading">'
        '<h2 id="crch-cite-heading">{}</h2><p class="crch-cite-text">{}</p><p class="crch-cite-hint">{}</p></section>'
    ).format(reader.html_lang(), reader.t("citation.heading"), citation, reader.t("citation.hint"))


def citation_meta(review: Review, reader: Reader, url: str | None) -> list[tuple[str, str]]:
    """(name, content) of the Highwire citation tags of a page; `citation_public_url` only with an address."""
    text = review.text
    tags = [("citation_title", text.title), ("citation_publisher", reader.site_name)]
    date = review.date
    if hasattr(date, "strftime"):
        tags += [("citation_publication_date", date.strftime(HIGHWIRE_DATE)), ("citation_date", date.strftime(HIGHWIRE_DATE))]
    tags.append(("citation_language", reader.html_lang(text.language)))
    if url:
        tags.append(("citation_public_url", url))
    return tags
