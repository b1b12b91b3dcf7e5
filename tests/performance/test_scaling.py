"""No check and no plugin event does work that grows with documents × documents: counted, not timed.

While a check or an event of the project's plugin runs, every attribute read on a `Document` (the project's document model)
and on a MkDocs `File` is counted, per check or event. A step that does a fixed amount of work per
document reads each document a fixed number of times whatever the size of the corpus; an
all-pairs step (every page looking at every document, every document compared with every other)
reads each document once more for each added page. So the reads are counted on the synthetic
corpus at three sizes (every document of it has the same links at any size, and the types come
round in turn), and the reads each added document costs, from the first size to the second and
from the second to the third, are compared: linear work costs the same per added document, an
all-pairs step costs at least one read more per document already there.
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

import jinja2
import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File

from scripts.bench.corpus import generate_corpus
from scripts.bench.setups import write_project_config
from scripts.checks import all as check_all
from scripts.mkdocs_adapter.plugin import ClearingHousePlugin
from scripts.model.documents import Document, load_corpus

SIZES = (15, 30, 45)  # documents per language: three documents of each type or more
SMALL, LARGE = SIZES[0], SIZES[-1]
EXTRA_PAGES = 6  # the corpus's home page and five section pages, per language
ALLOWED_RISE = (SIZES[2] - SIZES[1]) / 4  # in reads per added document; all-pairs adds >= SIZES[2] - SIZES[1]
EDITION = "sr-cyrl"  # the Serbian Cyrillic edition, an HTML twin of each Serbian page
COUNTED = (Document, File)


class WorkCounter:
    """Counts attribute reads on documents and files, under the label of the step running now."""

    def __init__(self) -> None:
        self.label: str | None = None
        self.reads: Counter[tuple[str, str]] = Counter()  # (label, class name) -> reads

    @contextmanager
    def patched(self):
        counter = self
        originals = {cls: cls.__dict__.get("__getattribute__") for cls in COUNTED}

        def counting(cls):
            read = cls.__getattribute__

            def __getattribute__(obj, name):
                if counter.label is not None:
                    counter.reads[(counter.label, cls.__name__)] += 1
                return read(obj, name)

            return __getattribute__

        for cls in COUNTED:
            cls.__getattribute__ = counting(cls)
        try:
            yield self
        finally:
            for cls, original in originals.items():
                if original is None:
                    del cls.__getattribute__
                else:
                    cls.__getattribute__ = original

    @contextmanager
    def running(self, label: str):
        previous, self.label = self.label, label
        try:
            yield
        finally:
            self.label = previous

    def wrap(self, label: str, function):
        @wraps(function)
        def counted(*args, **kwargs):
            with self.running(label):
                return function(*args, **kwargs)

        return counted


# The plugin's events: each is counted on its own.
EVENTS = sorted(name for name in vars(ClearingHousePlugin) if name.startswith("on_"))


def _check_names() -> list[str]:
    return [check.name for check in check_all.CHECKS]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("scaling")
    found = {}
    for size in SIZES:
        generate_corpus(root / f"docs-{size}", size)
        found[size] = root / f"docs-{size}"
    return found


def _content_documents(docs_dir: Path) -> int:
    return len(load_corpus(docs_dir)) - 3 * EXTRA_PAGES


def rise_per_added_document(reads: dict[int, int], documents: dict[int, int]) -> tuple[float, float]:
    """Reads per added document from the first size to the second, and from the second to the third."""
    first, second, third = SIZES
    return tuple(
        (reads[bigger] - reads[smaller]) / (documents[bigger] - documents[smaller])
        for smaller, bigger in ((first, second), (second, third))
    )


@pytest.mark.parametrize("number", range(len(check_all.CHECKS)), ids=_check_names())
def test_no_check_reads_every_document_for_every_document(corpora, number):
    check = check_all.CHECKS[number]
    reads, documents = {}, {}
    for size, docs_dir in corpora.items():
        corpus = load_corpus(docs_dir)
        counter = WorkCounter()
        with counter.patched(), counter.running("check"):
            check.run(corpus)
        reads[size], documents[size] = counter.reads[("check", "Document")], _content_documents(docs_dir)
    before, after = rise_per_added_document(reads, documents)
    assert after - before <= ALLOWED_RISE, (before, after)


class BuildWork:
    """One in-process build of the project's configuration, with every event of its plugin counted."""

    def __init__(self, docs_dir: Path, site_dir: Path):
        self.counter = WorkCounter()
        self.conversions = 0
        self.compiled: Counter[str] = Counter()  # template name -> times Jinja compiled it
        self.site_dir = site_dir
        config_file = write_project_config(site_dir.parent, docs_dir, site_dir)
        config = load_config(config_file=str(config_file))
        for event, methods in config.plugins.events.items():
            for index, method in enumerate(methods):
                if isinstance(getattr(method, "__self__", None), ClearingHousePlugin):
                    methods[index] = self.counter.wrap(f"on_{event}", method)
        original_convert = markdown.Markdown.convert

        def convert(md, text):
            self.conversions += 1
            return original_convert(md, text)

        original_compile = jinja2.Environment.compile

        def compile_template(env, source, name=None, *args, **kwargs):
            self.compiled[name] += 1
            return original_compile(env, source, name, *args, **kwargs)

        with self.counter.patched(), pytest.MonkeyPatch.context() as patch:
            patch.setattr(markdown.Markdown, "convert", convert)
            patch.setattr(jinja2.Environment, "compile", compile_template)
            build(config)
        self.documents = _content_documents(docs_dir)
        self.twins = sum(1 for _ in (site_dir / EDITION).rglob("index.html"))  # written, never rendered
        self.pages = sum(1 for _ in site_dir.rglob("index.html")) - self.twins
        self.serbian_pages = sum(1 for _ in (site_dir / "sr").rglob("index.html"))
        self.edition_work = config.plugins["clearing-house"].state.edition_work



@pytest.fixture(scope="module")
def builds(corpora, tmp_path_factory) -> dict[int, BuildWork]:
    return {size: BuildWork(docs_dir, tmp_path_factory.mktemp(f"build-{size}") / "site")
            for size, docs_dir in corpora.items()}


@pytest.mark.parametrize("event", EVENTS)
@pytest.mark.parametrize("counted", COUNTED, ids=lambda cls: cls.__name__)
def test_no_event_reads_every_document_or_file_for_every_page(builds, event, counted):
    reads = {size: work.counter.reads[(event, counted.__name__)] for size, work in builds.items()}
    documents = {size: work.documents for size, work in builds.items()}
    before, after = rise_per_added_document(reads, documents)
    assert after - before <= ALLOWED_RISE, (f"{counted.__name__} reads per added document", before, after)


def test_markdown_is_converted_once_per_page_and_language(builds):
    """MkDocs converts each page once per language; the cross-reference check renders each document
    version once more (for its anchors) per build, never once per language or per page."""
    for work in builds.values():
        assert work.conversions <= work.pages + work.documents + 3 * EXTRA_PAGES, (work.conversions, work.pages)


def test_templates_are_compiled_once_per_process(builds):
    """Each language is a build of its own (and `mkdocs serve` rebuilds after every save): the theme's
    templates are compiled once and reused (scripts/fast_build.py)."""
    compiled = sum((work.compiled for work in builds.values()), Counter())
    for template in ("main.html", "base.html", "partials/nav.html", "partials/nav-item.html", "partials/toc.html"):
        assert compiled[template] <= 1, (template, compiled[template])


def _navigation_links(page: Path) -> int:
    html = page.read_text(encoding="utf-8")
    primary = html[html.index('md-nav--primary'):html.index('md-sidebar--secondary')]
    return len(re.findall(r'class="md-nav__link', primary))


def test_navigation_in_a_page_does_not_grow_with_the_corpus(builds):
    for page in ("sr/laws/law-0001/index.html", "index.html", "en/guides/index.html"):
        links = {size: _navigation_links(work.site_dir / page) for size, work in builds.items()}
        assert links[SMALL] == links[LARGE], (page, links)
        assert links[SMALL] >= 6, (page, links)  # home and the five sections stay reachable


def test_section_index_pages_list_every_document_of_their_section(builds):
    work = builds[LARGE]
    listing = (work.site_dir / "sr/laws/index.html").read_text(encoding="utf-8")
    laws = LARGE // 5
    assert len(set(re.findall(r'href="law-\d{4}/"', listing))) == laws


def test_the_cyrillic_edition_costs_the_same_per_page_at_every_size(builds):
    """Each Serbian page gets one twin, made in one pass over its HTML (no Markdown, no template: the
    conversions test above counts pages without the twins), and the HTML tokens and characters
    transliterated or scanned per added document stay the same as the corpus grows. An all-pairs
    step (a page listing every document) would add a few hundred tokens per added document for every
    document already there."""
    for work in builds.values():
        assert work.twins == work.serbian_pages > 0
    documents = {size: work.documents for size, work in builds.items()}
    for measure in ("tokens", "characters", "segments"):
        counted = {size: getattr(work.edition_work, measure) for size, work in builds.items()}
        before, after = rise_per_added_document(counted, documents)
        assert before > 0 and after <= before * 1.25, (measure, before, after)
