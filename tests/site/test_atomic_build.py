"""A failed build leaves the previous site untouched, and leaves nothing half-written behind."""

from __future__ import annotations

from pathlib import Path

from tests.support.sites import build, tree, page, write_config, write_data_files, write_docs


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
    assert sorted(p.name for p in site_dir.parent.iterdir()) == ["site"], "a half-built folder was left behind"


def test_a_failed_first_build_creates_no_site(tmp_path):
    docs, config = tiny_site(tmp_path)
    site_dir = tmp_path / "out" / "site"
    (docs / "en" / "index.md").write_text("# no front matter\n", encoding="utf-8")
    assert build(config, site_dir).returncode != 0
    assert not site_dir.exists()
    assert list(site_dir.parent.iterdir()) == [], "a half-built folder was left behind"
