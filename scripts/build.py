"""Atomic strict build: build into a temporary folder next to site/, then swap it in.

A failed build leaves the previous site/ untouched, so a server never serves half a site.
Before the swap, the offline channels (scripts/offline_channels.py: the service worker files,
the Kiwix files) are added to the new folder.

    python -m scripts.build [--site-dir site] [--config-file mkdocs.yml]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from scripts.problems import ROOT, main_exit


def build_site(site_dir: Path, config_file: Path, extra_args: Sequence[str] = ()) -> int:
    """Run a strict mkdocs build into a fresh folder and replace site_dir with it only on success."""
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                   "--config-file", str(config_file), "--site-dir", str(staging), *extra_args]
        result = subprocess.run(command, cwd=Path(config_file).resolve().parent)
        if result.returncode != 0:
            print(f"build failed: {site_dir} was left as it was", file=sys.stderr)
            return result.returncode
        # imported here: the Kiwix files reuse scripts.offline, which builds through this module
        from scripts.offline_channels import ChannelError, add_offline_channels

        try:
            add_offline_channels(staging, config_file)
        except ChannelError as error:
            print(f"{error}\nbuild failed: {site_dir} was left as it was", file=sys.stderr)
            return 1
        swap_in(staging, site_dir)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Replace target with new using renames, so target is never half-written."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where the site goes (default: site/)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml", help="default: mkdocs.yml")
    args = parser.parse_args(argv)
    return build_site(args.site_dir, args.config_file)


if __name__ == "__main__":
    main_exit(main)
