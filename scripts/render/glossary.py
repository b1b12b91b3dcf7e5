"""The glossary on the pages: each language's abbreviations as Markdown `*[ZÇK]: …` lines on every
page (the `abbr` extension and Material's `content.tooltips` show them), and the table of every
term on the page with the marker `<!-- glossary -->`. Every text from the data file is escaped."""

from __future__ import annotations

from html import escape
from typing import Sequence

from scripts.model.glossary import MARKER, Name, Term
from scripts.render.reader import Reader


def abbreviations(terms: Sequence[Term], language: str) -> str:
    """The Markdown abbreviation lines of one language."""
    lines = [f"*[{term.names[language].abbr}]: {term.names[language].term}" for term in terms if term.names[language].abbr]
    return "\n".join(lines)


def add_abbreviations(markdown: str, terms: Sequence[Term], language: str) -> str:
    lines = abbreviations(terms, language)
    return f"{markdown.rstrip()}\n\n{lines}\n" if lines else markdown


def _ours(name: Name, reader: Reader) -> str:
    """The mark of a form the sources do not give (the project's translation)."""
    return f' <span class="crch-ours">({escape(reader.t("glossary.translated"))})</span>' if name.ours else ""


def _name_html(name: Name, language: str, reader: Reader) -> str:
    text = f"{escape(name.abbr)} – {escape(name.term)}" if name.abbr else escape(name.term)
    return f'<span lang="{reader.html_lang(language)}">{text}{_ours(name, reader)}</span>'


def render_table(terms: Sequence[Term], reader: Reader) -> str:
    """The glossary in the reader's language, with the other languages beside each term."""
    language = reader.language
    columns = ("abbr", "term", "meaning", "others")
    head = "".join(f'<th scope="col">{escape(reader.t(f"glossary.column.{c}"))}</th>' for c in columns)
    others = [code for code in reader.languages.codes if code != language]
    rows = []
    for term in sorted(terms, key=lambda term: (term.names[language].abbr or term.names[language].term).casefold()):
        name = term.names[language]
        elsewhere = "<br>".join(_name_html(term.names[code], code, reader) for code in others)
        rows.append(
            f"<tr><td>{escape(name.abbr)}</td><td>{escape(name.term)}{_ours(name, reader)}</td>"
            f"<td>{escape(term.meaning.get(language, ''))}</td><td>{elsewhere}</td></tr>"
        )
    body = "\n".join(rows)
    caption = escape(reader.t("glossary.caption"))
    return (f'<div class="crch-glossary">\n<table>\n<caption>{caption}</caption>\n'
            f'<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>')


def replace_marker(markdown: str, terms: Sequence[Term], reader: Reader) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, f"\n\n{render_table(terms, reader)}\n\n")
