"""PROTOTYPE MkDocs hook: the Serbian Cyrillic edition as an HTML twin of each Serbian Latin page.

Not registered in mkdocs.yml: tests/cyrillic/test_prototype_build.py builds the real site with the
project's configuration plus this hook. It tries the riskiest part of the design (DESIGN.md):
that each Serbian page's final HTML can be turned into `sr-cyrl/<same path>` inside the Serbian
build, and that every page of every language then offers both scripts in the switcher and in
hreflang, keeping the reader on the same page. Search, the offline copy and the status page are
not prototyped. MkDocs/static-i18n/Material internals used are named where they are used.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts import build_hooks
from scripts.cyrillic.html_pages import latin_html, transliterate_html

SOURCE, EDITION, EDITION_LANG = "sr", "sr-cyrl", "sr-Cyrl"
NAMES = {SOURCE: "Srpski (latinica)", EDITION: "Српски (ћирилица)"}
# Material's switcher entries and <link rel="alternate">: the Latin page's own entry points at itself.
SELF_LINK = re.compile(r'(<(?:a|link)\b[^>]*?\shref=")\./("[^>]*\shreflang="sr")')


def on_config(config):
    if (Path(config.docs_dir) / EDITION).exists():
        raise PluginError(f"{Path(config.docs_dir) / EDITION}: the Serbian Cyrillic edition is generated from docs/{SOURCE}/; "
                          f"edit the Serbian Latin page there and remove this folder")
    return config


@event_priority(-60)  # after translations.py (0) marked the switcher, itself after static-i18n (50) reset it
def on_page_context(context, page, config, nav):
    """Add the Cyrillic entry after the Serbian one. static-i18n sets its per-page copy of the list as
    an attribute of config.extra (what the templates read), as scripts/translation_site.py notes."""
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for index, alternate in enumerate(list(alternates)):
        if alternate.get("lang") == SOURCE:
            link = alternate["link"]
            cyrillic_link = EDITION + link[len(SOURCE):] if link.startswith(SOURCE) else link
            alternate["name"] = NAMES[SOURCE]
            alternates.insert(index + 1, {"name": NAMES[EDITION], "link": cyrillic_link, "lang": EDITION_LANG})
            break
    return context


@event_priority(-80)  # after every other hook's on_post_page, before fast_build's release (-90)
def on_post_page(output, page, config):
    if build_hooks.current_language(config) != SOURCE:
        return output
    dest = PurePosixPath(page.file.dest_uri)  # 'sr/acts/x/index.html'
    if dest.parts[0] != SOURCE:
        return latin_html(output)
    twin = Path(config.site_dir, EDITION, *dest.parts[1:])
    twin.parent.mkdir(parents=True, exist_ok=True)
    back = "../" * (len(dest.parts) - 1) + "/".join((SOURCE, *dest.parts[1:-1])) + "/"
    twin.write_text(SELF_LINK.sub(lambda m: m.group(1) + back + m.group(2), transliterate_html(output)), encoding="utf-8")
    return latin_html(output)
