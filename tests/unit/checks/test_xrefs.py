"""The cross-reference checker: one tiny site per problem kind, exact message, line and exit code."""

from __future__ import annotations

import json

import pytest

from scripts.model.documents import load_corpus
from scripts.model.links import find_links, markdown_path, relative_url
from scripts.model.served import served_version
from tests.support.project import reader as reader_of
from tests.support.project import run_checks
from tests.support.sites import ROOT, page, write_docs

HOME = "docs/sq/index.md"


def run(tmp_path, monkeypatch, capsys, files, *args):
    """Write a tiny docs folder (the home page links to every other page) and run the command on it."""
    monkeypatch.chdir(tmp_path)
    ids = [text.split("\n")[1].removeprefix("id: ") for path, text in files.items() if path.startswith("sq/")]
    home = page("home", "Home", "\n".join(f"- [{i}](id:{i})" for i in ids))
    write_docs(tmp_path / "docs", {"sq/index.md": home, **files})
    code = run_checks("--select", "xrefs", "--docs-dir", "docs", *args)
    return code, capsys.readouterr().out


def test_clean_site_has_no_problems(tmp_path, monkeypatch, capsys):
    files = {
        "sq/a.md": page("a", "A", "Read [B](id:b#b-title) and [B again](b.md#b-title).\n\n## Part {#part}"),
        "sq/b.md": page("b", "B title", "Back to [A](id:a#part), [here](#b-title).", relations={"related": ["a"]}),
        "sr/a.md": page("a", "A sr", "Pročitaj [B](id:b#b-title)."),  # b has no sr version: the sq page is served
    }
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert (code, out) == (0, "no problems\n")


def test_unknown_id_in_a_link(tmp_path, monkeypatch, capsys):
    code, out = run(tmp_path, monkeypatch, capsys, {"sq/a.md": page("a", "A", "Text.\n\nSee [the law](id:law-3-l-047).")})
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/a.md:13: link to unknown document id 'law-3-l-047': use the 'id' from the front matter of the page you mean",
        "1 error, 0 warnings",
    ]


def test_unknown_id_suggests_a_close_one(tmp_path, monkeypatch, capsys):
    code, out = run(tmp_path, monkeypatch, capsys, {"sq/a.md": page("a", "A"), "sq/b.md": page("b", "B", "[A](id:aa)")})
    assert code == 1
    assert out.splitlines()[0] == (
        "docs/sq/b.md:11: link to unknown document id 'aa' (did you mean 'a'?): "
        "use the 'id' from the front matter of the page you mean"
    )


def test_unknown_id_in_a_relation(tmp_path, monkeypatch, capsys):
    files = {"sq/a.md": page("a", "A", relations={"amends": ["b"], "related": ["nowhere"]}), "sq/b.md": page("b", "B")}
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/a.md:11: 'related' names unknown document id 'nowhere': use the 'id' of an existing page",
        "1 error, 0 warnings",
    ]


def test_missing_anchor_on_the_target(tmp_path, monkeypatch, capsys):
    files = {
        "sq/a.md": page("a", "A", "## Çfarë mund të bëni\n\n## Who can help {#custom}\n\n<a id=\"raw\"></a>"),
        "sq/b.md": page("b", "B", "[A](id:a#cfare-mund-te-beni) [A](id:a#custom) [A](id:a#raw) [A](id:a#what-you-can-do)"),
    }
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/b.md:11: link to '#what-you-can-do' on 'a' (docs/sq/a.md), which has no such heading or id: "
        "use one of: #a, #cfare-mund-te-beni, #custom, #raw",
        "1 error, 0 warnings",
    ]


def test_missing_anchor_on_a_relative_link_and_on_the_page_itself(tmp_path, monkeypatch, capsys):
    files = {"sq/a.md": page("a", "A"), "sq/b.md": page("b", "B", "[A](a.md#nothing)\n\n[up](#top)")}
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/b.md:11: link to '#nothing' on docs/sq/a.md, which has no such heading or id: use one of: #a",
        "docs/sq/b.md:13: link to '#top' on this page, which has no such heading or id: use one of: #b",
        "2 errors, 0 warnings",
    ]


def test_relative_link_to_a_missing_file(tmp_path, monkeypatch, capsys):
    files = {"sq/acts/a.md": page("a", "A", "One.\n\nTwo [B](../guides/b.md) and ![map](map.png)")}
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/acts/a.md:13: link '../guides/b.md' points at docs/sq/guides/b.md, which does not exist: "
        "fix the path (relative to this file) or link by id, e.g. [text](id:DOC-ID)",
        "docs/sq/acts/a.md:13: link 'map.png' points at docs/sq/acts/map.png, which does not exist: "
        "fix the path (relative to this file) or link by id, e.g. [text](id:DOC-ID)",
        "2 errors, 0 warnings",
    ]


def test_relative_link_out_of_docs_says_so_even_when_the_file_exists(tmp_path, monkeypatch, capsys):
    (tmp_path / "README.md").write_text("outside docs/", encoding="utf-8")
    files = {"sq/a.md": page("a", "A", "See [the README](../../README.md).")}
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/a.md:11: link '../../README.md' leads out of docs/ (to README.md): only what is under docs/ "
        "is published; link a page by id, e.g. [text](id:DOC-ID), or put the file under docs/",
        "1 error, 0 warnings",
    ]


def test_relative_link_into_another_language_tree(tmp_path, monkeypatch, capsys):
    files = {"sq/a.md": page("a", "A"), "sr/a.md": page("a", "A sr"), "sr/b.md": page("b", "B sr", "[A](../sq/a.md)")}
    files["sq/b.md"] = page("b", "B")
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sr/b.md:11: link '../sq/a.md' leads from the sr/ tree into sq/: "
        "use [text](id:a) to reach that page in the reader's language",
        "1 error, 0 warnings",
    ]


def test_duplicate_id_within_a_language(tmp_path, monkeypatch, capsys):
    files = {"sq/a.md": page("a", "A"), "sq/b.md": page("a", "B")}
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/b.md:2: duplicate id 'a': also used by docs/sq/a.md:2; give each document its own id",
        "1 error, 0 warnings",
    ]


def test_id_that_differs_between_language_versions(tmp_path, monkeypatch, capsys):
    files = {"sq/a.md": page("a", "A"), "en/a.md": page("a", "A en"), "sr/a.md": page("a-sr", "A sr", "[A](id:a)")}
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sr/a.md:2: id 'a-sr' differs from 'a' in docs/sq/a.md:2 (the same page in another language): "
        "use the same id in every language",
        "docs/sr/a.md:2: warning: no page links to 'a-sr' (an orphan): link it from a related page "
        "with [text](id:a-sr) or name it in a 'relations' entry",
        "1 error, 1 warning",
    ]


def test_relation_to_itself(tmp_path, monkeypatch, capsys):
    code, out = run(tmp_path, monkeypatch, capsys, {"sq/a.md": page("a", "A", relations={"based_on": ["a"]})})
    assert code == 1
    assert out.splitlines() == ["docs/sq/a.md:9: 'based_on' names this document itself ('a'): remove it", "1 error, 0 warnings"]


def test_cycle_in_amends(tmp_path, monkeypatch, capsys):
    files = {
        "sq/a.md": page("a", "A", relations={"amends": ["b"]}),
        "sq/b.md": page("b", "B", relations={"amends": ["c"]}),
        "sq/c.md": page("c", "C", relations={"amends": ["a"]}),
    }
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/a.md:9: cycle in 'amends': a → b → c → a; an act cannot amend itself through others: "
        "remove the wrong relation",
        "1 error, 0 warnings",
    ]


def test_cycle_in_replaces_written_from_both_sides(tmp_path, monkeypatch, capsys):
    """a replaces b, and a is replaced by b: a cycle, although each relation is written differently."""
    files = {"sq/a.md": page("a", "A", relations={"replaces": ["b"], "replaced_by": ["b"]}), "sq/b.md": page("b", "B")}
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 1
    assert out.splitlines() == [
        "docs/sq/a.md:9: cycle in 'replaces': a → b → a; an act cannot replace itself through others: "
        "remove the wrong relation",
        "1 error, 0 warnings",
    ]


def test_orphan_is_a_warning(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Home"), "sq/lonely.md": page("lonely", "Lonely")})
    code = run_checks("--select", "xrefs", "--docs-dir", "docs")
    assert code == 0
    assert capsys.readouterr().out.splitlines() == [
        "docs/sq/lonely.md:2: warning: no page links to 'lonely' (an orphan): link it from a related page "
        "with [text](id:lonely) or name it in a 'relations' entry",
        "0 errors, 1 warning",
    ]


def test_relation_written_on_both_sides_is_a_warning(tmp_path, monkeypatch, capsys):
    files = {"sq/a.md": page("a", "A", relations={"amends": ["b"]}), "sq/b.md": page("b", "B", relations={"amended_by": ["a"]})}
    code, out = run(tmp_path, monkeypatch, capsys, files)
    assert code == 0
    assert out.splitlines() == [
        "docs/sq/b.md:9: warning: 'amended_by: a' repeats a relation already written in docs/sq/a.md:9: "
        "write each relation once, on one side (the reverse is shown automatically)",
        "0 errors, 1 warning",
    ]


def test_links_in_code_are_not_checked(tmp_path, monkeypatch, capsys):
    body = "```md\n[x](id:nope)\n```\n\nInline `[x](id:nope)` too.\n\n~~~~\n[x](missing.md)\n~~~~"
    code, out = run(tmp_path, monkeypatch, capsys, {"sq/a.md": page("a", "A", body)})
    assert (code, out) == (0, "no problems\n")


def test_json_format(tmp_path, monkeypatch, capsys):
    code, out = run(tmp_path, monkeypatch, capsys, {"sq/a.md": page("a", "A", "[x](id:nope)")}, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["summary"] == "1 error, 0 warnings"
    assert report["problems"] == [
        {
            "path": "docs/sq/a.md",
            "line": 11,
            "message": "link to unknown document id 'nope': use the 'id' from the front matter of the page you mean",
            "severity": "error",
            "check": "xrefs",
        }
    ]


def test_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_checks("--help")
    assert exit_info.value.code == 0
    assert "--format" in capsys.readouterr().out


def test_make_check_runs_the_cross_reference_check_and_shows_each_finding_once(tmp_path, monkeypatch, capsys):
    """check_all (what `make check` runs) includes this check; a duplicate id, found by the schema
    check too, is listed once."""
    from scripts.checks import all as check_all

    monkeypatch.chdir(tmp_path)
    write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Home", "[x](id:nope) [a](a.md)"), "sq/a.md": page("home", "A")})
    assert check_all.main(["--docs-dir", "docs"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "docs/sq/index.md:11: link to unknown document id 'nope': use the 'id' from the front matter of the page you mean" in out
    assert out.count("docs/sq/index.md:2: duplicate id 'home': also used by docs/sq/a.md:2; give each document its own id") == 1


def test_real_site_has_no_cross_reference_errors(capsys):
    code = run_checks("--select", "xrefs", "--docs-dir", str(ROOT / "docs"))
    out = capsys.readouterr().out
    assert code == 0, out


# --------------------------------------------------------------------------- resolving


def test_find_links_gives_lines_and_destinations():
    text = "# T\n\n[a](id:x#y) ![i](p.png \"t\") [n [b]](../c.md)\n\n[ref]: <id:z>\n[^1]: note"
    assert [(link.line, link.target) for link in find_links(text, 10)] == [
        (12, "id:x#y"),
        (12, "p.png"),
        (12, "../c.md"),
        (14, "id:z"),
    ]


def test_id_resolves_to_the_reader_language_then_the_fallback_then_the_source(tmp_path):
    write_docs(
        tmp_path / "docs",
        {
            "sq/acts/a.md": page("a", "A sq"),
            "en/acts/a.md": page("a", "A en"),
            "en/only.md": page("only", "Only en"),
        },
    )
    corpus = load_corpus(tmp_path / "docs")
    assert served_version(corpus, "a", "en").title == "A en"
    assert served_version(corpus, "a", "sr").title == "A sq"  # served at sr/acts/a/ by mkdocs-static-i18n
    assert served_version(corpus, "only", "sr").title == "Only en"  # served at sr/only/ by the translations feature
    assert markdown_path("guides/x.md", served_version(corpus, "a", "sr").rel_path, "part") == "../acts/a.md#part"
    assert relative_url("sr/guides/x/", "en/only/") == "../../../en/only/"
    assert relative_url("", "acts/a/") == "acts/a/"


def test_reader_rewrites_id_links_outside_code_and_leftover_hrefs(tmp_path):
    write_docs(
        tmp_path / "docs",
        {
            "sq/acts/a.md": page("a", "A"),
            "sr/guides/g.md": page("g", "G"),
            # a translation whose original is gone (an orphan, which stops the build): no other tree serves it
            "en/only.md": page("only", "Only", translation={"source": "sq", "status": "machine"}),
        },
    )
    reader = reader_of("sr", load_corpus(tmp_path / "docs"), "sr/guides/g/", "guides/g.md")
    markdown = "[A](id:a#x) [O](id:only)\n\n```\n[A](id:a)\n```\n"
    assert reader.markdown(markdown) == "[A](../acts/a.md#x) [O](id:only)\n\n```\n[A](id:a)\n```\n"
    assert reader.html('<a href="id:a#top">A</a>') == '<a href="../../acts/a/#top">A</a>'
    assert reader.html('<a href="id:only#top">O</a>') == '<a href="id:only#top">O</a>'


def test_one_relation_graph_per_language_serves_the_check_and_the_pages(tmp_path, monkeypatch):
    from scripts.checks.xrefs import check_corpus
    from scripts.model import relations

    write_docs(tmp_path / "docs", {"sq/index.md": page("home", "Home", "[A](id:a)"),
                                   "sq/a.md": page("a", "A", relations={"related": ["home"]})})
    corpus = load_corpus(tmp_path / "docs")
    built = []
    original = relations.RelationGraph.__init__
    monkeypatch.setattr(relations.RelationGraph, "__init__", lambda graph, *args: built.append(1) or original(graph, *args))
    check_corpus(corpus)
    pages_graph = relations.relation_graph(corpus, "sq")
    assert len(built) == len(corpus.languages)  # one per language, by the check; the pages reuse them
    assert pages_graph.relations_of("a") == {"related": ["home"]}
