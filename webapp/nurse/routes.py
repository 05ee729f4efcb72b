from datetime import UTC, datetime

from flask import abort, render_template, url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy import bindparam, func
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import select

from .. import db
from ..auth.accounts import create_invitation, normalise_email
from ..domain.clock import local_date
from ..extension_points import NURSE_PATIENT_SECTIONS, render_cards
from ..models import Flag, FlagStatus, Patient, Role, User
from ..security import audit, nurse_required
from . import bp
from .forms import InvitationForm, NewPatientForm

# Built once (issue 7); the patient's user (name, e-mail) comes in the same query.
CLINIC_PATIENT = (select(Patient).options(joinedload(Patient.user))
                  .where(Patient.id == bindparam("patient_id"), Patient.clinic_id == bindparam("clinic_id")))


def clinic_patient(patient_id: int) -> Patient:
    """A patient of the nurse's own clinic; any other id answers 404, as if it did not exist."""
    patient = db.session().exec(
        CLINIC_PATIENT, params={"patient_id": patient_id, "clinic_id": current_user.clinic_id}).first()
    if patient is None:
        abort(404)
    return patient


@bp.get("/")
@nurse_required
def index():
    patients = db.session().exec(
        select(Patient).where(Patient.clinic_id == current_user.clinic_id)
        .options(selectinload(Patient.user)).join(User, Patient.user_id == User.id).order_by(User.full_name)
    ).all()
    open_flags = db.session().exec(
        select(func.count(Flag.id)).where(Flag.clinic_id == current_user.clinic_id,
                                          Flag.status.in_((FlagStatus.OPEN, FlagStatus.IN_PROGRESS)))
    ).one()
    return render_template("nurse/index.html", patients=patients, open_flags=open_flags)


@bp.route("/patients/new", methods=["GET", "POST"])
@nurse_required
def new_patient():
    form = NewPatientForm()
    if form.validate_on_submit():
        session = db.session()
        email = normalise_email(form.email.data)
        if session.exec(select(User).where(User.email == email)).first():
            form.email.errors.append(_("There is already an account with this e-mail address."))
        else:
            user = User(
                email=email, full_name=form.full_name.data.strip(), role=Role.PATIENT,
                locale=form.language.data, clinic_id=current_user.clinic_id,
            )
            session.add(user)
            session.flush()
            patient = Patient(
                user_id=user.id, clinic_id=current_user.clinic_id, birth_year=form.birth_year.data,
                treatment_start=form.treatment_start.data,
            )
            session.add(patient)
            session.flush()
            token = create_invitation(user, current_user)
            audit("create", patient_id=patient.id, target="patient")
            session.commit()
            return render_template(
                "nurse/invitation.html", patient=patient, link=url_for("auth.accept_invitation", token=token, _external=True)
            )
    return render_template("nurse/new_patient.html", form=form), 422 if form.errors else 200


@bp.get("/patients/<int:patient_id>")
@nurse_required
def patient(patient_id: int):
    patient = clinic_patient(patient_id)
    audit("read", patient_id=patient.id, target="nurse.patient")
    db.session().commit()
    sections = render_cards(NURSE_PATIENT_SECTIONS, patient, local_date(datetime.now(UTC)))
    return render_template("nurse/patient.html", patient=patient, sections=sections,
                           invitation_form=InvitationForm())


@bp.post("/patients/<int:patient_id>/invitation")
@nurse_required
def new_invitation(patient_id: int):
    patient = clinic_patient(patient_id)
    if not InvitationForm().validate_on_submit():
        abort(400)
    token = create_invitation(patient.user, current_user)
    audit("invite", patient_id=patient.id, target="invitation")
    db.session().commit()
    return render_template(
        "nurse/invitation.html", patient=patient, link=url_for("auth.accept_invitation", token=token, _external=True)
    )
