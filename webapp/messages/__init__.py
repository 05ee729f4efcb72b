"""Messages between a patient and the clinic (issue 13): threads, read by the triage reader first."""

from flask import Blueprint, current_app, url_for

bp = Blueprint("messages", __name__)


@bp.context_processor
def _photo_urls():
    """Photo links through the photos blueprint (another part of issue 13); on a branch without it the
    pages still render, listing each photo without a link."""
    def photo_url(kind: str, photo_id: int) -> str | None:
        endpoint = f"photos.{kind}"
        return url_for(endpoint, photo_id=photo_id) if endpoint in current_app.view_functions else None

    return {"photo_url": photo_url}


from . import cards, nurse_routes, routes, texts  # noqa: E402,F401  (routes, cards and texts register)
