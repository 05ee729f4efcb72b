"""Serving photos (issue 13): only to the patient who owns one and to the nurses of that patient's clinic.

Anyone else gets 404, as if the photo did not exist; so does a deleted photo. Every view is audited
(a nurse's read of health data, and the patient's own views too, as they cost one row). The answer is
never cached, never sniffed into another type, and shown inline as a JPEG.
"""

from __future__ import annotations

from flask import Blueprint, abort, make_response
from flask_login import current_user, login_required

from .. import db
from ..models import Patient, Photo, Role
from ..security import audit, refuse
from .storage import PhotoMissing, current_store

bp = Blueprint("photos", __name__, url_prefix="/photos")


def visible_photo(photo_id: int) -> Photo:
    """The photo if the signed-in user may see it, else 404."""
    session = db.session()
    photo = session.get(Photo, photo_id)
    if photo is None or photo.deleted_at is not None:
        abort(404)
    if current_user.role == Role.PATIENT:
        allowed = current_user.patient is not None and current_user.patient.id == photo.patient_id
    elif current_user.role == Role.NURSE:
        patient = session.get(Patient, photo.patient_id)
        allowed = patient is not None and patient.clinic_id == current_user.clinic_id
    else:
        allowed = False
    if not allowed:
        refuse(f"photo:{photo_id}")  # a nurse of another clinic leaves a trace (review finding 10)
    return photo


def _serve(photo: Photo, key: str, target: str):
    try:
        data = current_store().get(key)
    except PhotoMissing:
        abort(404)
    audit("read", patient_id=photo.patient_id, target=target)
    db.session().commit()
    response = make_response(data)
    response.headers["Content-Type"] = "image/jpeg"
    response.headers["Content-Disposition"] = f'inline; filename="photo-{photo.id}.jpg"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/<int:photo_id>")
@login_required
def full(photo_id: int):
    photo = visible_photo(photo_id)
    return _serve(photo, photo.storage_key, f"photo:{photo.id}")


@bp.get("/<int:photo_id>/thumb")
@login_required
def thumb(photo_id: int):
    photo = visible_photo(photo_id)
    return _serve(photo, photo.thumb_key, f"photo:{photo.id}:thumb")
