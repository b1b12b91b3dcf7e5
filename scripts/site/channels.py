"""What the build adds to a freshly built site for readers without a connection.

After MkDocs has written the site, and before scripts/site/build.py swaps it in, each channel the
build's mkdocs.yml switches on (options of the clearing-house plugin, read here with the core's
settings, scripts/model/settings.py):

1. `offline_save` (on by default; well under a second): the service worker files
   (scripts/site/service_worker.py), sw.js and one manifest per language, which "Save for offline
   reading" at the foot of every page uses;
2. `kiwix_files` (off by default; mkdocs.yml turns it on; seconds per language): the Kiwix files
   (scripts/site/zim.py), one per language, in downloads/: the About page links to them, and
   `make zim` copies them to dist/. The tests' tiny sites leave it off (tests/support/sites.py).

Both work on the built folder; the Kiwix files also read the build's documents (to index each
language's own pages) through the config's docs_dir. A problem (an icon the ZIM illustration
cannot be drawn from, a missing theme file) is one line naming the file, and the build fails
without replacing the previous site.

    python -m scripts.site.channels site/ [--config-file mkdocs.yml]   # add them to a built site
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Sequence

from scripts.model.languages import read_config
from scripts.model.project import CONFIG_FILE
from scripts.model.settings import Settings
from scripts.site import icon_png, service_worker, zim
from scripts.site.sources import SiteSources, built_languages


class ChannelError(Exception):
    """The offline channels could not be made; the message names the file and the fix."""


def add_offline_channels(site_dir: Path, config_file: Path) -> list[str]:
    """Write what the config switches on into a freshly built site; one line per channel made."""
    site_dir, config_file = Path(site_dir), Path(config_file).resolve()
    config = read_config(config_file)
    settings = Settings.from_config(config, config_file.parent)
    done = []
    try:
        if settings.offline_save:
            start = time.perf_counter()
            manifests = service_worker.write_service_worker(site_dir, built_languages(config, settings.languages))
            done.append(f"service worker files ({', '.join(manifests)}): {time.perf_counter() - start:.1f} s")
        if settings.kiwix_files:
            start = time.perf_counter()
            paths = zim.make_zims(site_dir, site_dir / zim.DOWNLOADS_DIR, SiteSources.read(config_file),
                                  publisher=os.environ.get(zim.PUBLISHER_VARIABLE) or None)
            size = sum(path.stat().st_size for path in paths) / 1e6
            done.append(f"Kiwix files in {zim.DOWNLOADS_DIR}/ ({len(paths)}, {size:.1f} MB): "
                        f"{time.perf_counter() - start:.1f} s")
    except (icon_png.IconError, FileNotFoundError, ValueError) as error:
        raise ChannelError(str(error)) from None
    return done


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site (e.g. site/)")
    parser.add_argument("--config-file", type=Path, default=CONFIG_FILE, help="its mkdocs.yml (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        done = add_offline_channels(args.site_dir, args.config_file)
    except ChannelError as error:
        print(error, file=sys.stderr)
        return 1
    print("\n".join(done) or "no offline channel is switched on in " + str(args.config_file))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
