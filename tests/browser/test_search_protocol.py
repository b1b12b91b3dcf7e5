"""Search in a tiny built site: one index per language, and the project's worker answering
Material's message protocol (SETUP -> READY, QUERY -> RESULT) in headless Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from importlib.metadata import version

import pytest
from mkdocs.exceptions import PluginError

from scripts.bench.relevance import WORKER_ANSWERS, answer_queries
from scripts.search.index_files import read_index_files
from scripts.mkdocs_adapter.search_worker import with_search_worker
from tests.support.serving import serve_directory
from tests.support.sites import ROOT, build, page, write_config, write_docs

MACHINE = {"translation": {"source": "sq", "status": "machine"}}
ACT = {
    "type": "regulation",
    "number": "02/2010",
    "issuer": "Government",
    "date_adopted": dt.date(2010, 3, 31),
    "status": "in-force",
    "sources": [{"title": "Official Gazette", "url": "https://example.org/act"}],
}
FILES = {
    "sq/index.md": page("home", "Ballina", "Zyra për Çështje të Komuniteteve."),
    "sr/index.md": page("home", "Početna", "Kancelarija za pitanja zajednica.", **MACHINE),
    "en/index.md": page("home", "Home", "Office for Community Affairs.", **MACHINE),
    "sq/rregullorja.md": page("reg", "Rregullorja Nr. 02/2010", "Teksti.\n\n## Zyrat\n\nZyrat komunale.", **ACT),
    "sr/rregullorja.md": page("reg", "Uredba br. 02/2010", "Tekst.\n\n## Kancelarije\n\nOpštinske kancelarije.", **ACT, **MACHINE),
    "en/rregullorja.md": page("reg", "Regulation No. 02/2010", "Text.\n\n## Offices\n\nMunicipal offices.", **ACT, **MACHINE),
    "sq/mbrojtja.md": page("protection", "Mbrojtja", "Mbrojtja e të drejtave. Kodi `<b>bold</b>` mbetet tekst.\n\n"
                                                      "## Rregullorja\n\nShih 02/2010."),
    "sr/mbrojtja.md": page("protection", "Zaštita", "Zaštita prava. Kod `<b>bold</b>` ostaje tekst.\n\n"
                                                    "## Uredba\n\nVidi 02/2010.", **MACHINE),
    "en/mbrojtja.md": page("protection", "Protection", "Protection of rights. Code `<b>bold</b>` stays text.\n\n"
                                                       "## Regulation\n\nSee 02/2010.", **MACHINE),
    "sq/vetem.md": page("only-albanian", "Vetëm shqip", "Fjalëunike vetëm në shqip."),  # no sr or en version
    # The same rare word in one page's summary and in another page's body (summary-first below).
    **{f"{language}/{name}.md": page(f"summary-{name}", f"Faqja {name.upper()}", body, summary=summary,
                                     **({} if language == "sq" else MACHINE))
       for language in ("sq", "sr", "en")
       for name, body, summary in (("a", "Tekst tjetër.", "Kapërcimi i pragut."),
                                   ("b", "Kapërcimi i pragut përmendet këtu, në tekst.", "Tjetër."))},
}

SECOND_HEADING = {"sq": "rregullorja", "sr": "uredba", "en": "regulation"}


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    directory = tmp_path_factory.mktemp("search-site")
    docs = write_docs(directory / "docs", FILES)
    shutil.copytree(ROOT / "docs" / "data", docs / "data")
    site = directory / "site"
    result = build(write_config(directory, docs, site), site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def tiny_url(tiny_site):
    server, url = serve_directory(tiny_site)
    yield url
    server.shutdown()


def locations(payload) -> list[str]:
    page_location, found = "", []
    for location, *_ in payload["docs"]:
        page_location = location if not location.startswith("#") else page_location
        found.append(location if not location.startswith("#") else page_location + location)
    return found


def test_one_index_per_language_with_only_its_own_pages(tiny_site):
    for language, prefix in (("sq", ""), ("sr", "sr/"), ("en", "en/")):
        payload = read_index_files(tiny_site, language)
        found = locations(payload)
        assert f"{prefix}mbrojtja/" in found and f"{prefix}mbrojtja/#{SECOND_HEADING[language]}" in found
        assert all(location.startswith(prefix) for location in found if prefix)
        assert not any(location.startswith(("sr/", "en/")) for location in found if not prefix)
        assert ("vetem/" in found) == (language == "sq"), "a fallback page belongs to its own language's index"
        assert payload["index"]["version"] == "2.3.9"
        lengths = payload["index"]["fieldLengths"]
        assert set(lengths) == {"title", "number", "id", "summary", "tags", "text"} and lengths["title"].count(",") >= 2


def test_materials_own_index_is_empty_and_has_a_file_twin(tiny_site):
    material = json.loads((tiny_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []
    offline = (tiny_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert offline.startswith("var __index = {") and '"docs":[]' in offline


def test_page_configuration_names_the_projects_worker(tiny_site):
    for page_path, worker in (("index.html", "assets/search/worker.js?lang=sq"),
                              ("sr/mbrojtja/index.html", "../../assets/search/worker.js?lang=sr"),
                              ("en/index.html", "../assets/search/worker.js?lang=en")):
        text = (tiny_site / page_path).read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S).group(1))
        assert config["search"] == worker
        assert "translations" in config and config["base"]  # the rest of Material's configuration is kept


def test_worker_answers_materials_protocol(tiny_url, browser_page):
    browser_page.goto(f"{tiny_url}sr/")
    ready, zastita, number, bold, nothing = browser_page.evaluate(WORKER_ANSWERS, ["zastita", "02/2010", "bold", "xyzzy"])
    assert ready == {"type": 1}
    assert zastita["type"] == 3 and nothing == {"type": 3, "data": {"items": []}}
    groups = zastita["data"]["items"]
    first = groups[0]
    page_item = next(item for item in first if "#" not in item["location"])
    assert page_item["location"] == "sr/mbrojtja/"
    assert page_item["title"] == "<mark>Zaštita</mark>"
    assert set(page_item) == {"location", "title", "text", "score", "terms"}
    assert page_item["terms"] == {"zaštita": True}
    assert page_item["text"].startswith("<p><mark>Zaštita</mark> prava.")
    assert number["data"]["items"][0][0]["location"] == "sr/rregullorja/", "the act's number ranks above the text"
    assert [item["location"] for item in number["data"]["items"][0]] == ["sr/rregullorja/"]
    every_location = [item["location"] for result in (zastita, number, bold) for group in result["data"]["items"] for item in group]
    assert every_location and all(location.startswith("sr/") for location in every_location)
    bold_text = bold["data"]["items"][0][0]["text"]
    assert "&lt;b&gt;<mark>bold</mark>&lt;/b&gt;" in bold_text and "<b>" not in bold_text


@pytest.mark.parametrize("language, prefix", [("sq", ""), ("sr", "sr/"), ("en", "en/")])
def test_a_summary_weighs_more_than_the_body(tiny_url, browser_page, language, prefix):
    browser_page.goto(f"{tiny_url}{prefix}")
    [ranked] = answer_queries(browser_page, ["kapercimi"])
    assert ranked == [f"{prefix}a/", f"{prefix}b/"]


def test_missing_terms_are_reported_to_material(tiny_url, browser_page):
    browser_page.goto(f"{tiny_url}en/")
    _, result = browser_page.evaluate(WORKER_ANSWERS, ["protection xyzzy"])
    item = result["data"]["items"][0][0]
    assert item["terms"] == {"protection": True, "xyzzy": False}


def test_a_changed_material_configuration_fails_the_build():
    with pytest.raises(PluginError, match="__config"):
        with_search_worker({}, "<script>no configuration</script>")


@pytest.mark.parametrize("package, pinned", [("mkdocs-material", "9.8.1"), ("mkdocs", "1.6.1"), ("lunr", "0.8.0")])
def test_search_runs_on_the_versions_it_was_written_for(package, pinned):
    """The worker protocol, the page configuration and Material's section parser are Material 9.8's;
    the index's terms are counted with Python lunr 0.8's tokenizer and pipeline. Upgrading one of
    them means re-reading those and rerunning these tests (README, Search)."""
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").split()
    assert f"{package}=={pinned}" in requirements
    assert version(package) == pinned
