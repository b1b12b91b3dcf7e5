"""deploy/nginx.conf works in a real nginx (Debian's nginx-light; .ci/run installs it).

The server block is run on 127.0.0.1 with the built site as its root: it must parse, serve the
pages with the security headers, cache hashed assets for a year and pages briefly, compress
text, and answer unknown paths with the site's 404 page.
"""

from __future__ import annotations

import http.client
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from scripts import csp, not_found
from scripts.documents import DEFAULT_LANGUAGE, LANGUAGES
from tests.browsing import LANGUAGE_LINK, language_of, search, search_term

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MAIN_CONF = """\
daemon off;
user root;
worker_processes 1;
pid {work}/nginx.pid;
error_log stderr;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/site.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_block(site_dir: Path, port: int) -> str:
    """deploy/nginx.conf with only its address and root changed."""
    text = csp.NGINX_CONF.read_text(encoding="utf-8")
    text = re.sub(r"^\s*listen \[::\]:80;\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", text)
    return re.sub(r"root [^;]+;", f"root {site_dir};", text)


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: apt-get install nginx-light (.ci/run does)")
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (work / "site.conf").write_text(server_block(built_site, port), encoding="utf-8")
    (work / "nginx.conf").write_text(MAIN_CONF.format(work=work), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-c", str(work / "nginx.conf"), "-p", str(work)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)


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
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_paths_get_their_languages_404_page(nginx, built_site, language):
    expected = (built_site / not_found.not_found_path(language)).read_bytes()
    for path in ("nowhere/", "acts/nowhere.html", "guides/x/y/z"):
        response = get(nginx, home(language) + path)
        assert response.status == 404, path
        assert response.body == expected, f"{home(language)}{path} does not get the {language} 404 page"
    assert get(nginx, "/srx/").body == (built_site / "404.html").read_bytes()


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
    assert page.get_attribute("html", "lang").split("-")[0] == language
    switcher = page.eval_on_selector_all(LANGUAGE_LINK, "links => links.map(a => [a.hreflang, a.href])")
    assert dict(switcher) == {other: base + home(other) for other in LANGUAGES}
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


def test_text_is_compressed(nginx):
    response = get(nginx, "/", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
