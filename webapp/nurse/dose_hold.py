"""The nurse's side of a dose on hold (facts §3 "Dose on hold"): the patient page (and the flag page of
the flag that placed it) shows the hold, since when and why, and a form to lift it with a reason.
Lifting is recorded (who, when, why) and audited; only the patient's own clinic can lift (404 else)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlmodel import select
from wtforms import TextAreaField
from wtforms.validators import Length, Optional

from .. import db
from ..domain.clock import local_date
from ..domain.dose_hold import LIFT_REASON_MAX, LiftProblem, validate_lift_reason
from ..extension_points import NURSE_PATIENT_SECTIONS, nurse_patient_section, render_cards
from ..forms_base import BaseForm, clean_text
from ..injections.hold import lift_holds, open_holds
from ..models import DoseHold, Flag, Patient, User
from ..security import audit, nurse_required
from . import bp
from .forms import InvitationForm, ResetForm
from .routes import clinic_patient

SOURCE_TEXT = {
    "report": _l("An urgent report from the patient"),
    "predose": _l("A stop in the safety check before the dose"),
    "nurse": _l("A nurse's outcome: the next dose waits until the patient is seen"),
}
LIFT_ERRORS = {
    LiftProblem.REASON_REQUIRED: _l("Write why the dose may be taken again."),
    LiftProblem.REASON_TOO_LONG: _l("Write at most %(max)d characters.", max=LIFT_REASON_MAX),
}


class LiftHoldForm(BaseForm):
    lift_reason = TextAreaField(
        _l("Why the dose may be taken again"), validators=[Optional(), Length(max=LIFT_REASON_MAX)],
        filters=[clean_text], description=_l("Required. The patient sees that the dose no longer waits."),
    )


def hold_view(session, patient: Patient, form: LiftHoldForm | None = None) -> dict | None:
    """What the nurse sees of an open hold, or None when the next dose does not wait."""
    holds = open_holds(session, patient.id)
    if not holds:
        return None
    ids = {h.placed_by_id for h in holds if h.placed_by_id}
    names = {u.id: u.full_name for u in session.exec(select(User).where(User.id.in_(ids))).all()} if ids else {}
    return {"holds": holds, "names": names, "source_text": SOURCE_TEXT,
            "lift_form": form or LiftHoldForm(formdata=None), "patient": patient}


@nurse_patient_section(6)  # right after the open flags: the dose waits until a nurse lifts it
def dose_hold_section(patient: Patient, today):
    view = hold_view(db.session(), patient)
    return ("nurse/_dose_hold.html", view) if view else None


@bp.post("/patients/<int:patient_id>/dose-hold/lift")
@nurse_required
def lift_dose_hold(patient_id: int):
    patient = clinic_patient(patient_id)
    session = db.session()
    form = LiftHoldForm()
    if form.validate_on_submit():
        for problem in validate_lift_reason(form.lift_reason.data):
            form.lift_reason.errors.append(str(LIFT_ERRORS[problem]))
    back = _back_to(request.form.get("flag_id"))
    if form.errors:
        return _patient_page_with(patient, form), 422
    now = datetime.now(UTC)
    if lift_holds(session, patient, current_user.id, form.lift_reason.data, now):
        audit("update", patient_id=patient.id, target="dose_hold:lift")
        session.commit()
        flash(_("The hold is lifted. The patient can take the next dose again."), "success")
    else:
        flash(_("The next dose was not on hold."), "info")
    return redirect(back or url_for("nurse.patient", patient_id=patient.id))


def _back_to(flag_id: str | None) -> str | None:
    """Back to the flag page the form was sent from (a flag of the nurse's clinic only)."""
    if flag_id and flag_id.isdigit() and len(flag_id) < 12:
        flag = db.session().get(Flag, int(flag_id))
        if flag is not None and flag.clinic_id == current_user.clinic_id:
            return url_for("nurse.flag", flag_id=flag.id)
    return None


def _patient_page_with(patient: Patient, form: LiftHoldForm):
    """The patient page again, the lift form with its error next to the field and what was typed."""
    audit("read", patient_id=patient.id, target="nurse.patient")
    db.session().commit()
    sections = []
    for template, card in render_cards(NURSE_PATIENT_SECTIONS, patient, local_date(datetime.now(UTC))):
        if template == "nurse/_dose_hold.html":
            card = hold_view(db.session(), patient, form) or card
        sections.append((template, card))
    return render_template("nurse/patient.html", patient=patient, sections=sections, invitation_form=InvitationForm(),
                           reset_form=ResetForm())


def holds_of_flag(session, flag_id: int) -> list[DoseHold]:
    """The holds a flag placed (its report or its outcome), for the flag page."""
    return list(session.exec(select(DoseHold).where(DoseHold.flag_id == flag_id).order_by(DoseHold.placed_at)).all())
