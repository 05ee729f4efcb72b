from flask import Blueprint

bp = Blueprint("nurse", __name__, url_prefix="/nurse")

from . import digest, dose_hold, enrolment, handoff, on_call, outbox, queue, routes, timeline  # noqa: E402,F401
