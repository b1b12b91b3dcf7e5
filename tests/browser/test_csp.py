"""The strict Content-Security-Policy of deploy/nginx.conf holds on the real site.

The site is served by a small Python server that sends exactly the headers nginx.conf adds; every
page type in every language is opened, search is used, and not one CSP violation may occur.
"""

from __future__ import annotations

import pytest

from scripts.site import csp
from tests.support.project import LANGUAGES, SETTINGS
from tests.support.browsing import RECORD_VIOLATIONS, representative_paths, search, search_term
from tests.support.serving import CONF_HEADERS, headers_handler, serve_directory

@pytest.fixture(scope="module")
def strict_site_url(built_site):
    server, url = serve_directory(built_site, headers_handler(CONF_HEADERS))
    yield url
    server.shutdown()


def violations_on(browser, url: str, paths, search_for: str | None = None) -> dict[str, list[str]]:
    """{path: [violations]} for pages opened at url + path (optionally searching on each)."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    found: dict[str, list[str]] = {}
    page = context.new_page()
    current = {"path": ""}
    page.on("console", lambda message: "Content Security Policy" in message.text
            and found.setdefault(current["path"], []).append(message.text))
    for path in paths:
        current["path"] = path
        page.goto(url + path, wait_until="networkidle" if search_for else "load")
        if search_for:
            search(page, search_for).first.wait_for()
        events = page.evaluate("window.__violations")
        if events:
            found.setdefault(path, []).extend(events)
    context.close()
    return found


def test_the_conf_has_the_security_headers():
    policy = CONF_HEADERS["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert (directives["object-src"], directives["base-uri"], directives["frame-ancestors"]) == ("'none'", "'self'", "'none'")
    assert directives["img-src"] == "'self' data:"
    assert CONF_HEADERS["Referrer-Policy"] == "no-referrer"
    assert CONF_HEADERS["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in CONF_HEADERS["Permissions-Policy"]


def test_the_conf_allows_every_inline_script_of_the_site(built_site):
    problems = csp.check_conf(built_site)
    assert [str(p) for p in problems if p.severity == "error"] == []


def test_the_server_sends_the_conf_headers(browser, strict_site_url):
    context = browser.new_context()
    response = context.new_page().goto(strict_site_url)
    headers = response.headers
    context.close()
    assert {name: headers.get(name.lower()) for name in CONF_HEADERS} == CONF_HEADERS


def test_no_violation_on_any_page_type(browser, strict_site_url):
    assert violations_on(browser, strict_site_url, representative_paths()) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_violation_while_searching(browser, strict_site_url, language):
    home = SETTINGS.languages[language].prefix
    assert violations_on(browser, strict_site_url, [home], search_for=search_term(language)) == {}


def test_an_inline_script_without_a_hash_is_reported(browser, built_site, tmp_path):
    """The harness sees a violation: an inline script the policy does not list is blocked."""
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title><script>document.title='ran'</script>")
    server, url = serve_directory(tmp_path, headers_handler(CONF_HEADERS))
    try:
        found = violations_on(browser, url, [""])
    finally:
        server.shutdown()
    assert found and "script-src" in " ".join(found[""])


def test_check_conf_names_a_missing_hash(built_site, tmp_path):
    conf = tmp_path / "nginx.conf"
    text = csp.NGINX_CONF.read_text(encoding="utf-8")
    missing = sorted(csp.site_script_hashes(built_site))[0]
    conf.write_text(text.replace(" " + missing, ""), encoding="utf-8")
    problems = [str(p) for p in csp.check_conf(built_site, conf)]
    assert len(problems) == 1 and f"does not allow the inline script {missing}" in problems[0], problems
