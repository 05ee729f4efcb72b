from datetime import UTC, datetime

from flask import redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy import bindparam, func
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import select

from .. import db
from ..auth.accounts import normalise_email
from ..domain.clock import local_date
from ..extension_points import NURSE_PATIENT_SECTIONS, render_cards
from ..models import Flag, FlagStatus, Patient, Role, User
from ..security import audit, audit_reads, nurse_required, refuse
from . import bp
from .forms import InvitationForm, NewPatientForm, ResetForm
from .section_links import section_links

# Built once (issue 7); the patient's user (name, e-mail) comes in the same query.
CLINIC_PATIENT = (select(Patient).options(joinedload(Patient.user))
                  .where(Patient.id == bindparam("patient_id"), Patient.clinic_id == bindparam("clinic_id")))


def clinic_patient(patient_id: int) -> Patient:
    """A patient of the nurse's own clinic; any other id answers 404, as if it did not exist."""
    patient = db.session().exec(
        CLINIC_PATIENT, params={"patient_id": patient_id, "clinic_id": current_user.clinic_id}).first()
    if patient is None:
        refuse(f"patient:{patient_id}")  # another clinic's patient, or none: a trace (review finding 10)
    return patient


# The list shows at most this many patients, by name; a search finds the others. A clinic of 500
# patients would otherwise get a 100 KB page (issue 7: every page under 60 KB).
PATIENT_LIST_LIMIT = 100
SEARCH_MAX_LENGTH = 100


def _matching_ids(clinic_id: int, query: str) -> list[int]:
    """Patients whose name or e-mail contains the query, any case and any letters (Ø, å), by name.
    Compared here, not by the database, whose lower() may know only A-Z (SQLite; PostgreSQL in the C
    locale); the clinic's names and addresses are a few hundred short rows."""
    needle = query.casefold()
    rows = db.session().exec(
        select(Patient.id, User.full_name, User.email).join(User, Patient.user_id == User.id)
        .where(Patient.clinic_id == clinic_id)
    ).all()
    matches = sorted((name, pid) for pid, name, email in rows if needle in name.casefold() or needle in email.casefold())
    return [pid for _name, pid in matches]


@bp.get("/")
@nurse_required
def index():
    query = " ".join(request.args.get("q", "").split())[:SEARCH_MAX_LENGTH]
    found = (select(Patient).join(User, Patient.user_id == User.id)
             .where(Patient.clinic_id == current_user.clinic_id))
    if query:
        ids = _matching_ids(current_user.clinic_id, query)
        total = len(ids)
        found = found.where(Patient.id.in_(ids[:PATIENT_LIST_LIMIT]))
    else:
        total = db.session().exec(select(func.count()).select_from(found.subquery())).one()
    patients = db.session().exec(
        found.options(selectinload(Patient.user)).order_by(User.full_name, Patient.id).limit(PATIENT_LIST_LIMIT)
    ).all()
    open_flags = db.session().exec(
        select(func.count(Flag.id)).where(Flag.clinic_id == current_user.clinic_id,
                                          Flag.status.in_((FlagStatus.OPEN, FlagStatus.IN_PROGRESS)))
    ).one()
    # Names and home-treatment status of each patient listed: a read of each one (review finding 10).
    audit_reads([p.id for p in patients], "nurse.search" if query else "nurse.patients")
    db.session().commit()
    return render_template("nurse/index.html", patients=patients, open_flags=open_flags, query=query, total=total)


@bp.route("/patients/new", methods=["GET", "POST"])
@nurse_required
def new_patient():
    form = NewPatientForm()
    if form.validate_on_submit():
        session = db.session()
        email = normalise_email(form.email.data)
        # Only this clinic's accounts: whether the address has an account at another clinic is never told
        # (finding 12); a new account is made here beside it, and the audit notes it for the administrators.
        existing = session.exec(select(User).where(User.email == email,
                                                   User.clinic_id == current_user.clinic_id)).first()
        elsewhere = existing is None and session.exec(select(User.id).where(User.email == email)).first()
        if existing is not None:
            from .handoff import just_invited  # handoff builds on this module

            if just_invited(existing):  # a double tap: the first tap's link, not an error
                return redirect(url_for("nurse.handoff", patient_id=existing.patient.id))
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
                treatment_start=form.treatment_start.data, phone=form.phone.e164,
            )
            session.add(patient)
            session.flush()
            from .handoff import new_invitation_link  # handoff builds on this module

            new_invitation_link(patient)
            audit("create", patient_id=patient.id, target="patient:address_used_elsewhere" if elsewhere else "patient")
            session.commit()
            # Post-redirect-get: a reload shows the page again instead of sending the form twice (defect 26).
            return redirect(url_for("nurse.handoff", patient_id=patient.id))
    return render_template("nurse/new_patient.html", form=form), 422 if form.errors else 200


@bp.get("/patients/<int:patient_id>")
@nurse_required
def patient(patient_id: int):
    patient = clinic_patient(patient_id)
    audit("read", patient_id=patient.id, target="nurse.patient")
    db.session().commit()
    sections = render_cards(NURSE_PATIENT_SECTIONS, patient, local_date(datetime.now(UTC)))
    return render_template("nurse/patient.html", patient=patient, sections=sections,
                           section_links=section_links(sections), invitation_form=InvitationForm(),
                           reset_form=ResetForm())
