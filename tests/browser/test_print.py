"""Printed pages say where each link leads (page-helpers.js and the print stylesheet): a link to
another site shows its address, a link to another page of this site its full address, and a long
address breaks where the line ends, and the act panel's folded source list opens. On screen
nothing is added."""

from __future__ import annotations

import re

from tests.support.browsing import corpus
from tests.support.project import DEFAULT_LANGUAGE

# The links of the page's text a printout must explain (not anchors on the page, not headings' and
# footnotes' own links).
TEXT_LINKS = """links => links
    .filter(a => !/^(#|[a-z][a-z0-9+.-]*:(?!\\/\\/))/i.test(a.getAttribute('href'))
                 && !a.matches('.headerlink, .footnote-ref, .footnote-backref'))
    .map(a => ({href: a.getAttribute('href'), full: a.href, after: getComputedStyle(a, '::after').content,
                wrap: getComputedStyle(a).overflowWrap}))"""


def test_printed_links_say_where_they_lead(browser_page, site_url):
    law = corpus().get(DEFAULT_LANGUAGE, "law-03-l-047")
    browser_page.goto(site_url + law.site_path, wait_until="load")
    on_screen = browser_page.eval_on_selector_all(".md-content a[href]", TEXT_LINKS)
    assert browser_page.eval_on_selector_all("details.crch-act-sources", "lists => lists.map(d => d.open)") == [False]
    assert on_screen and {link["after"] for link in on_screen} == {"none"}
    browser_page.emulate_media(media="print")
    browser_page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    printed = browser_page.eval_on_selector_all(".md-content a[href]", TEXT_LINKS)
    # the panel's folded source list opens on paper
    assert browser_page.eval_on_selector_all("details.crch-act-sources", "lists => lists.map(d => d.open)") == [True]
    outside = [link for link in printed if re.match(r"^https?://", link["href"])]
    inside = [link for link in printed if link not in outside]
    assert outside and inside, "the act page should link both to its sources and to other pages"
    assert [link for link in outside if link["after"] != f'" ({link["href"]})"'] == []
    assert [link for link in inside if link["after"] != f'" ({link["full"]})"'] == []
    assert {link["wrap"] for link in printed} == {"anywhere"}
