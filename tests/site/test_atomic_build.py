"""A failed build leaves the previous site untouched, and leaves nothing half-written behind."""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

from scripts.site import build as build_module
from tests.support.sites import ROOT, build, page, tree, write_config, write_data_files, write_docs


def leftovers(site_dir: Path) -> list[str]:
    """What a build left next to site/ besides site/ itself and its lock file."""
    return sorted(p.name for p in site_dir.parent.iterdir() if p.name not in (site_dir.name, f".{site_dir.name}-build.lock"))


def tiny_site(tmp_path: Path) -> tuple[Path, Path]:
    """A three-language home page; returns (docs folder, config file)."""
    docs = write_docs(tmp_path / "docs", {
        f"{language}/index.md": page("home", f"Home {language}", **({} if language == "sq" else
                                     {"translation": {"source": "sq", "status": "machine"}}))
        for language in ("sq", "sr", "en")
    })
    write_data_files(docs)
    return docs, write_config(tmp_path, docs, tmp_path / "out" / "site")


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    docs, config = tiny_site(tmp_path)
    site_dir = tmp_path / "out" / "site"
    assert build(config, site_dir).returncode == 0
    before = tree(site_dir)
    assert "index.html" in before and "sr/index.html" in before

    (docs / "sr" / "index.md").write_text("---\nid: home\ntitle: [unclosed\n---\n# Broken\n", encoding="utf-8")
    result = build(config, site_dir)

    assert result.returncode != 0
    assert "front matter is not valid YAML" in result.stdout + result.stderr
    assert tree(site_dir) == before
    assert leftovers(site_dir) == [], "a half-built folder was left behind"


def test_a_failed_first_build_creates_no_site(tmp_path):
    docs, config = tiny_site(tmp_path)
    site_dir = tmp_path / "out" / "site"
    (docs / "en" / "index.md").write_text("# no front matter\n", encoding="utf-8")
    assert build(config, site_dir).returncode != 0
    assert not site_dir.exists()
    assert leftovers(site_dir) == [], "a half-built folder was left behind"


# As root, permission bits do not stop a build; without these capabilities they do, as for any user.
AS_A_PLAIN_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"] if os.geteuid() == 0 else []


def build_process(config: Path, site_dir: Path, plain_user: bool = False, **kwargs) -> subprocess.Popen:
    command = [sys.executable, "-m", "scripts.site.build", "--config-file", str(config), "--site-dir", str(site_dir)]
    return subprocess.Popen((AS_A_PLAIN_USER if plain_user else []) + command,
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def finished(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=600)
    return process.returncode, out + err


def test_published_files_are_world_readable_whatever_the_umask(tmp_path):
    docs, config = tiny_site(tmp_path)
    site_dir = tmp_path / "out" / "site"
    code, output = finished(build_process(config, site_dir, preexec_fn=lambda: os.umask(0o077)))
    assert code == 0, output
    modes = {oct(stat.S_IMODE(p.stat().st_mode)) for p in [site_dir, *site_dir.rglob("*")] if p.is_dir()}
    assert modes == {oct(build_module.FOLDER_MODE)}
    modes = {oct(stat.S_IMODE(p.stat().st_mode)) for p in site_dir.rglob("*") if p.is_file()}
    assert modes == {oct(build_module.FILE_MODE)}


def test_a_build_killed_midway_leaves_the_site_and_the_next_build_cleans_up(tmp_path):
    docs, config = tiny_site(tmp_path)
    site_dir = tmp_path / "out" / "site"
    assert build(config, site_dir).returncode == 0
    before = tree(site_dir)
    process = build_process(config, site_dir)
    for _ in range(600):  # until the killed build has started writing its staging folder
        if any(site_dir.parent.glob(".site-building-*/*")):
            break
        time.sleep(0.05)
    process.kill()  # SIGKILL: no clean-up runs
    process.communicate(timeout=30)
    assert tree(site_dir) == before
    assert build(config, site_dir).returncode == 0
    assert leftovers(site_dir) == []


def test_a_kill_between_the_two_renames_of_the_fallback_swap_loses_no_site(tmp_path):
    site_dir = tmp_path / "site"
    aside = tmp_path / ".site-old"
    aside.mkdir()
    (aside / "index.html").write_text("the previous site", encoding="utf-8")
    (tmp_path / ".site-building-123").mkdir()  # the new site, half renamed, when the kill came
    build_module.recover(site_dir)
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_swap_exchanges_the_two_folders_in_one_step(tmp_path):
    old, new = tmp_path / "site", tmp_path / ".site-building-1"
    old.mkdir()
    new.mkdir()
    (old / "a").write_text("old", encoding="utf-8")
    (new / "a").write_text("new", encoding="utf-8")
    assert build_module.exchange(new, old), "this file system cannot exchange folders atomically"
    assert (old / "a").read_text(encoding="utf-8") == "new" and (new / "a").read_text(encoding="utf-8") == "old"


def test_a_read_only_previous_site_is_replaced_and_removed(tmp_path):
    docs, config = tiny_site(tmp_path)
    site_dir = tmp_path / "out" / "site"
    assert build(config, site_dir).returncode == 0
    subprocess.run(["chmod", "-R", "a-w", str(site_dir)], check=True)
    try:
        (docs / "en" / "index.md").write_text(page("home", "Changed", translation={"source": "sq", "status": "machine"}),
                                              encoding="utf-8")
        code, output = finished(build_process(config, site_dir, plain_user=True))
        assert code == 0, output
        assert "Changed" in (site_dir / "en" / "index.html").read_text(encoding="utf-8")
        assert leftovers(site_dir) == []
        code, output = finished(build_process(config, site_dir, plain_user=True))
        assert code == 0, f"a later build is wedged: {output}"
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(tmp_path)], check=False)


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path):
    docs, config = tiny_site(tmp_path)
    site_dir = tmp_path / "out" / "site"
    site_dir.parent.mkdir(parents=True)
    with open(site_dir.with_name(".site-build.lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a first build holds it
        lock.write("4242")
        lock.flush()
        waiting = build_process(config, site_dir)
        for _ in range(200):
            if waiting.poll() is not None or any(site_dir.parent.glob(".site-building-*")):
                break
            time.sleep(0.05)
        assert waiting.poll() is None and not any(site_dir.parent.glob(".site-building-*")), "it did not wait"
        fcntl.flock(lock, fcntl.LOCK_UN)
    code, output = finished(waiting)
    assert code == 0, output
    assert "another build into" in output and "(pid 4242); waiting for it to finish" in output
    assert (site_dir / "index.html").is_file() and leftovers(site_dir) == []


def test_two_builds_at_once_do_not_collide(tmp_path):
    docs, config = tiny_site(tmp_path)
    site_dir = tmp_path / "out" / "site"
    results = [finished(process) for process in (build_process(config, site_dir), build_process(config, site_dir))]
    assert [code for code, _ in results] == [0, 0], results
    assert "Traceback" not in results[0][1] + results[1][1]
    assert (site_dir / "index.html").is_file()
    assert leftovers(site_dir) == []
