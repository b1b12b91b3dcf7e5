"""Where the project's files are, and how messages name them.

Everything else finds the repository through `ROOT`, so the scripts work from any working
directory (a test in tmp_path, a build whose config file lives elsewhere).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = ROOT / "docs"
STRINGS_DIR = ROOT / "overrides" / "strings"
CONFIG_FILE = ROOT / "mkdocs.yml"
REQUIREMENTS_FILE = ROOT / "requirements.txt"
# npm tools of the tests and benchmarks (the Nu HTML Checker, Lighthouse), pinned by its
# package-lock.json; the Makefile installs them into its node_modules/.
NODE_TOOLS_DIR = ROOT / "tests" / "node"


def display_path(path: Path) -> str:
    """A path as editors want it: relative to the working directory when it is inside it.

    Only the folders are resolved, never the last part: a symbolic link is named as itself."""
    absolute = Path(os.path.abspath(path))
    try:
        return (absolute.parent.resolve() / absolute.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
