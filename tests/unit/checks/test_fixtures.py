"""Every registered check against its fixtures (as sphinx-lint does): tests/fixtures/checks/<check>/
pass/<case>/ must give no problem of that check, fail/<case>/ exactly the messages of its expected.txt.
A check without both kinds of fixture fails here, and so does one whose --list example is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.checks import cyrillic as cyrillic_check
from scripts.checks import strings as strings_check
from scripts.checks.all import CHECKS, listing
from scripts.checks.registry import REGISTRY
from scripts.model.documents import load_corpus
from tests.support.sites import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "checks"
CASES = sorted(path.relative_to(FIXTURES) for path in FIXTURES.glob("*/*/*") if path.is_dir())


def problems_in(case_dir: Path, name: str, monkeypatch) -> list[str]:
    monkeypatch.chdir(case_dir)
    if (case_dir / "strings").is_dir():
        for module in (strings_check, cyrillic_check):
            monkeypatch.setattr(module, "STRINGS_DIR", case_dir / "strings")
    (case_dir / "docs").mkdir(exist_ok=True)
    return sorted(str(problem) for problem in REGISTRY[name].run(load_corpus(Path("docs"))))


@pytest.mark.parametrize("case", CASES, ids=[case.as_posix() for case in CASES])
def test_a_fixture_gives_exactly_its_messages(case, monkeypatch):
    name, kind, _ = case.parts
    expected = [] if kind == "pass" else (FIXTURES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert problems_in(FIXTURES / case, name, monkeypatch) == sorted(expected)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_check_has_a_passing_and_a_failing_fixture_and_examples(name):
    kinds = {case.parts[1] for case in CASES if case.parts[0] == name}
    assert kinds == {"pass", "fail"}, f"tests/fixtures/checks/{name}/ needs pass/ and fail/ cases"
    check = REGISTRY[name]
    assert check.bad.strip() and check.good.strip() and check.bad != check.good
    assert f"{name}: {check.summary}" in listing()


def test_make_check_runs_every_registered_check():
    assert sorted(check.name for check in CHECKS) == sorted(REGISTRY)
