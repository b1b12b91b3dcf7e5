"""The Serbian Cyrillic edition in a build: an HTML twin of each page of its source language, written
inside that language's build (scripts/cyrillic/DESIGN.md says why, and not as a fourth language of
static-i18n). The editions are `Languages.editions` (mkdocs.yml: `languages: sr-cyrl:
{generated_from: sr, …}` of the clearing-house plugin); the rules are the core's (scripts/cyrillic/).

- on_config: an edition the core cannot generate stops the build; on_pre_build: so does a {lat}
  marker without its {/lat} in a source page (as `make check` reports it);
- on_page_content, every page: the {lat} markers left in the body (from front matter and data
  files in generated fragments) become Latin spans; for the source language, the words the body
  keeps in Latin are noted for the edition's search excerpts;
- on_page_context, every page of every language: the switcher and the hreflang alternates get the
  edition right after its source language, at the same page; every language's name carries its
  own `lang` (and translate="no"), so the twin keeps the other languages' names as they are;
- on_post_page: each page of the source language is written once more, transliterated, at
  `<edition>/<same path>`, with the three links only a twin needs changed (its source language's
  entry, the search worker's language, the canonical address), and checked: the transliteration
  classifies every readable word, and a page where one stayed Latin without a reason is walked
  again to report it (a missed Serbian word stops the build, an unmarked foreign one is logged;
  check.latin_was_left); every page of every language loses the
  markers left in its template parts (title, navigation);
- on_post_build: the edition's search index, from the source language's (search_payload.py);
- on_template_context: the 404 page's site-wide switcher gets the edition too; on_post_template:
  the source language's 404 page gets its twin (sr-cyrl/404.html, links into the edition).
  The twins' sitemap is the project's (scripts/render/sitemap.py, with an address).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from scripts.checks.problems import Problem
from scripts.cyrillic.check import latin_was_left, marker_problems, page_problems
from scripts.cyrillic.edition import EditionError, check_supported, links_into_edition, twin_path, with_own_address
from scripts.cyrillic.html_pages import latin_body, latin_html, transliterate_html
from scripts.cyrillic.search_payload import cyrillic_payload
from scripts.cyrillic.text import Work, transliterate
from scripts.model.languages import Language
from scripts.model.links import relative_file_url, relative_url
from scripts.model.project import display_path
from scripts.model.translations import MISSING, report_for
from scripts.render.feed import feed_path
from scripts.render.markup import language_name
from scripts.render.notices import untranslated_name
from scripts.search import index_files
from scripts.site.not_found import TEMPLATE as NOT_FOUND_TEMPLATE
from scripts.site.not_found import not_found_path
from scripts.site.not_found import write_page as write_not_found_page
from scripts.site.service_worker import control_for_edition

from scripts.mkdocs_adapter import upstream
from scripts.mkdocs_adapter.state import BuildState, document_path, fail_on

log = logging.getLogger("mkdocs.plugins.clearing_house")


def check_editions(state: BuildState) -> None:
    languages = state.settings.languages
    for edition in languages.editions:
        try:
            check_supported(edition, languages[edition.generated_from])
        except EditionError as error:
            raise PluginError(f"{state.config.config_file_path}: {error}") from None


def problems(state: BuildState) -> list[Problem]:
    """The editor's markers in each edition's source pages (as `make check` finds them)."""
    return [problem for edition in state.settings.languages.editions
            for problem in marker_problems(state.corpus, edition.generated_from)]


def _editions_of_current(state: BuildState) -> tuple[Language, ...]:
    """The editions made from the language being built. None when that language is the site's root
    (a one-language build, `make serve LANG=sr`): a twin one folder deeper would break its links."""
    languages = state.settings.languages
    current = upstream.current_language(state.config)
    return languages.editions_of(current) if languages[current].prefix else ()


def page_content(html: str, page: Any, state: BuildState, edition: bool, english_titles: bool) -> str:
    """The body without text markers (whether or not the edition is built: they are content syntax);
    for a source language, the words it keeps in Latin noted. `english_titles`: the link titles
    are Python-Markdown's English ones (the plugin's link_titles off), marked as English so that
    the twin does not spell them in Cyrillic letters."""
    if english_titles and not upstream.current_language(state.config).startswith("en"):
        html = upstream.with_english_default_titles_marked(html)
    if not (edition and _editions_of_current(state)):
        return latin_html(html)
    html, kept = latin_body(html, state.edition_work)
    if kept:
        state.kept_latin[page.url] = kept
    return html


def add_to_switcher(page: Any | None, state: BuildState, mark_missing: bool) -> None:
    """Name every language of the switcher in its own `lang`, and put each edition after its source
    language, pointing at the same page (its name marked "(not translated)" as its source's is).
    `page` None: the site-wide switcher of the 404 page (links from the site root, '/sr/')."""
    languages = state.settings.languages
    alternates = upstream.page_alternates(state.config)
    document = state.document_for(page) if page is not None else None
    for alternate in list(alternates):
        code = alternate["lang"]
        if code not in languages:
            continue
        alternate["name"] = language_name(languages[code], alternate["name"])
        site_root = state.settings.address.path  # '/crch/' for a site in a sub-folder, else '/'
        root = site_root if alternate["link"].startswith(site_root) else "/" if alternate["link"].startswith("/") else ""
        for offset, edition in enumerate(languages.editions_of(code), 1):
            link = root + (twin_path(alternate["link"][len(root):], languages[code], edition) or edition.prefix)
            name: Any = edition.name
            entry = report_for(state.corpus).entry(code, document.id) if mark_missing and document else None
            if entry is not None and entry.state == MISSING:
                reader = state.reader_for(page)
                name = Markup(transliterate_html(str(untranslated_name(edition.name, code, reader))))
            alternates.insert(alternates.index(alternate) + offset,
                              {"name": language_name(edition, name), "link": link, "lang": edition.html_lang})


def page_output(output: str, page: Any, state: BuildState, edition: bool, search: bool) -> str:
    """The page as published, without text markers; with the edition on, each edition's twin of a
    page of its source language is written first."""
    if edition:
        write_twins(output, page, state, search)
    return latin_html(output)


def _twin(output: str, source: Language, edition: Language, state: BuildState, search: bool,
          where: str, dest: str, document: str) -> str:
    """The edition's twin of a finished page of its source language, checked: transliterated,
    searching the edition's index, its "Save for offline reading" saving the edition. A missed
    Serbian word stops the build; an unmarked foreign one is counted and logged."""
    work = Work()
    twin = transliterate_html(output, work)
    state.edition_work.add(work)
    if search:
        twin = upstream.with_search_language(twin, source.code, edition.code, where)
    twin = control_for_edition(twin, edition.code, transliterate)
    if latin_was_left(work):  # the pass classified every word; say which, where and why
        problems = page_problems(twin, dest, document)
        fail_on(problems, "Cyrillic edition")
        state.edition_warnings += len(problems)
    return twin


def write_twins(output: str, page: Any, state: BuildState, search: bool) -> None:
    """Write each edition's twin of a page of its source language (none for other languages)."""
    config = state.config
    languages = state.settings.languages
    for edition in _editions_of_current(state):
        source = languages[edition.generated_from]
        dest = twin_path(page.file.dest_uri, source, edition)
        url = twin_path(page.url, source, edition)
        if dest is None or url is None:
            raise upstream.changed(f"the Serbian Cyrillic edition: {page.file.dest_uri} is not under {source.prefix}")
        twin = _twin(output, source, edition, state, search, page.file.src_uri, dest,
                     display_path(Path(config.docs_dir) / document_path(page)))
        twin = upstream.point_self_alternates(twin, source.html_lang, relative_url(url, page.url), page.file.src_uri,
                                              expected=bool(upstream.page_alternates(config)))
        address = state.settings.address
        if page.canonical_url and page.canonical_url == address.url(page.url):
            # only with a site_url; a page served in place of a missing translation keeps its original's
            twin = upstream.with_canonical(twin, page.canonical_url, address.url(url), page.file.src_uri)
            twin = with_own_address(twin, page.canonical_url, address.url(url))
        # The head's feed link (with an address) is relative, so it leads to the edition's own feed;
        # the Data page's downloads table still links the source language's feed, whose size it gives
        # (its table of the other languages links the edition's)
        feed = feed_path(state.corpus, source.code)
        twin = twin.replace(f'<a href="{relative_file_url(page.url, feed)}"', f'<a href="{relative_file_url(url, feed)}"')
        target = Path(config.site_dir) / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(twin, encoding="utf-8")
        state.edition_pages += 1


def write_not_found_twins(output: str, state: BuildState, search: bool) -> None:
    """Each edition's own 404 page (sr-cyrl/404.html), from its source language's: its links from
    the site root lead into the edition, but the switcher's entry for the source language."""
    languages = state.settings.languages
    for edition in _editions_of_current(state):
        source = languages[edition.generated_from]
        where = f"{source.prefix}{NOT_FOUND_TEMPLATE}"
        twin = _twin(output, source, edition, state, search, where, not_found_path(edition), where)
        root = state.settings.address.path  # '/' without an address
        source_entry = upstream.SELF_ALTERNATES[0].format(link=f"{root}{source.prefix}", lang=source.html_lang)
        if source_entry not in twin:
            raise upstream.changed(f"Material's language links in {where} (expected one {source_entry})")
        write_not_found_page(state.config["site_dir"], edition, links_into_edition(twin, source, edition, source_entry, root))


def write_search_index(payload: dict[str, Any], state: BuildState) -> None:
    """Each edition's index, from the payload of its source language's index just written."""
    languages = state.settings.languages
    site_dir = state.config["site_dir"]
    for edition in _editions_of_current(state):
        source = languages[edition.generated_from]
        derived = cyrillic_payload(payload, source.prefix, edition.prefix, state.kept_latin, state.edition_work)
        index_files.write_index_files(site_dir, edition.code, derived)


def report(state: BuildState) -> None:
    """What the edition cost, counted, once its source language is built."""
    if _editions_of_current(state) and state.edition_pages:
        work = state.edition_work
        log.info(f"Cyrillic edition: {state.edition_pages} pages, {work.characters} characters and {work.tokens} "
                 f"HTML tokens transliterated or scanned, {state.edition_warnings} warning(s)")


def without_markers(output: str) -> str:
    """A page rendered from a template (404.html) without the markers its template parts (the
    navigation's titles) bring."""
    return latin_html(output)
