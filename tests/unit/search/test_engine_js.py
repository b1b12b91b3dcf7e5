"""The search engine's pure functions, tested with `node --test` (tests/js/*.test.js) on fixtures
this module writes from the Python side: folding parity with scripts/search/folding.py, lunr's own
weights for the index restore, small indexes for prefixes, stems, typos, synonyms, ranking and
excerpts. The engine runs without lunr.js; the one control that shows lunr 2.3.9's TokenSet bug
loads the lunr.js the installed mkdocs package ships. Node is Debian's nodejs
(requirements-system.txt, which `make test` installs)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import mkdocs
import pytest

from scripts.search import folding, language
from scripts.search.index import Section, build_index, index_builder
from scripts.search.index_files import split_files
from tests.support.sites import ROOT

NODE = shutil.which("node")
# lunr.js as the installed mkdocs package ships it: the control of lunr 2.3.9's TokenSet bug.
LUNR_JS = Path(mkdocs.__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"

# Texts both sides must fold and tokenise alike (scripts/search/folding.py against text.js).
FOLDING_TABLE = [
    "Çështje", "ËË çç", "Zaštita ŽENA Čačak Ćuprija", "đ Đ Đorđe", "DŽ Dž dž ǅ Ǆ ǆ Ǉ ǈ ǉ Ǌ ǋ ǌ", "Приштина",
    "Љубав Њива Џеп Ђак Ћуприја", "Ёлка ѓ ќ café naïve Ångström", "03/L-047 02/2010 138/2020",
    "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ", "абвгдђежзијклљмнњопрстћуфхцчџш", "Rregullorja Nr. 02/2010, neni 5.",
    "Ligji 03/L-047!", "(138/2020)", "don’t “quote” — x-", "Закон бр. 03/L-047", "Σίσυφος ΟΔΟΣ", "ǅemal İstanbul straße",
    "a\u0301\u0327 e\u0308", "", "strategy-roma-ashkali-2017-2021", "Пећ Ђаковица Đakovica Gjakovë", "ÇÇ ß Œ ﬁ", "12.5% 1/2",
]

QUERY_PAGES = [  # (location, title, text, demoted): the small index of tests/js/query.test.js
    ("offices/", "Municipal offices", "Offices for communities and return, with the office of each municipality.", False),
    ("return/", "Return of refugees", "The return of returnees and repatriation; their offices help with discrimination.", False),
    ("languages/", "Languages", "Official languages in offices.", False),
    ("ombudsperson/", "Ombudsperson", "The ombudsperson handles discrimination and discriminatory acts.", False),
    ("browse/", "Browse", "Offices, return, languages and more.", True),
]


def as_files(payload: dict, text_characters: int = 100, term_characters: int = 200) -> dict:
    """A payload as its files hold it, in small shards: the index file's part, and the value of
    each shard file by its name."""
    index_part, text_shards, term_shards = split_files(payload, "en", text_characters, term_characters)
    files = {index_part["textShards"]["file"].format(shard=n): texts for n, texts in enumerate(text_shards)}
    files |= {index_part["termShards"]["file"].format(shard=n): postings for n, postings in enumerate(term_shards)}
    return {"payload": index_part, "files": files}


def restore_fixture() -> dict:
    sections = [Section(f"p{i}/", title, text, summary=summary) for i, (title, text, summary) in enumerate([
        ("Regulation on offices", "Municipal offices for communities and return, 02/2010.", "Offices"),
        ("Law on languages", "Official languages and languages in official use in municipalities.", ""),
        ("Offices", "Offices offices offices of the communities.", "About offices."),
        ("Zaštita", "Zaštita prava zajednica i Ђорђе.", ""),
    ])]
    serialized = index_builder(sections).build().serialize()
    term_of = {posting["_index"]: term for term, posting in serialized["invertedIndex"]}
    vectors = [[field_ref, [term_of[value] if i % 2 == 0 else value for i, value in enumerate(elements)]]
               for field_ref, elements in serialized["fieldVectors"]]
    return {**as_files(build_index(sections), term_characters=60), "fieldVectors": vectors}


def query_fixture() -> dict:
    sections = [Section(location, title, text, demoted=demoted) for location, title, text, demoted in QUERY_PAGES]
    words = {"functionWords": language.function_words("en"),
             "synonyms": [["avokati i popullit", "ombudsman", "ombudsperson"]]}
    return as_files(build_index(sections, words), term_characters=60)


def many_pages_fixture() -> dict:
    sections = []
    for i in range(60):
        sections += [Section(f"p{i}/", f"<i>Page {i}</i> zajednica", f"Text about zajednice & <b>them</b> {i}."),
                     Section(f"p{i}/#more", "More", "Zajednica again.")]
    return as_files(build_index(sections))


def test_engine_functions_under_node(tmp_path):
    if NODE is None:
        pytest.fail("node is missing: install Debian's nodejs (apt-get install nodejs); make test does")
    fixtures = {
        "folding.json": [[text, folding.fold(text), folding.index_terms(text)] for text in FOLDING_TABLE],
        "restore.json": restore_fixture(),
        "query.json": query_fixture(),
        "many-pages.json": many_pages_fixture(),
    }
    for name, data in fixtures.items():
        (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tests = sorted(str(path) for path in (ROOT / "tests" / "js").glob("*.test.js"))
    run = subprocess.run([NODE, "--test", *tests], cwd=ROOT, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "CRCH_LUNR_JS": str(LUNR_JS), "CRCH_FIXTURES": str(tmp_path)})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout, run.stdout
