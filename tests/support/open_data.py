"""A small docs folder for the open-data tests: an act in two languages (reviewed translation), a
regulation based on it in one, a home page with machine translations, an English-only page with a
hostile title, and the project's data files (its contacts.yml among them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scripts.model.documents import Corpus, load_corpus
from scripts.tools.confirm_translations import confirm_unconfirmed
from tests.support.project import SETTINGS
from tests.support.sites import page, write_data_files, write_docs
from tests.support.translations import translated

HOSTILE = "Only </script> & <b>English</b>"
LAW = {"type": "law", "number": "03/L-047", "issuer": "Assembly", "date_adopted": dt.date(2008, 3, 13),
       "date_in_force": "unknown", "status": "in-force", "tags": ["participation"], "communities": ["all"],
       "unverified": ["issuer"], "sources": [{"title": "Gazette", "url": "https://example.org/act?a=1&b=2"},
                                             {"title": "Report", "note": "secondary"}]}


def small_docs(docs_dir: Path) -> Corpus:
    """Write the docs folder (its translations confirmed) and load it."""
    write_docs(docs_dir, {
        "sq/index.md": page("home", "Ballina", "[Ligji](id:law-a)", last_reviewed=dt.date(2026, 11, 20)),
        "sr/index.md": page("home", "Početna", "[Zakon](id:law-a)", **translated("sq"), last_reviewed=dt.date(2026, 11, 30)),
        "en/index.md": page("home", "Home", "[Law](id:law-a)", **translated("sq")),
        "sq/acts/law-a.md": page("law-a", "Ligji A", "Tekst.", **LAW),
        "en/acts/law-a.md": page("law-a", "Law A", "Text.", **LAW, **translated("sq", "reviewed")),
        "sq/acts/reg-b.md": page("reg-b", "Rregullorja B", "Sipas [ligjit](id:law-a).", type="regulation", number="02/2010",
                                 issuer="Qeveria", date_adopted="unknown", status="unknown", sources=[{"title": "Gazeta"}],
                                 relations={"based_on": ["law-a"], "related": ["home"]}),
        "en/only.md": page("only-en", HOSTILE, "Back [home](id:home)."),
    })
    write_data_files(docs_dir)
    confirm_unconfirmed(docs_dir)
    return load_corpus(docs_dir, SETTINGS.languages)
