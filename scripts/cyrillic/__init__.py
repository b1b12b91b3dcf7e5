"""The Serbian Cyrillic edition: transliteration of the Serbian Latin pages, host-neutral.

No MkDocs, Material or static-i18n here: these modules take text or HTML and give text or HTML,
so any host (MkDocs now, another generator later) can wire them in. DESIGN.md says how.

| module | what it does |
|---|---|
| `words.py` | one word: the letter table and the lj / nj / dž rule with `digraph_exceptions.yml` |
| `latin_spans.py` | what stays Latin and why (markers, URLs, numbers, names of `keep_latin.yml`, Roman numerals) |
| `text.py` | `transliterate(text)` |
| `html_pages.py` | `transliterate_html(page)`: text nodes, readable attributes, JSON-LD; `latin_html` for the Latin edition |
| `check.py` | `latin_left(page)`: Latin letters left outside what is kept deliberately |
| `markdown_marker.py` | the Python-Markdown extension for the editor's marker `{lat}…{/lat}` |
| `strings.py` | the Serbian Cyrillic interface strings, from the Serbian Latin ones |
| `report.py` | run over a built Serbian edition and report what to review |
"""
