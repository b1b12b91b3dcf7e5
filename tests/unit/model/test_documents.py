"""The document model and its schema check: valid pages load, each broken case names file, line, fix."""

from __future__ import annotations

import json

import pytest

from scripts.model import schema
from scripts.model.documents import load_corpus
from scripts.model.schema import check_schema
from tests.support.project import run_checks
from tests.support.sites import page, write_docs

VALID_ACT = """\
---
id: regulation-02-2010
type: regulation
title: Regulation 02/2010
summary: How municipal offices for communities work.
last_reviewed: 2026-11-24
number: "02/2010"
issuer: Government
date_adopted: unknown
status: in-force
sources:
  - title: Official Gazette
    url: https://example.org/act
relations:
  related: [home]
---

# Regulation 02/2010
"""


def messages(problems):
    return [str(p) for p in problems]


def schema_of(tmp_path, monkeypatch, files):
    monkeypatch.chdir(tmp_path)
    write_docs(tmp_path / "docs", files)
    return messages(check_schema(load_corpus(tmp_path / "docs")))


def test_valid_pages_load_with_language_path_and_key_lines(tmp_path):
    write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Ballina"), "sr/acts/reg.md": VALID_ACT})
    corpus = load_corpus(tmp_path / "docs")
    assert check_schema(corpus) == []
    act = corpus.get("sr", "regulation-02-2010")
    assert (act.language, act.rel_path, act.type, act.meta["number"]) == ("sr", "acts/reg.md", "regulation", "02/2010")
    assert act.line_of("number") == 7
    assert act.body_line == 17
    assert act.body.strip() == "# Regulation 02/2010"
    assert act.site_path == "sr/acts/reg/"
    assert corpus.get("sq", "home").site_path == ""
    assert corpus.versions("home").keys() == {"sq"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# no front matter\n", "docs/sq/x.md:1: no front matter: start the file with a '---' line"),
        ("---\nid: x\ntitle: [unclosed\n---\n", "docs/sq/x.md:4: front matter is not valid YAML"),
        ("---\n- a list\n---\n", "docs/sq/x.md:2: front matter must be a mapping of 'key: value' lines"),
    ],
)
def test_unreadable_front_matter(tmp_path, monkeypatch, text, expected):
    found = schema_of(tmp_path, monkeypatch, {"sq/x.md": text})
    assert len(found) == 1 and found[0].startswith(expected), found


def test_missing_id(tmp_path, monkeypatch):
    text = page("x", "X").replace("id: x\n", "")
    assert schema_of(tmp_path, monkeypatch, {"sq/x.md": text}) == [
        "docs/sq/x.md:1: 'id' is missing: add 'id:' to the front matter"
    ]


def test_bad_id(tmp_path, monkeypatch):
    assert schema_of(tmp_path, monkeypatch, {"sq/x.md": page("Not_Kebab", "X")}) == [
        "docs/sq/x.md:2: 'id' must be kebab-case like 'regulation-02-2010' (got 'Not_Kebab')"
    ]


def test_bad_date_names_the_line(tmp_path, monkeypatch):
    text = VALID_ACT.replace("date_adopted: unknown", "date_adopted: 31.03.2010")
    assert schema_of(tmp_path, monkeypatch, {"sr/x.md": text}) == [
        "docs/sr/x.md:9: 'date_adopted' must be a date like 2010-03-31 or 'unknown' (got '31.03.2010')"
    ]


def test_unknown_type(tmp_path, monkeypatch):
    found = schema_of(tmp_path, monkeypatch, {"en/x.md": page("x", "X", type="statute")})
    assert found == [
        "docs/en/x.md:3: 'type' must be one of "
        + ", ".join(schema.DOCUMENT_TYPES)
        + " (got 'statute')"
    ]


def test_duplicate_id_within_a_language(tmp_path, monkeypatch):
    found = schema_of(tmp_path, monkeypatch, {"sq/a.md": page("same", "A"), "sq/b.md": page("same", "B"),
                                              "sr/a.md": page("same", "A")})
    assert found == [
        "docs/sq/b.md:2: duplicate id 'same': also used by docs/sq/a.md:2; give each document its own id"
    ]


def test_act_needs_its_metadata(tmp_path, monkeypatch):
    text = page("law-x", "Law X", type="law")
    assert schema_of(tmp_path, monkeypatch, {"en/law.md": text}) == [
        "docs/en/law.md:1: a law needs 'number' (e.g. '02/2010', '03/L-047')",
        "docs/en/law.md:1: a law needs 'issuer'",
        "docs/en/law.md:1: a law needs 'status'",
        "docs/en/law.md:1: a law needs 'sources'",
        "docs/en/law.md:1: a law needs 'date_adopted' and/or 'date_published' (a date, or 'unknown')",
    ]


def test_translation_block(tmp_path, monkeypatch):
    text = page("x", "X", translation={"source": "sr", "status": "auto"})
    assert schema_of(tmp_path, monkeypatch, {"sr/x.md": text}) == [
        "docs/sr/x.md:7: 'translation.source' must be one of sq, en (got 'sr')",
        "docs/sr/x.md:7: 'translation.status' must be one of machine, reviewed (got 'auto')",
    ]


def test_page_outside_language_folder(tmp_path, monkeypatch):
    assert schema_of(tmp_path, monkeypatch, {"stray.md": page("x", "X")}) == [
        "docs/stray.md:1: page outside a language folder: move it under docs/sq/ (or sr/, en/)"
    ]


def test_command_line_prints_problems_and_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_docs(tmp_path / "docs", {"sq/x.md": page("Bad", "X")})
    assert run_checks("--select", "schema", "--docs-dir", "docs") == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "docs/sq/x.md:2: 'id' must be kebab-case like 'regulation-02-2010' (got 'Bad')",
        "1 error, 0 warnings",
    ]
    assert run_checks("--select", "schema", "--docs-dir", "docs", "--format", "json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["problems"][0]["line"] == 2


def test_clean_docs_exit_0(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Ballina")})
    assert run_checks("--select", "schema", "--docs-dir", "docs") == 0
    assert capsys.readouterr().out.strip() == "no problems"


def test_real_docs_follow_the_schema(capsys):
    assert run_checks("--select", "schema") == 0, capsys.readouterr().out


def test_unverified_lists_only_fields_the_page_has(tmp_path, monkeypatch):
    ok = VALID_ACT.replace("status: in-force", "status: in-force\nunverified: [issuer]")
    bad = VALID_ACT.replace("status: in-force", "status: in-force\nunverified: [date_published]")
    assert schema_of(tmp_path, monkeypatch, {"sq/ok.md": ok, "sr/bad.md": bad}) == [
        "docs/sr/bad.md:11: 'unverified' must list fields of this page that no source confirms, from: "
        "number, issuer, date_adopted, date_published, date_in_force, date_expires, status"
    ]


def test_an_unknown_field_suggests_the_known_one(tmp_path, monkeypatch):
    text = VALID_ACT.replace("status: in-force", "status: in-force\nunverifed: [issuer]")
    assert schema_of(tmp_path, monkeypatch, {"sq/x.md": text}) == [
        "docs/sq/x.md:11: unknown field 'unverifed' (did you mean 'unverified'?): correct its name or remove it "
        f"(fields: {', '.join(schema.FIELDS)})"
    ]


def test_unknown_fields_inside_translation_and_sources(tmp_path, monkeypatch):
    text = VALID_ACT.replace("    url: https://example.org/act", "    url: https://example.org/act\n    nte: secondary")
    translated = page("x", "X", translation={"source": "sq", "status": "machine", "sorce_hash": "ab"})
    assert schema_of(tmp_path, monkeypatch, {"sq/x.md": text, "sr/y.md": translated}) == [
        "docs/sq/x.md:14: unknown field 'sources.0.nte' (did you mean 'note'?): correct its name or remove it "
        "(fields: id, title, url, note, lang)",
        "docs/sr/y.md:10: unknown field 'translation.sorce_hash' (did you mean 'source_hash'?): correct its name or "
        "remove it (fields: source, status, source_hash)",
    ]


def test_a_bad_relation_is_reported_on_its_own_line(tmp_path, monkeypatch):
    text = VALID_ACT.replace("relations:\n  related: [home]\n", "relations:\n  related: [home]\n  amends: Regulation 01\n  repeals: [x]\n")
    found = schema_of(tmp_path, monkeypatch, {"sr/acts/reg.md": text})
    assert found == [
        "docs/sr/acts/reg.md:16: 'amends' must be a list of document IDs like [regulation-02-2010]",
        "docs/sr/acts/reg.md:17: unknown relation 'repeals' (did you mean 'replaces'?): use one of based_on, implements, amends, amended_by, "
        "replaces, replaced_by, related",
    ]


def test_a_documents_links_are_found_once_with_their_lines_in_the_file(tmp_path):
    from scripts.model.links import document_links, find_links

    body = "Intro [law](id:law-x#art-1).\n\n```\n[not](a-link.md)\n```\n\nSee [guide](../guides/g.md).\n"
    write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Ballina", body)})
    doc = load_corpus(tmp_path / "docs").get("sq", "home")
    links = document_links(doc)
    assert links == find_links(doc.body, doc.body_line)
    assert [link.target for link in links] == ["id:law-x#art-1", "../guides/g.md"]
    assert all(link.line == doc.body_line + doc.body[: link.start].count("\n") for link in links)
    assert doc.link_destinations is doc.link_destinations  # scanned once
