"""Building sites for tests: the real site once per session, and tiny sites in tmp_path.

A tiny site uses the project's own mkdocs.yml (theme, plugins) with another docs folder, so a
test exercises exactly what `make build` runs, but for one switch: the Kiwix files
(`kiwix_files`, about 5 s even for a tiny site) are off unless the test asks for them. The
service worker files (`offline_save`, milliseconds) stay on, as on the real site.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from scripts.bench.setups import write_project_config

ROOT = Path(__file__).resolve().parents[2]


def write_config(directory: Path, docs_dir: Path, site_dir: Path, only_language: str | None = None,
                 kiwix_files: bool = False, plugin_options: dict | None = None, **overrides) -> Path:
    """The project's mkdocs.yml for a tiny site in `directory` (see the module docstring)."""
    options = {"kiwix_files": kiwix_files, **(plugin_options or {})}
    return write_project_config(directory, docs_dir, site_dir, only_language, options, **overrides)


def write_docs(docs_dir: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under docs_dir (text is dedented); returns docs_dir."""
    for rel_path, text in files.items():
        path = docs_dir / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return docs_dir


def tree(site_dir: Path) -> dict[str, str]:
    """{relative path: sha256} of every file: equal trees are byte-identical."""
    return {p.relative_to(site_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site_dir.rglob("*")) if p.is_file()}


def write_data_files(docs_dir: Path) -> None:
    """The project's data files (docs/data/), which every build reads, into a tiny site's docs."""
    shutil.copytree(ROOT / "docs" / "data", docs_dir / "data")


def build_tiny_site(directory: Path, files: dict[str, str]) -> Path:
    """Write files (plus the data files) as a docs folder in directory and build it strictly;
    returns the built site, failing the test with the build's output if it does not build."""
    docs = write_docs(directory / "docs", files)
    write_data_files(docs)
    site_dir = directory / "site"
    result = build(write_config(directory, docs, site_dir), site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def page(doc_id: str, title: str, body: str = "", **fields) -> str:
    """A Markdown page with valid front matter; fields add or replace front-matter keys."""
    meta = {"id": doc_id, "type": "page", "title": title, "summary": f"About {title}.", "last_reviewed": "2026-11-24"}
    meta.update(fields)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    front = front.replace("'2026-11-24'", "2026-11-24")
    return f"---\n{front}---\n\n# {title}\n\n{textwrap.dedent(body).strip()}\n"


def build(config_file: Path, site_dir: Path | None = None, **environment: str) -> subprocess.CompletedProcess:
    """Run the project's atomic strict build on a config (with these environment variables, e.g.
    SITE_URL=…); output is captured for assertions."""
    args = [sys.executable, "-m", "scripts.site.build", "--config-file", str(config_file)]
    if site_dir is not None:
        args += ["--site-dir", str(site_dir)]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=_env(environment))


def _env(environment: dict[str, str] | None = None) -> dict:
    import os

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("CRCH_ONLY_LANGUAGE", None)
    env.pop("SITE_URL", None)  # the real site is built without an address unless a test gives one
    env.update(environment or {})
    return env


def data_file_problems(tmp_path: Path, monkeypatch, rel_path: str, text: str, load) -> list[str]:
    """The problems `load(path)` reports for one data file written at docs/<rel_path>."""
    monkeypatch.chdir(tmp_path)
    write_docs(Path("docs"), {rel_path: text})
    return [str(p) for p in load(Path("docs") / rel_path)[1]]

