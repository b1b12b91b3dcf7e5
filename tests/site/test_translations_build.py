"""What readers see of the translation state, checked in built HTML: a tiny site, a copy of the
real site with one page made missing and one made stale, and the real site itself."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from scripts.checks import translations as check_translations
from scripts.cyrillic.html_pages import transliterate_html
from scripts.model.documents import load_corpus
from tests.support.project import DEFAULT_LANGUAGE, LANGUAGES, SETTINGS
from scripts.tools.confirm_translations import confirm_unconfirmed
from scripts.model.translations import build_report
from tests.support.sites import ROOT, build, page, write_config, write_docs

NOTICE = re.compile(r'<aside [^>]*data-translation-notice="(\w+)"[^>]*>\s*<p>(.*?)</p>\s*</aside>', re.S)


def tiny_config(directory: Path, docs: Path, site: Path) -> Path:
    """The project's mkdocs.yml (every hook) for a tiny docs folder, with the project's data files."""
    if not (docs / "data").exists():
        shutil.copytree(ROOT / "docs" / "data", docs / "data")
    return write_config(directory, docs, site)


def translated(source: str, status: str = "machine") -> dict:
    return {"translation": {"source": source, "status": status}}


def read(site: Path, url_path: str) -> str:
    return (site / url_path / "index.html").read_text(encoding="utf-8")


def notices(page_html: str) -> dict[str, str]:
    """Notice kind -> its paragraph's inner HTML."""
    return {kind: " ".join(text.split()) for kind, text in NOTICE.findall(page_html)}


def switcher(page_html: str) -> dict[str, str]:
    """Language (code; an edition by its hreflang, 'sr-Cyrl') -> the inner HTML of its entry in the
    language switcher (whose hreflang is the linked page's lang: 'sr-Latn')."""
    code_of = {language.html_lang: language.code for language in SETTINGS.languages}
    found = re.findall(r'hreflang="([\w-]+)" class="md-select__link">(.*?)</a>', page_html, re.S)
    return {code_of.get(hreflang, hreflang): " ".join(text.split()) for hreflang, text in found}


def checker_json(docs_dir: Path, capsys) -> dict:
    check_translations.main(["--docs-dir", str(docs_dir), "--format", "json"])
    return json.loads(capsys.readouterr().out)


def status_numbers(page_html: str, generated: bool = False) -> dict[str, dict]:
    """The numbers of the status page's table, read from its data attributes (of the languages, or
    of the generated editions, each with the language it is generated from)."""
    numbers = {}
    for attributes in re.findall(r"<tr (data-language=[^>]*)>", page_html):
        data = dict(re.findall(r'data-([\w-]+)="([^"]*)"', attributes))
        language, source = data.pop("language"), data.pop("generated-from", None)
        if (source is not None) == generated:
            numbers[language] = {key: float(value) if "percent" in key else int(value) for key, value in data.items()}
            numbers[language].update({"from": source} if generated else {})
    return numbers


def expected_numbers(data: dict) -> dict[str, dict]:
    return {
        language: {
            "documents": summary["documents"],
            "up-to-date-percent": summary["up_to_date_percent"],
            "reviewed-percent": summary["reviewed_percent"],
            **{state: summary["counts"][state] for state in ("missing", "stale", "unconfirmed", "unreviewed")},
        }
        for language, summary in data["languages"].items()
    }


def status_lists(page_html: str) -> dict[tuple[str, str], list[str]]:
    lists = re.findall(r'<ul data-language="(\w+)" data-state="(\w+)">(.*?)</ul>', page_html, re.S)
    return {(language, state): re.findall(r'<li data-id="([^"]+)">', items) for language, state, items in lists}


def expected_lists(data: dict) -> dict[tuple[str, str], list[str]]:
    lists: dict[tuple[str, str], list[str]] = {}
    for language, summary in data["languages"].items():
        for item in summary["todo"]:
            if item["state"] != "orphan":
                lists.setdefault((language, item["state"]), []).append(item["id"])
    return lists


# --------------------------------------------------------------------------- a tiny site


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> tuple[Path, Path]:
    """`a` (sq original, stale machine sr, no en), `b` (en original, reviewed sq, no sr), status pages."""
    root = tmp_path_factory.mktemp("translations-site")
    docs = write_docs(root / "docs", {
        "sq/index.md": page("home", "Ballina", "[A](a.md), [B](b.md)"),
        "sr/index.md": page("home", "Početna", "[A](a.md), [B](b.md)", **translated("sq")),
        "en/index.md": page("home", "Home", "[A](a.md), [B](b.md)", **translated("sq")),
        "sq/a.md": page("a", "Faqja A", "Tekst."),
        "sr/a.md": page("a", "Stranica <A> & co", "Tekst.", **translated("sq")),
        "en/b.md": page("b", "Page B", "See [A](a.md)."),
        "sq/b.md": page("b", "Faqja B", "Shih [A](a.md).", **translated("en", "reviewed")),
        **{f"{language}/translation-status.md": page("translation-status", f"Status {language}",
                                                     "<!-- translation-status -->",
                                                     **({} if language == "sq" else translated("sq")))
           for language in LANGUAGES},
    })
    confirm_unconfirmed(docs)
    original = docs / "sq" / "a.md"
    original.write_text(original.read_text(encoding="utf-8").replace("Tekst.", "Tekst i ri.")
                        .replace("last_reviewed: 2026-11-24", "last_reviewed: 2026-11-20"), encoding="utf-8")
    config = tiny_config(root, docs, root / "site")
    result = build(config, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return docs, root / "site"


def test_tiny_site_states(tiny):
    docs, _ = tiny
    found = {(e.language, e.doc_id): e.state for e in build_report(load_corpus(docs)).entries}
    assert (found[("sr", "a")], found[("en", "a")], found[("sr", "b")], found[("sq", "b")]) == (
        "stale", "missing", "missing", "ok")


def test_missing_page_falls_back_to_the_default_language_original(tiny):
    _, site = tiny
    english = read(site, "en/a")
    assert notices(english) == {
        "missing": "This page is not yet translated into English; you are reading the Albanian original."}
    assert '<div lang="sq">\n<h1 id="faqja-a">Faqja A' in english
    assert switcher(english)["en"] == ('<span lang="en" translate="no">English <span class="crch-untranslated" lang="en" '
                                       'title="This page is not yet translated into English: the original opens.">'
                                       '(not translated)</span></span>')
    assert switcher(english)["sr"] == '<span lang="sr-Latn" translate="no">Srpski (latinica)</span>'
    assert switcher(english)["sr-Cyrl"] == '<span lang="sr-Cyrl" translate="no">Српски (ћирилица)</span>'


def test_missing_page_falls_back_to_an_original_in_another_language(tiny):
    _, site = tiny
    serbian = read(site, "sr/b")
    assert notices(serbian) == {"missing": "Ova stranica još nije prevedena na srpski; čitate original na engleskom."}
    assert '<div lang="en">\n<h1 id="page-b">Page B' in serbian
    assert '<a href="../a/">A</a>' in serbian  # its links stay in the reader's language
    assert 'href="../../b/" hreflang="sq" class="md-select__link"' in serbian
    assert 'href="../../en/b/" hreflang="en" class="md-select__link"' in serbian
    assert "(bez prevoda)" in switcher(serbian)["sr"]
    assert "(bez prevoda)" in switcher(read(site, "b"))["sr"]  # the Albanian page marks Serbian too
    assert "Shih" in read(site, "b") and notices(read(site, "b")) == {}


def test_the_cyrillic_edition_has_the_same_states_notices_and_fallbacks(tiny):
    _, site = tiny
    fallback = read(site, "sr-cyrl/b")  # missing in Serbian: the English original, as in sr/b
    assert notices(fallback) == {"missing": "Ова страница још није преведена на српски; читате оригинал на енглеском."}
    assert '<div lang="en">\n<h1 id="page-b">Page B' in fallback  # the original's text stays as it is
    assert '<a href="../a/">A</a>' in fallback  # its links stay in the reader's edition
    assert "(без превода)" in switcher(fallback)["sr-Cyrl"] and "(bez prevoda)" in switcher(fallback)["sr"]
    assert "(без превода)" in switcher(read(site, "b"))["sr-Cyrl"]  # the Albanian page marks it too
    stale = read(site, "sr-cyrl/a")
    assert notices(stale) == {key: transliterate_html(text) for key, text in notices(read(site, "sr/a")).items()}
    assert "stale" in notices(stale) and "оригинал" in notices(stale)["stale"].lower()


def test_stale_machine_translation_links_to_its_original(tiny):
    _, site = tiny
    assert notices(read(site, "sr/a")) == {
        "stale": 'Ovaj prevod možda nije ažuran: original je ažuriran 20. 11. 2026. '
                 '<a href="../../a/" hreflang="sq">Pročitajte original na albanskom</a>',
        "machine": "Ova stranica je mašinski prevedena sa albanskog i još je nije pregledao čovek.",
    }
    assert notices(read(site, "a")) == {}


def test_unreviewed_machine_translation_has_a_short_note(tiny):
    _, site = tiny
    assert notices(read(site, "en/translation-status")) == {
        "machine": 'This page was machine-translated from Albanian and has not yet been checked by a person. '
                   '<a href="../../translation-status/" hreflang="sq">Read the Albanian original</a>'}


def test_status_pages_equal_the_checker(tiny, capsys):
    docs, site = tiny
    data = checker_json(docs, capsys)
    for language in LANGUAGES:
        status = read(site, SETTINGS.languages[language].site_path(load_corpus(docs).get("sq", "translation-status").rel_path))
        assert status_numbers(status) == expected_numbers(data)
        assert status_numbers(status, generated=True) == {"sr-cyrl": {**expected_numbers(data)["sr"], "from": "sr"}}
        assert status_lists(status) == expected_lists(data)
    serbian = read(site, "sr/translation-status")
    assert re.search(r"<td[^>]*>50,0%</td>", serbian) and re.search(r"<td[^>]*>50\.0%</td>", read(site, "en/translation-status"))
    assert 'href="#translation-status-en" class="md-nav__link"' in serbian  # in the table of contents
    generated = serbian[serbian.index("<table data-translation-status"):serbian.index("</article>")]
    assert "Stranica &lt;A&gt; &amp; co" in generated and "<A>" not in generated
    assert '<li data-id="b"><a href="../../en/b/" hreflang="en" lang="en">Page B</a></li>' in serbian


def test_builds_are_reproducible(tiny, tmp_path):
    docs, site = tiny
    again = tmp_path / "site"
    assert build(tiny_config(tmp_path, docs, again), again).returncode == 0
    for path in ("en/a", "sr/a", "sr/b", "sr-cyrl/a", "sr-cyrl/b", "translation-status", "sr/translation-status"):
        assert read(again, path) == read(site, path)


def test_orphan_stops_the_build(tmp_path):
    docs = write_docs(tmp_path / "docs", {
        **{f"{language}/index.md": page("home", "Home", **({} if language == "sq" else translated("sq")))
           for language in LANGUAGES},
        "sr/lost.md": page("lost", "Izgubljena", **translated("sq")),
    })
    result = build(tiny_config(tmp_path, docs, tmp_path / "site"), tmp_path / "site")
    assert result.returncode == 1
    assert "1 translation error(s):" in result.stderr + result.stdout
    assert "sr/lost.md:7: orphan: its original" in result.stderr + result.stdout


# --------------------------------------------------------------------------- the real site


@pytest.fixture(scope="module")
def real_changed(tmp_path_factory):
    """A copy of the real docs with one translation of an English original deleted, one translation
    of an Albanian original deleted, and another Albanian original edited; built with every hook."""
    root = tmp_path_factory.mktemp("real-translations")
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs)
    confirm_unconfirmed(docs)  # a no-op once every real translation records its hash
    report = build_report(load_corpus(docs))
    present = {(e.language, e.doc_id) for e in report.entries if e.document is not None}
    originals = [e for e in report.entries if e.state == "original" and e.doc_id != "home"
                 and all((language, e.doc_id) in present for language in LANGUAGES)]
    from_english = next(e.document for e in originals if e.language == "en")
    from_albanian = [e.document for e in originals if e.language == "sq"][:2]
    assert len(from_albanian) == 2, "the real site needs two Albanian originals for this test"
    missing = {"sr": from_english, "en": from_albanian[0]}
    for language, original in missing.items():
        (docs / language / original.rel_path).unlink()
    stale = from_albanian[1]
    source = docs / "sq" / stale.rel_path
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\nTekst shtesë.\n", encoding="utf-8")
    result = build(write_config(root, docs, root / "site"), root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site", missing, stale


def test_real_site_missing_pages_show_the_original_with_a_notice(real_changed):
    site, missing, _ = real_changed
    sentence = {
        ("sr", "en"): "Ova stranica još nije prevedena na srpski; čitate original na engleskom.",
        ("en", "sq"): "This page is not yet translated into English; you are reading the Albanian original.",
    }
    for language, original in missing.items():
        fallback = read(site, SETTINGS.languages[language].site_path(original.rel_path))
        assert notices(fallback) == {"missing": sentence[(language, original.language)]}
        assert f'<div lang="{original.language}">' in fallback
        assert html.escape(original.title, quote=False) in fallback
        for reader in LANGUAGES:  # every language version marks the missing language in the switcher
            assert "crch-untranslated" in switcher(read(site, SETTINGS.languages[reader].site_path(original.rel_path)))[language]


def test_real_site_stale_pages_say_when_the_original_changed(real_changed):
    site, _, stale = real_changed
    date = stale.meta["last_reviewed"]
    expected = {
        "sr": f"Ovaj prevod možda nije ažuran: original je ažuriran {date.day}. {date.month}. {date.year}. ",
        "en": "The original was updated on ",
    }
    original_url = SETTINGS.languages[DEFAULT_LANGUAGE].site_path(stale.rel_path)
    for language, start in expected.items():
        found = notices(read(site, SETTINGS.languages[language].site_path(stale.rel_path)))
        assert found["stale"].startswith(start)
        depth = SETTINGS.languages[language].site_path(stale.rel_path).count("/")
        assert f'<a href="{"../" * depth}{original_url}" hreflang="sq">' in found["stale"]
    assert notices(read(site, original_url)) == {}


def test_real_site_status_page_equals_the_checker(built_site, capsys):
    data = checker_json(ROOT / "docs", capsys)
    for language in LANGUAGES:
        status = read(built_site, SETTINGS.languages[language].prefix + "translation-status")
        assert status_numbers(status) == expected_numbers(data)
        assert status_numbers(status, generated=True) == {"sr-cyrl": {**expected_numbers(data)["sr"], "from": "sr"}}
        assert status_lists(status) == expected_lists(data)


def test_real_site_notices_follow_the_report(built_site):
    report = build_report(load_corpus(ROOT / "docs"))
    for entry in report.entries:
        path = SETTINGS.languages[entry.language].site_path(entry.original.rel_path) if entry.original else None
        if path is None:
            continue
        found = notices(read(built_site, path))
        assert ("machine" in found) == (entry.machine and entry.state in ("unreviewed", "unconfirmed", "stale")), path
        assert ("missing" in found) == (entry.state == "missing"), path
        assert ("stale" in found) == (entry.state == "stale"), path
