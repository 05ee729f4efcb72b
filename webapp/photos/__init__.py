"""Photos of an injection site or a rash, attached to a symptom report or a message (issue 13).

The API the rest of the app uses (two steps, so that nothing is stored when the form is refused):

    prepared = prepare(files)            # re-encode, or raise PhotoRejected(status, message)
    ...write the report / message, flush to get its id...
    save(session, prepared, patient=..., uploaded_by=..., symptom_report_id=... | message_id=...)
    photos_of(session, symptom_report_ids=[...]) / photos_of(session, message_ids=[...])

FOUNDATION STUB: the issue-13 photos work hardens `prepare` (HEIC, content sniffing, decompression
bombs, size limits), adds the S3-compatible store and the routes that serve photos (audited, no-store).
"""

from __future__ import annotations

import io
import secrets
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps
from sqlmodel import select

from ..models import Photo

MAX_PHOTOS = 3  # per report or message (issue 13)
MAX_SIDE = 1600  # pixels, the longer side after re-encoding
THUMB_SIDE = 320


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


def _jpeg(image: Image.Image, side: int) -> tuple[bytes, int, int]:
    copy = image.copy()
    copy.thumbnail((side, side))
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=85, optimize=True)  # no exif= argument: no EXIF, no GPS
    return out.getvalue(), copy.width, copy.height


def prepare(files) -> list[Prepared]:
    """Each uploaded file re-encoded as a JPEG of at most MAX_SIDE px; empty file fields are skipped."""
    files = [f for f in files or [] if f and getattr(f, "filename", "")]
    if len(files) > MAX_PHOTOS:
        raise PhotoRejected(422, _l("Attach at most %(num)d photos.", num=MAX_PHOTOS))
    prepared = []
    for upload in files:
        try:
            image = Image.open(upload.stream)
            image.load()
        except Exception as error:  # noqa: BLE001 - any decoder error means "not a photo"
            raise PhotoRejected(422, _l("This file is not a photo we can read.")) from error
        image = ImageOps.exif_transpose(image).convert("RGB")
        full, width, height = _jpeg(image, MAX_SIDE)
        thumb, _w, _h = _jpeg(image, THUMB_SIDE)
        prepared.append(Prepared(full=full, thumb=thumb, width=width, height=height))
    return prepared


def _folder() -> Path:
    folder = Path(current_app.config.get("PHOTO_FOLDER") or Path(current_app.instance_path) / "photos")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save(session, prepared: list[Prepared], *, patient, uploaded_by, symptom_report_id=None,
         message_id=None) -> list[Photo]:
    photos = []
    for item in prepared:
        key = secrets.token_hex(16)
        (_folder() / f"{key}.jpg").write_bytes(item.full)
        (_folder() / f"{key}-thumb.jpg").write_bytes(item.thumb)
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
