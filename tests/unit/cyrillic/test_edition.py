"""Where a twin's links and addresses go: its own address in its metadata, its 404 links under the site's folder."""

from __future__ import annotations

from scripts.cyrillic.edition import links_into_edition, with_own_address
from tests.support.project import SETTINGS

SR = SETTINGS.languages["sr"]
CYRL = SETTINGS.languages.edition("sr-cyrl")


def test_a_twin_names_its_own_address_but_never_a_longer_one_that_begins_with_it():
    latin, twin = "https://x.org/crch/sr/acts/", "https://x.org/crch/sr-cyrl/acts/"
    html = (f'<meta property="og:url" content="{latin}"><script>{{"url": "{latin}"}}</script>'
            f'<span class="crch-cite-url">{latin}</span><a href="{latin}law/">')
    out = with_own_address(html, latin, twin)
    assert out.count(twin) == 3 and f'href="{latin}law/"' in out


def test_a_404_twins_links_lead_into_the_edition_under_the_sites_folder():
    kept = '<a href="/crch/sr/" hreflang="sr-Latn" class="md-select__link">'
    html = f'{kept}<a href="/crch/sr/acts/">Akti</a><a href="/crch/en/">English</a>'
    out = links_into_edition(html, SR, CYRL, kept, "/crch/")
    assert out == f'{kept}<a href="/crch/sr-cyrl/acts/">Akti</a><a href="/crch/en/">English</a>'
    assert links_into_edition('<a href="/sr/x/">', SR, CYRL, kept) == '<a href="/sr-cyrl/x/">'  # at the host's root
