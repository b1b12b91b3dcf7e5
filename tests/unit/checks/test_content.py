"""The content rules (scripts/checks/content.py) on tiny docs folders, the listings, and the real docs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts.checks.all import check_everything
from scripts.model.documents import Document, load_corpus
from scripts.render import listings
from tests.support.project import LANGUAGES, reader, run_named
from tests.support.sites import ROOT, build, page, write_config, write_data_files, write_docs

CONTENT_CHECKS = ("guide-links", "plain-language", "listing-markers", "citations", "data-files")

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
    return [str(p) for p in run_named(load_corpus(Path("docs")), *CONTENT_CHECKS)]


def run_check_all(tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.checks", "--docs-dir", str(tmp_path / "docs")],
                          cwd=ROOT, capture_output=True, text=True)


def run_cli(tmp_path, *args) -> subprocess.CompletedProcess:
    """The content checks and the schema, as `python -m scripts.checks --select …` runs them."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.checks", "--docs-dir", str(tmp_path / "docs"),
         "--select", ",".join(("schema",) + CONTENT_CHECKS), *args],
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
    found = run_named(load_corpus(Path("docs")), *CONTENT_CHECKS)
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
    result = subprocess.run([sys.executable, "-m", "scripts.checks", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "--docs-dir" in result.stdout and "--select" in result.stdout


def test_the_real_docs_pass_every_content_rule(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert [str(p) for p in run_named(load_corpus(ROOT / "docs"), "schema", *CONTENT_CHECKS)] == []


# --------------------------------------------------------------------------- listings


def test_listings_filter_group_by_type_and_escape():
    docs = [
        Document("en", Path("x"), "acts/a.md", {"id": "law-a", "type": "law", "title": "Law <A>", "summary": "S & T", "tags": ["education"]}, "", 1),
        Document("en", Path("y"), "strategies/b.md", {"id": "strategy-b", "type": "strategy", "title": "Strategy B", "summary": "S", "communities": ["roma"]}, "", 1),
    ]
    english = reader("en", page_url="en/")
    both = listings.render_marker({"type": "law,strategy"}, docs, english)
    assert both.startswith("## Laws\n\n<ul class=\"crch-documents\">\n<li><a href=\"acts/a/\">Law &lt;A&gt;</a>")
    assert "S &amp; T" in both and "## Strategies" in both
    assert "Strategy B" not in listings.render_marker({"tag": "education"}, docs, english)
    by_community = listings.render_marker({"by": "community", "level": "3"}, docs, english)
    assert by_community.startswith("### Roma\n") and "Law" not in by_community


def test_a_community_no_page_is_for_alone_links_the_pages_for_all():
    docs = [Document("en", Path("x"), "guides/a.md", {"id": "guide-a", "type": "guide", "title": "A", "summary": "S",
                                                      "communities": ["all"]}, "", 1)]
    listing = listings.render_marker({"by": "community", "level": "3"}, docs, reader("en", page_url="en/browse/"))
    assert listing.startswith("### All communities {#community-all}\n")
    serbs = listing[listing.index("### Serbs"):].split("###")[1]
    assert '<a href="#community-all">the pages for all communities</a>' in serbs


def test_a_listed_fallback_is_marked_with_its_language():
    """A document the reader gets in another language (its original) says which language it is in."""
    serbian = Document("sr", Path("z"), "guides/only.md", {"id": "guide-only", "type": "guide", "title": "Samo srpski",
                                                          "summary": "Vodič."}, "", 1)
    listed = listings.render_list([serbian], reader("en", page_url="en/guides/"))
    assert '<a href="only/" lang="sr-Latn">Samo srpski</a>' in listed
    assert '<span class="crch-doc-summary" lang="sr-Latn">Vodič.</span>' in listed
