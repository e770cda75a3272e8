"""The generated default cover: a valid, square, RGB PNG within Apple's size limits."""

from __future__ import annotations

import struct
import zlib

import pytest

from webapp.cover import PNG_SIGNATURE, CoverStyle, cover_png, encode_png


def read_png(data: bytes) -> tuple[dict[str, int], bytes]:
    """Parse chunks (checking every CRC) and return the IHDR fields and the decompressed image data."""
    assert data[:8] == PNG_SIGNATURE
    position, chunks = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        position += 12 + length
    kinds = [kind for kind, _ in chunks]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"IDAT" in kinds
    width, height, depth, colour_type, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", chunks[0][1]
    )
    header = {"width": width, "height": height, "depth": depth, "colour_type": colour_type}
    assert (compression, filtering, interlace) == (0, 0, 0)
    return header, zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))


def pixel(raw: bytes, size: int, x: int, y: int) -> tuple[int, int, int]:
    offset = y * (3 * size + 1) + 1 + 3 * x
    return raw[offset], raw[offset + 1], raw[offset + 2]


def test_default_cover_is_a_1400_px_square_rgb_png() -> None:
    header, raw = read_png(cover_png())
    assert header == {"width": 1400, "height": 1400, "depth": 8, "colour_type": 2}
    assert len(raw) == 1400 * (3 * 1400 + 1)
    assert all(raw[row * (3 * 1400 + 1)] == 0 for row in range(1400))  # filter byte of each row


def test_cover_shows_background_disc_and_bars() -> None:
    style = CoverStyle()
    _, raw = read_png(cover_png(style))
    assert pixel(raw, 1400, 5, 5) == style.background  # corner
    assert pixel(raw, 1400, 700, 200) == style.disc  # upper part of the disc, above the middle bar
    assert pixel(raw, 1400, 700, 700) == style.background  # middle bar cut out of the disc
    colours = {pixel(raw, 1400, x, 700) for x in range(0, 1400, 7)}
    assert colours == {style.background, style.disc}


def test_custom_size_and_colours() -> None:
    style = CoverStyle(size=3000, background=(0, 0, 0), disc=(255, 255, 255))
    header, raw = read_png(cover_png(style))
    assert (header["width"], header["height"]) == (3000, 3000)
    assert pixel(raw, 3000, 0, 0) == (0, 0, 0)
    assert pixel(raw, 3000, 1500, 500) == (255, 255, 255)


def test_output_is_deterministic_and_small() -> None:
    data = cover_png()
    assert data == cover_png()
    assert len(data) < 100_000


@pytest.mark.parametrize("size", [1399, 3001, 512])
def test_sizes_outside_apples_range_are_refused(size: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        CoverStyle(size=size)


def test_bad_colour_is_refused() -> None:
    with pytest.raises(ValueError, match="RGB"):
        CoverStyle(disc=(0, 300, 0))


def test_encode_png_round_trips_a_tiny_image() -> None:
    rows = [bytes([255, 0, 0, 0, 255, 0]), bytes([0, 0, 255, 10, 20, 30])]
    header, raw = read_png(encode_png(2, 2, rows))
    assert (header["width"], header["height"]) == (2, 2)
    assert raw == b"\x00" + rows[0] + b"\x00" + rows[1]
    with pytest.raises(ValueError, match="rows"):
        encode_png(3, 2, rows)
