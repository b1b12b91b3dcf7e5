"""Hostile content stays inert: front matter is data, escaped wherever it is shown.

A tiny site holds an act whose title, summary, number, issuer and sources carry HTML and script,
a page that the act refers to (so the act's title is in its "Referenced by" list), a Serbian
machine translation (translation notices) and no English version (missing-translation notice).
In Chromium, on every page and in the search results, no dialog may open and no injected element
may exist. Markdown bodies and headings may hold HTML, but the build strips anything executable
(scripts/sanitize.py), so they stay inert even on a server without the site's CSP.
"""

from __future__ import annotations

import pytest

from tests.support.browsing import search
from tests.support.serving import serve_directory
from tests.support.sites import build, build_tiny_site, page, write_config, write_data_files, write_docs
from tests.support.serving import CONF_HEADERS, headers_handler

HOSTILE = """Zzhostile <img src=x onerror=alert(1)>"><script>alert(2)</script>'><svg onload=alert(3)>"""
HOSTILE_URL = "https://example.org/\"><img/src=x/onerror=alert(4)>"
ACT = dict(type="law", number="1/<img src=x onerror=alert(5)>", issuer=HOSTILE, date_adopted="unknown",
           status="in-force", sources=[{"title": HOSTILE, "url": HOSTILE_URL}], relations={"related": ["plain-act"]})
PLAIN_ACT = dict(type="law", number="2/2020", issuer="Assembly", date_adopted="unknown", status="in-force",
                 sources=[{"title": "Official Gazette"}])
MACHINE = {"translation": {"source": "sq", "status": "machine"}}
# Markdown may hold HTML, so the body's <img> may stay (src "body.png"), but never its handlers.
HOSTILE_BODY = """
## Heading <img src=body.png onerror=alert(6)>

Text <script>alert(7)</script> and <img src=body.png onerror=alert(8)> and [a link](javascript:alert(9)).
"""



def hostile_act(body: str, **fields) -> str:
    """The hostile act: title, summary, metadata, its Markdown heading and body."""
    text = page("hostile-act", HOSTILE, body + HOSTILE_BODY, summary=HOSTILE, **ACT, **fields)
    return text.replace(f"# {HOSTILE}\n", "# Zzhostile <img src=body.png onerror=alert(10)>\n")


# Elements the hostile strings would create if they were not escaped.
INJECTED = """[...document.querySelectorAll('img[src="x"], [onerror], [onload], svg[onload]')]
  .concat([...document.scripts].filter(s => ["", "text/javascript", "module"].includes(s.type)
                                            && s.textContent.includes('alert(')))
  .concat([...document.querySelectorAll('a[href^="javascript:"]')])
  .map(e => e.outerHTML)"""

# What could run: handlers, scripts, javascript: links (an <img> a body may hold is inert without them;
# JSON-LD is data, which test_the_json_ld_cannot_close_its_script checks).
RUNNABLE = """[...document.querySelectorAll('[onerror], [onload], [onclick], a[href^="javascript:"]')]
  .concat([...document.scripts].filter(s => ["", "text/javascript", "module"].includes(s.type)
                                            && s.textContent.includes('alert(')))
  .map(e => e.outerHTML)"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build_tiny_site(tmp_path_factory.mktemp("hostile"), {
        "sq/index.md": page("home", "Ballina"),
        "sr/index.md": page("home", "Početna", **MACHINE),
        "en/index.md": page("home", "Home", **MACHINE),
        "sq/acts/hostile.md": hostile_act("Zzhostile text."),
        "sr/acts/hostile.md": hostile_act("Zzhostile tekst.", **MACHINE),
        "sq/acts/plain.md": page("plain-act", "Ligji i thjeshtë", "Tekst.", **PLAIN_ACT),
        "sr/acts/plain.md": page("plain-act", "Običan zakon", "Tekst.", **PLAIN_ACT, **MACHINE),
        "en/acts/plain.md": page("plain-act", "Plain law", "Text.", **PLAIN_ACT, **MACHINE),
        "sq/hostile-body.md": page("hostile-body", HOSTILE, HOSTILE_BODY),
    })


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    server, url = serve_directory(hostile_site)
    yield url
    server.shutdown()


def visit(browser, url: str, query: str | None = None) -> tuple[list[str], list[str]]:
    """(dialogs opened, injected elements) on a page, after typing query into search if given."""
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url, wait_until="networkidle")
    if query:
        search(page, query).first.wait_for()
        page.wait_for_timeout(500)  # let a result's injected image, if any, fail to load and fire
    injected = page.evaluate(INJECTED)
    context.close()
    return dialogs, injected


@pytest.mark.parametrize("path", ["acts/hostile/", "sr/acts/hostile/", "en/acts/hostile/", "acts/plain/",
                                  "sr/acts/plain/", "en/acts/plain/", "", "sr/", "en/"])
def test_hostile_front_matter_is_shown_as_text(browser, hostile_url, path):
    assert visit(browser, hostile_url + path) == ([], [])


def test_the_hostile_title_is_visible_as_text(browser, hostile_url, hostile_site):
    html = (hostile_site / "acts" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    plain_act = (hostile_site / "acts" / "plain" / "index.html").read_text(encoding="utf-8")
    referenced_by = plain_act.partition('class="crch-referenced-by"')[2].partition("</section>")[0]
    assert "Zzhostile &lt;img" in referenced_by, "the hostile act is not in the plain act's 'Referenced by'"


def test_the_json_ld_cannot_close_its_script(hostile_site):
    html = (hostile_site / "acts" / "hostile" / "index.html").read_text(encoding="utf-8")
    for block in html.split('<script type="application/ld+json">')[1:]:
        data = block.split("</script>", 1)[0]
        assert "<" not in data and ">" not in data, data


@pytest.mark.parametrize("path", ["", "sr/"])
def test_search_results_show_hostile_titles_as_text(browser, hostile_url, path):
    assert visit(browser, hostile_url + path, query="Zzhostile") == ([], [])


@pytest.mark.parametrize("headers", [{}, CONF_HEADERS], ids=["no CSP", "the site's CSP"])
def test_a_hostile_markdown_body_never_runs(browser, hostile_site, headers):
    """Script in a Markdown body or heading is stripped at build time: inert with or without the CSP."""
    server, url = serve_directory(hostile_site, headers_handler(headers))
    try:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url + "hostile-body/", wait_until="networkidle")
        page.click("text=a link")
        page.wait_for_timeout(300)
        runnable = page.evaluate(RUNNABLE)
        context.close()
    finally:
        server.shutdown()
    assert (dialogs, runnable) == ([], [])


def test_a_javascript_source_url_stops_the_build(tmp_path):
    act = dict(ACT, sources=[{"title": "Official text", "url": "javascript:alert(1)"}])
    docs = write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Ballina"),
                                          "sq/acts/x.md": page("x-act", "X", **act)})
    write_data_files(docs)
    result = build(write_config(tmp_path, docs, tmp_path / "site"), tmp_path / "site")
    assert result.returncode != 0
    assert "'sources' entry 1: 'url' must start with https:// or http://" in result.stdout + result.stderr


def test_the_checks_see_an_injection(browser, tmp_path):
    """The detector works: an unescaped page opens a dialog and has an injected element."""
    (tmp_path / "index.html").write_text(f"<!doctype html><title>x</title><body>{HOSTILE}</body>")
    server, url = serve_directory(tmp_path)
    try:
        dialogs, injected = visit(browser, url)
    finally:
        server.shutdown()
    assert dialogs and injected
