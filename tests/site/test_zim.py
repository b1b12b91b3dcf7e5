"""The Kiwix files (scripts/site/zim.py), read back with libzim's own reader.

The real site's build publishes one per language in downloads/, and one for the Serbian Cyrillic
edition (mkdocs.yml turns `kiwix_files` on; the session's real build is used); each must carry
Kiwix's metadata and illustration, open on its language's home page, keep every link of its pages
inside the archive, and search only its own language (the Cyrillic one: its twins, found by
Cyrillic words and by their Latin titles). A tiny site leaves them out unless it asks for them, and a problem making them
fails the build and keeps the previous site.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from libzim.reader import Archive
from libzim.search import Query, Searcher
from libzim.suggestion import SuggestionSearcher

from scripts.site import service_worker, zim
from scripts.site.sources import SiteSources
from tests.support.browsing import EDITIONS, corpus, language_of, representative_paths
from tests.support.images import read_png
from tests.support.project import LANGUAGES, SETTINGS, kiwix_file
from tests.support.sites import build, page, tree, write_config, write_data_files, write_docs

REQUIRED_METADATA = ("Name", "Title", "Creator", "Publisher", "Date", "Description", "Language")
URL_ATTRIBUTE = re.compile(r'\s(?:href|src)="([^"]*)"')
ELEMENT_ID = re.compile(r'\sid="([^"]*)"')


@pytest.fixture(scope="module")
def archives(built_site) -> dict[str, Archive]:
    return {language: Archive(kiwix_file(built_site, language)) for language in EDITIONS}


def text_of(archive: Archive, path: str) -> str:
    return bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")


def metadata(archive: Archive, name: str) -> str:
    return bytes(archive.get_metadata(name)).decode("utf-8")


def resolve(archive: Archive, path: str):
    """The entry a path names, redirects followed (None when the archive has no such path)."""
    if not archive.has_entry_by_path(path):
        return None
    entry = archive.get_entry_by_path(path)
    return entry.get_redirect_entry() if entry.is_redirect else entry


def search(archive: Archive, query: str, count: int = 50) -> list[str]:
    return list(Searcher(archive).search(Query().set_query(query)).getResults(0, count))


def suggest(archive: Archive, text: str, count: int = 50) -> list[str]:
    return list(SuggestionSearcher(archive).suggest(text).getResults(0, count))


SOURCES = SiteSources.read()


def own_pages(language: str) -> list:
    """The pages written in a language (or edition), as it shows them: site_path, title, document."""
    return sorted(SOURCES.pages(language), key=lambda page: page.document.rel_path)


@pytest.mark.parametrize("language", EDITIONS)
def test_metadata_kiwix_requires(archives, language):
    archive = archives[language]
    assert set(REQUIRED_METADATA) <= set(archive.metadata_keys)
    assert metadata(archive, "Language") == {"sq": "sqi", "sr": "srp", "sr-cyrl": "srp", "en": "eng"}[language]
    assert metadata(archive, "Name") == f"community-rights-clearing-house_{language}_all"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", metadata(archive, "Date"))
    assert 0 < len(metadata(archive, "Title")) <= 30
    assert 0 < len(metadata(archive, "Description")) <= 80
    assert all(metadata(archive, name).strip() for name in REQUIRED_METADATA)


def test_titles_are_in_each_language(archives):
    titles = {language: metadata(archive, "Title") for language, archive in archives.items()}
    assert len(set(titles.values())) == len(EDITIONS)  # the two Serbian files differ in a library's list
    assert metadata(archives["sr"], "Creator") == "Centar za informisanje o pravima zajednica"
    assert metadata(archives["sr-cyrl"], "Creator") == "Центар за информисање о правима заједница"
    assert titles["sr-cyrl"] == SOURCES.t("zim.title", "sr-cyrl") and not re.search("[A-Za-z]", titles["sr-cyrl"])


@pytest.mark.parametrize("language", EDITIONS)
def test_illustration_is_the_sites_icon_at_48_pixels(archives, language):
    archive = archives[language]
    assert archive.has_illustration(48)
    width, height, rows = read_png(bytes(archive.get_illustration_item(48).content))
    assert (width, height) == (48, 48)
    assert rows[24][24] == (0x28, 0x35, 0x93, 255)  # the favicon's indigo


@pytest.mark.parametrize("language", EDITIONS)
def test_main_entry_is_the_languages_home_page(archives, language):
    main = archives[language].main_entry
    main = main.get_redirect_entry() if main.is_redirect else main
    assert main.path == ("index.html" if language == "sq" else f"{language}/index.html")
    assert f'<html lang="{SETTINGS.languages.language_or_edition(language).html_lang}"' in text_of(archives[language], main.path)


def test_folder_addresses_redirect_to_their_page(archives):
    archive = archives["sr"]
    for folder in ("acts/", "sr/acts/", "sr/guides/education/", "en/institutions/"):
        target = resolve(archive, folder)
        assert target is not None and target.path == folder + "index.html", folder


def linked_paths(archive: Archive, page_path: str) -> list[tuple[str, str]]:
    """(url as written, path in the archive) for every internal href/src of a page."""
    found = []
    for url in URL_ATTRIBUTE.findall(text_of(archive, page_path)):
        parts = urlsplit(url.replace("&amp;", "&"))
        if parts.scheme or parts.netloc or not parts.path:
            continue
        found.append((url, posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))))
    return found


def sample_pages() -> list[str]:
    """One page of each type per language, every guide, and every language's home page."""
    paths = [p for p in representative_paths() if p != "404.html"]
    paths += [doc.site_path for doc in corpus() if doc.type == "guide"]
    return sorted({(p or "") + "index.html" for p in paths})


@pytest.mark.parametrize("language", EDITIONS)
def test_every_link_of_sample_pages_resolves_inside_the_archive(archives, language):
    archive = archives[language]
    broken = {}
    for page in sample_pages():
        for url, path in linked_paths(archive, page):
            target = resolve(archive, path)
            anchor = urlsplit(url).fragment
            if target is None:
                broken.setdefault(page, []).append(url)
            elif anchor and target.get_item().mimetype == "text/html" and \
                    unquote(anchor) not in ELEMENT_ID.findall(text_of(archive, target.path)):
                broken.setdefault(page, []).append(url)
    assert broken == {}


def test_the_link_check_sees_a_link_outside_the_archive(archives):
    archive = archives["en"]
    assert resolve(archive, "en/acts/index.html") is not None
    assert resolve(archive, "en/nowhere/index.html") is None
    assert resolve(archive, f"{zim.DOWNLOADS_DIR}/{kiwix_file(Path('.'), 'en').name}") is None


def test_server_only_files_and_the_save_control_are_left_out(archives, built_site):
    archive = archives["sq"]
    assert (built_site / service_worker.SCRIPT_NAME).is_file()
    for path in (service_worker.SCRIPT_NAME, "404.html", "assets/offline/sq.json",
                 "assets/javascripts/bundle.a5f9d56c.min.js.map"):
        assert not archive.has_entry_by_path(path), path
    about = text_of(archive, "about/index.html")
    assert service_worker.CONTROL_START in (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert service_worker.CONTROL_START not in about and "data-crch-offline" not in about
    assert not re.search(r'href="[^"]*downloads/', about)


@pytest.mark.parametrize("language", EDITIONS)
def test_search_finds_a_guide_by_a_word_of_its_title_in_its_language_only(archives, language):
    archive = archives[language]
    for doc in [d for d in own_pages(language) if d.document.type == "guide"]:
        word = max(re.findall(r"\w+", doc.title), key=len)
        results = search(archive, word)
        assert (doc.site_path + "index.html") in results[:10], (word, results[:10])
        assert all(language_of(path) == language for path in results), (word, results)


@pytest.mark.parametrize("language", EDITIONS)
def test_a_word_of_every_language_finds_only_this_languages_pages(archives, language):
    """'2010' (Regulation 02/2010) is in pages of all three languages: each archive finds its own."""
    results = search(archives[language], "2010")
    assert results and all(language_of(path) == language for path in results), results
    regulation = next(page for page in own_pages(language) if page.document.id == "regulation-02-2010")
    assert regulation.site_path + "index.html" in results


def test_search_ignores_accents_as_readers_type_them(archives):
    with_accents, without = search(archives["sr"], "opština"), search(archives["sr"], "opstina")
    assert with_accents and with_accents == without
    assert search(archives["sq"], "çështje") == search(archives["sq"], "ceshtje") != []


def test_navigation_words_are_not_indexed_on_every_page(archives):
    """The site's navigation is on every page; only articles are indexed, so a navigation label
    does not match every page of the language."""
    pages = len(own_pages("en"))
    assert len(search(archives["en"], "Glossary", pages + 10)) < pages / 2


@pytest.mark.parametrize("language", EDITIONS)
def test_title_suggestions_are_the_languages_pages(archives, language):
    archive = archives[language]
    guide = next(d for d in own_pages(language) if d.document.type == "guide")
    suggestions = suggest(archive, guide.title.split()[0])
    assert guide.site_path + "index.html" in suggestions
    assert all(language_of(path) == language for path in suggestions), suggestions


def test_the_cyrillic_archive_finds_its_pages_by_latin_words_too(archives):
    """A reader typing Latin letters in the Cyrillic file: each page's Latin title and summary are
    its keywords (scripts/site/zim_entries.py)."""
    archive = archives["sr-cyrl"]
    for page in [p for p in own_pages("sr-cyrl") if p.document.type == "guide"]:
        word = max(re.findall(r"\w+", page.document.title), key=len)
        results = search(archive, word)
        assert page.site_path + "index.html" in results, (word, results[:10])
        assert all(language_of(path) == "sr-cyrl" for path in results), (word, results)


def test_other_languages_pages_are_in_the_archive_but_not_indexed(archives):
    archive = archives["sr"]
    albanian_guide = next(d for d in own_pages("sq") if d.document.type == "guide")
    assert resolve(archive, albanian_guide.site_path + "index.html") is not None
    assert albanian_guide.site_path + "index.html" not in search(archive, albanian_guide.title)


# --------------------------------------------------------------------------- the command line


def test_command_line_writes_one_language_into_dist(built_site, tmp_path, capsys):
    assert zim.main(["--site-dir", str(built_site), "--dist-dir", str(tmp_path), "--language", "en",
                     "--publisher", "An NGO", "--date", "2026-12-01"]) == 0
    (written,) = tmp_path.glob("*.zim")
    assert written.name == "community-rights-clearing-house_en_all.zim"
    assert f"{written}: " in capsys.readouterr().out
    archive = Archive(written)
    assert (metadata(archive, "Publisher"), metadata(archive, "Date")) == ("An NGO", "2026-12-01")


def test_command_line_names_a_folder_that_is_not_a_built_site(tmp_path, capsys):
    assert zim.main(["--site-dir", str(tmp_path), "--dist-dir", str(tmp_path / "dist")]) == 1
    assert "is not a built site" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()


def test_a_bad_favicon_fails_the_command_with_its_name(built_site, tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.zim"))
    (site / "assets" / "images" / "favicon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle r="2"/></svg>')
    assert zim.main(["--site-dir", str(site), "--dist-dir", str(tmp_path / "dist"), "--language", "sq"]) == 1
    assert "favicon.svg: <circle> is not drawn" in capsys.readouterr().err


# --------------------------------------------------------------------------- the build's switch


def tiny_site(tmp_path: Path, kiwix_files: bool) -> tuple[Path, Path]:
    """A three-language home page; returns (config file, site folder)."""
    docs = write_docs(tmp_path / "docs", {
        f"{language}/index.md": page("home", f"Home {language}", **({} if language == SETTINGS.languages.default.code
                                     else {"translation": {"source": "sq", "status": "machine"}}))
        for language in LANGUAGES})
    write_data_files(docs)
    site = tmp_path / "out" / "site"
    return write_config(tmp_path, docs, site, kiwix_files=kiwix_files), site


def test_a_tiny_site_has_no_kiwix_files_unless_it_asks(tmp_path):
    config, site = tiny_site(tmp_path, kiwix_files=False)
    result = build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / zim.DOWNLOADS_DIR).exists()
    assert (site / service_worker.SCRIPT_NAME).is_file(), "the service worker files follow their own switch"
    assert "Kiwix files" not in result.stderr


def test_a_kiwix_file_problem_fails_the_build_and_keeps_the_previous_site(tmp_path):
    """The illustration is drawn from the favicon: one it cannot draw stops the build, naming it."""
    config, site = tiny_site(tmp_path, kiwix_files=True)
    site.mkdir(parents=True)
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    before = tree(site)
    icon = tmp_path / "docs" / "assets" / "images" / "favicon.svg"  # a docs file takes the theme file's place
    icon.parent.mkdir(parents=True)
    icon.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle r="2"/></svg>', encoding="utf-8")
    result = build(config, site)
    assert result.returncode == 1
    assert "favicon.svg: <circle> is not drawn" in result.stderr
    assert "build failed:" in result.stderr
    assert tree(site) == before
