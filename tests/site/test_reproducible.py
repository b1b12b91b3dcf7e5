"""Two builds of the same sources give byte-identical sites, whatever day they are built on.

The second build runs with SOURCE_DATE_EPOCH set to another day (MkDocs reads it as "now"): a page
or file that carried the build's date would differ. Dates come from front matter (last_reviewed): the
pages', the feeds', the sitemaps', the data's.

The Kiwix files in downloads/ are left out of the comparison: a ZIM file carries a random UUID
(and its Date metadata is the day it was made), so no two are byte-identical. Both builds must
still have the same ones.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.support.sites import ROOT
from tests.support.sites import tree

ANOTHER_DAY = "1893456000"  # 2030-01-01


def test_two_builds_on_different_days_are_byte_identical(built_site, tmp_path):
    again = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=ANOTHER_DAY)
    env.pop("CRCH_ONLY_LANGUAGE", None)
    env.pop("SITE_URL", None)  # as the built_site fixture's build
    result = subprocess.run([sys.executable, "-m", "scripts.site.build", "--site-dir", str(again)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = tree(built_site), tree(again)
    kiwix_files = {path for path in first if path.startswith("downloads/") and path.endswith(".zim")}
    assert kiwix_files and kiwix_files == {path for path in second if path.endswith(".zim")}
    first, second = ({path: digest for path, digest in files.items() if path not in kiwix_files}
                     for files in (first, second))
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_the_feed_dates_come_from_front_matter(built_site):
    """(The sitemaps' dates, written only with an address, are tested in tests/site/test_site_address.py.)"""
    from tests.support.browsing import corpus

    feed = (built_site / "feed.atom").read_text(encoding="utf-8")
    reviewed = {f"{doc.meta['last_reviewed']}T00:00:00Z" for doc in corpus()}
    dates = set(re.findall(r"<updated>([^<]*)</updated>", feed))
    assert dates and dates <= reviewed
