"""Confirming translations (`python -m scripts.tools.confirm_translations`): one line of the page changes."""

from __future__ import annotations

import pytest

from scripts.model.documents import load_corpus
from scripts.model.translations import source_hash
from scripts.tools import confirm_translations
from scripts.tools.confirm_translations import with_source_hash
from tests.support.translations import edit, states


def confirm(*args: str) -> int:
    return confirm_translations.main(["--docs-dir", "docs", *args])




def test_confirm_makes_a_stale_translation_current_and_changes_one_line(docs, capsys):
    edit(docs / "en" / "b.md", "Text.", "Text, longer now.")
    page_file = docs / "sr" / "b.md"
    before = page_file.read_text(encoding="utf-8").split("\n")
    code = confirm("docs/sr/b.md")
    out = capsys.readouterr().out
    new_hash = source_hash(load_corpus(docs).get("en", "b"))
    assert code == 0
    assert out == (f"docs/sr/b.md: confirmed against docs/en/b.md (source_hash {new_hash})\n"
                   "1 page(s) updated, 0 refused\n")
    after = page_file.read_text(encoding="utf-8").split("\n")
    changed = [(old, new) for old, new in zip(before, after) if old != new]
    assert len(before) == len(after) and len(changed) == 1
    assert changed[0][1] == f'  source_hash: "{new_hash}"'
    assert states(docs)[("sr", "b")] == "ok"
    assert states(docs)[("sq", "b")] == "stale"  # only the named page was confirmed


def test_confirm_refuses_an_original_and_an_unknown_path(docs, capsys):
    code = confirm("docs/sq/a.md", "docs/sr/nope.md")
    out = capsys.readouterr().out
    assert code == 1
    assert out == (
        "not confirmed: docs/sq/a.md is an original (no 'translation' block): nothing to confirm\n"
        "not confirmed: docs/sr/nope.md: not a page of docs (give the path of a translated page)\n"
        "0 page(s) updated, 2 refused\n"
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_confirm_edits_block_style_in_place(newline):
    text = newline.join([
        "---", "id: a", "translation:", "    source: sq  # written in Albanian", "    status: machine",
        "tags: [education]", "---", "", "# A", "",
    ])
    expected = text.replace(f"    status: machine{newline}", f'    status: machine{newline}    source_hash: "00ff"{newline}')
    assert with_source_hash(text, "00ff") == expected
    assert with_source_hash(expected, "1234") == expected.replace('"00ff"', '"1234"')


def test_confirm_fills_an_empty_hash():
    assert with_source_hash("---\ntranslation:\n  source: sq\n  source_hash:\n---\n", "ab") == (
        '---\ntranslation:\n  source: sq\n  source_hash: "ab"\n---\n')
    assert with_source_hash("---\ntranslation: {source: sq, source_hash: }\n---\n", "ab") == (
        '---\ntranslation: {source: sq, source_hash: "ab"}\n---\n')


def test_confirm_edits_flow_style_in_place():
    text = "---\nid: a\ntranslation: { source: sq, status: machine }   # keep\n---\nbody\n"
    assert with_source_hash(text, "ab12") == (
        '---\nid: a\ntranslation: { source: sq, status: machine, source_hash: "ab12" }   # keep\n---\nbody\n'
    )


def test_confirm_all_records_missing_hashes_but_leaves_stale_pages(docs, capsys):
    edit(docs / "sr" / "b.md", "  source_hash: ", "  old_hash: ")
    edit(docs / "sq" / "a.md", "Tekst", "Tekst i ri")
    code = confirm("--all")
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("docs/sr/b.md: confirmed against docs/en/b.md")
    assert out.endswith("1 page(s) updated, 0 refused\n")
    found = states(docs)
    assert found[("sr", "b")] == "ok"
    assert found[("sr", "a")] == found[("en", "a")] == "stale"


