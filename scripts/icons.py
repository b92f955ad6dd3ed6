#!/usr/bin/env python3
"""Draws the app's icons (public/icons/*.png) from the favicon's design: a brand-red disc
on white. Plain Python, no imaging library; run again only if the design changes."""
import struct
import zlib
from pathlib import Path

BRAND = (0x9F, 0x1D, 0x35)
WHITE = (0xFF, 0xFF, 0xFF)


def png(size, disc, corner):
    """`disc` and `corner` as fractions of the size; corner 0 = full bleed (maskable)."""
    samples = 4
    rows = []
    r = disc * size
    c = size / 2
    k = corner * size
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            inside_disc = 0
            inside_square = 0
            for sy in range(samples):
                for sx in range(samples):
                    px = x + (sx + 0.5) / samples
                    py = y + (sy + 0.5) / samples
                    if (px - c) ** 2 + (py - c) ** 2 <= r * r:
                        inside_disc += 1
                    # Rounded corners (transparent outside).
                    dx = max(k - px, 0, px - (size - k))
                    dy = max(k - py, 0, py - (size - k))
                    if k == 0 or dx * dx + dy * dy <= k * k:
                        inside_square += 1
            n = samples * samples
            a = inside_disc / n
            colour = [round(BRAND[i] * a + WHITE[i] * (1 - a)) for i in range(3)]
            row += bytes(colour + [round(255 * inside_square / n)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


out = Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
(out / "icon-192.png").write_bytes(png(192, 0.25, 0.1875))
(out / "icon-512.png").write_bytes(png(512, 0.25, 0.1875))
# Maskable: full bleed, the disc well inside the safe zone (a circle of 40 % radius).
(out / "icon-maskable-192.png").write_bytes(png(192, 0.22, 0))
(out / "icon-maskable-512.png").write_bytes(png(512, 0.22, 0))
