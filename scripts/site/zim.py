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

    python -m scripts.site.zim [--site-dir site] [--dist-dir dist] [--config-file mkdocs.yml]
                               [--language sr] [--publisher "NGO"] [--date 2026-12-01]
"""

from __future__ import annotations

import contextlib
import datetime
import mimetypes
import os
import posixpath
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator, Sequence

from scripts.cyrillic.latin_spans import strip_markers
from scripts.model.languages import Language, Languages
from scripts.site import icon_png, service_worker
from scripts.site.folder_links import point_folder_links_at_files
from scripts.site.not_found import is_not_found_page
from scripts.site.sources import PageText, SiteSources, channel_parser, chosen_languages, run_channel

# ZIM metadata names languages in ISO 639-3, by the primary subtag of the text's language tag
# (sr-Latn → sr → srp); a language of the site missing here stops the Kiwix files with the fix.
ISO_639_3 = {"sq": "sqi", "sr": "srp", "en": "eng"}
ILLUSTRATION_SIZE = 48
TITLE_LIMIT, DESCRIPTION_LIMIT = 30, 80  # Kiwix's limits for Title and Description
SELECTION = "all"  # Kiwix names files <project>_<language>_<selection>
DOWNLOADS_DIR = "downloads"  # where the build publishes the files, next to the pages
PUBLISHER_VARIABLE = "ZIM_PUBLISHER"  # who publishes the files (default: the site's English name)
SERVER_ONLY = ("sitemap.xml.gz", service_worker.SCRIPT_NAME)
SERVER_ONLY_FOLDERS = (service_worker.MANIFEST_DIR, DOWNLOADS_DIR)
DEVELOPER_ONLY_SUFFIXES = (".map",)
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
EXTRA_TYPES = {".yml": "text/plain", ".yaml": "text/plain", ".js": "application/javascript",
               ".json": "application/json", ".svg": "image/svg+xml", ".gz": "application/gzip"}
LIBZIM_DEFAULT_WORKERS = 4
ICON_LINK = re.compile(r'<link rel="icon" href="([^"]+)"')
LINK = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


@dataclass(frozen=True)
class IndexText:
    """What the full-text index gets for one page, without accents (see `without_accents`)."""

    title: str
    text: str
    keywords: str = ""

    @classmethod
    def of(cls, title: str, text: str, keywords: str = "") -> "IndexText":
        """Folded, plus each accented word as written: libzim's reader folds a query, kiwix-serve
        does not (`Zëvendëskryesuesi` must find the page there too)."""
        written = dict.fromkeys(w for w in f"{title} {text}".lower().split() if without_accents(w) != w)
        return cls(without_accents(title), without_accents(text) + (" " + " ".join(written) if written else ""),
                   without_accents(keywords))


def without_accents(text: str) -> str:
    """Lower case without combining marks, as libzim folds a query ('zaštitu' → 'zastitu',
    'çështje' → 'ceshtje'; ICU's "Lower; NFD; [:M:] remove; NFC"). libzim folds the text of
    the HTML it indexes itself, but not index data it is given."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")))


@dataclass(frozen=True)
class Entry:
    """One item of the archive: a file of the site, maybe a front article with index data."""

    path: str
    title: str
    mimetype: str
    file: Path
    front: bool = False
    index: IndexText | None = None


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


def mimetype(path: Path) -> str:
    return EXTRA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class _ArticleText(HTMLParser):
    """The text of a page's <article> (Material's page body) and its first <h1>: without
    permalink anchors, scripts and what the site's search excludes (data-search-exclude)."""

    SKIPPED = ("script", "style", "template")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside <article>
        self.skip_depth = 0  # depth at which a skipped element began (0: not skipping)
        self.parts: list[str] = []
        self.h1: list[str] | None = None
        self.title = ""
        self.found = False  # an <article> was seen

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.depth:
            if tag == "article":
                self.depth, self.found = 1, True
            return
        if tag in self.VOID:
            if tag == "br":
                self.parts.append(" ")
            return
        self.depth += 1
        if not self.skip_depth and (tag in self.SKIPPED or "data-search-exclude" in attributes
                                    or "headerlink" in (attributes.get("class") or "").split()):
            self.skip_depth = self.depth
        if tag == "h1" and not self.title and not self.skip_depth:
            self.h1 = []
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if not self.depth or tag in self.VOID:
            return
        if self.skip_depth == self.depth:
            self.skip_depth = 0
        if tag == "h1" and self.h1 is not None:
            self.title, self.h1 = " ".join("".join(self.h1).split()), None
        self.depth -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if self.depth and not self.skip_depth:
            self.parts.append(data)
            if self.h1 is not None:
                self.h1.append(data)

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def article_text(html: str) -> tuple[str, str]:
    """(first heading, plain text) of a rendered page's article. A page without one raises
    ValueError: Material writes every page's body in an <article>, so its markup has changed
    (a tripwire: the archive's search would otherwise quietly index nothing)."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    if not parser.found:
        raise ValueError("no <article> (Material's page body) to index: Material's page markup changed; "
                         "see _ArticleText in scripts/site/zim.py")
    return parser.title, parser.text()


def page_file(site_path: str) -> str:
    """The file of a page's address in the archive: 'sr/acts/x/' -> 'sr/acts/x/index.html'."""
    return site_path + "index.html" if site_path.endswith("/") or not site_path else site_path


def language_pages(sources: SiteSources, language: str) -> dict[str, PageText]:
    """{file in the site: page} for the pages written in this language (or edition)."""
    return {page_file(page.site_path): page for page in sources.pages(language)}


def archive_entries(copy: Path, sources: SiteSources, language: str) -> Iterator[Entry]:
    """Every file of the prepared copy as an entry; the language's own pages as indexed front
    articles. A generated edition's pages also get their source's words as keywords (the Serbian
    Cyrillic archive finds a page whose title a reader types in Latin)."""
    own = language_pages(sources, language)
    generated = bool(sources.part(language).generated_from)
    documents = {page_file(doc.site_path or ""): doc for doc in sources.corpus}
    for path in sorted(p for p in copy.rglob("*") if p.is_file()):
        rel = path.relative_to(copy).as_posix()
        kind = mimetype(path)
        if kind != "text/html":
            yield Entry(rel, "", kind, path)
            continue
        try:
            heading, text = article_text(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise ValueError(f"{rel}: {error}") from None
        if rel in own:
            page = own[rel]
            keywords = " ".join([page.summary] + ([strip_markers(page.document.title), strip_markers(page.document.summary)]
                                                  if generated else []))
            yield Entry(rel, page.title, kind, path, front=True, index=IndexText.of(page.title, text, keywords))
        else:
            doc = documents.get(rel)
            yield Entry(rel, strip_markers(doc.title) if doc else heading or rel, kind, path)


def folder_redirects(entries: Sequence[Entry]) -> dict[str, str]:
    """{'acts/': 'acts/index.html'} for every folder of the archive with an index.html (not the root)."""
    return {entry.path[: -len("index.html")]: entry.path for entry in entries
            if entry.path.endswith("/index.html")}


def favicon_file(site_dir: Path, languages: Languages) -> Path:
    """The icon the home page names (<link rel="icon">), in the site folder."""
    home = next(Path(site_dir) / home_path(lang) for lang in languages if (Path(site_dir) / home_path(lang)).is_file())
    found = ICON_LINK.search(home.read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{home} names no icon (<link rel=\"icon\">): set theme.favicon in mkdocs.yml")
    return (home.parent / found.group(1)).resolve()


@contextlib.contextmanager
def libzim_quiet():
    """libzim prints its progress on the process's standard output, whatever its verbosity."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


def write_zim(copy: Path, sources: SiteSources, language: Language, target: Path, meta: dict[str, str],
              illustration: bytes) -> Path:
    """Write one language's archive from the prepared copy; the file appears only when complete."""
    from libzim import writer

    class Item(writer.Item):
        def __init__(self, entry: Entry):
            super().__init__()
            self.entry = entry

        def get_path(self):
            return self.entry.path

        def get_title(self):
            return self.entry.title

        def get_mimetype(self):
            return self.entry.mimetype

        def get_contentprovider(self):
            return writer.FileProvider(str(self.entry.file))

        def get_hints(self):
            return {writer.Hint.FRONT_ARTICLE: self.entry.front,
                    writer.Hint.COMPRESS: self.entry.mimetype.startswith(TEXT_TYPES)}

        def get_indexdata(self):
            return IndexData(self.entry.index)

    class IndexData(writer.IndexData):
        """The page's own text for the index, or nothing at all (has_indexdata False)."""

        def __init__(self, text: IndexText | None):
            super().__init__()
            self.index = text

        def has_indexdata(self):
            return self.index is not None

        def get_title(self):
            return self.index.title if self.index else ""

        def get_content(self):
            return self.index.text if self.index else ""

        def get_keywords(self):
            return self.index.keywords if self.index else ""

        def get_wordcount(self):
            return len(self.index.text.split()) if self.index else 0

    entries = list(archive_entries(copy, sources, language.code))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    creator = writer.Creator(str(partial)).config_indexing(True, meta["Language"]).config_nbworkers(compression_workers())
    with libzim_quiet(), creator:
        creator.set_mainpath(home_path(language))
        for name, value in meta.items():
            creator.add_metadata(name, value)
        creator.add_illustration(ILLUSTRATION_SIZE, illustration)
        for entry in entries:
            creator.add_item(Item(entry))
        for folder, page in folder_redirects(entries).items():
            creator.add_redirection(folder, "", page, {})
    partial.replace(target)
    return target


def compression_workers() -> int:
    """libzim's compression threads: one per CPU this process may use, at most libzim's default of 4.
    Each holds its own compression buffers: on 2 CPUs, 2 workers instead of 4 took the real site's
    three files from about 283 to 205 MB of peak memory for the same CPU time (1 worker: 123 MB)."""
    return max(1, min(LIBZIM_DEFAULT_WORKERS, len(os.sched_getaffinity(0))))


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
        return [write_zim(copy, sources, lang, zim_path(dist_dir, sources.file_name(), lang.code),
                          meta[lang.code], illustration) for lang in chosen]


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
