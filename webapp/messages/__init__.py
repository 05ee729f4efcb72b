"""Messages between a patient and the clinic (issue 13): threads, read by the triage reader first."""

from flask import Blueprint

bp = Blueprint("messages", __name__)

from . import cards, nurse_routes, routes, texts  # noqa: E402,F401  (routes, cards and texts register)
