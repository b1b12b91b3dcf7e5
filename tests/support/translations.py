"""Tiny docs folders for the translation tests: two documents in three languages, every translation confirmed."""

from __future__ import annotations

from pathlib import Path

from scripts.model.documents import load_corpus
from scripts.model.translations import build_report
from scripts.tools.confirm_translations import confirm_unconfirmed
from tests.support.sites import page, write_docs


def translated(source: str, status: str = "machine", **extra) -> dict:
    return {"translation": {"source": source, "status": status, **extra}}


def two_documents(tmp_path, monkeypatch) -> Path:
    """Two documents, every translation confirmed: `a` written in sq, `b` written in en."""
    monkeypatch.chdir(tmp_path)
    docs_dir = write_docs(tmp_path / "docs", {
        "sq/a.md": page("a", "Faqja A", "Tekst i [B](b.md).\n\n- një\n- dy"),
        "sr/a.md": page("a", "Stranica A", "Tekst [B](b.md).\n\n- jedan\n- dva", **translated("sq")),
        "en/a.md": page("a", "Page A", "Text of [B](b.md).\n\n- one\n- two", **translated("sq", "reviewed")),
        "en/b.md": page("b", "Page B", "## Part\n\nText."),
        "sq/b.md": page("b", "Faqja B", "## Pjesa\n\nTekst.", **translated("en", "reviewed")),
        "sr/b.md": page("b", "Stranica B", "## Deo\n\nTekst.", **translated("en", "reviewed")),
    })
    confirm_unconfirmed(docs_dir)
    return Path("docs")


def states(docs_dir: Path) -> dict[tuple[str, str], str]:
    return {(e.language, e.doc_id): e.state for e in build_report(load_corpus(docs_dir)).entries}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
