"""Draw the app's PNG icons from the shapes of static/icons/icon.svg with Pillow (issue 16, installable).

The SVG is a rounded square in the brand colour with a white "N"; the PNGs are the same shapes drawn at
four times the size and scaled down (smooth edges). The maskable icons fill the whole square with the
brand colour, so that a launcher may cut any shape; the "N" (28 of 64 units wide) stays well inside the
safe zone, the centre circle of 80 %. Run: python scripts/make_icons.py (writes static/icons/*.png)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
BRAND = "#0b4f6c"
# The path of icon.svg, "M18 46V18h6l16 18V18h6v28h-6L24 28v18z", as points in its 64-unit box.
LETTER_N = [(18, 46), (18, 18), (24, 18), (40, 36), (40, 18), (46, 18), (46, 46), (40, 46), (24, 28), (24, 46)]
SUPERSAMPLE = 4


def draw_icon(size: int, maskable: bool) -> Image.Image:
    big = size * SUPERSAMPLE
    scale = big / 64
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=BRAND)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(12 * scale), fill=BRAND)
    draw.polygon([(x * scale, y * scale) for x, y in LETTER_N], fill="#ffffff")
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    # icon-192.png (any) was made in issue 12 from the same shapes and is kept as it is.
    for name, size, maskable in [("icon-512.png", 512, False),
                                 ("icon-maskable-192.png", 192, True), ("icon-maskable-512.png", 512, True)]:
        draw_icon(size, maskable).save(ICONS / name, optimize=True)
        print(ICONS / name)


if __name__ == "__main__":
    main()
