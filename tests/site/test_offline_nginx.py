"""deploy/nginx.conf and the offline channels: the service worker is never cached, the Kiwix
files are served from downloads/ as they are (a real nginx, the fixture of tests/test_nginx.py)."""

from __future__ import annotations

from scripts import csp, zim
from tests.test_nginx import get, nginx  # noqa: F401 - the nginx fixture


def test_the_service_worker_is_never_cached(nginx):  # noqa: F811
    response = get(nginx, "/sw.js")
    assert response.status == 200
    assert response.getheader("Cache-Control") == "no-cache"
    assert "javascript" in response.getheader("Content-Type")
    expected = csp.nginx_headers(csp.NGINX_CONF.read_text(encoding="utf-8"))
    assert {name: response.getheader(name) for name in expected} == expected, "the location dropped the headers"


def test_the_worker_code_may_be_cached_because_its_address_names_its_version(nginx):  # noqa: F811
    """Assets are cached for a day; sw.js imports the worker's code with its hash in the address."""
    body = get(nginx, "/sw.js").body.decode("utf-8")
    assert 'importScripts("assets/javascripts/offline-sw.js?v=' in body
    assert get(nginx, "/assets/offline/sr.json").getheader("Cache-Control") == "max-age=600"


def test_the_kiwix_files_are_served_as_they_are(nginx, built_site):  # noqa: F811
    name = zim.zim_path(built_site / zim.DOWNLOADS_DIR, "sr").name
    response = get(nginx, f"/{zim.DOWNLOADS_DIR}/{name}", **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") is None
    assert response.body == (built_site / zim.DOWNLOADS_DIR / name).read_bytes()
