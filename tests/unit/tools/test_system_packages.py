"""`make test` installs the Debian packages its tests need, or stops at once saying how."""

from __future__ import annotations

from pathlib import Path

from scripts.tools import system_packages


def requirements(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "requirements-system.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_requirements_file_lists_what_the_tests_use():
    packages = dict(system_packages.required())
    assert packages["/usr/bin/chromium"] == "chromium" and packages["/usr/sbin/nginx"] == "nginx-light"


def test_nothing_is_missing_on_this_machine():
    assert system_packages.missing_packages() == [], "the test command should have installed them"


def test_a_missing_package_without_root_stops_with_the_command_to_run(tmp_path, monkeypatch, capsys):
    path = requirements(tmp_path, "# comment\n/nowhere/chromium  chromium  # the browser\nsh  dash\n/nowhere/x  chromium\n")
    monkeypatch.setattr(system_packages, "REQUIREMENTS", path)
    monkeypatch.setattr(system_packages.os, "geteuid", lambda: 1000)
    assert system_packages.main([]) == 1
    assert "run: sudo apt-get install -y chromium   (then `make test` again)" in capsys.readouterr().err


def test_check_only_reports(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(system_packages, "REQUIREMENTS", requirements(tmp_path, "/nowhere/nginx nginx-light\n"))
    monkeypatch.setattr(system_packages, "install", lambda packages: pytest_fail("it installed"))
    assert system_packages.main(["--check"]) == 1
    assert "missing: nginx-light" in capsys.readouterr().err


def test_everything_present_is_a_no_op(tmp_path, monkeypatch):
    monkeypatch.setattr(system_packages, "REQUIREMENTS", requirements(tmp_path, "sh dash\n"))
    monkeypatch.setattr(system_packages, "install", lambda packages: pytest_fail("it installed"))
    assert system_packages.main([]) == 0


def pytest_fail(message: str):
    raise AssertionError(message)
