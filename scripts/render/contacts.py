"""The contact blocks: each office as one HTML block in the reader's language, in place of the
page's contact markers (scripts/model/contact_markers.py).

A block shows the office's name, its address (in the reader's language, else in the first
language the source gives, marked with its `lang`), each phone as a `tel:` link in E.164 with the
published form as its text, e-mail as `mailto:`, the web address (shown, not linked: the site
links no other host), any note on contradicting sources, and "Check before you go" with the
source's address and date. Every text from the data file is escaped.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Mapping, Sequence

from babel.dates import format_date

from scripts.model.contact_markers import MARKER, resolve
from scripts.model.contacts import UNDATED, Contact
from scripts.render.reader import Reader

DATE_PATTERNS = {10: "contacts.date-pattern.day", 7: "contacts.date-pattern.month", 4: "contacts.date-pattern.year"}


def anchor(contact_id: str) -> str:
    """The HTML id of a contact's block, for links to it (the directory's contact column)."""
    return f"contact-{contact_id}"


def format_source_date(value: str, reader: Reader) -> str:
    """'2020-10-08' as the reader's language writes dates ('8 tetor 2020'); '2019-09' as a month, '2017' as a year."""
    if value == UNDATED:
        return ""
    parts = [int(part) for part in value.split("-")]
    date = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return format_date(date, reader.t(DATE_PATTERNS[len(value)]), locale=reader.languages[reader.language].babel_locale)


def _in_language(texts: Mapping[str, str], language: str) -> tuple[str, str]:
    """(language, text): the reader's language, else the first language the source gives."""
    if language in texts:
        return language, texts[language]
    first = next(iter(texts))
    return first, texts[first]


def _label(key: str, reader: Reader) -> str:
    return f'<span class="crch-contact-label">{escape(reader.t(key))}:</span>'


def _address(contact: Contact, reader: Reader) -> str:
    if not contact.address:
        return ""
    shown, text = _in_language(contact.address, reader.language)
    lines = "<br>".join(escape(line.strip()) for line in text.strip().split("\n"))
    lang = f' lang="{escape(reader.html_lang(shown))}"' if shown != reader.language else ""
    return f'<p class="crch-contact-address">{_label("contacts.address", reader)} <span{lang}>{lines}</span></p>'


def _lines(contact: Contact, reader: Reader) -> str:
    items = [f'<li>{_label("contacts.phone", reader)} <a href="tel:{escape(phone.tel)}">{escape(phone.text)}</a></li>'
             for phone in contact.phones]
    items += [f'<li>{_label("contacts.email", reader)} <a href="mailto:{escape(email)}">{escape(email)}</a></li>'
              for email in contact.emails]
    items += [f'<li>{_label("contacts.web", reader)} <code>{escape(web)}</code></li>' for web in contact.web]
    return f'<ul class="crch-contact-lines">{"".join(items)}</ul>' if items else ""


def check_before_you_go(contact: Contact, reader: Reader) -> str:
    """The dated, sourced caveat under every contact, in the reader's language."""
    source = f"<code>{escape(contact.source)}</code>"
    if contact.secondary:
        source += f" ({escape(reader.t('contacts.secondary'))})"
    if contact.source_date == UNDATED:
        text = escape(reader.t("contacts.check.undated")).replace("{source}", source)
    else:
        date = (f'<time datetime="{escape(contact.source_date)}">'
                f'{escape(format_source_date(contact.source_date, reader))}</time>')
        text = escape(reader.t("contacts.check.dated")).replace("{date}", date).replace("{source}", source)
    if contact.source_note:
        text += " " + escape(contact.source_note[reader.language])
    return f'<p class="crch-contact-check"><strong>{escape(reader.t("contacts.check"))}</strong> {text}</p>'


def render_contact(contact: Contact, reader: Reader, with_anchor: bool = True) -> str:
    """One office as one HTML block (no blank lines, so Markdown passes it through); all text escaped."""
    language = reader.language
    html_id = f' id="{escape(anchor(contact.id))}"' if with_anchor else ""
    note = f'<p class="crch-contact-note">{escape(contact.note[language])}</p>' if contact.note else ""
    parts = [
        f'<div class="crch-contact"{html_id}>',
        f'<p class="crch-contact-name"><strong>{escape(contact.name[language])}</strong></p>',
        _address(contact, reader),
        _lines(contact, reader),
        note,
        check_before_you_go(contact, reader),
        "</div>",
    ]
    return "\n".join(part for part in parts if part)


def replace_markers(markdown: str, contacts: Sequence[Contact], reader: Reader) -> str:
    """The Markdown with each well-formed marker replaced by its contact blocks (a wrong marker is
    left as it is: the build stops on it before, with its file and line)."""
    by_id = {contact.id: contact for contact in contacts}
    anchored: set[str] = set()  # one id="contact-…" per page, even if an office is shown twice

    def blocks(match) -> str:
        use = resolve(match, 0, contacts, "")
        if use.problem:
            return match.group(0)
        rendered = [render_contact(by_id[contact_id], reader, contact_id not in anchored) for contact_id in use.contact_ids]
        anchored.update(use.contact_ids)
        return "\n\n" + "\n\n".join(rendered) + "\n\n"

    return MARKER.sub(blocks, markdown)


def link_to_block(contact: Contact, reader: Reader) -> str:
    """A link to the office's block on the same page, named by its institution
    (`contacts.directory.see.<body>`, else a plain "see the contact")."""
    key = f"contacts.directory.see.{contact.body}"
    label = reader.t(key if key in reader.strings.texts else "contacts.directory.see")
    return f'<a href="#{escape(anchor(contact.id))}">{escape(label)}</a>'
