"""The index files (scripts/search/index.py): the payload is written as an index file of terms and
shards of whole pages' texts, read back unchanged, and every string a reader sees is a title,
summary, tag or text (what a derived edition in another script transliterates)."""

from __future__ import annotations

import json

from scripts.search import folding
from scripts.search.index import (INDEX_DIR, Section, build_index, index_path, index_stats, read_index_files,
                                  shard_starts, split_texts, write_index_files)
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
    assert written[1].name == "texts.sr.0.js" and written[1].read_text(encoding="utf-8").startswith("self.crchSearchTexts[0]=[")
    index_part = json.loads(index_text[len("self.crchSearchIndex="):-2])
    assert index_part["textShards"]["file"] == "texts.sr.{shard}.js" and "texts" not in index_part


def test_shards_hold_whole_pages_of_about_the_size_asked():
    payload = build_index(sections())
    starts = shard_starts(payload["docs"], payload["texts"], size=200)
    assert starts[0] == 0 and starts == sorted(set(starts)) and len(starts) > 5
    assert all(not payload["docs"][start][0].startswith("#") for start in starts), "a shard starts with a page"
    index_part, shards = split_texts(payload, "sr", size=200)
    assert sum(shards, []) == payload["texts"] and index_part["textShards"]["starts"] == starts
    for shard in shards[:-1]:
        assert sum(map(len, shard)) >= 200
    assert split_texts(build_index([]), "sr")[1] == []


def test_a_new_build_removes_the_shards_of_an_earlier_one(tmp_path):
    write_index_files(tmp_path, "sr", build_index(sections(60)))
    write_index_files(tmp_path, "sr-cyrl", build_index(sections(60)))
    write_index_files(tmp_path, "sr", build_index(sections(2)))
    folder = tmp_path / INDEX_DIR
    assert sorted(path.name for path in folder.glob("texts.sr.*.js")) == ["texts.sr.0.js"]
    assert len(list(folder.glob("texts.sr-cyrl.*.js"))) > 1, "another language's shards stay"
    rows = {row[0]: row for row in index_stats(tmp_path)}
    assert set(rows) == {"sr", "sr-cyrl"} and rows["sr"][5] == 1 and rows["sr-cyrl"][5] > 1


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
