"""A printable booklet of the guides, one PDF per language: `make booklet` → dist/<site-name>_<language>_guides.pdf.

For NGOs that hand out paper. The booklet is made from the built site (site/), so it prints
exactly what readers see, the contacts the guides name included: a cover (the site's name, the
guides' title, the date, "not legal advice" and a note to check contacts before going), a table
of contents with page numbers, then each guide from a new page. Every page has a footer with the
site's name, the date and "page n / N"; the PDF has bookmarks (an outline) of the headings.

How: each guide page's article is taken out of site/ (its permalink signs and "Referenced by"
list left out; its ids prefixed so that two guides' footnotes do not collide; links to other
pages of the site become text, since paper has no links, while phone numbers, e-mail addresses
and addresses on other hosts stay and are printed), put into one HTML document that uses the
site's own stylesheets, and printed by Debian's Chromium (Playwright's `page.pdf`, as the tests
use it). The table of contents gets its page numbers from a first print: the PDF's outline says
on which page each guide's heading is (read with pypdf); the second print fills them in.

A guide missing in a language is printed from its original, with the notice the site shows.
The Serbian Cyrillic edition (sr-cyrl) has a booklet of its own, printed from its twin pages,
with the cover, contents and footer in Cyrillic (scripts/site/sources.py).

    python -m scripts.site.booklet [--site-dir site] [--dist-dir dist] [--config-file mkdocs.yml]
                                   [--language sr] [--date 2026-12-01]
"""

from __future__ import annotations

import datetime
import html
import posixpath
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence
from urllib.parse import urlsplit

from scripts.model.documents import Document
from scripts.site.sources import SiteSources, channel_parser, chosen_languages, run_channel
from scripts.tools.chromium import launch

GUIDE_TYPE = "guide"
GUIDES_PAGE_ID = "guides"  # the section page whose title names the booklet
LEFT_OUT = ("a.headerlink", "section.crch-referenced-by", "[data-crch-offline]")
KEPT_LINK_SCHEMES = ("tel", "mailto", "http", "https")
PLACEHOLDER_PAGE = "000"  # as wide as any page number the table of contents will show
BOOKLET_CSS = """
@page { size: A4; margin: 16mm 16mm 20mm; }
body { margin: 0; background: #fff; }
.booklet-cover { break-after: page; padding-top: 30vh; text-align: center; }
.booklet-cover h1 { font-size: 2.2em; margin-bottom: 0.4em; }
.booklet-cover .booklet-site { font-size: 1.2em; }
.booklet-toc { break-after: page; }
nav.booklet-toc.md-typeset ol { list-style: none; margin: 0; padding: 0; }
nav.booklet-toc.md-typeset li { display: flex; align-items: baseline; margin: 0 0 0.6em; }
nav.booklet-toc.md-typeset li a { color: inherit; text-decoration: none !important; }
.booklet-toc .booklet-dots { flex: 1; margin: 0 0.4em; border-bottom: 0.1em dotted currentcolor; }
.booklet-toc .booklet-page { min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
.booklet-guide { break-before: page; }
.booklet-guide h2, .booklet-guide h3 { break-after: avoid; }
.booklet-guide li, .booklet-guide p { break-inside: avoid; }
"""


@dataclass(frozen=True)
class Guide:
    """One guide as the booklet prints it: its title and its page file in the built site."""

    title: str
    page: Path
    site_path: str


def guides_in(site_dir: Path, sources: SiteSources, language: str) -> list[Guide]:
    """Every guide the site has in this language's (or edition's) tree, sorted by title: the
    language's own version, or the original the site shows in its place; for a generated edition
    the twins of its source's, titled as they show it."""
    corpus, source = sources.corpus, sources.source(language)
    part, tree = sources.part(language), sources.languages[source]
    guides = []
    for doc_id in sorted({doc.id for doc in corpus if doc.type == GUIDE_TYPE}):
        versions = corpus.versions(doc_id)
        doc: Document | None = versions.get(source) or next(
            (v for v in versions.values() if v.translation is None), None) or next(iter(versions.values()))
        path = part.prefix + corpus.site_path(doc, source)[len(tree.prefix):]
        page = Path(site_dir) / path / "index.html"
        if page.is_file():
            guides.append(Guide(sources.converted(language, doc.title), page, path))
    return sorted(guides, key=lambda guide: guide.title.casefold())


def _relative_to_site(site_dir: Path, page: Path, url: str) -> str | None:
    """A relative URL written in a page of the site, as a path from the site's root (None if it is not one)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    folder = page.parent.relative_to(site_dir).as_posix()
    return posixpath.normpath(posixpath.join(folder, parts.path))


def article_html(site_dir: Path, guide: Guide, number: int) -> str:
    """The guide's article ready for the booklet (see the module docstring)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(guide.page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        raise ValueError(f"{guide.page}: no <article class=\"md-content__inner\"> (Material's page body) to print")
    for selector in LEFT_OUT:
        for element in article.select(selector):
            element.decompose()
    prefix = f"g{number}-"
    for element in article.select("[id]"):
        element["id"] = prefix + element["id"]
    for label in article.select("[aria-labelledby]"):
        label["aria-labelledby"] = " ".join(prefix + part for part in label["aria-labelledby"].split())
    for link in article.select("a[href]"):
        href = link["href"]
        if href.startswith("#"):
            link["href"] = "#" + prefix + href[1:]
        elif urlsplit(href).scheme not in KEPT_LINK_SCHEMES:
            link.unwrap()  # a page of the site: on paper, its text
    for image in article.select("img[src]"):
        target = _relative_to_site(site_dir, guide.page, image["src"])
        if target:
            image["src"] = target  # relative to the booklet's <base>, the site's root
    heading = article.find("h1")
    if heading is not None:
        heading["id"] = f"g{number}"
    article.name = "section"
    article["class"] = ["booklet-guide", "md-typeset"]
    return str(article)


def stylesheets(site_dir: Path, page: Path) -> list[str]:
    """The site's stylesheets, in the page's order, as paths from the site's root."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = [_relative_to_site(site_dir, page, link["href"]) for link in soup.select('link[rel="stylesheet"][href]')]
    return [path for path in found if path]


def long_date(sources: SiteSources, date: datetime.date, language: str) -> str:
    from babel.dates import format_date

    return format_date(date, format="long", locale=sources.part(language).babel_locale)


def booklet_html(site_dir: Path, sources: SiteSources, language: str, guides: Sequence[Guide], date: datetime.date,
                 pages: dict[int, int] | None = None) -> str:
    """The whole booklet as one HTML document; `pages` (guide number → page) fills the contents."""
    e = html.escape
    t = sources.t
    texts = sources.texts(language)
    guides_page = sources.corpus.get(sources.source(language), GUIDES_PAGE_ID)
    title = sources.converted(language, guides_page.title) if guides_page else t("type.guide.plural", language)
    when = long_date(sources, date, language)
    contents = "\n".join(
        f'<li><a href="#g{n}">{e(guide.title)}</a><span class="booklet-dots"></span>'
        f'<span class="booklet-page">{(pages or {}).get(n, PLACEHOLDER_PAGE)}</span></li>'
        for n, guide in enumerate(guides, 1))
    links = "\n".join(f'<link rel="stylesheet" href="{e(path)}">' for path in stylesheets(site_dir, guides[0].page))
    body = "\n".join(article_html(site_dir, guide, n) for n, guide in enumerate(guides, 1))
    lang = sources.part(language).html_lang
    return f"""<!doctype html>
<html lang="{lang}" dir="ltr">
<head>
<meta charset="utf-8">
<title>{e(title)} · {e(texts.site_name)}</title>
<base href="{Path(site_dir).resolve().as_uri()}/">
{links}
<style>{BOOKLET_CSS}</style>
</head>
<body dir="ltr">
<section class="booklet-cover md-typeset">
<p class="booklet-site">{e(texts.site_name)}</p>
<h1>{e(title)}</h1>
<p>{e(t("booklet.printed", language).format(date=when))}</p>
<p>{e(texts.copyright)}</p>
<p>{e(t("booklet.check", language))}</p>
</section>
<nav class="booklet-toc md-typeset" aria-labelledby="booklet-contents">
<h2 id="booklet-contents">{e(t("booklet.contents", language))}</h2>
<ol>
{contents}
</ol>
</nav>
{body}
</body>
</html>
"""


def footer(sources: SiteSources, language: str, date: datetime.date) -> str:
    """Chromium's page footer: the site, the date, page n / N (its own small document, styled inline)."""
    e = html.escape
    return (f'<div style="font-size:8px;width:100%;margin:0 16mm;display:flex;justify-content:space-between;'
            f'font-family:system-ui,sans-serif;color:#555"><span>{e(sources.texts(language).site_name)} · '
            f'{e(long_date(sources, date, language))}</span><span>{e(sources.t("booklet.page", language))} '
            f'<span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


def print_pdf(browser, html_file: Path, pdf_file: Path, footer_html: str) -> None:
    page = browser.new_page()
    try:
        page.goto(html_file.as_uri(), wait_until="load")
        page.pdf(path=str(pdf_file), format="A4", print_background=True, outline=True, tagged=True,
                 display_header_footer=True, header_template="<span></span>",
                 footer_template=footer_html, prefer_css_page_size=True)
    finally:
        page.close()


def _outline_key(title: str) -> str:
    """A heading as the outline and the guide both give it, without whitespace: Chromium's outline
    drops the space where a long heading wraps ('vašglas' for 'vaš glas' at a line's end)."""
    return "".join(title.split())


def heading_pages(pdf_file: Path, guides: Sequence[Guide]) -> dict[int, int]:
    """{guide number: page (1-based)} from the PDF's outline: where each guide's heading is."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf_file))
    found: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.setdefault(_outline_key(str(item.title)), reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    pages = {}
    for n, guide in enumerate(guides, 1):
        if _outline_key(guide.title) not in found:
            raise ValueError(f"{pdf_file}: the outline has no heading '{guide.title}' (Chromium's outline changed?)")
        pages[n] = found[_outline_key(guide.title)]
    return pages


def booklet_path(dist_dir: Path, site_name: str, language: str) -> Path:
    return Path(dist_dir) / f"{site_name}_{language}_guides.pdf"


def guides_or_error(site_dir: Path, sources: SiteSources, language: str) -> list[Guide]:
    guides = guides_in(site_dir, sources, language)
    if not guides:
        raise ValueError(f"{site_dir} has no guide page in '{language}': run `make build` first")
    return guides


def make_booklet(browser, site_dir: Path, sources: SiteSources, language: str, dist_dir: Path,
                 date: datetime.date) -> Path:
    """Print one language's booklet; the file appears only when complete."""
    guides = guides_or_error(site_dir, sources, language)
    target = booklet_path(dist_dir, sources.file_name(), language)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="booklet-") as work:
        html_file, pdf_file = Path(work) / "booklet.html", Path(work) / "booklet.pdf"
        pages = None
        for _ in range(3):  # the numbers never change the layout; a third print would say so
            html_file.write_text(booklet_html(site_dir, sources, language, guides, date, pages), encoding="utf-8")
            print_pdf(browser, html_file, pdf_file, footer(sources, language, date))
            found = heading_pages(pdf_file, guides)
            if found == pages:
                break
            pages = found
        else:
            raise ValueError(f"{language}: the page numbers of the contents do not settle")
        pdf_file.replace(target)
    return target


def make_booklets(site_dir: Path, dist_dir: Path, sources: SiteSources, languages: Sequence[str] | None = None,
                  date: datetime.date | None = None, browser=None) -> list[Path]:
    """One booklet per language (default: every language and edition of the site); returns their paths.
    Printed by `browser` (a Playwright Chromium) when given, else by a Chromium started here."""
    languages = list(languages or (part.code for part in sources.languages.with_editions))
    for language in languages:  # before starting the browser
        guides_or_error(Path(site_dir), sources, language)
    if browser is not None:
        return [make_booklet(browser, Path(site_dir), sources, language, Path(dist_dir),
                             date or datetime.date.today()) for language in languages]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright.chromium)
        try:
            return make_booklets(site_dir, dist_dir, sources, languages, date, chromium)
        finally:
            chromium.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = channel_parser(__doc__.splitlines()[0], "PDFs")
    parser.add_argument("--date", type=datetime.date.fromisoformat, help="the date printed, YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    sources = SiteSources.read(args.config_file)
    languages = chosen_languages(parser, args, sources)
    return run_channel(lambda: make_booklets(args.site_dir, args.dist_dir, sources, languages, args.date),
                       (ValueError, FileNotFoundError))


if __name__ == "__main__":
    raise SystemExit(main())
