"""Make page bodies inert: the HTML that Markdown produced, minus scripts, event handlers and
`javascript:` URLs, so hostile content cannot run even where no Content-Security-Policy is sent
(a bare server, a copy opened from disk).

Uses nh3 (the Python binding of the Ammonia sanitizer, which parses HTML as browsers do) with an
allow-list of what Markdown and this site's extensions write.
"""

from __future__ import annotations

import nh3

TAGS = nh3.ALLOWED_TAGS | {"input", "label", "tfoot"}
GENERIC_ATTRIBUTES = {"class", "id", "title", "lang", "translate", "dir", "role", "tabindex", "hidden"}
ATTRIBUTES = {
    tag: set(nh3.ALLOWED_ATTRIBUTES.get(tag, set())) | GENERIC_ATTRIBUTES for tag in TAGS
}
ATTRIBUTES["a"] |= {"href", "hreflang", "rel", "download"}
ATTRIBUTES["img"] |= {"loading", "title"}
ATTRIBUTES["th"] |= {"style"}  # Markdown tables align columns with style="text-align: …"
ATTRIBUTES["td"] |= {"style"}
ATTRIBUTES["time"] |= {"datetime"}
ATTRIBUTES["abbr"] |= {"title"}
ATTRIBUTES["input"] = GENERIC_ATTRIBUTES | {"type", "placeholder", "aria-label", "autocomplete", "checked", "disabled"}
ATTRIBUTES["label"] = GENERIC_ATTRIBUTES | {"for"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize(html: str) -> str:
    """The same HTML without anything that could run script; relative links and comments stay."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"aria-", "data-"},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=False,
    )
