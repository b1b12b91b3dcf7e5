"""The contact blocks: what each shows in each language, dates as the source gives them, hostile
values escaped, and the markers replaced."""

from __future__ import annotations

import re

import pytest

from scripts.model.contacts import Contact, Phone
from scripts.render.contacts import render_contact, replace_markers
from tests.support.project import LANGUAGES, STRINGS, reader


def contact(**fields) -> Contact:
    values = dict(id="olc", body="language-commissioner", name={"sq": "Zyra", "sr": "Kancelarija", "en": "Office"},
                  source="http://www.komisioneri-ks.org/?page=1,58", source_date="2017-10-22")
    values.update(fields)
    return Contact(**values)


def test_a_block_in_each_language():
    office = contact(address={"sq": "Ndërtesa e Qeverisë\nKati VI", "en": "Government Building\nFloor VI"},
                     phones=(Phone("038 200 14 612", "+3833820014612"),), emails=("info@example.org",),
                     web=("www.komisioneri-ks.org",), note={"sq": "Shënim.", "sr": "Napomena.", "en": "A note."})
    html = render_contact(office, reader("sr"))
    assert '<div class="crch-contact" id="contact-olc">' in html
    assert "<strong>Kancelarija</strong>" in html
    assert '<span lang="sq">Ndërtesa e Qeverisë<br>Kati VI</span>' in html  # no Serbian address: the first one, marked
    assert '<a href="tel:+3833820014612">038 200 14 612</a>' in html
    assert '<a href="mailto:info@example.org">info@example.org</a>' in html
    assert "<code>www.komisioneri-ks.org</code>" in html and "Napomena." in html
    assert f"<strong>{STRINGS.t('contacts.check', 'sr')}</strong>" in html
    assert '<time datetime="2017-10-22">22. oktobar 2017.</time>' in html
    assert "<code>http://www.komisioneri-ks.org/?page=1,58</code>" in html
    assert "\n\n" not in html  # one HTML block for Markdown
    english = render_contact(office, reader("en"))
    assert '<span lang="en">' not in english and "Government Building<br>Floor VI" in english


def test_an_address_in_another_language_carries_its_html_lang():
    html = render_contact(contact(address={"sr": "Ulica"}), reader("en"))
    assert '<span lang="sr-Latn">Ulica</span>' in html


@pytest.mark.parametrize("language, month, year", [("sq", "tetor 2019", "2017"), ("en", "October 2019", "2017"),
                                                    ("sr", "oktobar 2019.", "2017.")])  # Serbian dates end with a period
def test_a_month_or_year_as_the_source_shows_it(language, month, year):
    assert f'<time datetime="2019-10">{month}</time>' in render_contact(contact(source_date="2019-10"), reader(language))
    assert f'<time datetime="2017">{year}</time>' in render_contact(contact(source_date="2017"), reader(language))


def test_an_undated_secondary_source_says_so():
    office = contact(source_date="undated", secondary=True,
                     source_note={"sq": "Pa datë.", "sr": "Bez datuma.", "en": "A news portal, no date."})
    html = render_contact(office, reader("en"))
    assert "the page shows no date" in html and "(secondary source)" in html and "A news portal, no date." in html
    assert "<time" not in html


def test_hostile_values_are_escaped():
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    office = contact(name={lang: evil for lang in LANGUAGES}, address={"en": evil}, web=(f"javascript:{evil}",),
                     phones=(Phone(f"038 200 14 612 {evil}", "+3833820014612"),),
                     note={lang: evil for lang in LANGUAGES}, source=f'http://x.org/"><script>alert(3)</script>')
    html = render_contact(office, reader("en"))
    assert "<script" not in html and "<img" not in html and 'onerror="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html


def test_replace_markers_for_one_office_and_for_a_body():
    offices = [contact(), contact(id="olc-post", name={"sq": "Posta", "sr": "Pošta", "en": "Post"}),
               contact(id="oca", body="office-for-community-affairs")]
    markdown = "A\n\n<!-- contact oca -->\n\nB\n\n<!-- contacts body=language-commissioner -->\n\n<!-- contact olc -->\n"
    html = replace_markers(markdown, offices, reader("en"))
    assert "<!--" not in html
    assert re.findall(r'id="contact-([\w-]+)"', html) == ["oca", "olc", "olc-post"]
    assert html.count('<div class="crch-contact"') == 4  # olc twice, its anchor once


def test_a_wrong_marker_is_left_as_written():
    markdown = "<!-- contact nobody -->\n\n<!-- contacts olc -->\n"
    assert replace_markers(markdown, [contact()], reader("en")) == markdown
