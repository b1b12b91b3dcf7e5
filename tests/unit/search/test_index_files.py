"""The index files (scripts/search/index_files.py) of a payload (scripts/search/index.py): the payload is written as an index file of docs and
terms, shards of the terms' postings and shards of whole pages' texts, read back unchanged, and
every string a reader sees is a title, summary, tag or text (what a derived edition in another
script transliterates)."""

from __future__ import annotations

import json

from scripts.search import folding
from scripts.search.index import Section, build_index
from scripts.search.index_files import (INDEX_DIR, index_path, index_stats, read_index_files, shard_starts, split_files,
                                        write_index_files)
from scripts.search.language import language_payload


def sections(pages: int = 30) -> list[Section]:
    found = []
    for i in range(pages):
        found += [Section(f"sr/p{i}/", f"Stranica {i}", f"Tekst stranice {i}. " * 20 * (i + 1), summary=f"Sažetak {i}.",
                          tags=["Obrazovanje"], demoted=i == 0),
                  Section(f"sr/p{i}/#deo", "Deo", f"Zaštita prava {i}.")]
    return found


def test_the_files_hold_the_payload_and_read_back_unchanged(tmp_path):
    payload = build_index(sections(), {"functionWords": ["i"], "synonyms": [["ombudsman", "zastitnik gradjana"]]})
    written = write_index_files(tmp_path, "sr", payload)
    assert written[0] == index_path(tmp_path, "sr") and len(written) > 3
    assert read_index_files(tmp_path, "sr") == payload
    index_text = written[0].read_text(encoding="utf-8")
    assert index_text.startswith("self.crchSearchIndex={") and index_text.endswith(";\n")
    assert "Tekst stranice" not in index_text, "the texts are in the shards only"
    names = [path.name for path in written[1:]]
    assert names[0] == "terms.sr.0.js" and "texts.sr.0.js" in names
    assert written[1].read_text(encoding="utf-8").startswith('self.crchSearchShards["terms.sr.0.js"]=[{')
    text_shard = written[names.index("texts.sr.0.js") + 1].read_text(encoding="utf-8")
    assert text_shard.startswith('self.crchSearchShards["texts.sr.0.js"]=["')
    index_part = json.loads(index_text[len("self.crchSearchIndex="):-2])
    assert index_part["textShards"]["file"] == "texts.sr.{shard}.js" and "texts" not in index_part
    assert index_part["termShards"]["file"] == "terms.sr.{shard}.js" and "invertedIndex" not in index_part["index"]
    assert index_part["index"]["terms"] == [term for term, _ in payload["index"]["invertedIndex"]]
    first_terms = (tmp_path / INDEX_DIR / "terms.sr.js").read_text(encoding="utf-8")
    prefix = 'self.crchSearchShards["terms.sr.js"]='
    assert first_terms.startswith(prefix) and json.loads(first_terms[len(prefix):-2]) == {
        "file": "terms.sr.{shard}.js",
        "starts": [index_part["index"]["terms"][start] for start in index_part["termShards"]["starts"]]}


def test_shards_hold_whole_pages_of_about_the_size_asked():
    payload = build_index(sections())
    starts = shard_starts(payload["docs"], payload["texts"], size=200)
    assert starts[0] == 0 and starts == sorted(set(starts)) and len(starts) > 5
    assert all(not payload["docs"][start][0].startswith("#") for start in starts), "a shard starts with a page"
    index_part, shards, _ = split_files(payload, "sr", text_size=200)
    assert sum(shards, []) == payload["texts"] and index_part["textShards"]["starts"] == starts
    for shard in shards[:-1]:
        assert sum(map(len, shard)) >= 200
    assert split_files(build_index([]), "sr")[1:] == ([], [])


def test_term_shards_hold_consecutive_terms_of_about_the_size_asked():
    payload = build_index(sections())
    inverted = payload["index"]["invertedIndex"]
    index_part, _, shards = split_files(payload, "sr", term_size=300)
    starts = index_part["termShards"]["starts"]
    assert starts[0] == 0 and starts == sorted(set(starts)) and len(starts) == len(shards) > 3
    assert sum(shards, []) == [fields for _, fields in inverted], "every term's postings, in the terms' order"
    for shard in shards[:-1]:
        assert len(json.dumps(shard, separators=(",", ":"))) >= 300
    assert len(split_files(payload, "sr")[2]) == 1, "a small index is one term shard"


def test_a_new_build_removes_the_shards_of_an_earlier_one(tmp_path):
    write_index_files(tmp_path, "sr", build_index(sections(60)))
    write_index_files(tmp_path, "sr-cyrl", build_index(sections(60)))
    write_index_files(tmp_path, "sr", build_index(sections(2)))
    folder = tmp_path / INDEX_DIR
    assert sorted(path.name for path in folder.glob("texts.sr.*.js")) == ["texts.sr.0.js"]
    assert sorted(path.name for path in folder.glob("terms.sr.*.js")) == ["terms.sr.0.js"]
    assert len(list(folder.glob("texts.sr-cyrl.*.js"))) > 1, "another language's shards stay"
    rows = {row.language: row for row in index_stats(tmp_path)}
    assert set(rows) == {"sr", "sr-cyrl"} and rows["sr"].text_shards == rows["sr"].term_shards == 1
    assert rows["sr-cyrl"].text_shards > 1 and rows["sr-cyrl"].term_bytes > 0


def test_every_shown_string_is_a_title_summary_tag_or_text():
    """What a reader is shown lives in those four places only (module docstring): the rest of the
    payload is locations, numbers and folded terms, which a Cyrillic query folds to as well."""
    payload = build_index(sections(3) + [Section("sr/c/", "Заштита", "Права заједница.")],
                          language_payload("sr", []) | {"synonyms": [["ombudsman", "zastitnik gradjana"]]})
    assert set(payload) == {"docs", "texts", "index", "functionWords", "synonyms"}
    for doc in payload["docs"]:
        location, title, *extra = doc
        assert isinstance(location, str) and isinstance(title, str)
        assert all(set(more) <= {"tags", "summary", "demoted"} for more in extra)
    words = [term for term, _ in payload["index"]["invertedIndex"]] + payload["functionWords"] + \
        [word for group in payload["synonyms"] for phrase in group for word in phrase.split(" ")]
    assert "zastita" in words and "заштита" not in words
    assert all(folding.fold(word) == word for word in words)
    assert all(set(lengths) <= set("0123456789,") for lengths in payload["index"]["fieldLengths"].values())
