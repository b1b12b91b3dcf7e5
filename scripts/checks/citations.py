"""Citation check: every `[^id]` of a page body names a source of its front matter (or a footnote
the body defines itself). The build stops on the same problems."""

from __future__ import annotations

from scripts.checks.problems import Problem
from scripts.checks.registry import check
from scripts.model.citations import find_citations, footnotes_defined
from scripts.model.documents import Corpus, Document

CHECK = "citations"


def citation_problems(doc: Document) -> list[Problem]:
    """A `[^id]` that names neither a source of the page nor a footnote the body defines."""
    known = set(doc.cited_sources) | footnotes_defined(doc.body)
    problems = []
    for line, source_id in find_citations(doc.body, doc.body_line):
        if source_id not in known:
            ids = ", ".join(sorted(doc.cited_sources)) or "none yet"
            problems.append(Problem(doc.display_path, line, f"citation [^{source_id}] names no source of this page: "
                                    f"add 'id: {source_id}' to one of its 'sources' (ids: {ids})", check=CHECK))
    return problems


@check("citations",
       bad="sources: [{id: gazette, title: Official Gazette}]\n…\nIn force since 2008 [^gazete].",
       good="sources: [{id: gazette, title: Official Gazette}]\n…\nIn force since 2008 [^gazette].")
def page_citations(corpus: Corpus) -> list[Problem]:
    """A citation `[^id]` that names no source of its page."""
    return [problem for doc in corpus for problem in citation_problems(doc)]
