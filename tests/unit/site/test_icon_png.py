"""The ZIM illustration: the site's SVG icon drawn as a PNG without an imaging library."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.model.project import ROOT
from scripts.site.icon_png import IconError, icon_png, main, path_polygons
from tests.support.images import read_png

FAVICON = ROOT / "overrides" / "assets" / "images" / "favicon.svg"


def test_the_favicon_becomes_a_48_pixel_png_in_its_colour():
    width, height, rows = read_png(icon_png(FAVICON))
    assert (width, height) == (48, 48)
    assert rows[0][0][3] == 0 and rows[47][47][3] == 0  # corners stay transparent
    # the balance's pole (x 11..13 of 24) at mid-height is solid #283593
    assert rows[24][24] == (0x28, 0x35, 0x93, 255)
    opaque = sum(1 for row in rows for pixel in row if pixel[3] == 255)
    assert 200 < opaque < 48 * 48 / 2


def test_the_same_icon_gives_the_same_bytes():
    assert icon_png(FAVICON) == icon_png(FAVICON)


def test_an_arc_circle_covers_its_area(tmp_path):
    svg = tmp_path / "circle.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                   '<path fill="#000" d="M1 5a4 4 0 1 0 8 0a4 4 0 1 0-8 0z"/></svg>')
    _, _, rows = read_png(icon_png(svg, 40))
    covered = sum(pixel[3] for row in rows for pixel in row) / 255
    assert covered == pytest.approx(3.14159 * 16 ** 2, rel=0.02)


def test_compact_path_syntax():
    # implicit lineto after moveto, numbers run together ('.5.1'), relative commands, closepath
    (polygon,) = path_polygons("M0 0 10 0v.5.5h-10z")
    assert polygon == [(0, 0), (10, 0), (10, 0.5), (10, 1.0), (0, 1.0)]


@pytest.mark.parametrize("body, message", [
    ('<circle cx="5" cy="5" r="4"/>', "<circle> is not drawn"),
    ('<path d="M0 0h4v4z" transform="rotate(4)"/>', "transform"),
    ('<path d="M0 0h4v4z" fill="url(#g)"/>', "is not a colour"),
    ('<path d="M0 0 C1 1"/>', "needs 6 numbers"),
])
def test_what_it_cannot_draw_is_named_with_the_file(tmp_path, body, message):
    svg = tmp_path / "icon.svg"
    svg.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{body}</svg>')
    with pytest.raises(IconError, match=message) as error:
        icon_png(svg)
    assert str(svg) in str(error.value)


def test_command_line(tmp_path, capsys):
    assert main([str(FAVICON), str(tmp_path / "icon.png")]) == 0
    assert read_png(Path(tmp_path / "icon.png").read_bytes())[:2] == (48, 48)
