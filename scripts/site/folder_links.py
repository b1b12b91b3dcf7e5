"""Links that work without a web server: a folder link pointed at the folder's index.html.

A web server answers `acts/` with `acts/index.html`; a browser opening a folder from disk (the zip
copy, scripts/site/offline.py) shows the folder, and a Kiwix archive (scripts/site/zim.py) has no
folders at all. So in both copies every folder link of every page (`../acts/x/`, `.`, `../..`),
and every page location of the search index, gets its index.html; each page stays where the site
has it, so every link a template computed for directory URLs still holds.
"""

from __future__ import annotations

import re
from pathlib import Path

# A relative href/src naming a folder: ends with '/', or is '.', '..', '../..' (query/anchor kept).
FOLDER_LINK = re.compile(r'(\s(?:href|src)=")((?:[^":?#"/][^":?#"]*)?/|\.\.?(?:/\.\.)*)([?#][^"]*)?"')
# A page's location in the search index (assets/search/index.<lang>.js): `["sr/acts/x/",` or `["",`.
FOLDER_LOCATION = re.compile(r'\["((?:[^"#\\]*/)?)",')


def point_folder_links_at_files(site_dir: Path) -> None:
    """Every folder link of every page, and every page location of the search index, gets index.html."""
    for html_file in Path(site_dir).rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        fixed = FOLDER_LINK.sub(lambda m: f'{m.group(1)}{m.group(2).rstrip("/")}/index.html{m.group(3) or ""}"', text)
        html_file.write_text(fixed, encoding="utf-8")
    for index_file in Path(site_dir).glob("assets/search/index.*.js"):
        text = index_file.read_text(encoding="utf-8")
        index_file.write_text(FOLDER_LOCATION.sub(lambda m: f'["{m.group(1)}index.html",', text), encoding="utf-8")
