"""deploy/nginx.conf works in a real nginx (Debian's nginx-light; .ci/run installs it).

The server block is run on 127.0.0.1 with the built site as its root: it must parse, serve the
pages with the security headers, cache hashed assets for a year and pages briefly, compress
text, and answer unknown paths with the site's 404 page.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from scripts.site import csp

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MAIN_CONF = """\
daemon off;
user {user};
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


def run_nginx(root: Path, work: Path, user: str):
    """nginx serving `root` with deploy/nginx.conf, its workers running as `user`; yields the port."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: apt-get install nginx-light (make test installs it)")
    port = free_port()
    (work / "site.conf").write_text(server_block(root, port), encoding="utf-8")
    (work / "nginx.conf").write_text(MAIN_CONF.format(work=work, user=user), encoding="utf-8")
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


def test_unknown_paths_get_the_sites_404_page(nginx, built_site):
    response = get(nginx, "/nowhere/")
    assert response.status == 404
    assert response.body == (built_site / "404.html").read_bytes()


def test_hashed_assets_are_cached_for_a_year_and_pages_briefly(nginx, built_site):
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(built_site).as_posix()
    assert get(nginx, f"/{bundle}").getheader("Cache-Control") == "max-age=31536000"
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
