"""deploy/nginx.conf works in a real nginx (Debian's nginx-light; make test installs it).

The server block is run on 127.0.0.1 with the built site as its root: it must parse, serve the
pages with the security headers, cache hashed assets for a year and pages briefly, never let
browsers keep the service worker (sw.js), serve the Kiwix files as they are, compress text, and
answer unknown paths with the 404 page of the language they are under (also in Chromium, through
the server's Content-Security-Policy).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from scripts.site import csp, service_worker, zim
from scripts.site.not_found import not_found_path
from scripts.tools import nginx as local_nginx
from tests.support.browsing import LANGUAGE_LINK, language_of, search, search_term
from tests.support.project import LANGUAGES, SETTINGS, kiwix_file

def server_block(site_dir: Path, port: int) -> str:
    """deploy/nginx.conf with only its address and root changed."""
    text = csp.NGINX_CONF.read_text(encoding="utf-8")
    text = re.sub(r"^\s*listen \[::\]:80;\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", text)
    return re.sub(r"root [^;]+;", f"root {site_dir};", text)


def run_nginx(root: Path, work: Path, user: str):
    """nginx serving `root` with deploy/nginx.conf, its workers running as `user`; yields the port."""
    if not Path(local_nginx.NGINX).exists():
        pytest.fail(local_nginx.MISSING)
    port = local_nginx.free_port()
    (work / "site.conf").write_text(server_block(root, port), encoding="utf-8")
    conf = local_nginx.write_conf(work, f"    include {work}/site.conf;", user)
    check = subprocess.run([local_nginx.NGINX, "-t", "-c", str(conf), "-p", str(work)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = local_nginx.start(conf, [port], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    yield port
    process.terminate()
    process.communicate(timeout=10)  # also closes its pipes


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    yield from run_nginx(built_site, tmp_path_factory.mktemp("nginx"), "root")


@pytest.fixture(scope="module")
def deployed(built_site, tmp_path_factory):
    """The site deployed as deploy/README.md says (`rsync -a --delete site/ …`) into a folder any
    user may enter, served by nginx whose workers run as an unprivileged user (as Debian's
    www-data); a dotfile and a /.well-known/ file are put next to the pages."""
    if shutil.which("rsync") is None:
        pytest.fail("rsync is missing: apt-get install rsync (make test installs it)")
    www = Path(tempfile.mkdtemp(prefix="crch-www-"))
    try:
        www.chmod(0o755)
        subprocess.run(["rsync", "-a", "--delete", f"{built_site}/", f"{www}/site/"], check=True)
        (www / "site" / ".git").mkdir()
        (www / "site" / ".git" / "config").write_text("[core]\n", encoding="utf-8")
        (www / "site" / ".env").write_text("SECRET=1\n", encoding="utf-8")
        (www / "site" / ".well-known").mkdir()
        (www / "site" / ".well-known" / "security.txt").write_text("Contact: mailto:x@example.org\n", encoding="utf-8")
        for path in [www / "site" / ".git", www / "site" / ".well-known"]:
            path.chmod(0o755)
        user = "nobody nogroup" if os.geteuid() == 0 else os.environ.get("USER", "nobody")
        yield from run_nginx(www / "site", tmp_path_factory.mktemp("nginx-deployed"), user)
    finally:
        shutil.rmtree(www, ignore_errors=True)


def get(port: int, path: str, **headers) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_pages_have_the_security_headers(nginx):
    expected = csp.nginx_headers(csp.NGINX_CONF.read_text(encoding="utf-8"))
    for path in ("/", "/sr/", "/en/", "/nowhere/"):
        response = get(nginx, path)
        assert {name: response.getheader(name) for name in expected} == expected, path


def home(language: str) -> str:
    return "/" + SETTINGS.languages[language].prefix


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_paths_get_their_languages_404_page(nginx, built_site, language):
    expected = (built_site / not_found_path(SETTINGS.languages[language])).read_bytes()
    for path in ("nowhere/", "acts/nowhere.html", "guides/x/y/z"):
        response = get(nginx, home(language) + path)
        assert response.status == 404, path
        assert response.body == expected, f"{home(language)}{path} does not get the {language} 404 page"
    assert get(nginx, "/srx/").body == (built_site / not_found_path(SETTINGS.languages.default)).read_bytes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_404_page_speaks_its_language_in_a_browser(browser, nginx, language):
    """Through nginx, with its Content-Security-Policy: the page's language, a switcher to each
    language's home page, and search in the page's language."""
    context = browser.new_context()
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    base = f"http://127.0.0.1:{nginx}"
    page.goto(f"{base}{home(language)}no/such/page/", wait_until="networkidle")
    assert page.get_attribute("html", "lang") == SETTINGS.languages[language].html_lang
    switcher = page.eval_on_selector_all(LANGUAGE_LINK, "links => links.map(a => [a.hreflang, a.href])")
    # hreflang is the lang of each home page; the Cyrillic edition's is there too
    assert dict(switcher) == {part.html_lang: f"{base}/{part.prefix}" for part in SETTINGS.languages.with_editions}
    found = search(page, search_term(language)).evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert found and {language_of(path.lstrip("/")) for path in found} == {language}, found
    assert blocked == []
    context.close()


def test_hashed_assets_are_cached_for_a_year_and_pages_briefly(nginx, built_site):
    """Material's and the project's own files, whose names carry a hash of their content."""
    hashed = [*built_site.glob("assets/javascripts/bundle.*.min.js"), *built_site.glob("assets/stylesheets/clearing-house.*.css"),
              *built_site.glob("assets/javascripts/directory-filter.*.js")]
    assert len(hashed) == 3
    for path in hashed:
        assert get(nginx, "/" + path.relative_to(built_site).as_posix()).getheader("Cache-Control") == "max-age=31536000", path
    assert get(nginx, "/en/").getheader("Cache-Control") == "max-age=600"


@pytest.mark.parametrize("path, media_type", [
    ("/data/sr/documents.csv", "text/csv; charset=utf-8"), ("/data/sq/documents.json", "application/json"),
    ("/data/dcat.jsonld", "application/ld+json"), ("/en/feed.atom", "application/atom+xml"),
])
def test_open_data_is_served_with_its_media_type(nginx, path, media_type):
    response = get(nginx, path)
    assert (response.status, response.getheader("Content-Type")) == (200, media_type)
    assert response.getheader("Cache-Control") == "max-age=600"
    assert response.getheader("Content-Security-Policy")  # the security headers reach these too


def test_text_is_compressed(nginx):
    response = get(nginx, "/", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"


def test_the_documented_deploy_is_readable_by_an_unprivileged_server(deployed, built_site):
    pages = ["/", "/sr/", "/en/", "/robots.txt", "/data/sr/documents.csv",
             "/" + next(built_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(built_site).as_posix()]
    assert {path: get(deployed, path).status for path in pages} == dict.fromkeys(pages, 200)


def test_dotfiles_are_never_served_but_well_known_is(deployed):
    assert {path: get(deployed, path).status for path in ("/.git/config", "/.env", "/.git/")} == \
        {"/.git/config": 404, "/.env": 404, "/.git/": 404}
    assert get(deployed, "/.well-known/security.txt").status == 200


def test_the_server_does_not_tell_its_version(nginx):
    response = get(nginx, "/nowhere/")
    assert response.getheader("Server") == "nginx"
    assert b"nginx/" not in response.body


def test_the_service_worker_is_never_cached(nginx):
    response = get(nginx, f"/{service_worker.SCRIPT_NAME}")
    assert response.status == 200
    assert response.getheader("Cache-Control") == "no-cache"
    assert "javascript" in response.getheader("Content-Type")
    expected = csp.nginx_headers(csp.NGINX_CONF.read_text(encoding="utf-8"))
    assert {name: response.getheader(name) for name in expected} == expected, "the location dropped the headers"


def test_the_worker_code_may_be_cached_because_its_address_names_its_version(nginx):
    """Assets are cached for a day; sw.js imports the worker's code with its hash in the address."""
    body = get(nginx, f"/{service_worker.SCRIPT_NAME}").body.decode("utf-8")
    assert f'importScripts("{service_worker.WORKER_CODE}?v=' in body
    assert get(nginx, f"/{service_worker.MANIFEST_DIR}/sr.json").getheader("Cache-Control") == "max-age=600"


def test_the_kiwix_files_are_served_as_they_are(nginx, built_site):
    name = kiwix_file(built_site, "sr").name
    response = get(nginx, f"/{zim.DOWNLOADS_DIR}/{name}", **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") is None
    assert response.body == (built_site / zim.DOWNLOADS_DIR / name).read_bytes()
