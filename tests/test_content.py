"""The content rules (scripts.check_content) on tiny sites, the listings, and the real docs."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from scripts import browse
from scripts.check_all import check_everything
from scripts.check_content import check_content, check_docs_dir
from scripts.documents import LANGUAGES, Document, load_corpus
from tests.sites import ROOT, build, page, write_config, write_data_files, write_docs

ACT = page(
    "law-x", "Law X", number="01/L-001", issuer="Assembly", date_adopted="unknown", status="in-force",
    sources=[{"title": "Official Gazette"}], type="law",
)


def three(rel_path: str, text: str) -> dict[str, str]:
    """The same page in all three languages (good enough for rules that do not read the text)."""
    return {f"{lang}/{rel_path}": text for lang in LANGUAGES}


def guide(body: str) -> str:
    return page("guide-x", "Guide X", body, type="guide")


def problems_of(tmp_path, monkeypatch, files) -> list[str]:
    monkeypatch.chdir(tmp_path)
    write_docs(tmp_path / "docs", files)
    return [str(p) for p in check_content(load_corpus(Path("docs")))]


def run_check_all(tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.check_all", "--docs-dir", str(tmp_path / "docs")],
                          cwd=ROOT, capture_output=True, text=True)


def run_cli(tmp_path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.check_content", "--docs-dir", str(tmp_path / "docs"), *args],
        cwd=ROOT, capture_output=True, text=True,
    )


def test_a_missing_language_is_one_warning_of_make_check_not_an_error(tmp_path, monkeypatch):
    """The site serves the original there with a notice (README, Translating): make check passes."""
    files = {"sq/about.md": page("about", "Rreth"), "en/about.md": page("about", "About", translation={"source": "sq", "status": "machine"})}
    monkeypatch.chdir(tmp_path)
    write_docs(tmp_path / "docs", files)
    found = [p for p in check_everything(Path("docs")) if "sr" in p.path and "about" in p.path]
    assert [(p.severity, str(p).split(": ", 2)[1]) for p in found] == [("warning", "warning")]
    assert str(found[0]).startswith("docs/sr/about.md:1: warning: missing: translate docs/sq/about.md")
    assert run_check_all(tmp_path).returncode == 0


def test_a_guide_without_an_act_or_institution_link_is_an_error(tmp_path, monkeypatch):
    files = {**three("acts/x.md", ACT), **three("guides/x.md", guide("Read [the home page](id:law-y)."))}
    assert problems_of(tmp_path, monkeypatch, files) == [
        f"docs/{lang}/guides/x.md:8: a guide must link at least one act or institution: "
        "add a link like [Regulation 02/2010](id:regulation-02-2010)"
        for lang in ("en", "sq", "sr")
    ]


def test_a_guide_linking_an_act_passes(tmp_path, monkeypatch):
    files = {**three("acts/x.md", ACT), **three("guides/x.md", guide("Read [Law X](id:law-x#scope)."))}
    assert problems_of(tmp_path, monkeypatch, files) == []


def test_long_sentences_and_paragraphs_in_guides_are_warnings_with_lines(tmp_path, monkeypatch):
    long_sentence = " ".join(["word"] * 26) + "."
    body = f"""
    Read [Law X](id:law-x).

    {long_sentence}

    - One. Two. Three.
      Four. Five. Six.

    Od 2013. do 2017. godine, jedan projekat. Dva. Tri. Četiri. Pet.
    """
    files = {**three("acts/x.md", ACT), "sq/guides/x.md": guide(body)}
    files.update({f"{lang}/guides/x.md": guide("Read [Law X](id:law-x).") for lang in ("sr", "en")})
    monkeypatch.chdir(tmp_path)
    write_docs(tmp_path / "docs", files)
    found = check_content(load_corpus(Path("docs")))
    assert [str(p) for p in found] == [
        'docs/sq/guides/x.md:13: warning: sentence of 26 words (more than 25): split it into shorter sentences: '
        '"word word word word word word word word …"',
        "docs/sq/guides/x.md:15: warning: paragraph of 6 sentences (more than 5): split it or make a list",
    ]
    assert {p.severity for p in found} == {"warning"}
    result = run_cli(tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("0 errors, 2 warnings")


def test_an_act_without_issuer_fails_the_command(tmp_path):
    write_docs(tmp_path / "docs", three("acts/x.md", ACT.replace("issuer: Assembly\n", "")))
    result = run_cli(tmp_path)
    assert result.returncode == 1
    assert "acts/x.md:1: a law needs 'issuer'" in result.stdout


def test_a_bad_listing_marker_names_its_line(tmp_path, monkeypatch):
    files = three("index.md", page("home", "Home", "Text.\n\n<!-- documents tag=cooking -->"))
    assert problems_of(tmp_path, monkeypatch, files)[0] == (
        "docs/en/index.md:13: listing marker <!-- documents tag=cooking -->: 'tag=cooking': each value must be one of "
        "education, housing, employment, discrimination, return, language, participation, children"
    )


def test_the_build_names_the_file_and_line_of_a_bad_listing_marker(tmp_path):
    docs = write_docs(tmp_path / "docs", {f"{lang}/index.md": page("home", "Home", "Text.\n\n<!-- documents tag=cooking -->",
                                          **({} if lang == "sq" else {"translation": {"source": "sq", "status": "machine"}}))
                                          for lang in LANGUAGES})
    write_data_files(docs)
    result = build(write_config(tmp_path, docs, tmp_path / "site"), tmp_path / "site")
    assert result.returncode != 0
    assert "docs/sq/index.md:13: listing marker <!-- documents tag=cooking -->: 'tag=cooking'" in result.stdout + result.stderr


def test_a_page_asking_for_the_directory_needs_the_data_file(tmp_path, monkeypatch):
    files = three("directory/index.md", page("directory", "Directory", "<!-- municipal-offices -->", type="directory"))
    assert problems_of(tmp_path, monkeypatch, files) == [
        "docs/data/municipal-offices.yml:1: data file is missing: create docs/data/municipal-offices.yml "
        "with a 'municipalities:' list"
    ]


def test_help_works():
    result = subprocess.run([sys.executable, "-m", "scripts.check_content", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "--docs-dir" in result.stdout


def test_the_real_docs_pass_every_content_rule(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert [str(p) for p in check_docs_dir(ROOT / "docs")] == []


# --------------------------------------------------------------------------- listings


def test_listings_filter_group_by_type_and_escape():
    docs = [
        Document("en", Path("x"), "acts/a.md", {"id": "law-a", "type": "law", "title": "Law <A>", "summary": "S & T", "tags": ["education"]}, "", 1),
        Document("en", Path("y"), "strategies/b.md", {"id": "strategy-b", "type": "strategy", "title": "Strategy B", "summary": "S", "communities": ["roma"]}, "", 1),
    ]
    link_for = lambda doc: doc.rel_path.replace(".md", "/")  # noqa: E731
    both = browse.render_marker({"type": "law,strategy"}, docs, "en", link_for)
    assert both.startswith("## Laws\n\n<ul class=\"crch-documents\">\n<li><a href=\"acts/a/\">Law &lt;A&gt;</a>")
    assert "S &amp; T" in both and "## Strategies" in both
    assert "Strategy B" not in browse.render_marker({"tag": "education"}, docs, "en", link_for)
    by_community = browse.render_marker({"by": "community", "level": "3"}, docs, "en", link_for)
    assert by_community.startswith("### Roma\n") and "Law" not in by_community


class _ArticleLinks(HTMLParser):
    """The hrefs inside a page's <article> (the content, not the navigation)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag == "article"
            href = dict(attrs).get("href")
            if tag == "a" and href:
                self.hrefs.append(href)

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def _content_links(site: Path, url_path: str) -> set[str]:
    """Site paths (like 'sr/acts/') that the content of the page at url_path links to."""
    file = site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path
    if not file.exists():
        return set()
    parser = _ArticleLinks()
    parser.feed(file.read_text(encoding="utf-8"))
    found = set()
    for href in parser.hrefs:
        target = urlsplit(urljoin("http://site/" + url_path, href))
        if target.netloc == "site":
            found.add(target.path.lstrip("/"))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_document_is_two_clicks_from_the_home_page(built_site, language):
    corpus = load_corpus(ROOT / "docs")
    home = "" if language == "sq" else f"{language}/"
    one_click = _content_links(built_site, home)
    reached = set(one_click)
    for path in one_click:
        reached |= _content_links(built_site, path)
    wanted = {doc.site_path for doc in corpus.in_language(language)} - {home}
    assert sorted(wanted - reached) == []
