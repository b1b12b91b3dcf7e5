"""The Debian packages the tests need (requirements-system.txt): install the missing ones, or say how.

`make test` runs this first. As root with apt-get it installs what is missing (as CI does on a
clean machine); otherwise it stops at once, before any test runs, with the one command to run.
Nothing is installed when everything is there, so it costs nothing on a prepared machine.

    python -m scripts.tools.system_packages            # install the missing packages (root) or explain
    python -m scripts.tools.system_packages --check    # only report; exit 1 when something is missing
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Sequence

from scripts.model.project import ROOT

REQUIREMENTS = ROOT / "requirements-system.txt"


def required(path: Path | None = None) -> list[tuple[str, str]]:
    """(file or command, Debian package) pairs, in the file's order."""
    pairs = []
    for line in (path or REQUIREMENTS).read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            pairs.append((fields[0], fields[1]))
    return pairs


def is_present(needed: str) -> bool:
    return Path(needed).exists() if "/" in needed else shutil.which(needed) is not None


def missing_packages(path: Path | None = None) -> list[str]:
    return list(dict.fromkeys(package for needed, package in required(path) if not is_present(needed)))


def install(packages: Sequence[str]) -> int:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"installing the Debian packages the tests need: {' '.join(packages)}", flush=True)
    update = subprocess.run(["apt-get", "update", "-qq"], env=env)
    if update.returncode != 0:
        return update.returncode
    return subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env).returncode


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is missing")
    args = parser.parse_args(argv)
    missing = missing_packages()
    if not missing:
        return 0
    command = f"apt-get install -y {' '.join(missing)}"
    if args.check or os.geteuid() != 0 or shutil.which("apt-get") is None:
        print(f"the tests need Debian packages that are missing: {' '.join(missing)}\n"
              f"run: sudo {command}   (then `make test` again)", file=sys.stderr)
        return 1
    code = install(missing)
    still = missing_packages()
    if code != 0 or still:
        print(f"could not install {' '.join(still or missing)}: run `{command}` and look at its output", file=sys.stderr)
        return code or 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
