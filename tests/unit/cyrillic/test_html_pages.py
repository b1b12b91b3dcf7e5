"""The HTML transliterator: what changes in a page and what never does; the check of what is left."""

from __future__ import annotations

import json
import re

from scripts.cyrillic.check import latin_left
from scripts.cyrillic.html_pages import TOKEN, latin_body, latin_html, transliterate_html
from scripts.cyrillic.text import Work

PAGE = """<!doctype html>
<html lang="sr-Latn" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="Rezimei zakona">
<meta property="og:title" content="Pravna pomoć">
<title>Zakon br. 03/L-047 - Centar</title>
<style>body { font-family: serif }</style>
<script>var poruka = "ne diraj";</script>
<script type="application/ld+json">{
 "@context": "https://schema.org",
 "@type": "Legislation",
 "name": "Zakon o upotrebi jezika \\u003c02/L-37\\u003e \\u0026 ostalo",
 "inLanguage": "sr-Latn",
 "url": "../zakon/",
 "legislationIdentifier": "02/L-37",
 "legislationPassedBy": {"@type": "Organization", "name": "Skupština Kosova"}
}</script>
<script id="__config" type="application/json">{"base": "..", "search": "../assets/search/worker.js?lang=sr", "translations": {"clipboard.copy": "Kopiraj"}}</script>
</head>
<body>
<h1 id="zakon-o-jeziku" class="naslov">Zakon o jeziku<a class="headerlink" href="#zakon-o-jeziku" title="Trajna veza">¶</a></h1>
<p>Ljudi &amp; njihova prava&nbsp;su <a href="https://gzk.rks-gov.net/ActDetail.aspx?ActID=2531" hreflang="sr">ovde</a>.</p>
<img src="slike/ljiljan.png" alt="Ljiljan u polju">
<input type="search" placeholder="Pronađite opštinu" aria-label="Pretraga" value="njiva">
<input type="submit" value="Pošalji">
<p>Kod: <code>ljubav = "nj"</code>, taster <kbd>Enter</kbd>, <samp>izlaz</samp>.</p>
<pre><code><span class="n">njiva</span> = 1</code></pre>
<p>Naziv na albanskom: <span lang="sq">Zyra për Komunitete <span lang="sr-Latn">(kancelarija)</span></span>.</p>
<p><span translate="no">Civil Rights Defenders</span> i <span lang="en" title="English title">Equality body</span></p>
<p><span lang="sr-Latn" translate="no">Srpski <span lang="sr-Latn">(latinica)</span></span> <span translate="no">x <span translate="yes">ovo da</span></span></p>
<table><tr><td lang="sq">Deçan</td><td lang="sr-Latn">Dečane</td></tr></table>
<p>Misija {lat}Balkan Sunflowers{/lat} i UNHCR-a.</p>
<abbr title="Opštinske kancelarije">OKZP</abbr>
</body>
</html>
"""


def cyrillic():
    return transliterate_html(PAGE)


def test_text_nodes_and_readable_attributes_are_transliterated():
    out = cyrillic()
    assert '<meta name="description" content="Резимеи закона">' in out
    assert '<meta property="og:title" content="Правна помоћ">' in out
    assert "<title>Закон бр. 03/L-047 - Центар</title>" in out
    assert '>Закон о језику<a class="headerlink" href="#zakon-o-jeziku" title="Трајна веза">' in out
    assert "<p>Људи &amp; њихова права&nbsp;су " in out
    assert 'alt="Љиљан у пољу"' in out
    assert 'placeholder="Пронађите општину" aria-label="Претрага" value="njiva"' in out  # a search box's value is data
    assert 'value="Пошаљи"' in out
    assert '<abbr title="Општинске канцеларије">ОКЗП</abbr>' in out


def test_a_table_cells_column_name_is_transliterated_for_phones():
    cell = '<td data-label="Opština" data-crch-x="Opština">Peć</td>'
    assert transliterate_html(cell) == '<td data-label="Општина" data-crch-x="Opština">Пећ</td>'
    albanian = '<td data-label="Naziv na albanskom" lang="sq" title="Peja">Peja</td>'  # the column's name is Serbian
    assert transliterate_html(albanian) == '<td data-label="Назив на албанском" lang="sq" title="Peja">Peja</td>'


def test_tags_urls_ids_classes_code_and_scripts_never_change():
    out = cyrillic()
    for unchanged in (
        '<h1 id="zakon-o-jeziku" class="naslov">',
        'href="https://gzk.rks-gov.net/ActDetail.aspx?ActID=2531" hreflang="sr">овде</a>',
        'src="slike/ljiljan.png"',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        '<code>ljubav = "nj"</code>',
        "<kbd>Enter</kbd>",
        "<samp>izlaz</samp>",
        '<pre><code><span class="n">njiva</span> = 1</code></pre>',
        "<style>body { font-family: serif }</style>",
        '<script>var poruka = "ne diraj";</script>',
    ):
        assert unchanged in out, unchanged


def test_foreign_and_marked_text_stays_latin_and_serbian_inside_it_does_not():
    out = cyrillic()
    assert '<span lang="sq">Zyra për Komunitete <span lang="sr-Cyrl">(канцеларија)</span></span>' in out
    assert '<span translate="no">Civil Rights Defenders</span> и <span lang="en" title="English title">Equality body</span>' in out
    assert '<td lang="sq">Deçan</td><td lang="sr-Cyrl">Дечане</td>' in out
    # translate="no" holds inside, whatever the lang; only translate="yes" ends it
    assert '<span lang="sr-Latn" translate="no">Srpski <span lang="sr-Latn">(latinica)</span></span>' in out
    assert '<span translate="no">x <span translate="yes">ово да</span></span>' in out
    assert '<html lang="sr-Cyrl" class="no-js">' in out
    assert 'Мисија <span translate="no">Balkan Sunflowers</span> и UNHCR-а.' in out


def test_json_ld_readable_values_only_and_still_safe_in_a_script():
    out = cyrillic()
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', out, re.S).group(1)
    assert "<" not in body  # "<" stays escaped: no value can close the element
    data = json.loads(body)
    assert data["name"] == "Закон о употреби језика <02/L-37> & остало"
    assert data["legislationPassedBy"] == {"@type": "Organization", "name": "Скупштина Косова"}
    assert (data["@type"], data["url"], data["legislationIdentifier"], data["inLanguage"]) == ("Legislation", "../zakon/", "02/L-37", "sr-Cyrl")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', out).group(1))
    assert config["translations"] == {"clipboard.copy": "Копирај"}
    assert config["search"] == "../assets/search/worker.js?lang=sr"


def test_the_latin_edition_loses_only_the_markers():
    out = latin_html(PAGE)
    assert "Misija <span translate=\"no\">Balkan Sunflowers</span> i UNHCR-a." in out
    assert out.replace('<span translate="no">Balkan Sunflowers</span>', "{lat}Balkan Sunflowers{/lat}") == PAGE
    assert latin_html("<p>bez oznaka</p>") == "<p>bez oznaka</p>"
    assert latin_html('<a title="Misija {lat}ECMI{/lat}">x</a>') == '<a title="Misija ECMI">x</a>'


def test_same_tags_in_the_same_order():
    def tags(page):
        return [re.sub(r'lang="[^"]*"', "", t.group()) for t in TOKEN.finditer(page) if t.group().startswith("<") and "translate=" not in t.group()]
    stripped = [t for t in tags(cyrillic()) if t != "</span>"]
    expected = [t for t in tags(PAGE.replace("{lat}", "").replace("{/lat}", "")) if t != "</span>"]
    assert [t.split()[0] for t in stripped] == [t.split()[0] for t in expected]


def test_latin_left_reports_what_is_not_kept_deliberately():
    out = cyrillic()
    assert latin_left(out) == []
    planted = out.replace("Правна помоћ", "Pravna pomoć").replace("<p>Људи", "<p>Ljudi Sunflowers")
    problems = latin_left(planted)
    assert [(left.word, left.missed) for left in problems] == [("Pravna", True), ("pomoć", True), ("Ljudi", True),
                                                               ("Sunflowers", False)]
    lines = planted.splitlines()
    for left in problems:
        assert left.word in lines[left.line - 1]


def test_a_marked_name_in_a_title_is_accepted_because_the_page_marks_it():
    page = transliterate_html("<html lang='sr'><title>{lat}ECMI Kosovo{/lat}</title><h1>{lat}ECMI Kosovo{/lat}</h1></html>")
    assert page == '<html lang="sr-Cyrl"><title>ECMI Kosovo</title><h1><span translate="no">ECMI Kosovo</span></h1></html>'
    assert latin_left(page) == []
    left = latin_left(page.replace("<h1>", "<h1>x").replace('<span translate="no">ECMI Kosovo</span>', ""))
    assert [(x.line, x.word) for x in left] == [(1, "Kosovo"), (1, "x")]  # ECMI is on the list


def test_work_is_linear_in_the_page_size():
    head, block, tail = PAGE.split("<body>")[0] + "<body>", PAGE.split("<body>")[1].split("</body>")[0], "</body></html>"
    counts = []
    for repeat in (1, 2, 4, 8):
        work = Work()
        transliterate_html(head + block * repeat + tail, work)
        counts.append((work.tokens, work.characters, work.segments))
    for i in range(3):
        per_block = [b - a for a, b in zip(counts[0], counts[1])]
        grown = [b - a for a, b in zip(counts[i], counts[i + 1])]
        assert grown == [x * 2**i for x in per_block]  # each doubling adds exactly twice the work


def test_a_work_in_another_language_keeps_its_names_and_citation_tags_follow_the_text():
    data = {"@type": "WebPage", "name": "Zakon", "inLanguage": "sr-Latn",
            "translationOfWork": {"@type": "WebPage", "name": "Law on Communities", "inLanguage": "en"},
            "citation": [{"@type": "CreativeWork", "name": "Službeni list"},
                         {"@type": "CreativeWork", "name": "Ligji për komunitetet", "inLanguage": "sq"}]}
    page = ('<html lang="sr-Latn"><head><meta name="citation_title" content="Zakon">'
            '<meta name="citation_language" content="sr-Latn"><meta name="citation_date" content="2026/12/01">'
            f'<script type="application/ld+json">{json.dumps(data)}</script></head><body><p>Zakon</p></body></html>')
    work = Work()
    out = transliterate_html(page, work)
    converted = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', out, re.S).group(1))
    assert (converted["name"], converted["inLanguage"]) == ("Закон", "sr-Cyrl")
    assert converted["translationOfWork"] == data["translationOfWork"]  # English: as it is, and no Latin left reported
    assert [c["name"] for c in converted["citation"]] == ["Службени лист", "Ligji për komunitetet"]
    assert '<meta name="citation_title" content="Закон">' in out and '<meta name="citation_language" content="sr-Cyrl">' in out
    assert '<meta name="citation_date" content="2026/12/01">' in out
    assert latin_left(out) == []


def test_a_body_with_no_marker_and_no_language_of_its_own_is_not_walked():
    body = '<p title="Zakon">Zakon &amp; <a href="x/">pravo</a></p>\n<script type="application/ld+json">{"name": "Zakon"}</script>'
    work = Work()
    assert latin_body(body, work) == (body, frozenset()) and work.tokens == 0
    for other in ('<p>Zakon <span lang="sq">Ligji</span></p>', '<p>Zakon <span translate="no">OSCE</span></p>'):
        walked = Work()
        assert latin_body(other, walked)[1] and walked.tokens > 0
