"""A phone that keeps the site: "Save for offline reading" and the service worker, in Chromium.

The site is served from 127.0.0.1 (a secure origin, like https) with deploy/nginx.conf's headers,
the strict Content-Security-Policy included, and `Cache-Control: no-store` (so that offline only
the saved copy can answer, not the browser's HTTP cache), by a server that can be cut off
("offline": it closes every connection unanswered, as a lost network does) and can be switched
to a rebuilt site. A reader opts in, the connection goes, and other pages, search and the language's assets
still open; a rebuild arrives as an update that fetches only what changed.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from scripts.site import service_worker
from scripts.tools.chromium import launch
from tests.support.browsing import RECORD_VIOLATIONS, corpus, search, search_term
from tests.support.project import LANGUAGES, SETTINGS, STRINGS
from tests.support.serving import CONF_HEADERS, LocalServer, QuietHandler

t = STRINGS.t

CONTROL = "[data-crch-offline]"
STATUS = ".crch-offline__status"
SAVE_BUTTON = "[data-crch-offline-save]"
REMOVE_BUTTON = "[data-crch-offline-remove]"
RECORD_PERSIST = """
window.__persistRequests = 0;
if (navigator.storage && navigator.storage.persist) {
  const persist = navigator.storage.persist.bind(navigator.storage);
  navigator.storage.persist = () => { window.__persistRequests += 1; return persist(); };
}
"""
CHANGED_TEXT = "A sentence that only the rebuilt site has."


class SwitchableSite:
    """A local server of one site folder at a time, which can lose its network."""

    def __init__(self, root: Path):
        self.root, self.offline, self.requests = Path(root), False, []
        site = self

        class Handler(QuietHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site.root), **kwargs)

            def do_GET(self):
                if site.offline:
                    self.close_connection = True
                    return
                site.requests.append(self.path)
                super().do_GET()

            def end_headers(self):
                for name, value in CONF_HEADERS.items():
                    self.send_header(name, value)
                # nothing from the browser's HTTP cache: offline, only the saved copy can answer
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

        self.server = LocalServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"


@pytest.fixture
def site(built_site, tmp_path):
    """The real site (without its Kiwix files, which the worker never saves) on a switchable server."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("*.zim"))
    served = SwitchableSite(copy)
    yield served
    served.server.shutdown()


@pytest.fixture
def reader(browser):
    """A fresh browser profile (its own service workers and caches) that records CSP violations."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    context.add_init_script(RECORD_PERSIST)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    yield page
    violations = [text for text in console if "Content Security Policy" in text]
    context.close()
    assert violations == [], "the strict CSP blocked something"


def home(language: str) -> str:
    return SETTINGS.languages[language].prefix


def guides_of(language: str) -> list:
    return sorted((d for d in corpus().in_language(language) if d.type == "guide"), key=lambda d: d.rel_path)


def save(page, url: str, language: str) -> None:
    """Open the language's home page, press the button and wait until the copy is saved."""
    page.goto(url + home(language))
    control = page.locator(CONTROL)
    control.scroll_into_view_if_needed()
    button = page.locator(SAVE_BUTTON)
    assert button.inner_text().strip() == t("offline.save", language)
    button.click()
    page.wait_for_function(
        "text => document.querySelector('.crch-offline__status').textContent === text",
        arg=t("offline.saved", language), timeout=60_000)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15_000)


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


def test_save_then_read_other_pages_and_search_without_a_connection(reader, site):
    page = reader
    save(page, site.url, "sr")
    assert page.evaluate("window.__persistRequests") == 1, "persistent storage was not requested"
    assert page.locator(REMOVE_BUTTON).is_visible()
    manifest = json.loads((site.root / "assets" / "offline" / "sr.json").read_text(encoding="utf-8"))
    assert cache_names(page) == [f"crch-offline-sr-{manifest['version']}"]

    site.offline = True
    for guide in guides_of("sr")[:3]:
        response = page.goto(site.url + guide.site_path)
        assert response.ok and response.from_service_worker
        assert page.locator("h1").first.inner_text().rstrip("¶").strip() == guide.title
        colour = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "the stylesheets were not saved"
    results = search(page, search_term("sr"))
    assert results.count() > 0
    results.first.click()
    page.wait_for_load_state()
    assert page.url.startswith(site.url + "sr/")
    assert page.locator("h1").count() == 1

    # another language was not saved: without a connection it does not open
    with pytest.raises(Exception, match="ERR_EMPTY_RESPONSE|ERR_FAILED|ERR_CONNECTION"):
        page.goto(site.url + "en/about/")


def test_a_rebuild_arrives_as_an_update_that_fetches_only_what_changed(reader, site, tmp_path):
    page = reader
    save(page, site.url, "sr")
    old = json.loads((site.root / "assets" / "offline" / "sr.json").read_text(encoding="utf-8"))

    # a rebuild with one changed Serbian page (a new build writes new service worker files)
    guide = guides_of("sr")[0]
    rebuilt = tmp_path / "rebuilt"
    shutil.copytree(site.root, rebuilt)
    page_file = rebuilt / guide.site_path / "index.html"
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("</h1>", f"</h1>\n<p>{CHANGED_TEXT}</p>", 1),
                         encoding="utf-8")
    new = service_worker.write_service_worker(rebuilt, SETTINGS.languages)["sr"]
    assert new["version"] != old["version"]
    site.root, site.requests = rebuilt, []

    page.reload()  # the control asks the browser to look for a newer worker
    page.wait_for_function(
        "text => document.querySelector('.crch-offline__status').textContent === text",
        arg=t("offline.updated", "sr"), timeout=60_000)
    fetched = {path.split("?")[0] for path in site.requests}
    assert "/" + guide.site_path in fetched
    assert not any(path.startswith("/assets/javascripts/bundle.") for path in fetched), \
        "an unchanged file was downloaded again"
    page.wait_for_function(f"""() => caches.keys().then(names => names.length === 1
        && names[0] === 'crch-offline-sr-{new["version"]}')""", timeout=15_000)

    site.offline = True
    page.goto(site.url + guide.site_path)
    assert CHANGED_TEXT in page.content()


def test_remove_deletes_the_copy_and_the_worker(reader, site):
    page = reader
    save(page, site.url, "en")
    page.click(REMOVE_BUTTON)
    page.wait_for_function(
        "text => document.querySelector('.crch-offline__status').textContent === text", arg=t("offline.removed", "en"))
    assert cache_names(page) == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.locator(SAVE_BUTTON).is_visible()


def test_the_default_languages_copy_leaves_the_other_languages_alone(reader, site):
    """Albanian's scope is the site's root, which also covers /sr/ and /en/: they stay online-only."""
    page = reader
    save(page, site.url, "sq")
    site.offline = True
    assert page.goto(site.url + "guides/").ok
    with pytest.raises(Exception, match="ERR_EMPTY_RESPONSE|ERR_FAILED|ERR_CONNECTION"):
        page.goto(site.url + "sr/guides/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_control_speaks_the_pages_language(reader, site, language):
    page = reader
    page.goto(site.url + home(language))
    control = page.locator(CONTROL)
    control.scroll_into_view_if_needed()
    assert control.is_visible()
    assert t("offline.intro", language) in control.inner_text()
    page.wait_for_function("() => document.querySelector('[data-crch-offline-size]').textContent !== ''")
    assert re.search(r"\d", page.locator("[data-crch-offline-size]").inner_text())


def test_on_plain_http_the_control_points_to_the_other_channels(browser, site):
    """An address that is not https (nor localhost) is no secure origin: no button, a note instead."""
    port = site.url.rsplit(":", 1)[1].rstrip("/")
    chromium = launch(browser.browser_type, "--host-resolver-rules=MAP ngo.example 127.0.0.1")
    try:
        page = chromium.new_page()
        page.goto(f"http://ngo.example:{port}/sr/")
        assert page.evaluate("window.isSecureContext") is False
        assert not page.locator(SAVE_BUTTON).is_visible()
        note = page.locator("[data-crch-offline-insecure]")
        assert note.is_visible() and t("offline.insecure", "sr") in note.inner_text()
        link = note.locator("a")
        assert link.inner_text() == corpus().get("sr", "about").title
        link.click()
        page.wait_for_load_state()
        assert page.url == f"http://ngo.example:{port}/sr/about/"
    finally:
        chromium.close()


def test_opened_from_disk_the_control_stays_hidden(browser, built_site):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((built_site / "sr" / "index.html").as_uri())
        page.wait_for_load_state()
        assert page.locator(CONTROL).count() == 1 and not page.locator(CONTROL).is_visible()
    finally:
        context.close()


def test_two_languages_saved_and_one_removed(reader, site):
    """One registration serves every saved language; removing one keeps the other."""
    page = reader
    save(page, site.url, "sr")
    save(page, site.url, "en")
    assert sorted(name.rsplit("-", 1)[0] for name in cache_names(page)) == ["crch-offline-en", "crch-offline-sr"]
    page.click(REMOVE_BUTTON)  # on the English home page
    page.wait_for_function(
        "text => document.querySelector('.crch-offline__status').textContent === text", arg=t("offline.removed", "en"))
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 1
    site.offline = True
    assert page.goto(site.url + "sr/guides/").from_service_worker
    with pytest.raises(Exception, match="ERR_EMPTY_RESPONSE|ERR_FAILED|ERR_CONNECTION"):
        page.goto(site.url + "en/guides/")
