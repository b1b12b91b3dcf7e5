"""The adapter's guards: the versions checked at build start are the pinned ones, and each upstream
internal fails loudly, naming scripts/mkdocs_adapter/upstream.py, when it is not there."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from scripts.mkdocs_adapter import upstream
from scripts.model.anchors import project_markdown_settings
from tests.support.sites import ROOT


def test_the_verified_versions_are_the_pinned_ones():
    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").split()
                if "==" in line)
    for package, verified in upstream.VERIFIED_VERSIONS.items():
        assert pins[package] == verified, package


def test_another_installed_version_stops_the_build(monkeypatch):
    upstream.check_versions()
    monkeypatch.setattr(upstream, "version", lambda package: "9.9.9")
    with pytest.raises(PluginError, match=r"mkdocs 9\.9\.9 is installed, but scripts/mkdocs_adapter/upstream\.py "
                                          r"was verified against 1\.6\.1"):
        upstream.check_versions()


def test_the_core_reads_the_markdown_settings_as_mkdocs_does():
    """scripts/model/anchors.py reconstructs MkDocs' extension list (its built-ins first) from mkdocs.yml."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    assert project_markdown_settings() == (list(config["markdown_extensions"]), dict(config["mdx_configs"]))


def test_a_missing_language_attribute_fails_loudly():
    config = SimpleNamespace(plugins={})
    with pytest.raises(PluginError, match="mkdocs-static-i18n"):
        upstream.current_language(config)


def test_a_file_static_i18n_did_not_reconfigure_fails_loudly(tmp_path):
    files = Files([File("sq/index.md", str(tmp_path), str(tmp_path / "site"), True)])
    with pytest.raises(PluginError, match="norm_src_uri"):
        upstream.chosen_pages(files)


def test_a_page_without_static_i18ns_switcher_fails_loudly(monkeypatch):
    i18n = SimpleNamespace(extra_alternate=[{"lang": "sr", "name": "Srpski", "link": "/sr/"}])
    monkeypatch.setattr(upstream, "i18n_plugin", lambda config: i18n)
    config = SimpleNamespace(extra=SimpleNamespace())
    with pytest.raises(PluginError, match="config.extra.alternate"):
        upstream.page_alternates(config)
    config.extra.alternate = [{"lang": "sr", "name": "Srpski", "link": "/sr/"}]
    assert upstream.page_alternates(config)[0]["lang"] == "sr"
    i18n.extra_alternate = []  # one language built: static-i18n shows no switcher
    assert upstream.page_alternates(SimpleNamespace(extra=SimpleNamespace())) == []


def test_a_changed_search_dialog_fails_loudly():
    from scripts.mkdocs_adapter.pages import name_search_dialog

    with pytest.raises(PluginError, match="SEARCH_DIALOG in scripts/mkdocs_adapter/upstream.py"):
        name_search_dialog('<div class="md-search" role="dialog">', "x.md", state=None)


def test_a_page_without_materials_search_markup_fails_loudly():
    page = '<input id="__search" type="checkbox"><input data-md-component="search-query">'
    upstream.check_search_markup(page, "x.md")
    with pytest.raises(PluginError, match="x.md: Material's search markup 'data-md-component=\"search-query\"'"):
        upstream.check_search_markup(page.replace("search-query", "query"), "x.md")


def test_markdowns_escaping_is_checked(monkeypatch):
    upstream.check_markdown_escape()
    monkeypatch.setattr(upstream, "serializers", SimpleNamespace())
    with pytest.raises(PluginError, match="_escape_cdata"):
        upstream.check_markdown_escape()
    monkeypatch.setattr(upstream, "serializers", SimpleNamespace(_escape_cdata=lambda text: text))
    with pytest.raises(PluginError, match="_escape_cdata"):
        upstream.check_markdown_escape()


def test_the_sections_extension_is_added_once_and_must_have_run():
    from scripts.mkdocs_adapter import search
    from scripts.search.sections import SectionsExtension

    extension = SectionsExtension(upstream.material_piece_texts, upstream.markdown_escape)
    config = {"markdown_extensions": ["toc"]}
    upstream.add_markdown_extension(config, extension)
    upstream.add_markdown_extension(config, extension)  # on_config runs once per language
    assert config["markdown_extensions"] == ["toc", extension]
    with pytest.raises(PluginError, match="no longer a list"):
        upstream.add_markdown_extension({"markdown_extensions": ("toc",)}, extension)
    state = SimpleNamespace(sections_cutter=extension, tree_sections={})
    blank = SimpleNamespace(file=SimpleNamespace(src_uri="sq/blank.md"), markdown="\n")
    search.take_tree_sections(blank, state)  # Markdown returns a blank page without running its extensions
    page = SimpleNamespace(file=SimpleNamespace(src_uri="sq/x.md"), markdown="# X\n")
    with pytest.raises(PluginError, match="sq/x.md: MkDocs rendered the page without the project's Markdown extension"):
        search.take_tree_sections(page, state)


def test_changed_menu_or_search_checkboxes_fail_loudly():
    from scripts.mkdocs_adapter.pages import name_toggles

    with pytest.raises(PluginError, match="MATERIAL_TOGGLE in scripts/mkdocs_adapter/upstream.py"):
        name_toggles('<input type="checkbox" id="__drawer">', "x.md", state=None)


def test_the_checkboxes_are_named_in_the_language_being_built(monkeypatch):
    from scripts.mkdocs_adapter.pages import name_toggles
    from tests.support.project import STRINGS

    monkeypatch.setattr(upstream, "current_language", lambda config: "sr")
    toggles = "".join(upstream.MATERIAL_TOGGLE.format(name=name) for name in upstream.MATERIAL_TOGGLES)
    named = name_toggles(toggles, "x.md", SimpleNamespace(strings=STRINGS, config=None))
    assert f'id="__drawer" autocomplete="off" aria-label="{STRINGS.t("page.menu", "sr")}">' in named
    assert f'id="__search" autocomplete="off" aria-label="{STRINGS.t("page.search", "sr")}">' in named


def test_changed_language_alternates_fail_loudly():
    from scripts.mkdocs_adapter.pages import without_language_alternates

    head = '<link rel="icon" href="x">\n  <link rel="alternate" href="../sr/" hreflang="sr">\n'
    assert without_language_alternates(head) == '<link rel="icon" href="x">\n'
    with pytest.raises(PluginError, match="LANGUAGE_ALTERNATE in scripts/mkdocs_adapter/upstream.py"):
        without_language_alternates('<link hreflang="sr" rel="alternate" href="../sr/">')


def test_the_404_page_gets_the_site_wide_switcher(monkeypatch):
    site_wide = [{"lang": "sr", "name": "Srpski", "link": "/sr/"}]
    monkeypatch.setattr(upstream, "i18n_plugin", lambda config: SimpleNamespace(extra_alternate=site_wide))
    config = SimpleNamespace(extra=SimpleNamespace(alternate=[{"lang": "sr", "name": "Srpski", "link": "/sr/acts/x/"}]))
    upstream.show_site_switcher(config)
    assert config.extra.alternate == site_wide and config.extra.alternate is not site_wide


def test_english_default_titles_are_marked_english_and_only_they():
    html = ('<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
            '<a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the text">↩</a>'
            '<h2 id="b">B<a class="headerlink" href="#b" title="Stalna veza">¶</a></h2>')
    assert upstream.with_english_default_titles_marked(html) == html.replace(
        'title="Permanent link">', 'title="Permanent link" lang="en">').replace(
        'in the text">', 'in the text" lang="en">')


def test_the_twins_links_fail_loudly_when_materials_markup_changes():
    page = ('<link rel="alternate" href="./" hreflang="sr"><a href="./" hreflang="sr" class="md-select__link">'
            '<script id="__config" type="application/json">{"search": "../assets/search/worker.js?lang=sr"}</script>')
    twin = upstream.point_self_alternates(page, "sr", "../sr/", "x.md", expected=True)
    assert twin.count('href="../sr/" hreflang="sr"') == 2
    assert '"search": "../assets/search/worker.js?lang=sr-cyrl"' in upstream.with_search_language(twin, "sr", "sr-cyrl", "x.md")
    without_head = page.replace('<link rel="alternate" href="./" hreflang="sr">', "")  # a site may drop the head's
    assert 'href="../sr/" hreflang="sr" class' in upstream.point_self_alternates(without_head, "sr", "../sr/", "x.md", True)
    with pytest.raises(PluginError, match="language links"):
        upstream.point_self_alternates(page.replace("md-select__link", "md-select__item"), "sr", "../sr/", "x.md", True)
    with pytest.raises(PluginError, match="search worker"):
        upstream.with_search_language(page.replace("?lang=sr", ""), "sr", "sr-cyrl", "x.md")
