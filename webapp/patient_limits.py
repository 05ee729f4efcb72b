"""How many symptom reports and messages one patient account may send (security finding 8).

One account, confused, broken or stolen, sent 1,156 reports in four minutes, each an open flag. The
limits are far above what a patient writes (a bad day is a few reports) and count only what was stored.
Beyond them nothing is stored, and the answer says what a report would have said: the clinic has what
was sent, call the clinic if it cannot wait, call 113 in an emergency. The queue also shows at most ten
cases a patient (nurse/queue_view.py) and the clinic gets one e-mail per five minutes (flag_mail.py).
"""

from __future__ import annotations

from flask import current_app, make_response, render_template
from flask_login import current_user

from .extensions import limiter


def _limit(setting: str):
    return lambda: current_app.config[setting]


def _patient_key(kind: str):
    # Every session and device of the patient shares one count.
    return lambda: f"{kind}:{getattr(current_user, 'id', None)}"


def _stored(response) -> bool:
    """A stored report or message answers with a redirect to it; a refused form (422) costs nothing."""
    return response.status_code == 302


def _too_many(_limit):
    patient = getattr(current_user, "patient", None)
    # a relative reporting for a patient (issue 15 §5) belongs to the patient's clinic
    clinic = patient.clinic if patient is not None else getattr(current_user, "clinic", None)
    return make_response(render_template("errors/too_many_reports.html", clinic=clinic), 429)


def patient_send_limit(setting: str, kind: str):
    """The decorator for a patient's POST that stores a report or a message; under @patient_required. Routes
    with the same `kind` share one count (a new message thread and a reply are both messages)."""
    return limiter.shared_limit(_limit(setting), scope=kind, methods=["POST"], key_func=_patient_key(kind),
                                deduct_when=_stored, on_breach=_too_many)
