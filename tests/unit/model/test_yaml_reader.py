"""The one YAML reader: the values PyYAML's safe loader gives, with lines, and a message with the fix
for everything that has no place in the project's files."""

from __future__ import annotations

import datetime as dt
import resource
import time

import pytest
import yaml

from scripts.model.yaml_reader import YamlProblem, decode, parse

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))


def problem(text: str, **kwargs) -> str:
    with pytest.raises(YamlProblem) as raised:
        parse(text, **kwargs)
    return str(raised.value)


@pytest.mark.parametrize("text", [
    "id: x\ndate: 2010-03-31\nflag: yes\nn: 3\nf: 1.5\nnothing:\nlist: [a, {b: c}]\nquoted: '2010-03-31'\n",
    "- 1\n- two\n- [3]\n", "", "just text\n", "a:\n  b:\n    - c\n",
])
def test_the_values_are_pyyamls(text):
    assert parse(text).value == yaml.safe_load(text)


def test_every_key_and_item_has_its_line_in_the_file():
    found = parse("id: x\nrelations:\n  amends: [a, b]\n  related:\n    - c\n", first_line=2)
    assert found.lines[("id",)] == 2
    assert found.lines[("relations", "amends", 1)] == 4
    assert found.lines[("relations", "related", 0)] == 6
    assert found.line("relations", "related", 0, "deeper") == 6
    assert found.value["relations"]["amends"] == ["a", "b"]


def test_an_alias_bomb_is_refused_before_anything_is_built():
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert problem(ALIAS_BOMB) == "line 1: YAML anchors (&a) are not allowed: remove it and write each value out"
    assert time.monotonic() - started < 1
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB: no expansion


def test_an_alias_alone_is_refused():
    with pytest.raises(YamlProblem, match=r"line 1: YAML aliases \(\*x\) are not allowed"):
        parse("a: *x\n")


def test_a_key_given_twice_names_both_lines():
    assert problem("id: x\nstatus: in-force\nsummary: s\nstatus: repealed\n", first_line=2) == (
        "line 5: 'status' is given twice (first on line 3): keep one")
    assert problem("translation:\n  source: sq\n  source: en\n") == (
        "line 3: 'translation.source' is given twice (first on line 2): keep one")


def test_an_impossible_date_names_the_key_and_the_fix():
    assert problem("date_adopted: 2010-02-30\n", first_line=2) == (
        "line 2: 'date_adopted: 2010-02-30' is not a real date (day is out of range for month): "
        "correct it (YYYY-MM-DD, e.g. 2010-03-31)")


@pytest.mark.parametrize("text, message", [
    ("x: !!python/name:os.system\n", "line 1: the tag !!python/name:os.system is not allowed here: remove it"),
    ("x: !custom 1\n", "line 1: the tag !custom is not allowed here: remove it"),
    ("<<: {a: 1}\n", "line 1: merge keys ('<<') are not allowed: write the keys out"),
    ("? [a]\n: 1\n", "line 1: a key must be plain text, not a list or mapping: write it as 'name: value'"),
    ("a: 1\n---\nb: 2\n", "line 2: the file holds more than one YAML document: remove the second '---' (or '...') line"),
    ("a: [1,\n", "line 2: not valid YAML (did not find expected node content): check quotes, colons and indentation"),
])
def test_what_has_no_place_in_the_files(text, message):
    assert problem(text) == message


def test_env_tags_only_where_asked(monkeypatch):
    monkeypatch.setenv("CRCH_TEST", "sr")
    assert parse("only: !ENV [CRCH_TEST, null]\n", environment=True).value == {"only": "sr"}
    assert parse("only: !ENV [CRCH_UNSET, null]\n", environment=True).value == {"only": None}
    assert problem("only: !ENV [CRCH_TEST, null]\n").startswith("line 1: the tag !ENV is not allowed here")


def test_a_byte_order_mark_is_accepted_and_other_encodings_are_named():
    assert decode("\ufeffa: ë\n".encode("utf-8"), "x.yml") == "a: ë\n"
    with pytest.raises(YamlProblem) as raised:
        decode("a: 1\nb: ë\n".encode("latin-1"), "docs/data/x.yml")
    assert str(raised.value) == "line 2: docs/data/x.yml is not UTF-8 text (byte 0xeb): save the file as UTF-8"


def test_dates_stay_dates():
    assert parse("d: 2026-11-24\n").value == {"d": dt.date(2026, 11, 24)}
