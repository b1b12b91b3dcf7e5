"""The project's own stylesheets and scripts as pages load them: one stylesheet, each script only
where it is used, every file named by its content hash (scripts/site/assets.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.model.languages import read_config
from scripts.render import directory
from scripts.site import assets
from tests.support.project import SETTINGS


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def loads(page: Path) -> _Loads:
    parser = _Loads()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def site_file(site: Path, page: Path, url: str) -> Path:
    """The file a page's URL names (404 pages use URLs from the site's root)."""
    return site / url[1:] if url.startswith("/") else (page.parent / url).resolve()


def project_files(urls: list[str]) -> list[str]:
    """The URLs of the project's own assets (not Material's, not search's)."""
    return [url for url in urls if "/assets/" in "/" + url and not re.search(r"/(bundle|main)\.[0-9a-f]{8}\.min\.|/assets/search/", "/" + url)]


@pytest.fixture(scope="module")
def pages(built_site) -> list[Path]:
    return sorted(built_site.rglob("*.html"))


def test_every_page_loads_one_project_stylesheet_named_by_its_content(built_site, pages):
    for page in pages:
        stylesheets = loads(page).stylesheets
        ours = project_files(stylesheets)
        assert len(stylesheets) == 2 and len(ours) == 1, (page, stylesheets)
        file = site_file(built_site, page, ours[0])
        assert file.name == Path(assets.hashed_uri(assets.STYLESHEET_BUNDLE, file.read_bytes())).name


def test_the_stylesheet_holds_every_source_in_order(built_site):
    (bundle,) = built_site.glob("assets/stylesheets/clearing-house.*.css")
    text = bundle.read_text(encoding="utf-8")
    positions = [text.index(f"/* {source} */") for source in read_config()["extra_css"]]
    assert positions == sorted(positions) and len(positions) >= 2


def test_scripts_are_hashed_and_only_where_they_are_used(built_site, pages):
    directory_pages = []
    for page in pages:
        ours = project_files(loads(page).scripts)
        for url in ours:
            file = site_file(built_site, page, url)
            assert assets.HASHED_NAME.search(file.name) and file.name.split(".")[-2] == assets.content_hash(file.read_bytes())
        names = [re.sub(r"\.[0-9a-f]{8}\.js$", ".js", url.rsplit("/", 1)[-1]) for url in ours]
        assert "page-helpers.js" in names, page
        if "directory-filter.js" in names:
            assert directory.PAGE_MARKER in page.read_text(encoding="utf-8"), page
            directory_pages.append(page.relative_to(built_site).as_posix())
        assert not [url for url in loads(page).scripts if "file-worker" in url], f"{page} loads the file:// search worker"
    assert sorted(directory_pages) == sorted(part.prefix + "directory/index.html" for part in SETTINGS.languages.with_editions)


def test_only_hashed_files_are_published(built_site):
    for source in [*read_config()["extra_css"], *assets.PAGE_SCRIPTS]:
        assert not (built_site / source).exists(), f"{source} is published under its unhashed name"
