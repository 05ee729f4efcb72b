from flask import Blueprint

bp = Blueprint("nurse", __name__, url_prefix="/nurse")

from . import (  # noqa: E402,F401
    clinic_settings,
    digest,
    dose_hold,
    enrolment,
    handoff,
    handover,
    on_call,
    outbox,
    patient_phone,
    queue,
    routes,
    staff,
    timeline,
)
