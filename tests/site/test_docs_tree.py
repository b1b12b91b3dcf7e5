"""Nothing outside docs/ is published: links and special files under docs/ are refused, whatever
their target, by `make check` and by the build, with the file and the fix (never a traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.checks.all import check_everything
from tests.support.sites import ROOT, build, page, write_config, write_data_files, write_docs

SECRET = "CRCH_TEST_SECRET_VALUE"


def tiny_docs(tmp_path: Path) -> Path:
    docs = write_docs(tmp_path / "docs", {
        f"{language}/index.md": page("home", f"Home {language}", **({} if language == "sq" else
                                     {"translation": {"source": "sq", "status": "machine"}}))
        for language in ("sq", "sr", "en")
    })
    write_data_files(docs)
    return docs


def check_messages(tmp_path: Path, monkeypatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    return [str(p) for p in check_everything(Path("docs")) if p.check == "docs-tree"]


def build_output(tmp_path: Path) -> tuple[int, str, Path]:
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "scripts.site.build", "--config-file",
                             str(write_config(tmp_path, tmp_path / "docs", site)), "--site-dir", str(site)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, CRCH_TEST_SECRET=SECRET, NO_MKDOCS_2_WARNING="1"))
    return result.returncode, result.stdout + result.stderr, site


@pytest.mark.parametrize("target", ["/proc/self/environ", "/etc/passwd", "../index.md"])
def test_a_linked_file_is_refused_whatever_its_target(tmp_path, monkeypatch, target):
    docs = tiny_docs(tmp_path)
    os.symlink(target, docs / "sq" / "env.txt")
    assert check_messages(tmp_path, monkeypatch) == [
        f"docs/sq/env.txt:1: is a symbolic link (to {target}); links are never published, whatever their "
        "target: put the file itself here (a copy), or remove the link"]
    code, output, site = build_output(tmp_path)
    assert code != 0 and "docs/sq/env.txt:1: is a symbolic link" in output
    assert "Traceback" not in output and SECRET not in output and not site.exists()


def test_a_linked_folder_from_outside_is_refused(tmp_path, monkeypatch):
    docs = tiny_docs(tmp_path)
    outside = write_docs(tmp_path / "elsewhere", {"guide.md": page("guide-x", "Outside")})
    os.symlink(outside, docs / "en" / "more")
    assert [m.split(";")[0] for m in check_messages(tmp_path, monkeypatch)] == \
        [f"docs/en/more:1: is a symbolic link (to {outside})"]
    code, output, _ = build_output(tmp_path)
    assert code != 0 and "docs/en/more:1: is a symbolic link" in output and "Traceback" not in output


def test_a_link_loop_ends_at_once_with_a_message(tmp_path, monkeypatch):
    docs = tiny_docs(tmp_path)
    os.symlink("..", docs / "sr" / "loop")
    os.symlink("self", docs / "sr" / "self")
    messages = check_messages(tmp_path, monkeypatch)
    assert [m.split(":")[0] for m in messages] == ["docs/sr/loop", "docs/sr/self"]
    code, output, _ = build_output(tmp_path)
    assert code != 0 and "docs/sr/loop:1: is a symbolic link (to ..)" in output and "Traceback" not in output


def test_a_named_pipe_is_refused_and_hangs_nothing(tmp_path, monkeypatch):
    docs = tiny_docs(tmp_path)
    os.mkfifo(docs / "sq" / "pipe.md")
    assert check_messages(tmp_path, monkeypatch) == [
        "docs/sq/pipe.md:1: is a named pipe (FIFO), not a regular file: remove it from docs/"]
    code, output, _ = build_output(tmp_path)
    assert code != 0 and "docs/sq/pipe.md:1: is a named pipe (FIFO)" in output


def test_the_real_docs_folder_has_no_links():
    assert [str(p) for p in check_everything(ROOT / "docs") if p.check == "docs-tree"] == []
