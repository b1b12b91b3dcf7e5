"""A phone that keeps the site: the service worker files of a built site, one saved copy per language.

A reader who presses "Save for offline reading" (overrides/partials/crch/offline-save.html, filled
in by scripts/mkdocs_adapter/offline.py; overrides/assets/javascripts/offline-save.js) registers `sw.js` for the whole site (one
registration for every language: the search worker, under assets/, must be controlled too) and
asks it to save their language. The worker (overrides/assets/javascripts/offline-sw.js) then
downloads the files this module lists for that language and answers from them, also without a
connection. Service workers need a secure origin (https, or localhost); on file:// and on plain
http the control says to use the zip or the Kiwix file instead.

Each language has its copy, and so has a generated edition (the Serbian Cyrillic one, sr-cyrl: its
twins' control saves the edition, `control_for_edition`). What a copy holds (`language_files`):
every page of its tree, everything those pages load (scripts, stylesheets, icons, images; what
the stylesheets import), its search files (every file under assets/search/ but those named for
another language or edition: `index.sr.js` and `texts.sr.0.js` belong to `sr`,
`texts.sr-cyrl.0.js` to `sr-cyrl`) and what Material's scripts fetch by themselves (its search
index, the sitemap). Links a reader follows to other languages, to the downloads folder or to
data files are not saved.

Versioned per build: `assets/offline/<language>.json` lists each file with the sha256 of its
bytes; the language's version is a hash of that list and of the worker's code, and `sw.js` carries
every language's version. A rebuild that changes any of a language's files changes `sw.js`, so the
browser installs the new worker, which fetches only the files whose hash changed (checking each
against its hash), copies the others from the old copy, and then deletes the old copy. A failed
update leaves the old copy in place. Same site, same bytes.

The build writes these files after MkDocs when the plugin's `offline_save` is on (the default;
scripts/site/channels.py): well under a second for the real site.

    python -m scripts.site.service_worker site/ [--config-file mkdocs.yml]   # write them; print each copy's size
"""

from __future__ import annotations

import argparse
import hashlib
import html as html_module
import json
import posixpath
import re
from pathlib import Path
from typing import Callable, Iterable, Sequence
from urllib.parse import unquote, urlsplit

from scripts.checks.remote_loads import css_urls, page_loads
from scripts.model.documents import Document
from scripts.model.languages import Languages
from scripts.model.project import CONFIG_FILE
from scripts.model.settings import project_settings
from scripts.model.strings import Strings
from scripts.site.not_found import is_not_found_page

SCRIPT_NAME = "sw.js"  # at the site root, so it may control every language's folder
MANIFEST_DIR = "assets/offline"
WORKER_CODE = "assets/javascripts/offline-sw.js"  # the worker's code, a file of the theme
SEARCH_DIR = "assets/search/"
# What Material's bundle fetches by itself: its own search index (which this project leaves
# empty, but the search box waits for it) and the sitemap its language switcher reads.
MATERIAL_FETCHES = ("search/search_index.json", "sitemap.xml")
# The "Save for offline reading" control is wrapped in these comments (partials/crch/offline-save.html),
# so copies that need no control (the Kiwix archive) can take it out.
CONTROL_START, CONTROL_END = "<!-- crch:offline-save -->", "<!-- /crch:offline-save -->"
CONTROL = re.compile(re.escape(CONTROL_START) + ".*?" + re.escape(CONTROL_END), re.DOTALL)
VERSION_LENGTH = 16


ABOUT_ID = "about"  # the page that tells readers about the zip and the Kiwix files
CONTROL_TEXTS = ("title", "intro", "save", "remove", "insecure")
STATUS_TEXTS = ("size", "saving", "saved", "updated", "removed", "failed")


def control_texts(strings: Strings, language: str, about: Document | None) -> dict:
    """What partials/crch/offline-save.html shows, in the reader's language; `texts` are the
    messages offline-save.js shows as saving goes on."""
    texts = {name: strings.t(f"offline.{name}", language) for name in CONTROL_TEXTS}
    return {**texts, "language": language,
            "texts": {name: strings.t(f"offline.{name}", language) for name in STATUS_TEXTS},
            "about_title": about.title if about else "", "about_path": about.site_path if about else ""}


CONTROL_LANGUAGE = re.compile(r'(<section [^>]*\bdata-crch-offline\b[^>]*\bdata-language=")([^"]*)(")')
CONTROL_TEXTS_ATTRIBUTE = re.compile(r'(<section [^>]*\bdata-crch-offline\b[^>]*\bdata-texts=")([^"]*)(")')
PLACEHOLDER = re.compile(r"(\{\w+\})")  # as offline-save.js's say() reads them


def control_for_edition(html: str, edition: str, convert: Callable[[str], str]) -> str:
    """A generated edition's page (the Serbian Cyrillic twin of a Serbian Latin page) whose control
    saves the edition, with the messages it shows as saving goes on (`data-texts`, which no
    transliteration of the page's text reads) passed through `convert`, but their placeholders
    ({done}, offline-save.js fills them in). A page without the control (offline_save off) is
    returned as it is."""
    def message(text: str) -> str:
        return "".join(piece if PLACEHOLDER.fullmatch(piece) else convert(piece) for piece in PLACEHOLDER.split(text) if piece)

    def texts(match: re.Match) -> str:
        data = json.loads(html_module.unescape(match.group(2)))
        converted = json.dumps({key: message(value) for key, value in data.items()}, ensure_ascii=False)
        return match.group(1) + html_module.escape(converted, quote=True) + match.group(3)

    html = CONTROL_LANGUAGE.sub(lambda match: match.group(1) + edition + match.group(3), html, count=1)
    return CONTROL_TEXTS_ATTRIBUTE.sub(texts, html, count=1)


def without_offline_control(html: str) -> str:
    """The page without its "Save for offline reading" control."""
    return CONTROL.sub("", html)


def page_url(rel_path: str) -> str:
    """The address a reader uses for a page file: 'sr/acts/x/index.html' → 'sr/acts/x/', 'index.html' → './'."""
    folder = rel_path[: -len("index.html")] if rel_path.endswith("index.html") else rel_path
    return folder or "./"


def language_of_page(rel_path: str, languages: Languages) -> str | None:
    """The language tree a page file belongs to (None for the 404 pages, which only a server shows)."""
    return None if is_not_found_page(rel_path) else languages.of_site_path(rel_path).code


def _local_file(site_dir: Path, base: str, url: str) -> str | None:
    """The site file (relative path) a URL written in the file `base` points at, if it is one."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
    if path.startswith("../") or path == "..":
        return None
    if (site_dir / path).is_dir():
        path = posixpath.join(path, "index.html")
    return path if (site_dir / path).is_file() else None


def loaded_files(site_dir: Path, rel_path: str) -> set[str]:
    """Files of the site that a page or stylesheet loads (for a stylesheet: url() and @import)."""
    text = (site_dir / rel_path).read_text(encoding="utf-8", errors="replace")
    urls = css_urls(text) if rel_path.endswith(".css") else [load.url for load in page_loads(text)]
    return {found for url in urls if (found := _local_file(site_dir, rel_path, url.strip()))}


def is_search_file_of(rel_path: str, language: str, languages: Languages) -> bool:
    """A file under assets/search/ serves every language unless a part of its path names another
    language or edition (`texts.sr-cyrl.0.js` is not Serbian Latin's, `index.sr.js` not the
    Cyrillic edition's)."""
    parts = set(re.split(r"[./]", rel_path[len(SEARCH_DIR):]))
    return not (parts & ({part.code for part in languages.with_editions} - {language}))


def language_files(site_dir: Path, language: str, languages: Languages) -> list[str]:
    """The site files (relative paths) a saved copy of one language holds, sorted."""
    site_dir = Path(site_dir)
    all_files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    pages = [f for f in all_files if f.endswith(".html") and language_of_page(f, languages) == language]
    wanted = set(pages)
    wanted |= {f for f in all_files if f.startswith(SEARCH_DIR) and is_search_file_of(f, language, languages)}
    wanted |= set(MATERIAL_FETCHES) & set(all_files)
    to_scan = list(pages)
    while to_scan:
        for found in loaded_files(site_dir, to_scan.pop()):
            if found not in wanted and not found.endswith(".html"):
                wanted.add(found)
                if found.endswith(".css"):
                    to_scan.append(found)
    return sorted(wanted)


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest(site_dir: Path, language: str, languages: Languages, worker_hash: str) -> dict:
    """The language's manifest: each file's address, sha256 and size; the version names them all."""
    site_dir = Path(site_dir)
    files = [[page_url(f) if f.endswith(".html") else f, file_hash(site_dir / f), (site_dir / f).stat().st_size]
             for f in language_files(site_dir, language, languages)]
    listing = "\n".join(f"{url} {digest}" for url, digest, _ in files) + f"\nworker {worker_hash}"
    version = hashlib.sha256(listing.encode("utf-8")).hexdigest()[:VERSION_LENGTH]
    return {"language": language, "tree": languages.language_or_edition(language).prefix, "version": version,
            "bytes": sum(size for *_, size in files), "files": files}


def worker_script(versions: dict[str, str], worker_hash: str) -> str:
    """sw.js: the versions of this build, then the worker's code (its hash in the address, so a new
    version of the code is never taken from a cache)."""
    return ("// The site's service worker (scripts/site/service_worker.py writes this file at build time).\n"
            f"self.crchOffline = {json.dumps({'versions': versions}, sort_keys=True)};\n"
            f'importScripts("{WORKER_CODE}?v={worker_hash[:VERSION_LENGTH]}");\n')


def site_languages(site_dir: Path, languages: Languages) -> list[str]:
    """The languages and editions of `languages` this build has a home page for."""
    return [part.code for part in languages.with_editions if (Path(site_dir) / part.prefix / "index.html").is_file()]


def write_service_worker(site_dir: Path, languages: Languages) -> dict[str, dict]:
    """Write sw.js and every language's manifest into a built site; returns the manifests."""
    site_dir = Path(site_dir)
    worker = site_dir / WORKER_CODE
    if not worker.is_file():
        raise FileNotFoundError(f"{worker} is missing: the theme's overrides/{WORKER_CODE} was not copied")
    worker_hash = file_hash(worker)
    (site_dir / SCRIPT_NAME).unlink(missing_ok=True)
    manifests = {lang: manifest(site_dir, lang, languages, worker_hash) for lang in site_languages(site_dir, languages)}
    (site_dir / MANIFEST_DIR).mkdir(parents=True, exist_ok=True)
    for lang, content in manifests.items():
        (site_dir / MANIFEST_DIR / f"{lang}.json").write_text(
            json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    versions = {lang: content["version"] for lang, content in manifests.items()}
    (site_dir / SCRIPT_NAME).write_text(worker_script(versions, worker_hash), encoding="utf-8")
    return manifests


def summary(manifests: Iterable[dict]) -> list[str]:
    return [f"{m['language']}: {len(m['files'])} files, {m['bytes'] / 1e6:.1f} MB, version {m['version']}"
            for m in manifests]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site (e.g. site/)")
    parser.add_argument("--config-file", type=Path, default=CONFIG_FILE, help="its mkdocs.yml (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    manifests = write_service_worker(args.site_dir, project_settings(args.config_file.resolve()).languages)
    print("\n".join(summary(manifests.values())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
