"""What every build adds to the built site for readers without a connection.

After MkDocs has written the site (and before scripts/build.py swaps it in):

1. the service worker files (scripts/service_worker.py): sw.js and one manifest per language,
   which "Save for offline reading" uses;
2. the Kiwix files (scripts/zim.py), one per language, in downloads/: the About page links to
   them, and `make zim` copies them to dist/.

Both work on the built folder only; the Kiwix files also read the build's documents (to index
each language's own pages), found through the config's docs_dir. A problem (an icon the ZIM
illustration cannot be drawn from, a missing theme file) is reported as one line naming the file,
and the build fails without replacing the previous site.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from scripts.documents import LANGUAGES
from scripts.problems import DEFAULT_DOCS_DIR, ROOT
from scripts.site_configs import project_config


class ChannelError(Exception):
    """The offline channels could not be made; the message names the file and the fix."""


def docs_dir_of(config_file: Path) -> Path:
    """The docs folder a mkdocs.yml names (relative to the config's own folder)."""
    config_file = Path(config_file).resolve()
    return config_file.parent / project_config(config_file).get("docs_dir", "docs")


def add_offline_channels(site_dir: Path, config_file: Path) -> None:
    """Write the service worker files and the Kiwix files into a freshly built site folder."""
    from scripts import icon_png, service_worker, zim  # (zim's command line uses this module)

    site_dir = Path(site_dir)
    try:
        service_worker.write_service_worker(site_dir)
        zim.make_zims(site_dir, site_dir / zim.DOWNLOADS_DIR, service_worker.site_languages(site_dir),
                      docs_dir_of(config_file), publisher=os.environ.get(zim.PUBLISHER_VARIABLE) or None)
    except (icon_png.IconError, FileNotFoundError, ValueError) as error:
        raise ChannelError(str(error)) from None


def channel_parser(description: str, files: str) -> argparse.ArgumentParser:
    """The arguments of the commands that make files from a built site (scripts.zim, scripts.booklet)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist", help=f"where the {files} go (default: dist/)")
    parser.add_argument("--docs-dir", type=Path, default=DEFAULT_DOCS_DIR, help="the site's docs folder (default: docs/)")
    parser.add_argument("--language", action="append", choices=LANGUAGES, help="only this language (repeatable)")
    return parser


def run_channel(make: Callable[[], Sequence[Path]], errors: tuple[type[Exception], ...]) -> int:
    """Make the files, print each with its size; a problem is one line on stderr and exit code 1."""
    try:
        paths = make()
    except errors as error:
        print(error, file=sys.stderr)
        return 1
    for path in paths:
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    return 0
