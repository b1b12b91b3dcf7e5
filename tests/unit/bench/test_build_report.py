"""The build benchmark's report (scripts/bench/build_report.py): the targets judged from results, no build."""

from __future__ import annotations

from scripts.bench.build_report import targets
from scripts.bench.build_runs import BuildResult


def test_targets_are_judged_from_the_results():
    def result(setup, n, wall, memory=100, size=100):
        return BuildResult(setup, n, True, wall, wall, memory, size, 10, size // 2, "")

    runs = [
        {"plain": result("plain", 300, 16.0), "project": result("project", 300, 5.0)},
        {"plain": result("plain", 1000, 125.0), "project": result("project", 1000, 30.0, memory=101)},
    ]
    judged = dict(targets(runs))
    assert judged["N=1,000: project wall time <= 1/3 of plain"] is True
    assert judged["N=1,000: project peak memory <= plain"] is False
    assert judged["N=1,000: project site bytes <= plain"] is True
    assert judged["300 -> 1,000: project time grows <= 4x (it grew 6.0x)"] is False
