"""Kiwix library files of the built site, one per language: downloads/<site-name>_<language>_all.zim.

Where connectivity is poor, people already use Kiwix: its Android and desktop readers, and
kiwix-serve on an office network. Kiwix's convention is one file per language, so each language
gets its own archive, written with libzim (PyPI) from a built site folder. Serbian in Cyrillic
(the generated edition, sr-cyrl) gets one of its own, as Kiwix libraries give a script variant:
its own Name with the edition's code where the language goes (openZIM's naming convention allows
a code "based on" ISO 639, lower case: `…_sr-cyrl_all`), Language `srp` (ISO 639-3 has no
script), and Title, Description and Creator in Cyrillic, so the two Serbian files differ in a
library list; its main entry is sr-cyrl/index.html and its own pages are the twins. Each file:

- **the whole site** (the three languages, the Cyrillic edition and the assets), so the
  language switcher, a translation's link to its original and every other link keep working
  inside the archive; the language's home page is the main entry;
- **its own search**: only the pages written in the archive's language (the corpus's documents of
  that language; a page shown in place of a missing translation is another language's text) go
  into the full-text and the title index, each with its title, the text of its article (the
  site's navigation and the parts the site's own search leaves out, `data-search-exclude`, are
  not indexed) and its summary as keywords (the Cyrillic archive's also its Latin title and
  summary, so that a reader typing Latin letters finds the page). Every other item is added
  without index data and not as a front article; libzim would otherwise index every HTML page
  it is given, and a search in one language would return all of them;
- **links that resolve**: pages link to folders (`../acts/`); as in the zip copy
  (scripts/site/folder_links.py), every folder link of a page is pointed at the folder's index.html, and
  each folder with an index.html also gets a redirect (`acts/` → `acts/index.html`) for
  addresses written elsewhere (the search index, a reader typing one);
- the required metadata (Name, Title, Creator, Publisher, Date, Description, Language in
  ISO 639-3) and a 48×48 PNG illustration drawn from the site's favicon (scripts/site/icon_png.py).

Left out: what only a web server uses (every 404.html, the gzipped sitemap, the service worker and its
manifests, the downloads folder) and source maps. The "Save for offline reading" control is
taken out of the pages (a Kiwix reader already has the site offline), and so are the About
page's links to the downloads folder (the text stays).

The build writes the files into the site's downloads/ folder when the plugin's `kiwix_files` is
on (mkdocs.yml turns it on; scripts/site/channels.py), so the About page's download links work
wherever the site is served; `make zim` copies them to dist/ for handing out. It takes seconds
(about 8 s for the real site's three files on a shared 2-CPU machine), which is why the tests'
tiny sites leave it off. A ZIM file carries a random UUID, so two builds never give the same
bytes: the byte-identical build check (tests/site/test_reproducible.py) leaves downloads/*.zim out.

The parts: `zim_entries` (the archive's items and their index text), `zim_writer` (libzim);
this module chooses the site's files, names the archives, gives their metadata, and is the command line.

    python -m scripts.site.zim [--site-dir site] [--dist-dir dist] [--config-file mkdocs.yml]
                               [--language sr] [--publisher "NGO"] [--date 2026-12-01]
"""

from __future__ import annotations

import datetime
import os
import posixpath
import re
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

from scripts.model.languages import Language, Languages
from scripts.site import icon_png, service_worker
from scripts.site.folder_links import point_folder_links_at_files
from scripts.site.not_found import is_not_found_page
from scripts.site.sources import SiteSources, channel_parser, chosen_languages, run_channel
from scripts.site.zim_entries import archive_entries
from scripts.site.zim_writer import ILLUSTRATION_SIZE, write_zim

# ZIM metadata names languages in ISO 639-3, by the primary subtag of the text's language tag
# (sr-Latn → sr → srp); a language of the site missing here stops the Kiwix files with the fix.
ISO_639_3 = {"sq": "sqi", "sr": "srp", "en": "eng"}
TITLE_LIMIT, DESCRIPTION_LIMIT = 30, 80  # Kiwix's limits for Title and Description
SELECTION = "all"  # Kiwix names files <project>_<language>_<selection>
DOWNLOADS_DIR = "downloads"  # where the build publishes the files, next to the pages
PUBLISHER_VARIABLE = "ZIM_PUBLISHER"  # who publishes the files (default: the site's English name)
SERVER_ONLY = ("sitemap.xml.gz", service_worker.SCRIPT_NAME)
SERVER_ONLY_FOLDERS = (service_worker.MANIFEST_DIR, DOWNLOADS_DIR)
DEVELOPER_ONLY_SUFFIXES = (".map",)
ICON_LINK = re.compile(r'<link rel="icon" href="([^"]+)"')
LINK = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


def zim_name(site_name: str, language: str) -> str:
    """Kiwix's Name, which stays the same from one edition to the next: 'community-rights-clearing-house_sr_all'."""
    return f"{site_name}_{language}_{SELECTION}"


def zim_path(dist_dir: Path, site_name: str, language: str) -> Path:
    """Where a language's file goes: dist_dir/<Name>.zim."""
    return Path(dist_dir) / f"{zim_name(site_name, language)}.zim"


def iso_639_3(language: Language) -> str:
    primary = language.html_lang.split("-")[0].lower()
    if primary not in ISO_639_3:
        raise ValueError(f"scripts/site/zim.py: the Kiwix files name languages in ISO 639-3: add '{primary}' "
                         f"(of {language.code}) to ISO_639_3")
    return ISO_639_3[primary]


def metadata(sources: SiteSources, language: str, date: str, publisher: str | None = None) -> dict[str, str]:
    """The archive's text metadata; Title and Description within Kiwix's length limits."""
    texts = sources.texts(language)
    title, description = sources.t("zim.title", language), sources.t("zim.description", language)
    if len(title) > TITLE_LIMIT or len(description) > DESCRIPTION_LIMIT:
        raise ValueError(f"overrides/strings/offline.yml: the {language} zim.title must fit {TITLE_LIMIT} "
                         f"characters and zim.description {DESCRIPTION_LIMIT}")
    return {
        "Name": zim_name(sources.file_name(), language),
        "Title": title,
        "Creator": texts.site_name,
        "Publisher": publisher or sources.texts("en").site_name,
        "Date": date,
        "Description": description,
        "LongDescription": texts.site_description,
        "Language": iso_639_3(sources.part(language)),
        "Tags": "_category:other;law;kosovo",
        "Flavour": SELECTION,
        "Scraper": f"{sources.file_name()} scripts/site/zim.py",
    }


def home_path(language: Language) -> str:
    return f"{language.prefix}index.html"


def in_archive(rel_path: str) -> bool:
    """Whether a file of the built site belongs in the archive (see the module docstring)."""
    return not (rel_path in SERVER_ONLY or is_not_found_page(rel_path) or rel_path.endswith(DEVELOPER_ONLY_SUFFIXES)
                or any(rel_path.startswith(folder.rstrip("/") + "/") for folder in SERVER_ONLY_FOLDERS))


def copy_for_archive(site_dir: Path, work_dir: Path) -> Path:
    """The site's archive files copied to work_dir/site, links pointed at files, the offline
    control and download links taken out of the pages; returns the copy."""
    copy = Path(work_dir) / "site"
    for path in sorted(Path(site_dir).rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and in_archive(rel):
            target = copy / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        text = without_download_links(service_worker.without_offline_control(text), page.relative_to(copy).as_posix())
        page.write_text(text, encoding="utf-8")
    point_folder_links_at_files(copy)
    return copy


def without_download_links(html: str, rel_path: str) -> str:
    """The page with its links into the downloads folder turned into their text."""
    def unwrap(link: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel_path), link.group(1)))
        return link.group(2) if target.startswith(DOWNLOADS_DIR + "/") else link.group(0)

    return LINK.sub(unwrap, html)



def favicon_file(site_dir: Path, languages: Languages) -> Path:
    """The icon the home page names (<link rel="icon">), in the site folder."""
    home = next(Path(site_dir) / home_path(lang) for lang in languages if (Path(site_dir) / home_path(lang)).is_file())
    found = ICON_LINK.search(home.read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{home} names no icon (<link rel=\"icon\">): set theme.favicon in mkdocs.yml")
    return (home.parent / found.group(1)).resolve()



def build_date() -> str:
    """The archive's date: SOURCE_DATE_EPOCH's day when it is set (as for the site), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)
    return moment.date().isoformat()


def make_zims(site_dir: Path, dist_dir: Path, sources: SiteSources, languages: Sequence[str] | None = None,
              date: str | None = None, publisher: str | None = None) -> list[Path]:
    """One archive per language (default: every language the site has a home page for) from a
    built site folder; returns their paths."""
    site_dir = Path(site_dir)
    built = [lang for lang in sources.languages.with_editions if (site_dir / home_path(lang)).is_file()]
    if not built:
        raise ValueError(f"{site_dir} is not a built site (no home page): run `make build` first")
    chosen = built if languages is None else [sources.part(code) for code in languages]
    for lang in chosen:
        if lang not in built:
            raise ValueError(f"{site_dir} has no {lang.code} home page ({home_path(lang)}): build that language first")
    meta = {lang.code: metadata(sources, lang.code, date or build_date(), publisher) for lang in chosen}
    illustration = icon_png.icon_png(favicon_file(site_dir, sources.languages), ILLUSTRATION_SIZE)
    with tempfile.TemporaryDirectory(prefix="zim-") as work:
        copy = copy_for_archive(site_dir, Path(work))
        return [write_zim(list(archive_entries(copy, sources, lang.code)), home_path(lang),
                          zim_path(dist_dir, sources.file_name(), lang.code), meta[lang.code], illustration)
                for lang in chosen]


def main(argv: Sequence[str] | None = None) -> int:
    parser = channel_parser(__doc__.splitlines()[0], "files")
    parser.add_argument("--date", help="the archive's Date, YYYY-MM-DD (default: today)")
    parser.add_argument("--publisher", default=os.environ.get(PUBLISHER_VARIABLE) or None,
                        help=f"who publishes the files, e.g. your organisation (default: ${PUBLISHER_VARIABLE}, "
                             "else the site's English name)")
    args = parser.parse_args(argv)
    sources = SiteSources.read(args.config_file)
    languages = chosen_languages(parser, args, sources)
    return run_channel(lambda: make_zims(args.site_dir, args.dist_dir, sources, languages, args.date, args.publisher),
                       (icon_png.IconError, ValueError))


if __name__ == "__main__":
    raise SystemExit(main())
