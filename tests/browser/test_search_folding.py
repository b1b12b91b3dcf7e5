"""The Python indexer and the browser code (run in headless Chromium) agree: they fold and tokenise
alike, and the browser restores the compact index the indexer writes."""

from __future__ import annotations

import shutil
import unicodedata

import pytest

from scripts.search import folding
from scripts.search.index import INDEX_DIR, Section, build_index, compact_index, index_builder
from scripts.mkdocs_adapter.search_worker import write_browser_files
from tests.support.sites import ROOT

SERBIAN_CYRILLIC = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
SERBIAN_LATIN = ["a", "b", "v", "g", "d", "dj", "e", "z", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r",
                 "s", "t", "c", "u", "f", "h", "c", "c", "dz", "s"]

# (text, folded): the rules of overrides/assets/search/folding.json, one case each.
EXPECTED = [
    ("Çështje", "ceshtje"),
    ("ËË çç", "ee cc"),
    ("Zaštita ŽENA Čačak Ćuprija", "zastita zena cacak cuprija"),
    ("đ Đ Đorđe", "dj dj djordje"),
    ("DŽ Dž dž ǅ Ǆ ǆ Ǉ ǈ ǉ Ǌ ǋ ǌ", "dz dz dz dz dz dz lj lj lj nj nj nj"),
    ("Приштина", "pristina"),
    ("Љубав Њива Џеп Ђак Ћуприја", "ljubav njiva dzep djak cuprija"),
    ("Ёлка ѓ ќ café naïve Ångström", "elka g k cafe naive angstrom"),
    ("03/L-047 02/2010 138/2020", "03/l-047 02/2010 138/2020"),
] + [(upper, latin) for upper, latin in zip(SERBIAN_CYRILLIC, SERBIAN_LATIN)] + [
    (upper.lower(), latin) for upper, latin in zip(SERBIAN_CYRILLIC, SERBIAN_LATIN)
]

# Tokenising: act numbers stay whole; the index adds their parts, prefixes and suffixes.
TOKEN_CASES = [
    ("Rregullorja Nr. 02/2010, neni 5.", ["Rregullorja", "Nr", "02/2010", "02", "2010", "neni", "5"]),
    ("Ligji 03/L-047!", ["Ligji", "03/L-047", "03", "L", "047", "03/L", "L-047"]),
    ("(138/2020)", ["138/2020", "138", "2020"]),
    ("don’t “quote” — x-", ["don", "t", "quote", "x"]),
    ("Закон бр. 03/L-047", ["Закон", "бр", "03/L-047", "03", "L", "047", "03/L", "L-047"]),
]

SHARED_TABLE = [text for text, _ in EXPECTED] + [text for text, _ in TOKEN_CASES] + [
    SERBIAN_CYRILLIC, SERBIAN_CYRILLIC.lower(), "Σίσυφος ΟΔΟΣ", "ǅemal İstanbul straße", "a\u0301\u0327 e\u0308", "",
]


@pytest.mark.parametrize("text, folded", EXPECTED)
def test_python_folding_follows_the_rules(text, folded):
    assert folding.fold(text) == folded


@pytest.mark.parametrize("text, terms", TOKEN_CASES)
def test_python_tokens_keep_act_numbers_whole(text, terms):
    assert folding.index_terms(text) == terms


def test_every_listed_character_is_reachable():
    """fold() lower-cases and strips accents before it maps: a key that is upper-case, or that
    decomposes, would never be looked up."""
    for character in folding.rules().characters:
        assert len(character) == 1 and character == character.lower(), character
        assert unicodedata.normalize("NFD", character) == character, character


def test_folding_is_idempotent():
    for text in SHARED_TABLE:
        assert folding.fold(folding.fold(text)) == folding.fold(text)


@pytest.fixture
def search_page(browser_page, tmp_path):
    """A blank page with lunr.js, folding.js and engine.js loaded as the site loads them."""
    write_browser_files(tmp_path)
    shutil.copy(ROOT / "overrides" / "assets" / "search" / "engine.js", tmp_path / INDEX_DIR / "engine.js")
    browser_page.goto("about:blank")
    for name in ("lunr.js", "folding.js", "engine.js"):
        browser_page.add_script_tag(path=str(tmp_path / INDEX_DIR / name))
    return browser_page


def test_browser_folds_and_tokenises_like_python(search_page):
    browser = search_page.evaluate(
        "texts => texts.map(text => [crchSearch.fold(text), crchSearch.indexTerms(text)])", SHARED_TABLE
    )
    python = [[folding.fold(text), folding.index_terms(text)] for text in SHARED_TABLE]
    assert browser == python
    assert browser[SHARED_TABLE.index("Приштина")][0] == "pristina"


def test_browser_registers_the_pipeline_function_the_index_names(search_page):
    assert search_page.evaluate(f"typeof lunr.Pipeline.registeredFunctions['{folding.PIPELINE_FUNCTION}']") == "function"
    assert search_page.evaluate("lunr.version") == "2.3.9"


def test_browser_restores_the_compact_index(search_page):
    """lunr.js on the restored index ranks and scores as on the Python package's full serialisation."""
    sections = [Section(f"p{i}/", title, text) for i, (title, text) in enumerate([
        ("Regulation on offices", "Municipal offices for communities and return, 02/2010."),
        ("Law on languages", "Official languages and languages in official use in municipalities."),
        ("Offices", "Offices offices offices of the communities."),
        ("Zaštita", "Zaštita prava zajednica i Ђорђе."),
    ])]
    builder = index_builder(sections)
    compact = compact_index(builder)
    scores = search_page.evaluate(
        """([original, compact, count]) => ["offices", "languages official", "lang*", "2010", "zastita", "djordje"]
             .map(query => [original, crchSearch.expandIndex(compact, count)]
               .map(index => lunr.Index.load(index).search(query).map(r => [r.ref, r.score.toFixed(3)])))""",
        [builder.build().serialize(), compact, len(sections)],
    )
    for original, restored in scores:
        assert original and restored == original


def test_later_pages_come_as_escaped_titles(search_page):
    sections = []
    for i in range(60):
        sections += [Section(f"p{i}/", f"<i>Page {i}</i> zajednica", f"Text about zajednice & <b>them</b> {i}."),
                     Section(f"p{i}/#more", "More", "Zajednica again.")]
    groups = search_page.evaluate(
        "payload => new crchSearch.SearchEngine(payload).search('zajednica').items", build_index(sections)
    )
    assert len(groups) == 60
    assert [len(group) for group in groups] == [2] * 20 + [1] * 40
    for group in groups:
        page = next(item for item in group if "#" not in item["location"])
        assert "<i>" not in page["title"] and "&lt;i&gt;Page" in page["title"]
        assert "<b>" not in page["text"]
    assert all("&amp; &lt;b&gt;them&lt;/b&gt;" in group[0]["text"] for group in groups[:20] if "#" not in group[0]["location"])
    assert all(group[0]["text"] == "" and group[0]["terms"] == {"zajednica": True} for group in groups[20:])
