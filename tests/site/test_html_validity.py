"""Every built page is valid HTML to the Nu HTML Checker, and every ID reference finds its element.

The checker is the pinned npm package vnu-jar (tests/node/, installed by `make test`), run with
Debian's Java. The only errors allowed are Material's own, and the plain Material + static-i18n
set-up is built here to show it has exactly those on every page too.
"""

from __future__ import annotations

from collections import Counter

import pytest

from scripts.bench.setups import write_plain_config
from scripts.site import html_audit
from tests.support.project import LANGUAGES
from tests.support.sites import build, write_docs


@pytest.fixture(scope="module", autouse=True)
def checker():
    if not html_audit.VNU_JAR.is_file():
        pytest.fail(f"{html_audit.VNU_JAR} is missing: {html_audit.INSTALL_HINT}")


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    """A small site built the plain way: Material + mkdocs-static-i18n, everything at its defaults."""
    directory = tmp_path_factory.mktemp("plain")
    files = {}
    for language in LANGUAGES:
        files[f"{language}/index.md"] = f"# Home {language}\n\nText.\n"
        files[f"{language}/guides/index.md"] = "# Guides\n\n- [One](one.md)\n"
        files[f"{language}/guides/one.md"] = "# One\n\n## Part\n\nText.\n"
    docs = write_docs(directory / "docs", files)
    site_dir = directory / "site"
    result = build(write_plain_config(directory, docs, site_dir), site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def plain_errors_per_page(plain_site) -> Counter:
    errors = [m for m in html_audit.nu_messages(plain_site) if m.kind == "error"]
    assert all(m.is_material_own for m in errors), [m.message for m in errors if not m.is_material_own]
    return Counter(m.page for m in errors)


def test_the_allowed_errors_are_those_plain_material_has_on_every_page(plain_site):
    pages = {p.relative_to(plain_site).as_posix() for p in plain_site.rglob("*.html")}
    assert plain_errors_per_page(plain_site) == {page: 2 for page in pages}


def test_every_page_is_valid_html(built_site, plain_site):
    """No error from the project's templates and markup; Material's own no more often than plain's."""
    problems, material_own = html_audit.audit(built_site)
    assert [str(p) for p in problems] == []
    plain_most = max(plain_errors_per_page(plain_site).values())
    assert max(Counter(m.page for m in material_own).values()) <= plain_most


def test_the_checker_reports_invalid_markup(tmp_path):
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
        '<p><div>block in a paragraph</div></p><span tabindex="">x</span></main></body></html>', encoding="utf-8")
    problems, material_own = html_audit.audit(tmp_path)
    assert any("tabindex" in p.message for p in problems), problems
    assert material_own == []
