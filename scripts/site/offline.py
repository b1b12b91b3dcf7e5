"""A copy of the site that works opened from disk: `make offline` → dist/<site-name>-<date>.zip.

For readers without internet (a USB stick, a shared folder): unzip, open index.html. Pages,
language switcher, search and images all work over file://, with no server.

The copy is a fresh strict build of mkdocs.yml, the same site as `make build`, with one change
afterwards: a browser opening a folder from disk shows the folder, not its index.html, so every
link to a folder (`../acts/x/`, in pages and in the search index) is pointed at its index.html
(`../acts/x/index.html`; scripts/site/folder_links.py, which the Kiwix files use too). Building with `use_directory_urls: false` instead (as Material's offline
plugin does) would move every page one folder up and break every link a template computes for
directory URLs (language switcher, cross-references, translation notices); rewriting the finished
links keeps each page where the site has it. The 404 pages are left out: only a server shows them,
and their links are absolute (/assets/...), which on disk means the root of the drive.

A copy on disk has no server to send the Content-Security-Policy of deploy/nginx.conf, so every
page carries the same policy in a <meta> tag (without frame-ancestors, which a <meta> cannot set):
a script in a page's Markdown cannot run from the USB stick either.

    python -m scripts.site.offline [--dist-dir dist] [--date 2026-11-24]
"""

from __future__ import annotations

import argparse
import datetime
import tempfile
import zipfile
from pathlib import Path
from typing import Sequence

from scripts.model.languages import Languages, read_config
from scripts.model.project import ROOT
from scripts.site import csp
from scripts.site.build import build_site
from scripts.site.folder_links import point_folder_links_at_files
from scripts.site.not_found import not_found_paths
from scripts.site.sources import file_name_of_site

CHARSET = '<meta charset="utf-8">'
# Every file in the zip gets this time: two zips of the same site are byte-identical.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def add_content_security_policy(site_dir: Path) -> None:
    """The site's policy (scripts/csp.py) as a <meta> tag right after each page's charset."""
    directives = csp.policy(list(csp.policy_hashes(site_dir))).split("; ")
    policy = "; ".join(d for d in directives if not d.startswith("frame-ancestors"))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for html_file in Path(site_dir).rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        html_file.write_text(text.replace(CHARSET, f"{CHARSET}\n      {meta}", 1), encoding="utf-8")


def make_offline_site(site_dir: Path) -> int:
    """A fresh strict build of mkdocs.yml in site_dir, made to work from disk; the exit code."""
    code = build_site(site_dir, ROOT / "mkdocs.yml")
    if code == 0:
        for name in not_found_paths(Languages.from_config(read_config())):  # only a server shows them
            (site_dir / name).unlink(missing_ok=True)
        point_folder_links_at_files(site_dir)
        add_content_security_policy(site_dir)
    return code


def write_zip(site_dir: Path, zip_path: Path, top_folder: str) -> None:
    """Zip site_dir under one top folder, in a stable order with fixed times (reproducible)."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{top_folder}/{path.relative_to(site_dir).as_posix()}", ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    partial.replace(zip_path)


def make_offline(dist_dir: Path, date: str) -> Path:
    """Build the offline copy and zip it; returns the zip's path. Raises if the build fails."""
    name = f"{file_name_of_site()}-{date}"
    with tempfile.TemporaryDirectory(prefix="offline-") as work:
        site_dir = Path(work) / "site"
        code = make_offline_site(site_dir)
        if code != 0:
            raise SystemExit(f"the offline build failed (exit {code}); no zip was written")
        zip_path = Path(dist_dir) / f"{name}.zip"
        write_zip(site_dir, zip_path, name)
    return zip_path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist", help="where the zip goes (default: dist/)")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="date in the name (default: today)")
    args = parser.parse_args(argv)
    zip_path = make_offline(args.dist_dir, args.date)
    print(f"{zip_path}: unzip it and open {zip_path.stem}/index.html in a browser")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
