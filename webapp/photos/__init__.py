"""Photos of an injection site or a rash, attached to a symptom report or a message (issue 13).

The API the rest of the app uses (two steps, so that nothing is stored when the form is refused):

    prepared = prepare(files)            # re-encode, or raise PhotoRejected(status, message)
    ...write the report / message, flush to get its id...
    save(session, prepared, patient=..., uploaded_by=..., symptom_report_id=... | message_id=...)
    photos_of(session, symptom_report_ids=[...]) / photos_of(session, message_ids=[...])

A view that takes photos is decorated with `@photo_upload`: it alone accepts a request body of
UPLOAD_MAX_BYTES; every other route keeps the app's small MAX_CONTENT_LENGTH.

What `prepare` accepts (each rule refuses the whole upload, and nothing is stored):
- At most MAX_PHOTOS files (422) of at most MAX_FILE_BYTES each (413).
- The type is read from the first bytes, never from the file name or the browser's Content-Type:
  JPEG (FF D8 FF), PNG (the 8-byte signature) or HEIC/HEIF (an ISO-BMFF `ftyp` box with a HEIF brand).
  Anything else is 422.
- No polyglots (422): a file that is a valid photo *and* something else is refused, not cleaned.
  The precise rule:
  1. The container must end where the file ends: after the JPEG's EOI marker (found by walking the
     segments and the entropy-coded scans, so an EXIF thumbnail's EOI does not count), after the PNG's
     IEND chunk, or after the last top-level HEIF box, at most TRAILING_SLACK bytes may follow, and
     those only 0x00 or 0xFF padding. The one exception: after a JPEG, further complete JPEG images
     (each walked the same way) may follow, as in a multi-picture (MPF/MPO) file, which phones write
     for an Ultra HDR gain map or a portrait's depth map; only the first image is kept.
     So a JPEG followed by a ZIP, a PDF, HTML or a video is refused (a phone's "motion photo", a JPEG
     with a video appended, is refused too, with a message saying so).
  2. Anywhere in the file (in comments, EXIF, or chunks) none of these markers, any case:
     `<script`, `<html`, `<!doctype`, `<svg`, `<iframe`, `<object`, `<embed`, `<?php`,
     `javascript:`, `%PDF-`; and no ZIP end-of-central-directory record (PK 05 06) in the last
     64 KiB + 22 bytes, where a ZIP reader looks for it (a GIFAR-style JPEG/ZIP or JAR).
     A prepended payload fails the first-bytes check already.
- Decoded size: at most MAX_PIXELS pixels (422). Pillow's DecompressionBombWarning is turned into an
  error, and Image.MAX_IMAGE_PIXELS is set to MAX_PIXELS, so a small file declaring 30000 x 30000 is
  refused from its header, before any pixel is decoded.

What is stored: a new JPEG of at most MAX_SIDE px on the longer side (and a THUMB_SIDE thumbnail),
with the EXIF orientation applied first and then no EXIF, no GPS, no XMP and no comment; an ICC
profile is converted to sRGB and dropped. The bytes go to the photo store (storage.py), under a random
key, never under static/.
"""

from __future__ import annotations

import io
import math
import secrets
import warnings
from collections import defaultdict
from dataclasses import dataclass

import pillow_heif
from flask import current_app, request
from flask_babel import lazy_gettext as _l
from PIL import Image, ImageCms, ImageOps
from sqlmodel import select

from .. import db
from ..models import Photo
from . import storage

MAX_PHOTOS = 3  # per report or message (issue 13)
MAX_SIDE = 1600  # pixels, the longer side after re-encoding
THUMB_SIDE = 320
MAX_FILE_BYTES = 10 * 1024 * 1024  # one photo as sent
# A 50-megapixel phone camera gives 8160 x 6144 = 50.1 million pixels; a little over that is allowed.
MAX_PIXELS = 64_000_000
# The request body of an upload route: three full photos and the form's text.
UPLOAD_MAX_BYTES = MAX_PHOTOS * MAX_FILE_BYTES + 2 * 1024 * 1024
TRAILING_SLACK = 16  # padding bytes (00 or FF) some cameras leave after the image
JPEG_QUALITY = 85

Image.MAX_IMAGE_PIXELS = MAX_PIXELS
pillow_heif.register_heif_opener()

HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"heif"})
HEIF_TOP_BOXES = frozenset({b"ftyp", b"meta", b"mdat", b"moov", b"free", b"skip", b"uuid", b"wide", b"pdin",
                            b"idat", b"iinf", b"iloc", b"iprp", b"pitm"})
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Lower case: searched in the lower-cased bytes (bytes.lower() is ASCII only, 4x faster than a regex).
FOREIGN_MARKERS = (b"<script", b"<html", b"<!doctype", b"<svg", b"<iframe", b"<object", b"<embed", b"<?php",
                   b"javascript:", b"%pdf-")
ZIP_END = b"PK\x05\x06"
ZIP_END_REACH = 65_535 + 22  # a ZIP's end record is within its comment's length of the end

NOT_A_PHOTO = _l("This file is not a photo we can use. Send a JPEG, PNG or HEIC photo.")
TOO_BIG = _l("A photo can be at most 10 MB. Take a new photo, or send a smaller one.")
TOO_MANY_PIXELS = _l("This photo has too many pixels. Take a new photo, or send a smaller one.")
SOMETHING_ATTACHED = _l("This photo has something else attached to it (for example a short video). "
                        "Send a still photo, or a screenshot of it.")
TOO_MANY = _l("Attach at most %(num)d photos.", num=MAX_PHOTOS)


class PhotoRejected(Exception):
    """An upload that is not stored: `status` is 413 (too big) or 422 (not a photo we accept)."""

    def __init__(self, status: int, message):
        super().__init__(str(message))
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Prepared:
    full: bytes
    thumb: bytes
    width: int
    height: int


def photo_upload(view):
    """Mark a view that takes photos: its request body may be as large as three photos (UPLOAD_MAX_BYTES);
    every other route keeps the app's small MAX_CONTENT_LENGTH."""
    view.takes_photos = True
    return view


def _upload_limit(endpoint, values) -> None:
    # A URL value preprocessor runs before every before_request hook, and so before the CSRF check
    # reads the form: the larger limit must be in place by then.
    view = current_app.view_functions.get(endpoint) if endpoint else None
    if getattr(view, "takes_photos", False):
        request.max_content_length = UPLOAD_MAX_BYTES


def init_app(app) -> None:
    from . import routes

    app.register_blueprint(routes.bp)
    app.url_value_preprocessor(_upload_limit)
    # For templates/photos/_report_thumbs.html, which is included with only `report` (one query).
    app.add_template_global(_photos_of_report, "photos_of_report")
    app.add_template_global(thumb_size, "photo_thumb_size")
    storage.check_photo_settings(app)


# --- where the image ends: a precise end, so that nothing can hide after it -------------------------

class _Malformed(Exception):
    pass


def _jpeg_end(data: bytes) -> int:
    """The offset just after the EOI marker that ends the image, walking segments and scans."""
    i, n = 2, len(data)
    while i + 1 < n:
        if data[i] != 0xFF:
            raise _Malformed
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte before a marker
            i += 1
            continue
        if marker == 0xD9:  # EOI
            return i + 2
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # RSTn, TEM: no length
            i += 2
            continue
        if i + 4 > n:
            raise _Malformed
        end = i + 2 + int.from_bytes(data[i + 2:i + 4], "big")
        if marker != 0xDA:  # any other segment: skip by its length (EXIF and its thumbnail included)
            i = end
            continue
        # SOS: entropy-coded data runs to the next marker that is not a stuffed 00 or a restart marker.
        j = end
        while True:
            j = data.find(b"\xff", j)
            if j < 0 or j + 1 >= n:
                raise _Malformed
            following = data[j + 1]
            if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                j += 1 if following == 0xFF else 2
                continue
            break
        i = j
    raise _Malformed


def _png_end(data: bytes) -> int:
    """The offset just after the IEND chunk's CRC."""
    i, n = len(PNG_SIGNATURE), len(data)
    while i + 8 <= n:
        length = int.from_bytes(data[i:i + 4], "big")
        kind = data[i + 4:i + 8]
        i += 12 + length
        if kind == b"IEND":
            return i
    raise _Malformed


def _heif_end(data: bytes) -> int:
    """The offset after the last well-formed top-level ISO-BMFF box of a known kind."""
    i, n = 0, len(data)
    while i + 8 <= n:
        size = int.from_bytes(data[i:i + 4], "big")
        kind = data[i + 4:i + 8]
        if kind not in HEIF_TOP_BOXES:
            break
        if size == 1:
            if i + 16 > n:
                raise _Malformed
            size = int.from_bytes(data[i + 8:i + 16], "big")
        elif size == 0:  # to the end of the file
            size = n - i
        if size < 8 or i + size > n:
            raise _Malformed
        i += size
    if i == 0:
        raise _Malformed
    return i


def sniff(data: bytes) -> str | None:
    """The format from the first bytes: "jpeg", "png", "heif", or None."""
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:8] == PNG_SIGNATURE:
        return "png"
    if data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS:
        return "heif"
    return None


def is_polyglot(data: bytes, kind: str) -> bool:
    """True when the file holds something besides the photo (the rule in the module docstring)."""
    lowered = data.lower()
    if any(marker in lowered for marker in FOREIGN_MARKERS) or ZIP_END in data[-ZIP_END_REACH:]:
        return True
    try:
        end = {"jpeg": _jpeg_end, "png": _png_end, "heif": _heif_end}[kind](data)
    except _Malformed:
        return False  # not our rule to judge: the decoder refuses a broken image as "not a photo"
    if kind == "jpeg":
        end = _after_secondary_jpegs(data, end)
    trailing = data[end:]
    return len(trailing) > TRAILING_SLACK or trailing.strip(b"\x00\xff") != b""


def _after_secondary_jpegs(data: bytes, end: int) -> int:
    """Past the whole JPEG images that follow the first one: a multi-picture (MPF) file, as phones write
    for an Ultra HDR gain map or a depth map. Each must be a complete JPEG by the same walk."""
    while data[end:end + 3] == b"\xff\xd8\xff":
        try:
            end += _jpeg_end(data[end:])
        except _Malformed:
            break
    return end


# --- decoding and re-encoding -----------------------------------------------------------------------

SRGB = ImageCms.createProfile("sRGB")


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB pixels; an embedded ICC profile converted to sRGB (and then left out of the new file)."""
    icc = image.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
                image = image.convert("RGB")
            converted = ImageCms.profileToProfile(image, source, SRGB, outputMode="RGB")
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    if image.mode in ("RGBA", "LA", "P", "PA"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _jpeg(image: Image.Image, side: int) -> tuple[bytes, int, int]:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # No exif=, icc_profile= or comment= arguments: the new file carries none of them (no GPS).
    copy.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue(), copy.width, copy.height


def _read(upload) -> bytes:
    stream = getattr(upload, "stream", upload)
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise PhotoRejected(413, TOO_BIG)
    return data


def prepare_one(data: bytes) -> Prepared:
    """One photo's bytes checked and re-encoded, or PhotoRejected."""
    if len(data) > MAX_FILE_BYTES:
        raise PhotoRejected(413, TOO_BIG)
    kind = sniff(data)
    if kind is None:
        raise PhotoRejected(422, NOT_A_PHOTO)
    if is_polyglot(data, kind):
        raise PhotoRejected(422, SOMETHING_ATTACHED)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=["JPEG", "PNG", "HEIF"])
            if image.width * image.height > MAX_PIXELS:
                raise PhotoRejected(422, TOO_MANY_PIXELS)
            if kind == "jpeg":  # decode at 1/2, 1/4 or 1/8 scale when still at least the stored size: less memory
                scale = min(1.0, MAX_SIDE / max(image.width, image.height))
                image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
            image.load()
            image = ImageOps.exif_transpose(image)  # the orientation, applied before EXIF is dropped
            image = _to_srgb(image)
        except PhotoRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise PhotoRejected(422, TOO_MANY_PIXELS) from error
        except Exception as error:  # noqa: BLE001 - any decoder error means "not a photo"
            raise PhotoRejected(422, NOT_A_PHOTO) from error
    full, width, height = _jpeg(image, MAX_SIDE)
    thumb, _w, _h = _jpeg(image, THUMB_SIDE)
    return Prepared(full=full, thumb=thumb, width=width, height=height)


def prepare(files) -> list[Prepared]:
    """Each uploaded file re-encoded as a JPEG of at most MAX_SIDE px; empty file fields are skipped."""
    files = [f for f in files or [] if f and getattr(f, "filename", "")]
    if len(files) > MAX_PHOTOS:
        raise PhotoRejected(422, TOO_MANY)
    return [prepare_one(_read(upload)) for upload in files]


# --- storing and finding ---------------------------------------------------------------------------

def save(session, prepared: list[Prepared], *, patient, uploaded_by, symptom_report_id=None,
         message_id=None) -> list[Photo]:
    """Each prepared photo put in the store under a random key, and its row added (flushed)."""
    store = storage.current_store()
    photos = []
    for item in prepared:
        key = secrets.token_hex(16)  # random: no user input ever reaches a path or an object key
        store.put(f"{key}.jpg", item.full)
        store.put(f"{key}-thumb.jpg", item.thumb)
        photo = Photo(patient_id=patient.id, uploaded_by_id=uploaded_by.id, storage_key=f"{key}.jpg",
                      thumb_key=f"{key}-thumb.jpg", width=item.width, height=item.height,
                      size_bytes=len(item.full), symptom_report_id=symptom_report_id, message_id=message_id)
        session.add(photo)
        photos.append(photo)
    session.flush()
    return photos


def photos_of(session, *, symptom_report_ids=(), message_ids=()) -> dict[int, list[Photo]]:
    """The photos of each report or message id (one query), oldest first; deleted ones left out."""
    found: dict[int, list[Photo]] = defaultdict(list)
    if symptom_report_ids:
        for photo in session.exec(select(Photo).where(Photo.symptom_report_id.in_(list(symptom_report_ids)),
                                                      Photo.deleted_at.is_(None)).order_by(Photo.id)):
            found[photo.symptom_report_id].append(photo)
    if message_ids:
        for photo in session.exec(select(Photo).where(Photo.message_id.in_(list(message_ids)),
                                                      Photo.deleted_at.is_(None)).order_by(Photo.id)):
            found[photo.message_id].append(photo)
    return found


def report_photos(session, symptom_report_ids) -> dict[int, list[Photo]]:
    """Like photos_of for reports, but always one query, so a page's query count does not depend on the data."""
    found: dict[int, list[Photo]] = defaultdict(list)
    ids = list(symptom_report_ids) or [-1]
    for photo in session.exec(select(Photo).where(Photo.symptom_report_id.in_(ids), Photo.deleted_at.is_(None))
                              .order_by(Photo.id)):
        found[photo.symptom_report_id].append(photo)
    return found


def thumb_size(photo: Photo) -> tuple[int, int]:
    """The thumbnail's width and height (the longer side THUMB_SIDE at most), for the img attributes."""
    scale = min(1.0, THUMB_SIDE / max(photo.width, photo.height, 1))
    return max(1, round(photo.width * scale)), max(1, round(photo.height * scale))


def _photos_of_report(report) -> list[Photo]:
    return report_photos(db.session(), [report.id])[report.id] if report is not None and report.id else []
