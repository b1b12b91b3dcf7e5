"""Translation state and the translation check's command line, on tiny docs folders (no builds)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from scripts.checks import translations as check_translations
from scripts.checks.all import check_everything
from scripts.model.documents import load_corpus
from scripts.model.strings import load_strings
from scripts.model.translations import source_hash, structure
from tests.support.project import SETTINGS
from tests.support.sites import page, write_docs
from tests.support.translations import edit, states, translated

def run(capsys, *args: str) -> tuple[int, str]:
    code = check_translations.main(["--docs-dir", "docs", *args])
    return code, capsys.readouterr().out



# --------------------------------------------------------------------------- states


def test_a_confirmed_corpus_is_in_step(docs, capsys):
    assert states(docs) == {
        ("sq", "a"): "original", ("sr", "a"): "unreviewed", ("en", "a"): "ok",
        ("sq", "b"): "ok", ("sr", "b"): "ok", ("en", "b"): "original",
    }
    code, out = run(capsys)
    assert code == 0
    assert "sr Srpski (latinica)          2      100.0%     50.0%         0   1           1            0      0        0       0" in out
    assert "sr-cyrl Српски (ћирилица): generated from sr at build time, with its pages and states (nothing to translate)" in out
    assert "To do in sr (Srpski (latinica)): 1\ndocs/sr/a.md:7: unreviewed: machine translation of docs/sq/a.md; " \
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
            "`python -m scripts.tools.confirm_translations docs/sr/b.md`") in out


def test_editing_the_original_makes_every_translation_stale(docs, capsys):
    edit(docs / "sq" / "a.md", "- dy", "- dy\n- tre")
    assert states(docs)[("sr", "a")] == "stale"
    assert states(docs)[("en", "a")] == "stale"
    assert states(docs)[("sq", "b")] == "ok"
    code, out = run(capsys)
    assert code == 0
    assert ("docs/en/a.md:7: stale: docs/sq/a.md changed since this translation was confirmed; "
            "bring it in step, then run `python -m scripts.tools.confirm_translations docs/en/a.md`") in out


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
            "then run `python -m scripts.tools.confirm_translations docs/sr/b.md`") in out


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
    monkeypatch.setattr(check_translations, "interface_strings",
                        lambda corpus: load_strings(strings)[0].missing(corpus.languages))
    code, out = run(capsys)
    assert code == 1
    assert "strings/x.yml:1: interface string 'greeting' has no 'sr' text: add 'sr: …'" in out


def test_the_projects_translation_strings_are_complete():
    strings, problems = load_strings(SETTINGS.strings_dir)
    assert problems == [] and [p for p in strings.missing(SETTINGS.languages) if "translations.yml" in p.path] == []


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
                                  ["--fail-on", "orphans"], ["--confirm", "docs/sr/a.md"]])
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
                       "then run `python -m scripts.tools.confirm_translations docs/en/a.md`",
        }],
    }
    assert data["failures"] == ["en: 50.0% of pages up to date, below --fail-under en=90"]
    assert data["problems"] == [] and data["summary"] == "no problems"


def test_make_check_lists_pages_to_act_on(docs):
    (docs / "sr" / "b.md").unlink()
    found = [str(p) for p in check_everything(docs) if p.check == "translations"]
    assert found == ["docs/sr/b.md:1: warning: missing: translate docs/en/b.md and save it here with "
                     "'translation: {source: en, status: machine}', then run "
                     "`python -m scripts.tools.confirm_translations docs/sr/b.md`"]


def test_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        check_translations.main(["--help"])
    assert exit_info.value.code == 0
    assert "--fail-on" in capsys.readouterr().out


