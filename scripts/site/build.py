"""Atomic strict build: build into a folder next to site/, then swap it in, so site/ is always whole.

At every instant `site/` is either the previous good site or the new one:
- a failed build leaves the previous site/ untouched;
- the swap exchanges the two folders in one system call (Linux `renameat2(RENAME_EXCHANGE)`), so a
  build killed at any moment never leaves the server without a site/; where the file system cannot
  exchange, site/ is renamed aside and the new one renamed in, and the next build puts the old one
  back if a kill fell between the two renames;
- leftovers of a killed build (`.site-building-*`, `.site-old`) are removed by the next build, and the
  mkdocs process of a killed build dies with it;
- two builds into the same site/ never run at once: the second waits for the first (a lock file,
  `.site-build.lock`, held for the whole build);
- published files are world-readable (0644, folders 0755) whatever the umask, so a copy made with
  `rsync -a` is readable by a web server running as another user;
- a read-only previous site/ (e.g. after `chmod -R a-w`) is still removed once replaced.

Between MkDocs and the swap, the offline channels the config switches on are added to the new
folder (scripts/site/channels.py: the service worker files; the Kiwix files, which take seconds);
a problem there fails the build the same way.

    python -m scripts.site.build [--site-dir site] [--config-file mkdocs.yml]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Iterator, Sequence

from scripts.model.project import ROOT
from scripts.site.channels import ChannelError, add_offline_channels

FOLDER_MODE = 0o755
FILE_MODE = 0o644
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_PR_SET_PDEATHSIG = 1


def build_site(site_dir: Path, config_file: Path, extra_args: Sequence[str] = ()) -> int:
    """Run a strict mkdocs build into a fresh folder and replace site_dir with it only on success."""
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(site_dir):
        recover(site_dir)
        staging = site_dir.with_name(f".{site_dir.name}-building-{os.getpid()}")
        staging.mkdir(mode=FOLDER_MODE)
        try:
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                       "--config-file", str(config_file), "--site-dir", str(staging), *extra_args]
            result = subprocess.run(command, cwd=Path(config_file).resolve().parent, preexec_fn=_die_with_parent)
            if result.returncode != 0:
                print(f"build failed: {site_dir} was left as it was", file=sys.stderr)
                return result.returncode
            try:
                for line in add_offline_channels(staging, Path(config_file)):
                    print(f"offline channel: {line}", file=sys.stderr)
            except ChannelError as error:
                print(f"{error}\nbuild failed: {site_dir} was left as it was", file=sys.stderr)
                return 1
            make_world_readable(staging)
            swap_in(staging, site_dir)
            return 0
        finally:
            remove_tree(staging)


@contextlib.contextmanager
def build_lock(site_dir: Path) -> Iterator[None]:
    """Hold `.<site>-build.lock` next to site_dir for the whole build; a second build waits for it."""
    lock_path = site_dir.with_name(f".{site_dir.name}-build.lock")
    with open(lock_path, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            print(f"another build into {site_dir} is running (pid {holder}); waiting for it to finish…",
                  file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _set_aside(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}-old")


def recover(site_dir: Path) -> None:
    """Under the lock: put back a site a killed swap set aside, and remove a killed build's leftovers."""
    aside = _set_aside(site_dir)
    if aside.exists() and not site_dir.exists():
        aside.rename(site_dir)
    for leftover in site_dir.parent.glob(f".{site_dir.name}-building-*"):
        remove_tree(leftover)
    if aside.exists():
        remove_tree(aside)


def make_world_readable(folder: Path) -> None:
    """Folders 0755 and files 0644, so any web server user can read a copy (`rsync -a` keeps modes)."""
    os.chmod(folder, FOLDER_MODE)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), FOLDER_MODE)
        for name in files:
            os.chmod(os.path.join(parent, name), FILE_MODE)


def _die_with_parent() -> None:
    """In the mkdocs child: be killed when this build process dies (even by SIGKILL), so a killed
    build leaves no orphan writing into a staging folder that the next build removes."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step; False where the system cannot (then nothing moved)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "renameat2"):  # glibc before 2.28, or not glibc
        return False
    if libc.renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(new: Path, target: Path) -> None:
    """Make `new` the target: exchanged atomically when target exists (new then holds the old site,
    for the caller to remove), else renamed; never a moment without target where there was one."""
    if not target.exists():
        new.rename(target)
    elif not exchange(new, target):
        aside = _set_aside(target)
        target.rename(aside)  # a kill here leaves the old site aside: recover() puts it back
        new.rename(target)
        remove_tree(aside)


def remove_tree(path: Path) -> None:
    """Remove a folder even where it (or a folder in it) was made read-only."""

    def make_writable_and_retry(function, failed_path, _exc_info):
        parent = os.path.dirname(failed_path)
        os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR | stat.S_IXUSR)
        if os.path.isdir(failed_path) and not os.path.islink(failed_path):
            os.chmod(failed_path, os.stat(failed_path).st_mode | stat.S_IRWXU)
        function(failed_path)

    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        if not os.access(path, os.W_OK | os.X_OK):
            os.chmod(path, os.stat(path).st_mode | stat.S_IRWXU)
        shutil.rmtree(path, onerror=make_writable_and_retry)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where the site goes (default: site/)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml", help="default: mkdocs.yml")
    args = parser.parse_args(argv)
    return build_site(args.site_dir, args.config_file)


if __name__ == "__main__":
    raise SystemExit(main())
