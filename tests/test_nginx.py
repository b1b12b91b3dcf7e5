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

from scripts import csp

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


def wait_for_port(port: int, seconds: float = 10) -> None:
    """Until a server listens on 127.0.0.1:port (or the time is up)."""
    for _ in range(int(seconds / 0.05)):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)


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
    wait_for_port(port)
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


def test_unknown_paths_get_the_sites_404_page(nginx, built_site):
    response = get(nginx, "/nowhere/")
    assert response.status == 404
    assert response.body == (built_site / "404.html").read_bytes()


def test_hashed_assets_are_cached_for_a_year_and_pages_briefly(nginx, built_site):
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(built_site).as_posix()
    assert get(nginx, f"/{bundle}").getheader("Cache-Control") == "max-age=31536000"
    assert get(nginx, "/en/").getheader("Cache-Control") == "max-age=600"


def test_text_is_compressed(nginx):
    response = get(nginx, "/", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
