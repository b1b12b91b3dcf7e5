"""Page bodies lose what could run and keep what Markdown and the site's extensions write."""

from scripts.render.sanitize import sanitize


def test_scripts_handlers_and_javascript_urls_are_removed():
    html = sanitize('<p>a<script>alert(1)</script><img src="x.png" onerror="alert(2)">'
                    '<a href="javascript:alert(3)">l</a><svg onload="alert(4)"></svg></p>')
    assert "alert" not in html
    assert '<img src="x.png">' in html


def test_markdown_output_is_kept():
    html = ('<h2 id="sta-je-to">Šta je to<a class="headerlink" href="#sta-je-to" title="Permanent link">¶</a></h2>\n'
            '<!-- documents type=law -->\n'
            '<table><thead><tr><th style="text-align: left;">A</th></tr></thead></table>\n'
            '<p><a href="../acts/x/#basis">x</a> <abbr title="Zyra">ZÇK</abbr></p>\n'
            '<div class="admonition note"><p class="admonition-title">Note</p></div>\n'
            '<p>Misija <span translate="no">Balkan Sunflowers</span> i <span lang="sq">Deçan</span></p>')
    assert sanitize(html) == html
