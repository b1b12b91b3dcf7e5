"""Translation state and its command line, on tiny docs folders (no builds)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from scripts.checks import translations as check_translations

from scripts.tools import new_document
from scripts.checks.all import check_everything
from scripts.model.documents import check_schema, load_corpus
from scripts.tools.confirm_translations import confirm_unconfirmed, with_source_hash
from scripts.model.translations import build_report, source_hash, structure
from scripts.model.strings import STRINGS_DIR, check_ui_strings
from tests.support.sites import page, write_docs


def translated(source: str, status: str = "machine", **extra) -> dict:
    return {"translation": {"source": source, "status": status, **extra}}


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
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


def run(capsys, *args: str) -> tuple[int, str]:
    code = check_translations.main(["--docs-dir", "docs", *args])
    return code, capsys.readouterr().out


def states(docs_dir: Path) -> dict[tuple[str, str], str]:
    return {(e.language, e.doc_id): e.state for e in build_report(load_corpus(docs_dir)).entries}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# --------------------------------------------------------------------------- states


def test_a_confirmed_corpus_is_in_step(docs, capsys):
    assert states(docs) == {
        ("sq", "a"): "original", ("sr", "a"): "unreviewed", ("en", "a"): "ok",
        ("sq", "b"): "ok", ("sr", "b"): "ok", ("en", "b"): "original",
    }
    code, out = run(capsys)
    assert code == 0
    assert "sr Srpski           2      100.0%     50.0%         0   1           1            0      0        0       0" in out
    assert "To do in sr (Srpski): 1\ndocs/sr/a.md:7: unreviewed: machine translation of docs/sq/a.md; " \
           "have a person review it, then set 'status: reviewed'" in out
    assert "To do in sq (Shqip): nothing" in out
    assert out.rstrip().endswith("Problems:\nno problems")


def test_deleting_a_translation_makes_it_missing(docs, capsys):
    (docs / "sr" / "b.md").unlink()
    assert states(docs)[("sr", "b")] == "missing"
    code, out = run(capsys)
    assert code == 0  # untranslated pages do not fail the check by default
    assert ("docs/sr/b.md: missing: translate docs/en/b.md and save it here with "
            "'translation: {source: en, status: machine}', then run "
            "`python -m scripts.checks.translations --confirm docs/sr/b.md`") in out


def test_editing_the_original_makes_every_translation_stale(docs, capsys):
    edit(docs / "sq" / "a.md", "- dy", "- dy\n- tre")
    assert states(docs)[("sr", "a")] == "stale"
    assert states(docs)[("en", "a")] == "stale"
    assert states(docs)[("sq", "b")] == "ok"
    code, out = run(capsys)
    assert code == 0
    assert ("docs/en/a.md:7: stale: docs/sq/a.md changed since this translation was confirmed; "
            "bring it in step, then run `python -m scripts.checks.translations --confirm docs/en/a.md`") in out


def test_whitespace_only_edits_keep_translations_in_step(docs):
    before = states(docs)
    edit(docs / "sq" / "a.md", "Tekst i [B](b.md).", "Tekst   i\n[B](b.md).  \n\n")
    edit(docs / "en" / "b.md", "## Part\n", "## Part   \n\n\n")
    assert states(docs) == before


def test_title_and_summary_are_part_of_what_is_tracked(docs):
    edit(docs / "en" / "b.md", "title: Page B", "title: Page Bee")
    assert states(docs)[("sq", "b")] == "stale"


def test_the_hash_ignores_whitespace_but_not_words(docs):
    corpus = load_corpus(docs)
    original = corpus.get("sq", "a")
    same = dataclasses.replace(original, body=original.body.replace(" ", "\n  "))
    other = dataclasses.replace(original, body=original.body.replace("Tekst", "Teksti"))
    assert source_hash(same) == source_hash(original) != source_hash(other)


def test_a_translation_without_hash_is_unconfirmed(docs, capsys):
    edit(docs / "sr" / "b.md", "  source_hash: ", "  old_hash: ")
    assert states(docs)[("sr", "b")] == "unconfirmed"
    code, out = run(capsys)
    assert code == 0
    assert ("docs/sr/b.md:7: unconfirmed: no 'source_hash' yet; check that it says what docs/en/b.md says, "
            "then run `python -m scripts.checks.translations --confirm docs/sr/b.md`") in out


# --------------------------------------------------------------------------- confirming


def test_confirm_makes_a_stale_translation_current_and_changes_one_line(docs, capsys):
    edit(docs / "en" / "b.md", "Text.", "Text, longer now.")
    page_file = docs / "sr" / "b.md"
    before = page_file.read_text(encoding="utf-8").split("\n")
    code = check_translations.main(["--docs-dir", "docs", "--confirm", "docs/sr/b.md"])
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
    code = check_translations.main(["--docs-dir", "docs", "--confirm", "docs/sq/a.md", "docs/sr/nope.md"])
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
        '---\ntranslation: {source: sq, source_hash: "ab" }\n---\n')


def test_confirm_edits_flow_style_in_place():
    text = "---\nid: a\ntranslation: { source: sq, status: machine }   # keep\n---\nbody\n"
    assert with_source_hash(text, "ab12") == (
        '---\nid: a\ntranslation: { source: sq, status: machine, source_hash: "ab12" }   # keep\n---\nbody\n'
    )


def test_confirm_all_records_missing_hashes_but_leaves_stale_pages(docs, capsys):
    edit(docs / "sr" / "b.md", "  source_hash: ", "  old_hash: ")
    edit(docs / "sq" / "a.md", "Tekst", "Tekst i ri")
    code = check_translations.main(["--docs-dir", "docs", "--confirm-all"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("docs/sr/b.md: confirmed against docs/en/b.md")
    assert out.endswith("1 page(s) updated, 0 refused\n")
    found = states(docs)
    assert found[("sr", "b")] == "ok"
    assert found[("sr", "a")] == found[("en", "a")] == "stale"


# --------------------------------------------------------------------------- problems


def test_an_orphan_is_an_error(docs, capsys):
    write_docs(docs, {"sr/c.md": page("c", "Stranica C", "Tekst.", **translated("sq"))})
    assert states(docs)[("sr", "c")] == "orphan"
    code, out = run(capsys)
    assert code == 1
    assert ("docs/sr/c.md:7: orphan: its original docs/sq/c.md does not exist; restore the original, "
            "correct 'translation.source', or delete this translation") in out
    assert out.rstrip().endswith("1 error, 0 warnings")


def test_structure_drift_is_a_warning(docs, capsys):
    edit(docs / "sr" / "a.md", "- dva", "- dva\n- tri\n\n## Višak")
    code, out = run(capsys)
    assert code == 0
    assert ("docs/sr/a.md:12: warning: structure differs from docs/sq/a.md: 2 headings (1 in the original), "
            "3 list items (2 in the original); translate every heading, link and list item of the original") in out
    assert structure("```\n# not a heading\n- nor an item\n```\n# Heading [x](y)") == structure("# H [a](b)")


def test_translation_blocks_that_do_not_fit_together_are_errors(docs, capsys):
    edit(docs / "sr" / "b.md", "source: en", "source: sq")  # sq/b.md is itself a translation
    edit(docs / "en" / "a.md", "translation:", "x:")  # a second original
    write_docs(docs, {"sq/c.md": page("c", "C", "Tekst."), "en/other/c.md": page("c", "C", "Text.", **translated("sq"))})
    code, out = run(capsys)
    assert code == 1
    problems = out.split("Problems:\n")[1]
    assert problems == (
        "docs/en/a.md:1: two originals of 'a': this page and docs/sq/a.md have no 'translation' block; "
        "add 'translation: {source: sq, status: machine}' to the one that is a translation\n"
        "docs/en/other/c.md:7: 'c' is at docs/sq/c.md in the original; every language version needs the same "
        "path: move this file to docs/en/c.md\n"
        "docs/sr/b.md:7: 'translation.source' is sq, but docs/sq/b.md is itself a translation; set 'source: en' "
        "(the original is docs/en/b.md)\n"
        "3 errors, 0 warnings\n"
    )


def test_a_source_page_with_another_id_is_named(docs, capsys):
    edit(docs / "sq" / "a.md", "id: a", "id: a-renamed")
    code, out = run(capsys)
    assert code == 1
    assert "docs/sr/a.md:7: its source docs/sq/a.md has id 'a-renamed', not 'a': give every language version the same id" in out


def test_interface_strings_are_checked(docs, capsys, tmp_path, monkeypatch):
    strings = tmp_path / "strings"
    strings.mkdir()
    (strings / "x.yml").write_text('greeting: {sq: "Tungjatjeta", en: "Hello"}\n', encoding="utf-8")
    monkeypatch.setattr(check_translations, "check_ui_strings", lambda: check_ui_strings(strings))
    code, out = run(capsys)
    assert code == 1
    assert "strings/x.yml:1: interface string 'greeting' has no 'sr' text: add 'sr: …'" in out


def test_the_projects_translation_strings_are_complete():
    assert [p for p in check_ui_strings(STRINGS_DIR) if "translations.yml" in p.path] == []


# --------------------------------------------------------------------------- CI options and JSON


def test_fail_under(docs, capsys):
    (docs / "sr" / "b.md").unlink()
    assert run(capsys, "--fail-under", "sr=50")[0] == 0
    code, out = run(capsys, "--fail-under", "sr=50.1", "--fail-under", "en=100")
    assert code == 1
    assert out.rstrip().endswith("no problems\nFAILED sr: 50.0% of pages up to date, below --fail-under sr=50.1")


def test_fail_on(docs, capsys):
    (docs / "sr" / "b.md").unlink()
    edit(docs / "sq" / "a.md", "Tekst", "Tekst i ri")
    assert run(capsys, "--fail-on", "unconfirmed")[0] == 0
    code, out = run(capsys, "--fail-on", "stale,missing")
    assert code == 1
    assert out.rstrip().endswith(
        "FAILED sr: 1 missing page(s) (--fail-on missing)\n"
        "FAILED sr: 1 stale page(s) (--fail-on stale)\n"
        "FAILED en: 1 stale page(s) (--fail-on stale)"
    )
    edit(docs / "sr" / "a.md", "- dva", "- dva\n- tri")
    assert run(capsys, "--fail-on", "drift")[1].rstrip().endswith("FAILED 1 page(s) with structure drift (--fail-on drift)")


@pytest.mark.parametrize("args", [["--fail-under", "sr"], ["--fail-under", "de=50"], ["--fail-under", "sr=101"],
                                  ["--fail-on", "orphans"], ["--confirm-all", "--confirm", "docs/sr/a.md"]])
def test_bad_arguments_exit_2(docs, capsys, args):
    with pytest.raises(SystemExit) as exit_info:
        check_translations.main(["--docs-dir", "docs", *args])
    assert exit_info.value.code == 2


def test_json_output(docs, capsys):
    (docs / "en" / "a.md").unlink()
    code, out = run(capsys, "--format", "json", "--fail-under", "en=90")
    data = json.loads(out)
    assert code == 1
    assert data["languages"]["en"] == {
        "documents": 2, "up_to_date_percent": 50.0, "reviewed_percent": 50.0,
        "counts": {"original": 1, "ok": 0, "unreviewed": 0, "unconfirmed": 0, "stale": 0, "missing": 1, "orphan": 0},
        "todo": [{
            "id": "a", "language": "en", "state": "missing", "path": "docs/en/a.md", "line": None,
            "original": "docs/sq/a.md",
            "message": "missing: translate docs/sq/a.md and save it here with 'translation: {source: sq, status: machine}', "
                       "then run `python -m scripts.checks.translations --confirm docs/en/a.md`",
        }],
    }
    assert data["failures"] == ["en: 50.0% of pages up to date, below --fail-under en=90"]
    assert data["problems"] == [] and data["summary"] == "no problems"


def test_make_check_lists_pages_to_act_on(docs):
    (docs / "sr" / "b.md").unlink()
    found = [str(p) for p in check_everything(docs) if p.check == "translations"]
    assert found == ["docs/sr/b.md:1: warning: missing: translate docs/en/b.md and save it here with "
                     "'translation: {source: en, status: machine}', then run "
                     "`python -m scripts.checks.translations --confirm docs/sr/b.md`"]


def test_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        check_translations.main(["--help"])
    assert exit_info.value.code == 0
    assert "--confirm-all" in capsys.readouterr().out


# --------------------------------------------------------------------------- new documents


def test_new_document_scaffolds_three_valid_languages(docs, capsys):
    args = ["--docs-dir", "docs", "--id", "guide-health", "--type", "guide", "--path", "guides/health.md",
            "--source", "en", "--title", "Health care", "--date", "2026-11-24"]
    assert new_document.main(args) == 0
    assert capsys.readouterr().out == (
        "created docs/sq/guides/health.md\ncreated docs/sr/guides/health.md\ncreated docs/en/guides/health.md\n"
    )
    corpus = load_corpus(docs)
    assert check_schema(corpus) == []
    found = states(docs)
    assert (found[("en", "guide-health")], found[("sq", "guide-health")], found[("sr", "guide-health")]) == (
        "original", "unreviewed", "unreviewed")
    assert corpus.get("sr", "guide-health").translation == {
        "source": "en", "status": "machine", "source_hash": source_hash(corpus.get("en", "guide-health"))}


def test_new_document_never_overwrites(docs, capsys):
    def scaffold(doc_id: str, path: str) -> int:
        return new_document.main(["--docs-dir", "docs", "--id", doc_id, "--type", "law", "--path", path,
                                   "--source", "sq", "--title", "X"])

    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    assert scaffold("new-law", "a.md") == 1
    assert capsys.readouterr().err == (
        "new_document: not overwriting docs/sq/a.md, docs/sr/a.md, docs/en/a.md: "
        "choose another --path or edit the existing files\n"
    )
    assert scaffold("a", "fresh.md") == 1
    assert capsys.readouterr().err == (
        "new_document: id 'a' is already used by docs/en/a.md, docs/sq/a.md, docs/sr/a.md: choose another --id\n"
    )
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before


def test_new_act_has_the_act_fields(docs):
    assert new_document.main(["--docs-dir", "docs", "--id", "law-x", "--type", "law", "--path", "acts/x.md",
                              "--source", "sq", "--title", "Ligji X"]) == 0
    corpus = load_corpus(docs)
    assert check_schema(corpus) == []
    assert corpus.get("sq", "law-x").meta["status"] == "unknown"
