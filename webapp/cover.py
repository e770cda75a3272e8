"""A default podcast cover: a square RGB PNG drawn without an imaging library.

Apple wants 1400–3000 px square artwork in RGB. The design is a flat background with a large disc and a
row of rounded "sound wave" bars cut out of it. Every row of pixels is a few solid runs, so the image is
built run by run (fast in pure Python) and written as PNG with zlib and struct (PNG spec, ISO/IEC 15948).
"""

from __future__ import annotations

import math
import struct
import zlib
from dataclasses import dataclass

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_SIZE, MAX_SIZE = 1400, 3000

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class CoverStyle:
    """Colours and size of the generated cover. Defaults: dark blue, warm yellow (contrast about 8:1)."""

    size: int = 1400
    background: RGB = (0x12, 0x3F, 0x5A)
    disc: RGB = (0xF4, 0xB9, 0x42)
    # Bar heights as fractions of the disc diameter, left to right.
    bars: tuple[float, ...] = (0.22, 0.4, 0.6, 0.78, 0.6, 0.4, 0.22)

    def __post_init__(self) -> None:
        if not MIN_SIZE <= self.size <= MAX_SIZE:
            raise ValueError(f"cover size {self.size} px is outside Apple's {MIN_SIZE}–{MAX_SIZE} px")
        for colour in (self.background, self.disc):
            if len(colour) != 3 or not all(0 <= channel <= 255 for channel in colour):
                raise ValueError(f"colour {colour} is not an RGB triple of 0–255")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGB PNG from raw rows of ``3 * width`` bytes each (filter type 0 on every row)."""
    if len(rows) != height or any(len(row) != 3 * width for row in rows):
        raise ValueError("rows do not match the image size")
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # depth 8, colour type 2 = RGB
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def _span(centre: float, half_width: float, limit: int) -> tuple[int, int]:
    """Pixel columns [start, stop) covered by a horizontal run, clipped to the image."""
    return max(0, round(centre - half_width)), min(limit, round(centre + half_width))


def _bar_half_width(y: float, top: float, bottom: float, radius: float) -> float:
    """Half width of a vertical bar with round caps at row ``y`` (0 outside the bar)."""
    if top + radius <= y <= bottom - radius:
        return radius
    cap_centre = top + radius if y < top + radius else bottom - radius
    dy = y - cap_centre
    return math.sqrt(radius * radius - dy * dy) if abs(dy) < radius else 0.0


def cover_png(style: CoverStyle | None = None) -> bytes:
    """The default cover as PNG bytes, ``style.size`` pixels square."""
    style = style or CoverStyle()
    size = style.size
    centre = size / 2
    disc_radius = size * 0.38
    pitch = disc_radius * 2 / (len(style.bars) + 1)  # distance between bar centres
    bar_radius = pitch * 0.24  # bars a little narrower than the gaps between them
    bar_centres = [centre + (index - (len(style.bars) - 1) / 2) * pitch for index in range(len(style.bars))]
    background, disc = bytes(style.background), bytes(style.disc)
    rows: list[bytes] = []
    for y_index in range(size):
        y = y_index + 0.5
        row = bytearray(background * size)
        dy = y - centre
        if abs(dy) < disc_radius:
            start, stop = _span(centre, math.sqrt(disc_radius * disc_radius - dy * dy), size)
            row[3 * start : 3 * stop] = disc * (stop - start)
            for height, bar_x in zip(style.bars, bar_centres, strict=True):
                half = height * disc_radius
                half_width = _bar_half_width(y, centre - half, centre + half, bar_radius)
                if half_width > 0:
                    start, stop = _span(bar_x, half_width, size)
                    row[3 * start : 3 * stop] = background * (stop - start)
        rows.append(bytes(row))
    return encode_png(size, size, rows)
