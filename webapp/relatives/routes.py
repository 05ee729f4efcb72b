"""The patient's page to invite, change and stop a relative's access, and the relative's own start page."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, session, url_for
from flask_babel import _
from flask_login import current_user
from sqlmodel import select

from .. import db
from ..auth.accounts import INVITATION, create_link, recent_link
from ..domain.reminders import ReminderKind
from ..emails import normalise_email
from ..extension_points import nurse_patient_section
from ..models import NotificationPrefs, Patient, RelativeGrant, Reminder, Role, User
from ..security import audit, own_patient, own_record, patient_required, role_required
from . import bp
from .forms import InviteRelativeForm, RevokeForm
from .grants import FOR_THE_CLINIC, HELPING_KEY, PERMISSIONS, expiry, is_active, now, patient_grants, relative_grants
from .mail import queue_address_taken, queue_granted, queue_invitation

relative_required = role_required(Role.RELATIVE)
OVERDUE = (ReminderKind.OVERDUE_2.value, ReminderKind.OVERDUE_7.value)
# What a relative's buttons open, once she has chosen whom she is helping.
ACTIONS = {
    "report": ("may_report", "symptoms.new"),
    "dose": ("may_log_doses", "injections.check"),
    "education": ("may_read_education", "education.index"),
}


# ------------------------------------------------------------------ the patient's side
def _relative_account(session, patient: Patient, grant: RelativeGrant) -> User | None:
    """The relative's account at the patient's clinic, made now if the address has none. None when the
    address belongs to a patient or a nurse of the clinic (or a closed account): no access is given."""
    user = session.exec(select(User).where(User.clinic_id == patient.clinic_id, User.email == grant.email)).first()
    if user is None:
        user = User(email=grant.email, full_name=grant.name, role=Role.RELATIVE, clinic_id=patient.clinic_id,
                    locale=patient.user.locale)
        session.add(user)
        session.flush()
        # She was asked whether she wants missed-dose e-mails when the patient chose them: e-mail is on.
        session.add(NotificationPrefs(user_id=user.id, email=True))
        return user
    if user.role != Role.RELATIVE or not user.active:
        return None
    return user


def invite(patient: Patient, form: InviteRelativeForm) -> RelativeGrant:
    """Give (or change) a relative's access. One active grant per address: inviting the same address
    again changes what it may do and until when, so a double tap stores one row. The caller commits."""
    session = db.session()
    email = normalise_email(form.email.data)
    grant = next((g for g in patient_grants(patient) if g.email == email and is_active(g)), None)
    if grant is None:
        grant = RelativeGrant(patient_id=patient.id, email=email, name=form.name.data, expires_at=now())
    grant.name = form.name.data
    for name in PERMISSIONS:
        setattr(grant, name, bool(form[name].data))
    grant.expires_at = expiry(form.duration.data, now())
    session.add(grant)
    session.flush()
    user = _relative_account(session, patient, grant)
    grant.relative_user_id = user.id if user is not None else None
    session.add(grant)
    if user is None:
        queue_address_taken(session, grant, patient)
    elif user.password_hash is None:
        if recent_link(user, kind=INVITATION) is None:  # a double tap sends no second e-mail
            token, _invitation = create_link(user, current_user, INVITATION)
            queue_invitation(session, grant, patient, token, current_app.config["INVITATION_VALID_DAYS"])
    else:
        queue_granted(session, grant, patient)
    audit("update", patient_id=patient.id, target="relatives.invite")
    return grant


def _status(grant: RelativeGrant, users: dict[int, User]) -> str:
    if grant.revoked_at is not None:
        return "revoked"
    if not is_active(grant):
        return "ended"
    user = users.get(grant.relative_user_id)
    return "active" if user is not None and user.password_hash else "waiting"


def _page(patient: Patient, form: InviteRelativeForm, status: int = 200):
    grants = patient_grants(patient)
    ids = [g.relative_user_id for g in grants if g.relative_user_id]
    users = {u.id: u for u in db.session().exec(select(User).where(User.id.in_(ids)))} if ids else {}
    rows = [(grant, _status(grant, users)) for grant in grants]
    return render_template("relatives/index.html", form=form, rows=rows, permissions=PERMISSIONS,
                           revoke_form=RevokeForm(formdata=None)), status


@bp.route("/relatives", methods=["GET", "POST"])
@patient_required
def index():
    patient = own_patient()
    form = InviteRelativeForm()
    if patient.closed_at is None and form.validate_on_submit():
        grant = invite(patient, form)
        db.session().commit()
        flash(_("The invitation is sent to %(name)s. They can help once they have made their account.",
                name=grant.name),
              "success")
        return redirect(url_for("relatives.index"))
    return _page(patient, form, 422 if form.errors else 200)


@bp.post("/relatives/<int:grant_id>/revoke")
@patient_required
def revoke(grant_id: int):
    """Stops the access at once: the relative's next request is refused (grants.helped_patient)."""
    patient = own_patient()
    grant = own_record(RelativeGrant, grant_id, patient)
    if RevokeForm().validate_on_submit() and grant.revoked_at is None:
        grant.revoked_at = now()
        db.session().add(grant)
        audit("update", patient_id=patient.id, target="relatives.revoke")
        db.session().commit()
        flash(_("%(name)s can no longer help you in NataHjem.", name=grant.name), "success")
    return redirect(url_for("relatives.index"))


# ------------------------------------------------------------------ the relative's side
def _overdue(patient: Patient) -> list[Reminder]:
    return list(db.session().exec(select(Reminder).where(
        Reminder.patient_id == patient.id, Reminder.kind.in_(OVERDUE), Reminder.done_at.is_(None))
        .order_by(Reminder.about_day)).all())


@bp.get("/helping")
@relative_required
def helping():
    """Whom she helps and what each let her do; an overdue dose when she may get those reminders."""
    rows = []
    for grant, patient in relative_grants(current_user):
        overdue = _overdue(patient) if grant.may_get_reminders else []
        if overdue:  # the patient's data read by the relative: in her access log
            audit("relative", patient_id=patient.id, target="relative.relatives.helping")
        rows.append({"grant": grant, "patient": patient, "overdue": overdue})
    db.session().commit()
    return render_template("relatives/helping.html", rows=rows, permissions=PERMISSIONS)


@bp.post("/helping/<int:patient_id>/<action>")
@relative_required
def act(patient_id: int, action: str):
    """Choose whom she is helping and open what she came to do (if that patient let her)."""
    if action not in ACTIONS:
        abort(404)
    permission, endpoint = ACTIONS[action]
    grant = next((g for g, p in relative_grants(current_user) if p.id == patient_id), None)
    if grant is None:
        abort(404)
    if not getattr(grant, permission):
        abort(403)
    if not RevokeForm().validate_on_submit():  # a CSRF token only
        abort(400)
    session[HELPING_KEY] = patient_id
    return redirect(url_for(endpoint))


# ------------------------------------------------------------------ the nurse's patient page
@nurse_patient_section(90)
def relatives_section(patient: Patient, today):
    """Who may act for the patient now: the nurse reads a report "made by a relative" knowing who that is."""
    grants = [g for g in patient_grants(patient) if is_active(g) and g.relative_user_id]
    if not grants:
        return None
    return "relatives/_nurse_section.html", {"grants": grants, "permissions": FOR_THE_CLINIC}
