"""The real docs replicated for the build benchmark: valid for the project's checks, copies that
keep to their own set, and a plain copy with neither `id:` links nor the project's markers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.bench.real_corpus import SOURCE_DOCS, copy_sets, replicate_docs, replicated_ids
from scripts.checks.all import check_everything
from scripts.checks.problems import errors
from scripts.model.contact_markers import MARKER as CONTACT_MARKER
from scripts.model.directory import MARKER as DIRECTORY_MARKER
from scripts.model.documents import load_corpus
from scripts.model.glossary import MARKER as GLOSSARY_MARKER
from scripts.model.links import ID_HREF, find_links
from scripts.model.markdown_scan import prose_lines
from scripts.model.relations import written_relations
from scripts.model.translations import report_for
from scripts.render.listings import MARKER as LISTING_MARKER
from scripts.render.status_page import STATUS_MARKER
from tests.support.project import LANGUAGES

REAL = load_corpus(SOURCE_DOCS)
SINGLE = len(REAL.ids()) - len(replicated_ids(REAL))
TWO_SETS = SINGLE + 2 * len(replicated_ids(REAL))  # documents per language with one copy set


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> tuple[Path, Path]:
    """(the project's copy, the plain set-up's copy) of the real docs with one copy set."""
    folder = tmp_path_factory.mktemp("real-corpus")
    assert replicate_docs(folder / "project", TWO_SETS) == TWO_SETS
    assert replicate_docs(folder / "plain", TWO_SETS, id_links=False) == TWO_SETS
    return folder / "project", folder / "plain"


def _files(docs_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(docs_dir).as_posix(): p.read_bytes() for p in sorted(docs_dir.rglob("*")) if p.is_file()}


def test_copy_sets_come_to_about_the_size_asked_for():
    replicated = len(replicated_ids(REAL))
    assert copy_sets(REAL, 1) == copy_sets(REAL, len(REAL.ids())) == 1  # at or below the real size: docs/ as it is
    assert copy_sets(REAL, 300) == round((300 - SINGLE) / replicated)
    assert abs(SINGLE + copy_sets(REAL, 300) * replicated - 300) <= replicated / 2


def test_replicated_docs_pass_the_projects_checks(corpora):
    project, _ = corpora
    assert errors(check_everything(project)) == []


def test_every_language_has_the_documents_with_new_unique_ids(corpora):
    project, _ = corpora
    corpus = load_corpus(project)
    assert len(corpus.ids()) == TWO_SETS
    for language in LANGUAGES:
        docs = corpus.in_language(language)
        assert len({doc.id for doc in docs}) == len(docs) == len(REAL.in_language(language)) + len(replicated_ids(REAL))
    copy = corpus.get("sr", "regulation-02-2010-copy-2")
    assert copy.rel_path == "acts/regulation-02-2010-copy-2.md"
    assert copy.title == REAL.get("sr", "regulation-02-2010").title
    assert corpus.get("sq", "home-copy-2") is None and corpus.get("sq", "acts-copy-2") is None  # the site's own pages: once


def test_a_copy_links_and_relates_within_its_own_set(corpora):
    project, _ = corpora
    corpus = load_corpus(project)
    copy = corpus.get("en", "regulation-02-2010-copy-2")
    targets = [relation.target for relation in written_relations(copy)]
    assert targets and all(target.endswith("-copy-2") for target in targets)
    id_links = [link.path for link in find_links(copy.body) if link.is_id]
    replicated = set(replicated_ids(REAL))
    assert id_links and all(path.endswith("-copy-2") for path in id_links if path.removesuffix("-copy-2") in replicated)
    assert all(path in REAL.ids() for path in id_links if not path.endswith("-copy-2"))  # the single pages, as written
    assert CONTACT_MARKER.search(corpus.get("en", "ombudsperson-copy-2").body)  # the original body's contacts


def test_translations_of_a_copy_are_in_the_state_of_the_originals(corpora):
    project, _ = corpora
    states = {(entry.language, entry.doc_id): entry.state for entry in report_for(load_corpus(project)).entries}
    real = {(entry.language, entry.doc_id): entry.state for entry in report_for(REAL).entries}
    for doc_id in replicated_ids(REAL):
        for language in LANGUAGES:
            assert states[(language, f"{doc_id}-copy-2")] == real[(language, doc_id)], (language, doc_id)


def test_the_same_docs_give_the_same_bytes(corpora, tmp_path):
    project, _ = corpora
    replicate_docs(tmp_path / "again", TWO_SETS)
    assert _files(tmp_path / "again") == _files(project)


def test_plain_copy_has_no_id_links_and_no_markers_but_the_same_pages(corpora):
    project, plain = corpora
    markers = (LISTING_MARKER, CONTACT_MARKER, *(re.compile(re.escape(m)) for m in (DIRECTORY_MARKER, GLOSSARY_MARKER, STATUS_MARKER)))
    pages = load_corpus(plain)
    assert {(doc.language, doc.rel_path) for doc in pages} == {(doc.language, doc.rel_path) for doc in load_corpus(project)}
    for doc in pages:
        assert not [link for link in find_links(doc.body) if link.is_id], doc.display_path
        assert not ID_HREF.search(doc.body), doc.display_path
        prose = "\n".join(line.prose for line in prose_lines(doc.body))  # a marker shown in code is text
        assert not [m.pattern for m in markers if m.search(prose)], doc.display_path
    guides = pages.get("en", "guides").body
    assert 'href="discrimination-complaints-copy-2/"' in guides and 'href="discrimination-complaints/"' in guides
    assert "tel:" in pages.get("en", "ombudsperson").body  # the contact blocks, written out
    link = "(../acts/law-03-l-040-local-self-government-copy-2.md#communities-committee)"
    assert link in pages.get("en", "guide-local-participation-copy-2").body
