"""A small PNG of the site's icon (an SVG of filled paths), drawn without an imaging library.

Kiwix shows a ZIM file's 48×48 PNG "illustration" in its library. The site's favicon is an SVG
made of `<path>` elements with a flat fill (Material's icons are), so this module reads their
path data (every SVG path command, arcs included), flattens curves into short lines, fills them
with the non-zero rule on a 4×4 grid of samples per pixel (anti-aliasing) and writes an RGBA
PNG with zlib. Same input, same bytes.

It fails, naming the file, on what it does not draw: other shapes (`<circle>`, `<rect>`…),
transforms, strokes or gradients; the fix is to convert the icon to filled paths.

    python -m scripts.site.icon_png overrides/assets/images/favicon.svg icon.png [--size 48]
"""

from __future__ import annotations

import argparse
import math
import re
import struct
import sys
import zlib
from pathlib import Path
from typing import Iterator, Sequence
from xml.etree import ElementTree

SVG = "{http://www.w3.org/2000/svg}"
SUPERSAMPLING = 4  # samples per pixel along each axis
CURVE_SEGMENTS = 16  # lines per Bézier curve or arc
NAMED_COLOURS = {"black": (0, 0, 0), "white": (255, 255, 255), "currentcolor": (0, 0, 0)}
IGNORED_ELEMENTS = {"title", "desc", "metadata", "defs"}
PATH_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
ARGUMENT_COUNTS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}

Point = tuple[float, float]


class IconError(ValueError):
    """The SVG uses something this module does not draw; the message says what and where."""


def icon_png(svg_path: Path, size: int = 48) -> bytes:
    """The SVG file drawn as a size×size RGBA PNG (its viewBox scaled to fill the square)."""
    svg_path = Path(svg_path)
    try:
        root = ElementTree.fromstring(svg_path.read_text(encoding="utf-8"))
    except ElementTree.ParseError as error:
        raise IconError(f"{svg_path}: not a readable SVG ({error})") from None
    view_box = [float(n) for n in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if n]
    if len(view_box) != 4:
        raise IconError(f"{svg_path}: the <svg> element needs a viewBox like '0 0 24 24'")
    shapes = list(_filled_paths(root, svg_path))
    return png_rgba(size, size, rasterise(shapes, view_box, size))


def _filled_paths(element, where: Path) -> Iterator[tuple[tuple[int, int, int], list[list[Point]]]]:
    for child in element:
        tag = child.tag.replace(SVG, "")
        if tag in IGNORED_ELEMENTS:
            continue
        if "transform" in child.attrib or child.get("stroke", "none") != "none":
            raise IconError(f"{where}: <{tag}> has a transform or a stroke; use filled paths only")
        if tag == "g":
            yield from _filled_paths(child, where)
        elif tag == "path":
            yield parse_colour(child.get("fill", "black"), where), path_polygons(child.get("d", ""), where)
        else:
            raise IconError(f"{where}: <{tag}> is not drawn; convert the icon to <path> elements")


def parse_colour(value: str, where: Path) -> tuple[int, int, int]:
    value = value.strip().lower()
    if value in NAMED_COLOURS:
        return NAMED_COLOURS[value]
    digits = value[1:]
    if value.startswith("#") and len(digits) in (3, 6) and all(c in "0123456789abcdef" for c in digits):
        digits = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
        return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))
    raise IconError(f"{where}: fill '{value}' is not a colour like #283593")


def path_polygons(data: str, where: Path = Path("<path>")) -> list[list[Point]]:
    """The closed polygons (lists of points) that an SVG path's `d` attribute outlines."""
    tokens = _path_tokens(data, where)
    polygons: list[list[Point]] = []
    current: list[Point] = []
    x = y = start_x = start_y = 0.0
    last_control: Point | None = None  # reflected by S/s (cubic) and T/t (quadratic)
    last_command = ""
    command = ""
    while tokens:
        if isinstance(tokens[0], str):
            command = tokens.pop(0)
        elif not command or command in "Zz":
            raise IconError(f"{where}: path data has a number where a command is expected: {data[:40]}…")
        lower = command.lower()
        count = ARGUMENT_COUNTS[lower]
        if count and (len(tokens) < count or any(isinstance(t, str) for t in tokens[:count])):
            raise IconError(f"{where}: path command '{command}' needs {count} numbers")
        args = [tokens.pop(0) for _ in range(count)]
        relative = command.islower()
        dx, dy = (x, y) if relative else (0.0, 0.0)
        if lower == "m":
            if len(current) > 1:
                polygons.append(current)
            x, y = args[0] + dx, args[1] + dy
            start_x, start_y = x, y
            current = [(x, y)]
            command = "l" if relative else "L"  # further pairs after a moveto are linetos
        elif lower == "z":
            x, y = start_x, start_y
            if len(current) > 1:
                polygons.append(current)
            current = [(x, y)]
        elif lower in "lhv":
            if lower == "l":
                x, y = args[0] + dx, args[1] + dy
            elif lower == "h":
                x = args[0] + dx
            else:
                y = args[0] + dy
            current.append((x, y))
        elif lower in "cs":
            if lower == "c":
                c1 = (args[0] + dx, args[1] + dy)
                rest = args[2:]
            else:
                c1 = _reflect(last_control, (x, y)) if last_command in "CcSs" else (x, y)
                rest = args
            c2, end = (rest[0] + dx, rest[1] + dy), (rest[2] + dx, rest[3] + dy)
            current += _cubic((x, y), c1, c2, end)
            last_control, (x, y) = c2, end
        elif lower in "qt":
            if lower == "q":
                control, end = (args[0] + dx, args[1] + dy), (args[2] + dx, args[3] + dy)
            else:
                control = _reflect(last_control, (x, y)) if last_command in "QqTt" else (x, y)
                end = (args[0] + dx, args[1] + dy)
            current += _quadratic((x, y), control, end)
            last_control, (x, y) = control, end
        else:
            end = (args[5] + dx, args[6] + dy)
            current += _arc((x, y), args[0], args[1], args[2], bool(args[3]), bool(args[4]), end)
            x, y = end
        last_command = command if lower != "m" else "M"
    if len(current) > 1:
        polygons.append(current)
    return polygons


def _path_tokens(data: str, where: Path) -> list:
    """Commands as strings, numbers as floats. An arc's two flags may be written without spaces
    ('a1 1 0 0012 3'), so inside arc arguments a flag takes one digit."""
    tokens: list = []
    position, command, argument = 0, "", 0
    while position < len(data):
        if data[position] in " \t\r\n,":
            position += 1
            continue
        if command.lower() == "a" and argument % 7 in (3, 4) and data[position] in "01":
            tokens.append(float(data[position]))
            position, argument = position + 1, argument + 1
            continue
        found = PATH_TOKEN.match(data, position)
        if not found:
            raise IconError(f"{where}: path data cannot be read at '{data[position:position + 12]}'")
        text = found.group(0)
        if text.isalpha():
            tokens.append(text)
            command, argument = text, 0
        else:
            tokens.append(float(text))
            argument += 1
        position = found.end()
    return tokens


def _reflect(control: Point | None, about: Point) -> Point:
    return (2 * about[0] - control[0], 2 * about[1] - control[1]) if control else about


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    points = []
    for step in range(1, CURVE_SEGMENTS + 1):
        t = step / CURVE_SEGMENTS
        u = 1 - t
        points.append(tuple(u ** 3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t ** 3 * d
                            for a, b, c, d in zip(p0, p1, p2, p3)))
    return points


def _quadratic(p0: Point, p1: Point, p2: Point) -> list[Point]:
    points = []
    for step in range(1, CURVE_SEGMENTS + 1):
        t = step / CURVE_SEGMENTS
        u = 1 - t
        points.append(tuple(u * u * a + 2 * u * t * b + t * t * c for a, b, c in zip(p0, p1, p2)))
    return points


def _arc(start: Point, rx: float, ry: float, rotation: float, large: bool, sweep: bool, end: Point) -> list[Point]:
    """An elliptical arc as line points (SVG's endpoint-to-centre conversion, SVG 1.1 F.6.5)."""
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0 or start == end:
        return [end]
    phi = math.radians(rotation)
    cos_phi, sin_phi = math.cos(phi), math.sin(phi)
    half_dx, half_dy = (start[0] - end[0]) / 2, (start[1] - end[1]) / 2
    x1 = cos_phi * half_dx + sin_phi * half_dy
    y1 = -sin_phi * half_dx + cos_phi * half_dy
    scale = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry)
    if scale > 1:  # radii too small for the two points: scale them up, as SVG says
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    numerator = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
    factor = math.sqrt(max(0.0, numerator / (rx * rx * y1 * y1 + ry * ry * x1 * x1)))
    if large == sweep:
        factor = -factor
    cx1, cy1 = factor * rx * y1 / ry, -factor * ry * x1 / rx
    cx = cos_phi * cx1 - sin_phi * cy1 + (start[0] + end[0]) / 2
    cy = sin_phi * cx1 + cos_phi * cy1 + (start[1] + end[1]) / 2
    theta = math.atan2((y1 - cy1) / ry, (x1 - cx1) / rx)
    delta = math.atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx) - theta
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    points = []
    for step in range(1, CURVE_SEGMENTS + 1):
        angle = theta + delta * step / CURVE_SEGMENTS
        ex, ey = rx * math.cos(angle), ry * math.sin(angle)
        points.append((cos_phi * ex - sin_phi * ey + cx, sin_phi * ex + cos_phi * ey + cy))
    return points


def rasterise(shapes, view_box: Sequence[float], size: int) -> list[list[tuple[int, int, int, int]]]:
    """Rows of RGBA pixels: each shape filled with the non-zero rule, later shapes on top."""
    min_x, min_y, width, height = view_box
    scale = size / max(width, height)
    samples = size * SUPERSAMPLING
    pixels = [[(0, 0, 0, 0)] * size for _ in range(size)]
    for colour, polygons in shapes:
        edges = [((a[0] - min_x) * scale * SUPERSAMPLING, (a[1] - min_y) * scale * SUPERSAMPLING,
                  (b[0] - min_x) * scale * SUPERSAMPLING, (b[1] - min_y) * scale * SUPERSAMPLING)
                 for polygon in polygons for a, b in zip(polygon, polygon[1:] + polygon[:1]) if a[1] != b[1]]
        coverage = [[0] * size for _ in range(size)]
        for row in range(samples):
            y = row + 0.5
            crossings = sorted((x0 + (y - y0) * (x1 - x0) / (y1 - y0), 1 if y1 > y0 else -1)
                               for x0, y0, x1, y1 in edges if min(y0, y1) <= y < max(y0, y1))
            winding = 0
            for (x, direction), following in zip(crossings, crossings[1:] + [(None, 0)]):
                winding += direction
                if winding and following[0] is not None:
                    for column in range(max(0, math.ceil(x - 0.5)), min(samples, math.ceil(following[0] - 0.5))):
                        coverage[row // SUPERSAMPLING][column // SUPERSAMPLING] += 1
        full = SUPERSAMPLING * SUPERSAMPLING
        for row in range(size):
            for column in range(size):
                alpha = coverage[row][column] / full
                if alpha:
                    pixels[row][column] = _over(colour, alpha, pixels[row][column])
    return pixels


def _over(colour: tuple[int, int, int], alpha: float, below: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    below_alpha = below[3] / 255
    out_alpha = alpha + below_alpha * (1 - alpha)
    channels = [round((c * alpha + b * below_alpha * (1 - alpha)) / out_alpha) for c, b in zip(colour, below[:3])]
    return (*channels, round(out_alpha * 255))


def png_rgba(width: int, height: int, rows) -> bytes:
    """An 8-bit RGBA PNG of these pixel rows (filter 0 on every row)."""
    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("svg", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--size", type=int, default=48)
    args = parser.parse_args(argv)
    try:
        args.png.write_bytes(icon_png(args.svg, args.size))
    except IconError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{args.png}: {args.size}×{args.size} PNG")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
