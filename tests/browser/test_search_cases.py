"""The search cases of the relevance issue, typed into Material's search box on the real site in
headless Chromium, in each language: first keystrokes, pasted queries, function words, listing
pages, synonyms across languages, the search loaded only when wanted, the directory filter."""

from __future__ import annotations

import re

import pytest

from scripts.bench.relevance import answer_queries
from tests.support.browsing import corpus, search_term
from tests.support.project import LANGUAGES, SETTINGS

SEARCH_BOX = "input[data-md-component=search-query]"
RESULT_PAGE = ".md-search-result__item > a.md-search-result__link:first-child"
LISTING = {doc.site_path for doc in corpus() if doc.type == "page"}


def home(language: str) -> str:
    return SETTINGS.languages[language].prefix


def page_paths(page, site_url: str) -> list[str]:
    hrefs = page.eval_on_selector_all(RESULT_PAGE, "links => links.map(link => link.href)")
    return [re.sub(r"[?#].*$", "", href[len(site_url):]) for href in hrefs]


# Notes, in the page, when Material last posted a QUERY to its search worker and when the
# worker's last RESULT came (Material's protocol: types 2 and 3).
ANSWER_TRACKER = """
(() => {
  const NativeWorker = window.Worker;
  window.__lastQueryAt = window.__lastResultAt = -1;
  window.Worker = function (url, options) {
    const worker = new NativeWorker(url, options), post = worker.postMessage.bind(worker);
    worker.postMessage = message => { if (message && message.type === 2) window.__lastQueryAt = performance.now(); post(message); };
    worker.addEventListener("message", event => { if (event.data && event.data.type === 3) window.__lastResultAt = performance.now(); });
    return worker;
  };
})();
"""


def type_query(page, site_url: str, language: str, query: str, paste: bool = False) -> list[str]:
    """Open the language's home page, put a query in the search box, and read the result list
    once it answers the whole query: typed letter by letter, each letter is a query, and the
    answer to the first letters may be shown before the last one's comes (it is when the index
    arrives while the reader is still typing), so wait for a RESULT after the last QUERY and
    for the list to stay the same."""
    page.add_init_script(ANSWER_TRACKER)
    page.goto(site_url + home(language))
    page.click(SEARCH_BOX)
    if paste:
        page.keyboard.insert_text(query)  # what a paste does: an input event, no key events
    else:
        page.keyboard.type(query)
    page.wait_for_selector(RESULT_PAGE, timeout=30_000)
    page.wait_for_function("window.__lastResultAt > window.__lastQueryAt", timeout=30_000)
    paths = page_paths(page, site_url)
    for _ in range(20):
        page.wait_for_timeout(150)
        again = page_paths(page, site_url)
        if again == paths:
            break
        paths = again
    return paths


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("first", ["a", "r"])
def test_a_first_keystroke_finds_pages(site_url, browser_page, language, first):
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    browser_page.on("console", lambda message: message.type == "error" and "search" in message.text and errors.append(message.text))
    assert type_query(browser_page, site_url, language, first)
    assert not errors


QUERIES = {  # language -> (query with function words, the document it should find first)
    "sq": ("avokati i popullit", "ombudsperson"),
    "sr": ("zakon o upotrebi jezika", "law-02-l-37"),
    "en": ("the law on the use of languages", "law-02-l-37"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_pasted_query_is_searched_without_a_key_press(site_url, browser_page, language):
    query, doc_id = QUERIES[language]
    paths = type_query(browser_page, site_url, language, query, paste=True)
    assert paths[0] == corpus().get(language, doc_id).site_path


# The same queries without their function words ("i", "o", "the", "on", "of").
CONTENT_WORDS = {"sq": "avokati popullit", "sr": "zakon upotrebi jezika", "en": "law use languages"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_function_words_do_not_make_every_page_a_match(site_url, browser_page, language):
    """With its function words a query matches exactly the pages it matches without them (before,
    `i` matched every page with a word starting in i), and never every page."""
    query, doc_id = QUERIES[language]
    paths = type_query(browser_page, site_url, language, query)
    assert paths[0] == corpus().get(language, doc_id).site_path
    # The counts from the worker's last answer to each query: the box, typed into key by key,
    # shows the answers to the first letters of a query before the one to all of it.
    with_function_words, without = map(len, answer_queries(browser_page, [query, CONTENT_WORDS[language]]))
    assert with_function_words == without
    assert with_function_words < len(corpus().in_language(language))
    browser_page.wait_for_function(  # ...and the box shows that count once the whole query is answered
        "count => document.querySelector('.md-search-result__meta').textContent.match(/\\d+/)?.[0] === String(count)",
        arg=with_function_words, timeout=30_000)


@pytest.mark.parametrize("language, query", [("sq", "kthimi i te riatdhesuarve"), ("sr", "povratak i repatrijacija"),
                                             ("en", "return and repatriation"), ("sq", "diskriminimi"),
                                             ("sr", "diskriminacija"), ("en", "discrimination")])
def test_listing_and_meta_pages_come_after_documents(site_url, browser_page, language, query):
    browser_page.goto(site_url + home(language))
    [paths] = answer_queries(browser_page, [query])  # every result (Material shows 10 at first)
    kinds = [path in LISTING for path in paths]
    assert True in kinds and False in kinds, paths  # the query finds both kinds...
    assert kinds == sorted(kinds), paths            # ...and no document comes after a listing page


@pytest.mark.parametrize("language, query, doc_id", [
    ("sq", "fjalorthi", "glossary"), ("sr", "recnik", "glossary"), ("en", "glossary", "glossary"),
    ("sq", "gjendja e perkthimeve", "translation-status"), ("sr", "stanje prevoda", "translation-status"),
    ("en", "translation status", "translation-status"),
])
def test_a_meta_page_comes_first_when_its_title_is_the_query(site_url, browser_page, language, query, doc_id):
    assert type_query(browser_page, site_url, language, query)[0] == corpus().get(language, doc_id).site_path


@pytest.mark.parametrize("language, query, doc_id", [
    ("en", "ombudsman", "ombudsperson"), ("en", "avokati i popullit", "ombudsperson"),
    ("sq", "ombudsperson", "ombudsperson"), ("sr", "avokati i popullit", "ombudsperson"),
    ("en", "zkkk", "municipal-offices-for-communities-and-return"),
    ("sq", "mocr", "municipal-offices-for-communities-and-return"),
    ("sr", "zkkk", "municipal-offices-for-communities-and-return"),
    ("sq", "okzp", "municipal-offices-for-communities-and-return"),
])
def test_glossary_names_in_any_language_are_synonyms(site_url, browser_page, language, query, doc_id):
    assert type_query(browser_page, site_url, language, query)[0] == corpus().get(language, doc_id).site_path


@pytest.mark.parametrize("language, query, doc_id", [
    ("sq", "diskrimnim", "guide-discrimination"), ("sq", "riatdhsimi", "guide-return"),
    ("sr", "diskriminacja", "guide-discrimination"), ("sr", "povrtak", "guide-return"),
    ("sr", "zaposlavanje", "guide-employment"), ("en", "discrimnation", "guide-discrimination"),
    ("en", "repatriaton", "guide-return"),
])
def test_the_issues_misspellings_find_their_page(site_url, browser_page, language, query, doc_id):
    paths = type_query(browser_page, site_url, language, query)
    assert corpus().get(language, doc_id).site_path in paths[:3], paths


SEARCH_FILES = re.compile(r"/assets/search/(worker|search|index\.[\w-]+|terms\.[\w-]+(?:\.\d+)?|texts\.[\w-]+\.\d+)\.js")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_is_loaded_only_when_the_reader_opens_it(site_url, built_site, browser_page, language):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(site_url + home(language), wait_until="networkidle")
    browser_page.wait_for_timeout(300)
    assert not [url for url in requested if SEARCH_FILES.search(url)]
    assert any(url.endswith("/assets/search/loader.js") for url in requested)
    with browser_page.expect_request(re.compile(rf"/assets/search/index\.{language}\.js$")), \
            browser_page.expect_request(re.compile(rf"/assets/search/terms\.{language}\.js$")), \
            browser_page.expect_request(re.compile(r"/assets/search/worker\.js\?lang=")):
        browser_page.focus(SEARCH_BOX)
    names = {SEARCH_FILES.search(url).group(1) for url in requested if SEARCH_FILES.search(url)}
    assert names == {"worker", f"index.{language}", f"terms.{language}"}, \
        "the worker holds the engine; the index and its shards' first terms come with it; no shard before a query"
    with browser_page.expect_request(re.compile(rf"/assets/search/texts\.{language}\.\d+\.js$")):
        browser_page.keyboard.insert_text(search_term(language))  # one query (typing would ask for each prefix)
    browser_page.wait_for_selector(RESULT_PAGE)
    shards = {url.rsplit("/", 1)[1] for url in requested if "/assets/search/texts." in url}
    assert shards and shards <= {path.name for path in (built_site / "assets" / "search").glob(f"texts.{language}.*.js")}
    # (that only the shards of the pages shown are loaded: tests/js/results.test.js)


def test_the_search_scripts_are_minified(built_site):
    folder = built_site / "assets" / "search"
    for name in ("search.js", "worker.js"):  # the engine needs no lunr.js (scripts/search/browser_files.py)
        assert "lunr" not in (folder / name).read_text(encoding="utf-8"), name
    for name in ("search.js", "worker.js", "loader.js", "text.js"):
        text = (folder / name).read_text(encoding="utf-8")
        assert "\n * " not in text.split("*/", 1)[-1] and "  " not in text, f"{name} is not minified"
    assert not (folder / "query.js").exists() and not (folder / "engine.js").exists()  # sources are not published


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query, row", [("Пећ", "Pejë"), ("Ђаковица", "Gjakovë"), ("djakovica", "Gjakovë"),
                                        ("peje", "Pejë"), ("GJAKOVË", "Gjakovë")])
def test_the_directory_filter_folds_like_search(site_url, browser_page, language, query, row):
    browser_page.goto(site_url + home(language) + "directory/")
    box = browser_page.locator("#crch-directory-filter")
    box.wait_for(state="visible")
    box.fill(query)
    assert browser_page.locator(".crch-directory tbody tr:visible td:first-child").all_inner_texts() == [row]
