"""What may sit in docs/: regular files and folders only. Nothing outside docs/ is ever published.

MkDocs follows symbolic links: `docs/sq/env.txt -> /proc/self/environ` would publish the build's
environment, a linked folder would publish a tree from elsewhere in every language, and a link
loop would send it round in circles. So every symbolic link under docs/ is refused, whatever its
target (inside docs/ or not: a link is never needed, a copy does the same), and so is anything
that is not a regular file or a folder (a FIFO would hang the build, a device would be read).
The walk never follows a link, so it ends on any tree. `make check` and every build run it
before anything else reads docs/.

    python -m scripts.checks --select docs-tree [--docs-dir docs]
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Sequence

from scripts.checks.problems import Problem
from scripts.checks.registry import check
from scripts.model.documents import Corpus
from scripts.model.project import display_path

CHECK = "docs-tree"
KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
         stat.S_IFBLK: "a block device"}


def tree_problems(docs_dir: Path) -> list[Problem]:
    """Every symbolic link and every entry that is neither a regular file nor a folder, under docs_dir."""
    problems = []
    pending = [Path(docs_dir)]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                path = Path(entry.path)
                shown = display_path(path)
                if entry.is_symlink():
                    problems.append(Problem(shown, 1, f"is a symbolic link (to {os.readlink(path)}); links are never "
                                            "published, whatever their target: put the file itself here (a copy), "
                                            "or remove the link", check=CHECK))
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                elif not entry.is_file(follow_symlinks=False):
                    kind = KINDS.get(stat.S_IFMT(entry.stat(follow_symlinks=False).st_mode), "not a regular file")
                    problems.append(Problem(shown, 1, f"is {kind}, not a regular file: remove it from docs/", check=CHECK))
    return sorted(problems)


@check("docs-tree", bad="docs/sq/env.txt -> /proc/self/environ (a symbolic link)",
       good="docs/sq/env.txt, a regular file")
def docs_tree(corpus: Corpus) -> list[Problem]:
    """A symbolic link or a special file under docs/ (nothing outside docs/ is published)."""
    return tree_problems(corpus.docs_dir)
