"""Contact blocks in built sites: a tiny site keeps the tel: links through the sanitizer and stops
on an unknown contact; the real site's directory links every known office to its block, and no
page shows a phone number outside a contact block."""

from __future__ import annotations

import re

import pytest

from scripts.model.contact_markers import phone_numbers_in
from scripts.model.contacts import load_contacts
from tests.support.project import LANGUAGES, SETTINGS, STRINGS
from tests.support.sites import ROOT, build, page, write_config, write_data_files, write_docs

REAL_CONTACTS = ROOT / "docs" / SETTINGS.contacts_file


def published_contacts() -> str:
    """The real contacts file as the site publishes it: without the editor's {lat} markers."""
    source = REAL_CONTACTS.read_text(encoding="utf-8")
    assert "{lat}" in source, "the real file has markers, so the tests below see them dropped"
    return source.replace("{lat}", "").replace("{/lat}", "")


def test_a_built_page_shows_the_block_with_a_tel_link(tmp_path):
    default = SETTINGS.languages.default.code
    docs = write_docs(tmp_path / "docs", {
        f"{lang}/index.md": page("home", "Home", "<!-- contact language-commissioner -->",
                                 **({} if lang == default else {"translation": {"source": default, "status": "machine"}}))
        for lang in LANGUAGES
    })
    write_data_files(docs)
    site = tmp_path / "site"
    result = build(write_config(tmp_path, docs, site), site)
    assert result.returncode == 0, result.stdout + result.stderr
    for language in SETTINGS.languages:
        html = (site / language.prefix / "index.html").read_text(encoding="utf-8")
        assert 'id="contact-language-commissioner"' in html
        assert '<a href="tel:+3833820014612">038 200 14 612</a>' in html  # kept by the sanitizer
        assert STRINGS.t("contacts.check", language.code) in html
    assert (site / SETTINGS.contacts_file).read_text(encoding="utf-8") == published_contacts()


def test_a_build_stops_on_an_unknown_contact_with_file_and_line(tmp_path):
    docs = write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Home", "Text.\n\n<!-- contact nobody -->")})
    write_data_files(docs)
    site = tmp_path / "site"
    result = build(write_config(tmp_path, docs, site), site)
    assert result.returncode != 0
    assert re.search(r"docs/sq/index\.md:13: contact marker <!-- contact nobody -->: unknown contact 'nobody'",
                     result.stdout + result.stderr)
    assert "Traceback" not in result.stdout + result.stderr


def test_a_build_stops_on_a_contact_without_its_source(tmp_path):
    docs = write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Home", "Text.")})
    write_data_files(docs)
    contacts = docs / SETTINGS.contacts_file
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("    source: http", "    sourc: http", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = build(write_config(tmp_path, docs, site), site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"data/contacts\.yml:\d+: unknown key 'sourc' \(did you mean 'source'\?\)", output)
    assert "Traceback" not in output


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_directory_links_the_published_contacts_and_every_cell_finds_its_block(built_site, language):
    page_file = built_site / SETTINGS.languages[language].prefix / "directory" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    href = re.search(r'href="([^"]*contacts\.yml)"', html).group(1)
    assert (page_file.parent / href).resolve().read_text(encoding="utf-8") == published_contacts()
    anchors = set(re.findall(r'<td[^>]*><a href="#(contact-[\w-]+)"', html) + re.findall(r'<br><a href="#(contact-[\w-]+)"', html))
    offices, _ = load_contacts(REAL_CONTACTS, SETTINGS.languages)
    assert anchors == {f"contact-{office.id}" for office in offices if office.municipality}
    assert all(f'id="{anchor}"' in html for anchor in anchors)


def test_no_built_page_shows_a_phone_number_outside_a_contact_block(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        main = re.sub(r'<div class="crch-contact".*?</div>', "", html, flags=re.S)
        main = re.sub(r"<(script|style)\b.*?</\1>", "", main, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", main)
        assert phone_numbers_in(text) == [], path
