"""No check and no hook does work that grows with documents × documents: counted, not timed.

While a check or a hook runs, every attribute read on a `Document` (the project's document model)
and on a MkDocs `File` is counted, per check or hook. A step that does a fixed amount of work per
document reads each document a fixed number of times whatever the size of the corpus; an
all-pairs step (every page looking at every document, every document compared with every other)
reads each document once more for each added page. So the reads per document are counted on the
synthetic corpus at SMALL and at LARGE documents per language (every document of that corpus has
the same number of links at any size; its home and section pages are not counted as documents, so
their fixed work only makes the figure fall), and may grow by at most a quarter of the added
documents per language (an all-pairs step adds at least one read per added page).
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File

from scripts import check_all
from scripts.corpus import generate_corpus
from scripts.documents import Document, load_corpus
from scripts.site_configs import project_config, write_project_config
from tests.sites import ROOT

SMALL, LARGE = 10, 40
EXTRA_PAGES = 6  # the corpus's home page and five section pages, per language
ALLOWED_GROWTH = (LARGE - SMALL) / 4  # reads per document; an all-pairs step adds >= LARGE - SMALL
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


def _hook_names() -> list[str]:
    return [Path(hook).stem for hook in project_config().get("hooks", [])]


def _check_names() -> list[str]:
    return [getattr(check, "__name__", "check") + f"[{number}]" for number, check in enumerate(check_all.CHECKS)]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("scaling")
    found = {}
    for size in (SMALL, LARGE):
        generate_corpus(root / f"docs-{size}", size)
        found[size] = root / f"docs-{size}"
    return found


def _content_documents(docs_dir: Path) -> int:
    return len(load_corpus(docs_dir)) - 3 * EXTRA_PAGES


def _per_document(reads: Counter, label: str, cls: type, documents: int) -> float:
    return reads[(label, cls.__name__)] / documents


@pytest.mark.parametrize("number", range(len(check_all.CHECKS)), ids=_check_names())
def test_no_check_reads_every_document_for_every_document(corpora, number):
    check = check_all.CHECKS[number]
    per_document = {}
    for size, docs_dir in corpora.items():
        corpus = load_corpus(docs_dir)
        counter = WorkCounter()
        with counter.patched(), counter.running("check"):
            check(corpus)
        per_document[size] = _per_document(counter.reads, "check", Document, _content_documents(docs_dir))
    assert per_document[LARGE] - per_document[SMALL] <= ALLOWED_GROWTH, per_document


class BuildWork:
    """One in-process build of the project's configuration, with every hook event counted."""

    def __init__(self, docs_dir: Path, site_dir: Path):
        self.counter = WorkCounter()
        self.conversions = 0
        self.site_dir = site_dir
        config_file = write_project_config(site_dir.parent, docs_dir, site_dir)
        config = load_config(config_file=str(config_file))
        hooks_dir = str(ROOT / "overrides" / "hooks")
        for event, methods in config.plugins.events.items():
            for index, method in enumerate(methods):
                source = getattr(method, "__globals__", {}).get("__file__", "")
                if source.startswith(hooks_dir):
                    methods[index] = self.counter.wrap(Path(source).stem, method)
        original_convert = markdown.Markdown.convert

        def convert(md, text):
            self.conversions += 1
            return original_convert(md, text)

        with self.counter.patched(), pytest.MonkeyPatch.context() as patch:
            patch.setattr(markdown.Markdown, "convert", convert)
            build(config)
        self.documents = _content_documents(docs_dir)
        self.pages = sum(1 for _ in site_dir.rglob("index.html"))

    def per_document(self, hook: str) -> float:
        return _per_document(self.counter.reads, hook, Document, self.documents)

    def per_file(self, hook: str) -> float:
        return _per_document(self.counter.reads, hook, File, self.documents)


@pytest.fixture(scope="module")
def builds(corpora, tmp_path_factory) -> dict[int, BuildWork]:
    return {size: BuildWork(docs_dir, tmp_path_factory.mktemp(f"build-{size}") / "site")
            for size, docs_dir in corpora.items()}


@pytest.mark.parametrize("hook", _hook_names())
def test_no_hook_reads_every_document_or_file_for_every_page(builds, hook):
    small, large = builds[SMALL], builds[LARGE]
    documents = {size: work.per_document(hook) for size, work in builds.items()}
    files = {size: work.per_file(hook) for size, work in builds.items()}
    assert documents[LARGE] - documents[SMALL] <= ALLOWED_GROWTH, ("document reads per document", documents)
    assert files[LARGE] - files[SMALL] <= ALLOWED_GROWTH, ("file reads per document", files)
    assert small.pages < large.pages


def test_markdown_is_converted_once_per_page_and_language(builds):
    """MkDocs converts each page once per language; the cross-reference check renders each document
    version once more (for its anchors) per build, never once per language or per page."""
    for work in builds.values():
        assert work.conversions <= work.pages + work.documents + 3 * EXTRA_PAGES, (work.conversions, work.pages)


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
