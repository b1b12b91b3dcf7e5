"""The offline channels' switches, and the service worker files of a hand-made built site."""

from __future__ import annotations

import html
import json
from pathlib import Path

from scripts.model.languages import PROJECT_PLUGIN, plugin_settings, read_config
from scripts.model.project import ROOT
from scripts.model.settings import Settings
from scripts.site import service_worker
from scripts.site.sources import built_languages
from tests.support.project import SETTINGS


def settings_with(**options) -> Settings:
    config = read_config()
    own = plugin_settings(config, PROJECT_PLUGIN)
    own.clear()
    own.update(options)
    return Settings.from_config(config, ROOT)


def test_the_real_site_turns_the_kiwix_files_on():
    assert SETTINGS.offline_save and SETTINGS.kiwix_files


def test_by_default_only_the_cheap_channel_is_on():
    settings = settings_with()
    assert settings.offline_save and not settings.kiwix_files


def test_each_channel_has_its_switch_and_the_plugin_off_switches_both_off():
    assert not settings_with(offline_save=False).offline_save
    assert settings_with(kiwix_files=True).kiwix_files
    off = settings_with(enabled=False, kiwix_files=True)
    assert not off.offline_save and not off.kiwix_files


def test_a_one_language_build_has_that_language_alone_at_the_root():
    config = read_config()
    plugin_settings(config, "i18n")["build_only_locale"] = "sr"
    (only,) = built_languages(config, SETTINGS.languages)
    assert (only.code, only.prefix, only.html_lang) == ("sr", "", "sr-Latn")
    plugin_settings(config, "i18n")["build_only_locale"] = None
    assert built_languages(config, SETTINGS.languages) == SETTINGS.languages


def write_site(site: Path, files: dict[str, str]) -> Path:
    for rel_path, text in files.items():
        (site / rel_path).parent.mkdir(parents=True, exist_ok=True)
        (site / rel_path).write_text(text, encoding="utf-8")
    return site


def page(stylesheet: str, link: str = "") -> str:
    return (f'<html><head><link rel="stylesheet" href="{stylesheet}"></head>'
            f'<body><a href="{link}">another page</a><script src="{stylesheet[:-len("stylesheets/a.css")]}javascripts/app.js">'
            '</script></body></html>')


def hand_made_site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {
        "index.html": page("assets/stylesheets/a.css", "sr/"),
        "guides/index.html": page("../assets/stylesheets/a.css"),
        "sr/index.html": page("../assets/stylesheets/a.css", "../en/"),
        "en/index.html": page("../assets/stylesheets/a.css"),
        "404.html": page("/assets/stylesheets/a.css"),
        "sr/404.html": page("/assets/stylesheets/a.css"),  # only a server shows a 404 page: never saved
        "assets/stylesheets/a.css": "@import 'b.css'; body { background: url(../images/x.png) }",
        "assets/stylesheets/b.css": "p { color: red }",
        "assets/images/x.png": "png",
        "assets/images/unused.png": "png",
        "assets/javascripts/app.js": "1",
        service_worker.WORKER_CODE: "// worker",
        "assets/search/index.sq.js": "sq", "assets/search/index.sr.js": "sr", "assets/search/worker.js": "w",
        "downloads/x_sr_all.zim": "zim",
    })


def test_a_languages_copy_holds_its_pages_what_they_load_and_its_search(tmp_path):
    site = hand_made_site(tmp_path)
    assert service_worker.language_files(site, "sr", SETTINGS.languages) == [
        "assets/images/x.png", "assets/javascripts/app.js", "assets/search/index.sr.js", "assets/search/worker.js",
        "assets/stylesheets/a.css", "assets/stylesheets/b.css", "sr/index.html"]
    albanian = service_worker.language_files(site, "sq", SETTINGS.languages)
    assert {"index.html", "guides/index.html", "assets/search/index.sq.js"} <= set(albanian)
    assert not {"404.html", "sr/index.html", "assets/search/index.sr.js", "downloads/x_sr_all.zim"} & set(albanian)


def test_the_version_changes_with_a_file_of_the_language_only(tmp_path):
    site = hand_made_site(tmp_path)
    before = service_worker.write_service_worker(site, SETTINGS.languages)
    assert json.loads((site / service_worker.MANIFEST_DIR / "sr.json").read_text(encoding="utf-8")) == before["sr"]
    assert all(f'"{lang}": "{m["version"]}"' in (site / service_worker.SCRIPT_NAME).read_text(encoding="utf-8")
               for lang, m in before.items())
    (site / "sr" / "index.html").write_text(page("../assets/stylesheets/a.css") + " changed", encoding="utf-8")
    after = service_worker.write_service_worker(site, SETTINGS.languages)
    assert after["sr"]["version"] != before["sr"]["version"]
    assert after["sq"]["version"] == before["sq"]["version"] and after["en"]["version"] == before["en"]["version"]
    assert service_worker.write_service_worker(site, SETTINGS.languages) == after, "same site, same files"


def test_the_cyrillic_edition_has_a_copy_of_its_own_with_its_own_search(tmp_path):
    site = hand_made_site(tmp_path)
    write_site(site, {"sr-cyrl/index.html": page("../assets/stylesheets/a.css", "../sr/"),
                      "assets/search/texts.sr.0.js": "sr", "assets/search/index.sr-cyrl.js": "ћ",
                      "assets/search/texts.sr-cyrl.0.js": "ћ"})
    cyrillic = service_worker.language_files(site, "sr-cyrl", SETTINGS.languages)
    assert {"sr-cyrl/index.html", "assets/search/index.sr-cyrl.js", "assets/search/texts.sr-cyrl.0.js",
            "assets/search/worker.js", "assets/stylesheets/a.css"} <= set(cyrillic)
    assert not {"sr/index.html", "assets/search/index.sr.js", "assets/search/texts.sr.0.js"} & set(cyrillic)
    latin = service_worker.language_files(site, "sr", SETTINGS.languages)
    assert {"assets/search/index.sr.js", "assets/search/texts.sr.0.js"} <= set(latin)
    assert not {"sr-cyrl/index.html", "assets/search/index.sr-cyrl.js", "assets/search/texts.sr-cyrl.0.js"} & set(latin)
    manifests = service_worker.write_service_worker(site, SETTINGS.languages)
    assert list(manifests) == ["sq", "sr", "sr-cyrl", "en"] and manifests["sr-cyrl"]["tree"] == "sr-cyrl/"
    assert '"sr-cyrl": "' in (site / service_worker.SCRIPT_NAME).read_text(encoding="utf-8")


def test_a_twins_control_saves_the_edition_and_speaks_its_script():
    control = ('<section class="md-grid crch-offline" data-crch-offline data-language="sr" '
               'data-texts="{&#34;saved&#34;: &#34;Sačuvano&#34;, &#34;saving&#34;: &#34;Čuvanje: {done} od {total}…&#34;}" '
               'aria-labelledby="crch-offline-title" hidden>')
    twin = service_worker.control_for_edition(control, "sr-cyrl", lambda text: text.upper())
    assert 'data-language="sr-cyrl"' in twin
    assert json.loads(html.unescape(twin.split('data-texts="')[1].split('"')[0])) == {
        "saved": "SAČUVANO", "saving": "ČUVANJE: {done} OD {total}…"}  # the script fills the placeholders in
    assert service_worker.control_for_edition("<p>no control</p>", "sr-cyrl", str.upper) == "<p>no control</p>"
