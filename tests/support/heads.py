"""What a built page says about itself: its head's links and meta tags, its JSON-LD, its citation."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup


@dataclass
class Head:
    lang: str
    canonical: list[str] = field(default_factory=list)
    alternates: list[tuple[str, str, str]] = field(default_factory=list)  # (type, hreflang, href) of <link rel=alternate>
    meta: dict[str, list[str]] = field(default_factory=dict)  # name or property -> contents
    jsonld: list[dict] = field(default_factory=list)
    citation: str = ""  # the text of "How to cite this page"
    switcher: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, href) of the language links
    references: list[str] = field(default_factory=list)  # every src and href but <a> and rel=canonical

    def one(self, name: str) -> str | None:
        values = self.meta.get(name, [])
        assert len(values) <= 1, f"{name} given {len(values)} times"
        return values[0] if values else None


def read_head(path: Path) -> Head:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    head = Head(soup.html.get("lang", ""))
    for link in soup.head.find_all("link"):
        rel = link.get("rel") or []
        if "canonical" in rel:
            head.canonical.append(link.get("href"))
        else:
            head.references.append(link.get("href"))
        if "alternate" in rel:
            head.alternates.append((link.get("type") or "", link.get("hreflang") or "", link.get("href")))
    for meta in soup.head.find_all("meta"):
        name = meta.get("name") or meta.get("property")
        if name:
            head.meta.setdefault(name, []).append(meta.get("content"))
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            head.jsonld.append(json.loads(script.string))
        elif script.get("src"):
            head.references.append(script["src"])
    head.references += [tag["src"] for tag in soup.find_all(["img", "iframe", "source"]) if tag.get("src")]
    cite = soup.find("section", class_="crch-cite")
    head.citation = cite.find("p", class_="crch-cite-text").get_text() if cite else ""
    head.switcher = [(a.get("hreflang"), a.get("href")) for a in soup.select("a.md-select__link")]
    return head


def page_file(site_dir: Path, site_path: str) -> Path:
    """The HTML file of a site path ('sr/acts/x/' -> site/sr/acts/x/index.html)."""
    return Path(site_dir) / site_path.removeprefix("./") / "index.html"
