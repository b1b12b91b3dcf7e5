"""Checks registered by name, each with a failing and a passing example (`python -m scripts.checks --list`).

A check takes the corpus (scripts/model/documents.py) and returns `Problem`s; it never prints.
Registering one:

    @check("citations", bad="… since 2008 [^gazete].", good="… since 2008 [^gazette].")
    def page_citations(corpus): ...

tests/fixtures/checks/<name>/ holds, for every check, docs folders that must pass (`pass/`) and
docs folders that must fail with the messages in their `expected.txt` (`fail/`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from scripts.checks.problems import Problem

CheckFunction = Callable[..., list[Problem]]


@dataclass(frozen=True)
class Check:
    name: str
    run: CheckFunction  # corpus -> problems
    bad: str  # an example that fails the check
    good: str  # the same example, fixed

    @property
    def summary(self) -> str:
        return (self.run.__doc__ or self.name).strip().splitlines()[0]


REGISTRY: dict[str, Check] = {}


def check(name: str, *, bad: str, good: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under `name` (unique), with a failing and a passing example."""

    def register(function: CheckFunction) -> CheckFunction:
        if name in REGISTRY:
            raise ValueError(f"two checks are named {name!r}")
        REGISTRY[name] = Check(name, function, bad, good)
        return function

    return register
