"""Photo files for the tests (issue 13): real phone-like photos and the hostile ones, made in memory."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from PIL import Image, ImageCms

GPS_IFD = 0x8825
ORIENTATION = 0x0112
# Oslo: 59° 54' N, 10° 45' E (the GPS tags a phone writes).
OSLO_GPS = {1: "N", 2: (59.0, 54.0, 0.0), 3: "E", 4: (10.0, 45.0, 0.0)}


def jpeg_with_gps(size=(2400, 1800), orientation: int | None = None, **save) -> bytes:
    """A JPEG whose left half is red and right half blue, with EXIF GPS tags, a camera model and,
    if given, an orientation tag."""
    image = Image.new("RGB", size, (20, 40, 220))
    image.paste((220, 20, 20), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x0110] = "Phone 15"  # Model
    exif[GPS_IFD] = OSLO_GPS
    if orientation:
        exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90, **save)
    return out.getvalue()


def small_jpeg(size=(640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 90)).save(out, "JPEG")
    return out.getvalue()


def multi_picture_jpeg() -> bytes:
    """A JPEG followed by a second JPEG, as a phone's Ultra HDR photo (a gain map) or portrait (depth map)."""
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 0, 0)).save(out, "MPO", save_all=True,
                                                     append_images=[Image.new("RGB", (320, 240), (0, 0, 200))])
    return out.getvalue()


def png_with_alpha(size=(800, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, (10, 160, 10, 128)).save(out, "PNG")
    return out.getvalue()


def heic(size=(640, 480)) -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", size, (10, 200, 10)).save(out, "HEIF", quality=60)
    return out.getvalue()


def jpeg_with_icc() -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (90, 90, 200)).save(out, "JPEG", icc_profile=profile)
    return out.getvalue()


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("evil/Payload.class", b"\xca\xfe\xba\xbe" + b"\x00" * 200)
    return out.getvalue()


def jpeg_zip_polyglot() -> bytes:
    """A valid JPEG with a ZIP (a JAR) appended: GIFAR-style, both an image and an archive."""
    return small_jpeg() + zip_bytes()


def jpeg_with_html_comment() -> bytes:
    """A valid JPEG with a script in a COM segment (inside the image, not after it)."""
    data = small_jpeg()
    comment = b"<html><script>alert(document.cookie)</script></html>"
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:]


def jpeg_then_html() -> bytes:
    return small_jpeg() + b"<!-- --><body onload=alert(1)>"


def jpeg_then_video() -> bytes:
    """Like a phone's "motion photo": a JPEG with an MP4 appended."""
    return small_jpeg() + b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 4000


def png_then_pdf() -> bytes:
    return png_with_alpha((40, 40)) + b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG file whose header declares width x height pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 4096))
            + _png_chunk(b"IEND", b""))


def bomb() -> bytes:
    return png_declaring(30_000, 30_000)


TEXT_AS_JPEG = b"Dear nurse, my injection site is red.\n"
HTML_AS_JPEG = b"<!DOCTYPE html><html><body><script>fetch('/nurse/').then(r=>r.text())</script></body></html>"
