from flask import Blueprint

bp = Blueprint("nurse", __name__, url_prefix="/nurse")

from . import dose_hold, enrolment, outbox, queue, routes, timeline  # noqa: E402,F401
