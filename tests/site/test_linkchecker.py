"""Link integrity by a third-party tool: LinkChecker (PyPI, pinned) crawls the served site from
each language's home page and finds no broken internal link or anchor.

External links are not checked (checkextern=0: LinkChecker only notes them), and a proxy that
does not exist is set for every host but 127.0.0.1, so a request to the outside could not leave
the machine even by mistake.

Footnote links (`#fn:x`, `#fnref:x`, `#fnref2:x`: a citation and its way back, written by the
footnotes extension inside one page) are left to a check of each page's own ids here: with
AnchorCheck, LinkChecker fetches and parses a page once per anchor, and the real site's thousands
of citations made that take longer than the rest of the test suite.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import subprocess
import sys
from pathlib import Path

from scripts.site.not_found import not_found_paths
from tests.support.project import SETTINGS
from tests.support.serving import headers_handler, serve_directory

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
CONFIG = """\
[checking]
# The local test server answers with a `LinkChecker` header, which lets LinkChecker go faster
# than its default of 10 requests a second.
maxrequestspersecond=1000
threads=4
[filtering]
checkextern=0
# Footnote links ('#' would start a comment here): checked by footnote_links_without_target.
ignore=
  [#]fn[a-z0-9]*(:|%3A)
[AnchorCheck]
"""
FOOTNOTE_LINK = re.compile(r'href="#(fn[a-z0-9]*:[^"]*)"')
ELEMENT_ID = re.compile(r'\sid="([^"]*)"')
DEAD_PROXY = "http://127.0.0.1:9"


def linkcheck(directory: Path, start_paths, work: Path) -> tuple[list[dict], str]:
    """Serve directory, crawl it from start_paths; returns (one row per URL checked, stderr)."""
    config = work / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    config.chmod(0o644)  # LinkChecker run as root drops to `nobody`, who must read it
    server, url = serve_directory(directory, headers_handler({"LinkChecker": "local test server"}))
    env = dict(os.environ, http_proxy=DEAD_PROXY, https_proxy=DEAD_PROXY, no_proxy="127.0.0.1")
    try:
        result = subprocess.run([str(LINKCHECKER), "-f", str(config), "--no-status", "--verbose", "-o", "csv",
                                 *[url + path for path in start_paths]],
                                capture_output=True, text=True, env=env, timeout=600)
    finally:
        server.shutdown()
    # LinkChecker's own comments start with '# '; a row can start with '#' too (a link within its page: '#top').
    lines = [line for line in result.stdout.splitlines() if line and not (line.startswith("# ") and ";" not in line)]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    return rows, result.stderr


def footnote_links_without_target(page: str) -> tuple[int, list[str]]:
    """(how many footnote links a page has, the ones whose target is not an id of the page)."""
    ids = {html.unescape(value) for value in ELEMENT_ID.findall(page)}
    links = [html.unescape(target) for target in FOOTNOTE_LINK.findall(page)]
    return len(links), [f"#{target}" for target in links if target not in ids]


def problems(rows: list[dict]) -> list[str]:
    """'page: link: result warning' for every link that is broken or has a warning (a missing anchor)."""
    return [f"{row['parentname']}: {row['urlname']}: {row['result']} {row['warningstring']}".strip()
            for row in rows if row["valid"] != "True" or row["warningstring"]]


def test_no_broken_internal_link_or_anchor(built_site, tmp_path):
    from tests.support.browsing import all_page_paths

    rows, log = linkcheck(built_site, ["", "sr/", "en/"], tmp_path)
    assert "Checking intern URLs only" in log
    assert problems(rows) == []
    checked = {row["url"].split("#")[0] for row in rows}
    base = rows[0]["url"].split("/", 3)[:3]
    unvisited = [path for path in all_page_paths(built_site)
                 if path not in not_found_paths(SETTINGS.languages) and "/".join(base) + "/" + path not in checked]
    assert unvisited == [], "pages LinkChecker never reached"


def test_linkchecker_finds_a_broken_link_and_anchor(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/">a</a> <a href="missing/">gone</a> <a href="a/#nowhere">anchor</a>'
                                     ' <a href="https://example.org/">outside</a>')
    (site / "a" / "index.html").write_text('<h1 id="here">A</h1>')
    rows, _ = linkcheck(site, [""], tmp_path)
    found = " ".join(problems(rows))
    assert "missing/" in found and "nowhere" in found, found
    assert "example.org" not in found


def test_linkchecker_leaves_footnote_links_to_the_page_check(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<a href="#fn:1">1</a> <a href="#fnref2:1">back</a> <a href="#top">top</a>')
    rows, _ = linkcheck(site, [""], tmp_path)
    results = {row["urlname"]: row["result"] for row in rows}
    assert results["#fn:1"] == results["#fnref2:1"] == "filtered"
    assert "top" in " ".join(problems(rows))  # other anchors are still LinkChecker's


def test_the_page_check_finds_a_footnote_link_without_its_target():
    page = '<sup id="fnref:gazette"><a href="#fn:gazette">1</a></sup> <a href="#fn:ngo">2</a> <li id="fn:gazette">'
    assert footnote_links_without_target(page) == (2, ["#fn:ngo"])


def test_every_footnote_link_finds_its_target_on_its_page(built_site):
    counted, missing = 0, []
    for path in sorted(built_site.rglob("*.html")):
        links, without = footnote_links_without_target(path.read_text(encoding="utf-8"))
        counted += links
        missing += [f"{path.relative_to(built_site)}: {target}" for target in without]
    assert missing == []
    assert counted > 100  # the real site cites its sources: this test has links to check
