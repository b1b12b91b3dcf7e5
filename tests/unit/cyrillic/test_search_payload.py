"""The Cyrillic edition's search payload, made from the Serbian one in the format of
scripts/search/index.py: every string a reader sees in Cyrillic, texts included, the terms kept."""

from __future__ import annotations

from scripts.cyrillic.html_pages import latin_body
from scripts.cyrillic.search_payload import cyrillic_payload, protect, without_markers
from scripts.search.index import Section, build_index
from scripts.search.index_files import split_files

SECTIONS = [
    Section("sr/acts/x/", "Zakon o zaštiti", "Prvi deo.", number="03/L-047", id="law-x",
            tags=["Obrazovanje"], summary="Zaštita prava zajednica."),
    Section("sr/acts/x/#clan-1", "Član 1", "Opština Peć i misija OSCE-a; Deçan."),
    Section("sr/guides/y/", "Vodič", "Organizacija Balkan Sunflowers radi.", demoted=True),
]


def test_every_shown_string_is_cyrillic_and_the_terms_are_the_same():
    latin = build_index(SECTIONS, {"functionWords": ["i", "u"], "synonyms": [["ombudsman", "avokati"]]})
    cyrillic = cyrillic_payload(latin, "sr/", "sr-cyrl/", {"sr/acts/x/": frozenset({"Deçan"})})
    assert cyrillic["docs"] == [
        ["sr-cyrl/acts/x/", "Закон о заштити", {"tags": ["Образовање"], "summary": "Заштита права заједница."}],
        ["#clan-1", "Члан 1"],
        ["sr-cyrl/guides/y/", "Водич", {"demoted": 1}],
    ]
    assert cyrillic["texts"] == ["Први део.", "Општина Пећ и мисија OSCE-а; Deçan.", "Организација Balkan Sunflowers ради."]
    for kept in ("index", "functionWords", "synonyms"):
        assert cyrillic[kept] == latin[kept]
    index_part, text_shards, term_shards = split_files(cyrillic, "sr-cyrl", text_size=10, term_size=10)  # as any language's
    assert index_part["textShards"]["file"] == "texts.sr-cyrl.{shard}.js" and sum(text_shards, []) == cyrillic["texts"]
    assert index_part["termShards"]["file"] == "terms.sr-cyrl.{shard}.js"
    assert sum(term_shards, []) == [fields for _, fields in latin["index"]["invertedIndex"]]


def test_a_word_the_page_keeps_in_latin_stays_latin_in_its_sections_only():
    latin = build_index([Section("sr/x/", "Sajt Kiwix i Ruka", "Ruka"), Section("sr/x/#a", "A", "Ruka"),
                         Section("sr/y/", "Ruka", "Ruka")])
    cyrillic = cyrillic_payload(latin, "sr/", "sr-cyrl/", {"sr/x/": frozenset({"Ruka"})})
    assert cyrillic["texts"] == ["Ruka", "Ruka", "Рука"] and cyrillic["docs"][0][1] == "Сајт Kiwix и Ruka"


def test_markers_leave_the_texts_and_name_the_words_they_kept():
    texts, marked = without_markers(["Misija {lat}Balkan Sunflowers{/lat}", "bez oznake", "kod `{lat}` ostaje"])
    assert texts == ["Misija Balkan Sunflowers", "bez oznake", "kod `{lat}` ostaje"]
    assert marked == frozenset({"Balkan Sunflowers"})


def test_a_foreign_run_stays_latin_but_the_same_words_in_the_serbian_text_do_not():
    body, kept = latin_body('<p>Romi i Aškalije: <span lang="sq">dokumenti   burimor\n003 i projektit</span>, '
                            '<span lang="en">Roma Integration</span>; Roma</p>')
    assert kept == frozenset({"dokumenti burimor 003 i projektit", "Roma Integration"})
    latin = build_index([Section("sr/x/", "Strana i izvor", "Romi i Aškalije: dokumenti burimor 003 i projektit, "
                                 "Roma Integration; Roma", summary="Roma i Aškalije")])
    cyrillic = cyrillic_payload(latin, "sr/", "sr-cyrl/", {"sr/x/": kept})
    assert cyrillic["texts"] == ["Роми и Ашкалије: dokumenti burimor 003 i projektit, Roma Integration; Рома"]
    assert cyrillic["docs"][0][1:] == ["Страна и извор", {"summary": "Рома и Ашкалије"}]


def test_a_kept_run_is_kept_only_as_whole_words():
    assert protect("OSBE-së i së, 03/L-së", frozenset({"së"})) == "OSBE-së i {lat}së{/lat}, 03/L-së"
    assert protect("OSBE-së i OSBE", frozenset({"OSBE-së"})) == "{lat}OSBE-së{/lat} i OSBE"
