"""Plain text: what is transliterated and what stays Latin (latin_spans.py), word by word."""

from __future__ import annotations

import pytest

from scripts.cyrillic.latin_spans import KeepListError, classify, keep_list, split_markers, strip_markers
from scripts.cyrillic.text import Work, transliterate


@pytest.mark.parametrize(
    "latin, cyrillic",
    [
        ("Zakon br. 03/L-047 o zaštiti prava", "Закон бр. 03/L-047 о заштити права"),
        ("Uredba 02/2010, Zakon 04/L-020 i 05/L-021", "Уредба 02/2010, Закон 04/L-020 и 05/L-021"),
        ("Odluka 138/2020 i 06/34", "Одлука 138/2020 и 06/34"),
        ("predmet DNJ-02-2017", "предмет DNJ-02-2017"),
        ("direktive 2000/43/EC.", "директиве 2000/43/EC."),
        ("tokom 1990-ih", "током 1990-их"),  # a number's case ending is Serbian
        ("Poglavlje III i XII", "Поглавље III и XII"),
        ("poglavlja II, III i X i član 156", "поглавља II, III и X и члан 156"),
        ("Chapter III", "Цхаптер III"),  # the numeral stays; an English word needs a marker
        ("Poglavlje I, član 3.", "Поглавље I, члан 3."),
        ("Kraj. I tako dalje.", "Крај. И тако даље."),  # sentence-initial I is the conjunction
        ("Petar I je kralj.", "Петар I је краљ."),
        ("ŠTA VI MOŽETE", "ШТА ВИ МОЖЕТЕ"),  # next to capitals VI is the pronoun
        ("u XXI veku i u VI veku", "у XXI веку и у VI веку"),
        ("VI sprat, br. 605A", "VI спрат, бр. 605A"),  # an address's line: the floor, not "you"
        ("Vi sprat nemate.", "Ви спрат немате."),
        ("vitamin C", "витамин Ц"),
        ("Vidi https://gzk.rks-gov.net/ActDocumentDetail.aspx?ActID=2531.", "Види https://gzk.rks-gov.net/ActDocumentDetail.aspx?ActID=2531."),
        ("Pišite na info@example.org ili www.example.org/sr/", "Пишите на info@example.org или www.example.org/sr/"),
        ("adresa koja počinje sa https://) i stranica (?page=2,33)", "адреса која почиње са https://) и страница (?page=2,33)"),
        ("Preuzmite municipal-offices.yml (YAML)", "Преузмите municipal-offices.yml (YAML)"),
        ("izvor: gzk.rks-gov.net", "извор: gzk.rks-gov.net"),
        ("kopije na zanotowane.pl, shhada.ir i kryeministri-ks.net/zck", "копије на zanotowane.pl, shhada.ir и kryeministri-ks.net/zck"),
        ("podrška UNHCR-a i OSCE-om", "подршка UNHCR-а и OSCE-ом"),
        ("EU, OEBS i UNMIK", "ЕУ, ОЕБС и УНМИК"),
        ("organizacija Balkan Sunflowers Kosova radi", "организација Balkan Sunflowers Kosova ради"),
        ("Balkan je poluostrvo", "Балкан је полуострво"),  # a phrase's first word alone is Serbian
        ("{lat}Civil Rights Defenders{/lat} i {lat}ECMI{/lat}-ja", "Civil Rights Defenders и ECMI-ја"),
        ("Veb-sajt", "Веб-сајт"),
        ("Wi-Fi mreža", "Wi-Fi мрежа"),  # foreign letters: kept whole (and reported by the check)
        ("Deçan i Dečane", "Deçan и Дечане"),
        ("aplikacija Kiwix na iPhone telefonu, preko Bluetooth veze", "апликација Kiwix на iPhone телефону, преко Bluetooth везе"),
        ("organizacija Voice of Roma, Ashkali and Egyptians (VoRAE)", "организација Voice of Roma, Ashkali and Egyptians (VoRAE)"),
        ("skraćenice ZKKK i OKZP; predmet KI 32/10", "скраћенице ZKKK и ОКЗП; предмет KI 32/10"),
    ],
)
def test_transliterate(latin, cyrillic):
    assert transliterate(latin) == cyrillic


def test_markers_are_the_latin_editions_text_without_them():
    text = "Misija {lat}Balkan Sunflowers{/lat} na Kosovu"
    assert strip_markers(text) == "Misija Balkan Sunflowers na Kosovu"
    assert split_markers(text) == [("Misija ", False), ("Balkan Sunflowers", True), (" na Kosovu", False)]
    assert strip_markers("bez oznaka") == "bez oznaka"


def test_an_unpaired_marker_stays_visible_and_is_reported():
    assert transliterate("reč {lat}bez kraja") == "реч {lat}без краја"
    kinds = [(s.kind, s.rule) for s in classify("reč {lat}bez kraja")]
    assert ("foreign", "unpaired-marker") in kinds


def test_segments_say_why():
    text = "Zakon 03/L-047, OSCE, III, poglavlje XII, Sunflowers, https://x.org/a"
    found = {text[s.start : s.end]: (s.kind, s.rule) for s in classify(text)}
    assert found == {
        "Zakon": ("serbian", ""),
        "03/L-047": ("kept", "number"),
        "OSCE": ("kept", "name"),
        "III": ("kept", "roman"),
        "poglavlje": ("serbian", ""),
        "XII": ("kept", "roman"),  # its X is a numeral, no foreign letter: the check does not report it
        "Sunflowers": ("foreign", "foreign-letters"),
        "https://x.org/a": ("kept", "url"),
    }


def test_cyrillic_and_numbers_pass_unchanged():
    assert transliterate("Већ ћирилица 2010, 15 %") == "Већ ћирилица 2010, 15 %"


def test_a_keep_entry_cut_by_an_unquoted_comma_is_refused(tmp_path):
    bad = tmp_path / "keep.yml"
    bad.write_text('keep:\n  - {latin: Voice of Roma, Ashkali and Egyptians, reason: "a name"}\n', encoding="utf-8")
    with pytest.raises(KeepListError, match="quote a name with a comma"):
        keep_list(bad)


def test_the_two_lists_of_names_are_decided_and_do_not_overlap():
    names = keep_list()
    assert {"OSCE", "UNHCR", "IOM", "ECMI"} <= names.words
    for latin, cyrillic in names.transliterated.items():
        assert transliterate(latin) == cyrillic, latin


def test_work_grows_with_the_text():
    small, large = Work(), Work()
    sentence = "Zakon br. 03/L-047 štiti prava zajednica i njihovih pripadnika (OSCE). "
    transliterate(sentence * 10, small)
    transliterate(sentence * 40, large)
    assert large.characters == 4 * small.characters
    assert large.segments == 4 * small.segments


def test_words_seen_before_get_the_same_segments_and_numerals_still_read_their_neighbours():
    """classify remembers each word's segments (KeepList.seen_words) except a Roman numeral's,
    which its neighbours decide: "poglavlje VI" keeps it, "VI ste" is the pronoun."""
    text = "Poglavlje VI: Ombudsman-a i UNHCR-a, www.x.org, 1990-ih. VI ste rekli: poglavlje VI, Ombudsman-a i 1990-ih."
    names = keep_list()
    first = [(text[s.start : s.end], s.kind, s.rule) for s in classify(text, names)]
    assert "VI" not in names.seen_words and "Ombudsman-a" in names.seen_words
    assert [(text[s.start : s.end], s.kind, s.rule) for s in classify(text, names)] == first
    numerals = [(word, kind) for word, kind, _ in first if word == "VI"]
    assert numerals == [("VI", "kept"), ("VI", "serbian"), ("VI", "kept")]
    assert transliterate(text).startswith("Поглавље VI: ")
