"""Content that would make the browser contact another host by itself fails `make check` and the
build, with file and line; a link the reader clicks is fine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.checks.all import check_everything
from scripts.checks.remote_loads import is_remote, remote_loads
from tests.support.sites import ROOT, build_tiny_site, page, write_config, write_data_files, write_docs

CASES = {
    "inline image": ("![map](https://maps.example/kosovo.png)", "an image from another host (https://maps.example/kosovo.png)"),
    "reference image": ("![logo][l]\n\n[l]: //cdn.example/logo.svg", "an image from another host (//cdn.example/logo.svg)"),
    "raw image srcset": ('<img src="a.png" srcset="a.png 1x, http://cdn.example/a2.png 2x" alt="">',
                         "an image from another host (http://cdn.example/a2.png)"),
    "style attribute": ('| a |\n|---|\n| <span style="background: url(\'https://t.example/p.gif\')">x</span> |',
                        "a style attribute from another host (https://t.example/p.gif)"),
    "frame": ('<iframe src="https://video.example/embed/1"></iframe>', "a frame from another host (https://video.example/embed/1)"),
    "video poster": ('<video src="v.mp4" poster="https://img.example/p.jpg"></video>', "a video from another host (https://img.example/p.jpg)"),
    "stylesheet": ('<link rel="stylesheet" href="https://fonts.example/css">', "a stylesheet or icon from another host (https://fonts.example/css)"),
    "style element": ('<style>@import "https://fonts.example/f.css";</style>', "a stylesheet from another host (https://fonts.example/f.css)"),
}


def site_files(body: str) -> dict[str, str]:
    files = {}
    for language in ("sq", "sr", "en"):
        extra = {} if language == "sq" else {"translation": {"source": "sq", "status": "machine"}}
        files[f"{language}/index.md"] = page("home", "Home", f"Intro.\n\n{body}\n", **extra)
    return files


@pytest.mark.parametrize("case", CASES)
def test_a_load_from_another_host_fails_check_and_build_with_file_and_line(tmp_path, monkeypatch, case):
    body, message = CASES[case]
    docs = write_docs(tmp_path / "docs", site_files(body))
    write_data_files(docs)
    monkeypatch.chdir(tmp_path)
    found = [str(p) for p in check_everything(Path("docs")) if p.check == "remote-loads"]
    url = message.split("(")[1][:-1]
    lines = (docs / "sq" / "index.md").read_text(encoding="utf-8").split("\n")
    line = 1 + next(number for number, text in enumerate(lines) if url in text)
    assert f"docs/sq/index.md:{line}: {message}: a reader's browser would fetch it by itself" in "\n".join(found)
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "scripts.site.build", "--config-file", str(write_config(tmp_path, docs, site)),
                             "--site-dir", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr and not site.exists()


def test_links_a_reader_clicks_and_local_files_are_allowed(tmp_path):
    body = "[the law](https://gzk.rks-gov.net/x), <https://oik-rks.org>, ![here](local.png) and [a](#home)"
    site = build_tiny_site(tmp_path, site_files(body) | {"sq/local.png": ""})
    assert 'href="https://gzk.rks-gov.net/x"' in (site / "index.html").read_text(encoding="utf-8")


def test_what_counts_as_another_host():
    assert [is_remote(url) for url in ("a.png", "../x/", "#f", "/abs.png", "data:image/png;base64,AA")] == [False] * 5
    assert [is_remote(url) for url in ("https://x", "HTTP://x", "//x", "ftp://x", "file:///etc/passwd")] == [True] * 5
    assert remote_loads('<a href="https://x">x</a><img src="y.png"><p style="color: red">') == []
