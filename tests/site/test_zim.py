"""The Kiwix files (scripts/zim.py), read back with libzim's own reader.

Every build publishes one per language in downloads/ (the real build of the session is used);
each must carry Kiwix's metadata and illustration, open on its language's home page, keep every
link of its pages inside the archive, and search only its own language.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from scripts import service_worker, zim
from scripts.documents import LANGUAGES
from tests.browsing import corpus, representative_paths
from tests.test_icon_png import read_png

pytest.importorskip("libzim")
from libzim.reader import Archive  # noqa: E402
from libzim.search import Query, Searcher  # noqa: E402
from libzim.suggestion import SuggestionSearcher  # noqa: E402

REQUIRED_METADATA = ("Name", "Title", "Creator", "Publisher", "Date", "Description", "Language")
HTML_LANG = {"sq": "sq", "sr": "sr-Latn", "en": "en"}
URL_ATTRIBUTE = re.compile(r'\s(?:href|src)="([^"]*)"')
ELEMENT_ID = re.compile(r'\sid="([^"]*)"')


@pytest.fixture(scope="module")
def archives(built_site) -> dict[str, Archive]:
    return {language: Archive(zim.zim_path(built_site / zim.DOWNLOADS_DIR, language)) for language in LANGUAGES}


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


def in_tree(path: str, language: str) -> bool:
    first = path.split("/", 1)[0]
    return first == language if language != "sq" else first not in LANGUAGES


def own_pages(language: str) -> list:
    return sorted(corpus().in_language(language), key=lambda doc: doc.rel_path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_metadata_kiwix_requires(archives, language):
    archive = archives[language]
    assert set(REQUIRED_METADATA) <= set(archive.metadata_keys)
    assert metadata(archive, "Language") == {"sq": "sqi", "sr": "srp", "en": "eng"}[language]
    assert metadata(archive, "Name") == f"community-rights-clearing-house_{language}_all"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", metadata(archive, "Date"))
    assert 0 < len(metadata(archive, "Title")) <= 30
    assert 0 < len(metadata(archive, "Description")) <= 80
    assert all(metadata(archive, name).strip() for name in REQUIRED_METADATA)


def test_titles_are_in_each_language(archives):
    titles = {language: metadata(archive, "Title") for language, archive in archives.items()}
    assert len(set(titles.values())) == len(LANGUAGES)
    assert metadata(archives["sr"], "Creator") == "Centar za informisanje o pravima zajednica"


@pytest.mark.parametrize("language", LANGUAGES)
def test_illustration_is_the_sites_icon_at_48_pixels(archives, language):
    archive = archives[language]
    assert archive.has_illustration(48)
    width, height, rows = read_png(bytes(archive.get_illustration_item(48).content))
    assert (width, height) == (48, 48)
    assert rows[24][24] == (0x28, 0x35, 0x93, 255)  # the favicon's indigo


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_entry_is_the_languages_home_page(archives, language):
    main = archives[language].main_entry
    main = main.get_redirect_entry() if main.is_redirect else main
    assert main.path == ("index.html" if language == "sq" else f"{language}/index.html")
    assert f'<html lang="{HTML_LANG[language]}"' in text_of(archives[language], main.path)


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


@pytest.mark.parametrize("language", LANGUAGES)
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
    assert resolve(archive, zim.DOWNLOADS_DIR + "/" + zim.zim_path(Path("."), "en").name) is None


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


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_a_guide_by_a_word_of_its_title_in_its_language_only(archives, language):
    archive = archives[language]
    for doc in [d for d in own_pages(language) if d.type == "guide"]:
        word = max(re.findall(r"\w+", doc.title), key=len)
        results = search(archive, word)
        assert (doc.site_path + "index.html") in results[:10], (word, results[:10])
        assert all(in_tree(path, language) for path in results), (word, results)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_word_of_every_language_finds_only_this_languages_pages(archives, language):
    """'2010' (Regulation 02/2010) is in pages of all three languages: each archive finds its own."""
    results = search(archives[language], "2010")
    assert results and all(in_tree(path, language) for path in results), results
    regulation = corpus().get(language, "regulation-02-2010")
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_title_suggestions_are_the_languages_pages(archives, language):
    archive = archives[language]
    guide = next(d for d in own_pages(language) if d.type == "guide")
    suggestions = suggest(archive, guide.title.split()[0])
    assert guide.site_path + "index.html" in suggestions
    assert all(in_tree(path, language) for path in suggestions), suggestions


def test_other_languages_pages_are_in_the_archive_but_not_indexed(archives):
    archive = archives["sr"]
    albanian_guide = next(d for d in own_pages("sq") if d.type == "guide")
    assert resolve(archive, albanian_guide.site_path + "index.html") is not None
    assert albanian_guide.site_path + "index.html" not in search(archive, albanian_guide.title)


# --------------------------------------------------------------------------- the pieces


def test_accents_are_folded_like_libzim_folds_queries():
    assert zim.without_accents("Zaštitu ÇËSHTJE Đurđa") == "zastitu ceshtje đurđa"


def test_article_text_leaves_out_permalinks_scripts_and_search_excluded_parts():
    html = ('<nav>Menu words</nav><article class="md-content__inner"><h1 id="t">Title<a class="headerlink" '
            'href="#t">¶</a></h1><aside data-search-exclude><p>panel</p></aside><p>Body <b>text</b><br>here</p>'
            '<script>var x = 1;</script><img src="x.png" alt=""></article><footer>Footer</footer>')
    assert zim.article_text(html) == ("Title", "Title Body text here")


def test_what_goes_into_the_archive():
    assert zim.in_archive("sr/acts/index.html") and zim.in_archive("sitemap.xml")
    assert not any(zim.in_archive(path) for path in
                   ("404.html", "sw.js", "assets/offline/sr.json", "downloads/x.zim", "assets/x.min.js.map"))


def test_download_links_become_text_other_links_stay():
    page = ('<p><a href="../../downloads/x_sr_all.zim" download>x_sr_all.zim</a> '
            '<a href="../../sr/acts/">acts</a> <a href="../downloads-guide/">guide</a></p>')
    assert zim.without_download_links(page, "sr/about/index.html") == (
        '<p>x_sr_all.zim <a href="../../sr/acts/">acts</a> <a href="../downloads-guide/">guide</a></p>')


def test_folder_redirects_name_every_folder_page():
    entries = [zim.Entry(path, "", "text/html", Path(path)) for path in ("index.html", "acts/index.html", "acts/x.css")]
    assert zim.folder_redirects(entries) == {"acts/": "acts/index.html"}


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
