"""The project's one MkDocs plugin (`clearing-house`, registered in pyproject.toml): events only.

Each event starts with the `enabled` guard and hands the work to a feature module of this package,
which calls the host-neutral core (scripts/model, render, checks, search). State lives on the
plugin: `self.state`, one `BuildState` per build (every language of it); nothing is kept in
module globals but the compiled-template cache (scripts/mkdocs_adapter/templates.py).

Event priorities (higher runs first; at equal priority, mkdocs.yml's plugin order, where this
plugin comes after `material/search` and `i18n`):

| event | priority | runs relative to | why |
|---|---|---|---|
| on_config | 0 | before static-i18n (-100) | refuses links and special files under docs/, then reads the build's state once (corpus, strings, languages), checks the upstream internals and the generated editions, and names the hashed assets in the configuration; adds the search sections' Markdown extension; nothing in it depends on the language |
| on_pre_build | 0 | after static-i18n's on_config (-100) | stops the build on schema, cross-reference, data-file, translation and Cyrillic-marker errors before a page is read; static-i18n has chosen the language: the extensions' link titles in it; starts the language's search sections |
| on_files | -200 | after static-i18n (-100) | static-i18n has chosen this language's files (it takes only files on disk): add the fallbacks to originals and the hashed assets, drop the interface strings, publish the data files without {lat} markers, the assets' sources and the search sources (the site gets them bundled) |
| on_nav | -150 | after static-i18n (-100) | static-i18n has made this language's navigation: compact it |
| on_env | 0 | after static-i18n (0) | the templates' filters (worker, language alternates, interface strings) and the shared template cache |
| on_page_markdown | 0 | after static-i18n (50) | id: links, markers (the Data page's too), footnotes, abbreviations, the summary as description, dates, escaped front matter |
| on_page_content | 0 | (no other plugin) | the search sections cut from the page's Markdown tree are taken first (they are the page just rendered); content loading from another host stops the build, sanitising next, then what adds escaped HTML: id: hrefs, act panel, notices, fallback `lang`, status page; then the tables' column names (every table is there); last, the {lat} markers those left as text |
| on_template_context | 0 | after static-i18n (50) | 404.html gets the site-wide language switcher (with the Cyrillic edition) |
| on_page_context | 50 | after static-i18n (50), before Material search (0) | static-i18n has set the switcher and the canonical URL (the translations feature marks the switcher, then the Cyrillic edition joins it); the page's HTML is final, so its search sections are checked against it; Material's search must see every page excluded; the offline control's texts; the navigation opens for the page and the page's own scripts are named before Material renders it; head metadata, citation |
| on_post_page | -90 | before static-i18n (-100), which reads no content | Material's search markup is checked, the dialog's and the checkboxes' names; the page is final: its Cyrillic twin is written; then the page's HTML and Markdown are let go |
| on_post_template | 0 | (no other plugin) | 404.html: the dialog's and the checkboxes' names, its Cyrillic twin, then a language's page goes to its own folder; sitemap.xml (static-i18n's): left unwritten, the project writes its own |
| on_post_build | 0 | before static-i18n (-100) | this language's search index (and the Cyrillic edition's, from the Serbian one) is written before static-i18n builds the next language inside its own on_post_build; the open-data files, sitemaps and robots.txt once, in the first language's |
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin, event_priority

from scripts.checks.docs_tree import tree_problems
from scripts.checks.remote_loads import problems_in as remote_load_problems
from scripts.model.schema import check_schema
from scripts.render.phone_tables import with_column_labels
from scripts.render.sanitize import sanitize
from scripts.site.not_found import TEMPLATE as NOT_FOUND_TEMPLATE

from scripts.mkdocs_adapter import (assets, content, cyrillic, metadata, navigation, not_found, offline, open_data, pages,
                                    search, search_worker, templates, translations, upstream, xrefs)
from scripts.mkdocs_adapter.config import ClearingHouseConfig
from scripts.mkdocs_adapter.state import BuildState, fail_on


class ClearingHousePlugin(BasePlugin[ClearingHouseConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.state: BuildState | None = None

    def on_config(self, config: Any) -> Any:
        if not self.config.enabled:
            return config
        if self.state is None or self.state.config is not config:  # the first language of a build
            upstream.check_at_start(config)
            fail_on(tree_problems(config["docs_dir"]), "docs folder")  # before anything reads docs/
            self.state = BuildState.read(config, self.config)
            if self.config.cyrillic_edition:
                cyrillic.check_editions(self.state)
            if self.config.asset_bundle:
                self.state.assets = assets.configure(config)
        if self.config.search:
            search.configure(config, self.state, from_markdown=self.config.search_sections == "markdown")
        return config

    def on_pre_build(self, config: Any) -> None:
        if not self.config.enabled:
            return
        state = self.state
        fail_on(state.corpus.derived("schema-problems", lambda: check_schema(state.corpus)), "front matter")
        fail_on(state.read_problems, "interface strings")
        if self.config.cross_references:
            fail_on(xrefs.problems(state), "cross-reference")
        if self.config.content or self.config.search:  # (search: the glossary's synonyms)
            fail_on(state.corpus.derived("data-problems", state.load_data), "data file")
        if self.config.translations:
            fail_on(translations.problems(state), "translation")
        if self.config.cyrillic_edition:
            fail_on(state.corpus.derived("cyrillic-problems", lambda: cyrillic.problems(state)), "Cyrillic edition")
        if self.config.link_titles:
            pages.localize_link_titles(config, state)
        if self.config.search:
            search.start_language(state)

    @event_priority(-200)
    def on_files(self, files: Any, config: Any) -> Any:
        if not self.config.enabled:
            return files
        files = pages.without_build_data(files)
        files = open_data.with_published_data_files(files, self.state)
        if self.config.translations:
            files = translations.add_original_fallbacks(files, self.state)
        if self.config.search:
            files = search.without_sources(files)
        if self.config.asset_bundle:
            files = assets.with_hashed_files(files, self.state.assets, config)
        return files

    @event_priority(-150)
    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        if not (self.config.enabled and self.config.compact_navigation):
            return nav

        def title_of(page: Any) -> str | None:
            document = self.state.document_for(page)
            return document.title if document else None

        overview = self.state.strings.t("nav.section-overview", upstream.current_language(config))
        self.state.navigation = navigation.compact_navigation(nav, title_of, overview)
        return nav

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        if not self.config.enabled:
            return env
        env.filters["with_search_worker"] = search_worker.with_search_worker if self.config.search else _unchanged
        env.filters["without_language_alternates"] = (pages.without_language_alternates
                                                      if self.config.drop_language_alternates else _unchanged)
        env.filters["crch_t"] = pages.strings_filter(self.state)
        return templates.with_template_cache(env) if self.config.template_cache else env

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        if not self.config.enabled:
            return markdown
        if self.config.cross_references:
            markdown = xrefs.page_markdown(markdown, page, self.state)
        if self.config.content:
            markdown = content.page_markdown(markdown, page, self.state)
        if self.config.open_data:
            markdown = open_data.page_markdown(markdown, page, self.state, self.config.cyrillic_edition)
        if self.config.page_metadata:
            metadata.description_from_summary(page, self.state)
        if self.config.reproducible_dates:
            pages.date_from_last_reviewed(page, self.state)
        if self.config.escape_front_matter:
            pages.escape_front_matter(page)
        return markdown

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        if not self.config.enabled:
            return html
        if self.config.search:
            search.take_tree_sections(page, self.state)
        if self.config.sanitize:
            document = self.state.document_for(page)
            if document is not None:  # the body as rendered, before anything is removed from it
                fail_on(remote_load_problems(document, html), "remote-load")
            html = sanitize(html)
        if self.config.cross_references:
            html = xrefs.page_content(html, page, self.state)
        if self.config.translations:
            html = translations.page_content(html, page, self.state)
        if self.config.phone_tables:
            html = with_column_labels(html)
        return cyrillic.page_content(html, page, self.state, self.config.cyrillic_edition,
                                     english_titles=not self.config.link_titles)

    def on_template_context(self, context: dict, template_name: str, config: Any) -> dict:
        if self.config.enabled and self.config.not_found_pages:
            not_found.template_context(template_name, self.state)
            if self.config.cyrillic_edition and template_name == NOT_FOUND_TEMPLATE:
                cyrillic.add_to_switcher(None, self.state, mark_missing=False)
            if template_name == NOT_FOUND_TEMPLATE:
                pages.hreflang_of_text(self.state)
        return context

    @event_priority(50)
    def on_page_context(self, context: dict, page: Any, config: Any, nav: Any) -> dict:
        if not self.config.enabled:
            return context
        if self.config.search:
            search.collect(page, self.state)
        pages.make_alternates_relative(self.state)
        if self.config.cross_references:
            context = xrefs.page_context(context, page, self.state)
        if self.config.translations:
            context = translations.page_context(context, page, self.state)
        if self.config.cyrillic_edition:
            cyrillic.add_to_switcher(page, self.state, mark_missing=self.config.translations)
        pages.hreflang_of_text(self.state)
        if self.config.offline_save:
            context = offline.page_context(context, page, self.state)
        if self.config.compact_navigation:
            self.state.navigation.show(page)
        if self.config.asset_bundle:
            context["crch_page_scripts"] = assets.scripts_of(page, self.state.assets)
        if self.config.page_metadata:
            context = metadata.page_context(context, page, self.state, self.config.citation, self.config.open_data)
        return context

    @event_priority(-90)
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if not self.config.enabled:
            return output
        if self.config.search:
            upstream.check_search_markup(output, page.file.src_uri)
        if self.config.accessibility:
            output = pages.name_search_dialog(output, page.file.src_uri, self.state)
            output = pages.name_toggles(output, page.file.src_uri, self.state)
        output = cyrillic.page_output(output, page, self.state, self.config.cyrillic_edition, self.config.search)
        if self.config.release_pages:
            templates.release_page(page)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        """404.html, the one page built from a template rather than a Markdown file; sitemap.xml,
        which the project writes itself (scripts/render/sitemap.py)."""
        if not self.config.enabled:
            return output_content
        if self.config.sitemap and template_name == open_data.SITEMAP_TEMPLATE:
            return open_data.without_host_sitemap(output_content, template_name)
        if template_name != NOT_FOUND_TEMPLATE:
            return output_content
        if self.config.accessibility:
            output_content = pages.name_search_dialog(output_content, template_name, self.state)
            output_content = pages.name_toggles(output_content, template_name, self.state)
        if self.config.cyrillic_edition and self.config.not_found_pages:
            cyrillic.write_not_found_twins(output_content, self.state, self.config.search)
        output_content = cyrillic.without_markers(output_content)
        if self.config.not_found_pages:
            output_content = not_found.written(output_content, template_name, self.state)
        return output_content

    def on_post_build(self, config: Any) -> None:
        if not self.config.enabled:
            return
        if self.config.search:
            payload = search.write(self.state)
            if self.config.cyrillic_edition:
                cyrillic.write_search_index(payload, self.state)
        if self.config.cyrillic_edition:
            cyrillic.report(self.state)
        if self.config.open_data or self.config.sitemap:
            open_data.write(self.state, self.config.open_data, self.config.sitemap, self.config.cyrillic_edition)


def _unchanged(value: Any) -> Any:
    """A filter of overrides/main.html when its feature is off (`with_search_worker`: Material's
    own search stays; `without_language_alternates`: the head keeps them)."""
    return value
