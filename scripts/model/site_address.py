"""The site's public address, when it has one: the one place that turns a site path into a URL.

The address is MkDocs' `site_url`, which mkdocs.yml reads from the environment:

    site_url: !ENV [SITE_URL, ""]        # SITE_URL=https://rights.example.org/ make build

With an address, pages get canonical links and absolute URLs (Open Graph, citations, JSON-LD),
the site gets sitemaps and a robots.txt that names them. Without one (the default: a copy opened
from disk, served from any folder or host) nothing that needs an address is written: no
canonical link, no sitemap, no absolute URL of the site; every link stays relative.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit


class AddressError(ValueError):
    """The configured address cannot be the site's (the message names the fix)."""


@dataclass(frozen=True)
class SiteAddress:
    base: str = ""  # 'https://rights.example.org/crch/' (always ending in '/'), or '' when unknown

    def __bool__(self) -> bool:
        return bool(self.base)

    def url(self, site_path: str) -> str | None:
        """The absolute URL of a site path ('sr/acts/x/'), or None when the address is unknown."""
        if not self.base:
            return None
        return self.base + quote(site_path.lstrip("/"), safe="/-._~")

    @property
    def path(self) -> str:
        """The URL path the site lives under ('/crch/'), '/' when unknown."""
        return urlsplit(self.base).path or "/" if self.base else "/"

    @classmethod
    def parse(cls, value: object) -> SiteAddress:
        """From `site_url` (None or '' when the site has no address)."""
        text = str(value or "").strip()
        if not text:
            return cls()
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise AddressError(f"site_url (SITE_URL) must be the site's address, like https://rights.example.org/ "
                               f"(http or https, a host name, no ?query or #fragment), not '{text}'")
        return cls(text if text.endswith("/") else text + "/")
