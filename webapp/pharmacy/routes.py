"""H-resept prescriptions and pharmacy pickups: the patient's pages and the nurse's (issue 5)."""

from __future__ import annotations

import uuid
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _, ngettext
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from .. import db
from ..domain import supply
from ..domain.clock import local_date, utc_now
from ..domain.supply import ColdChainProblem, PickupProblem, PickupQuestion, PrescriptionProblem
from ..flags import raise_flag
from ..i18n import format_date
from ..models import PICKUP_COUNTS, Flag, Patient, Pickup, Prescription, utcnow
from ..nurse.routes import clinic_patient
from ..security import audit, nurse_required, own_patient, own_record, patient_required
from . import bp
from .advice import clinic_phone_if_needed, patient_advice
from .forecast import cold_chain_dedupe_key, patient_supply
from .forms import ConfirmPrescriptionForm, OrderLeadForm, PickupForm, PrescriptionForm, StorageProblemForm


def _today() -> date:
    return local_date(utc_now())



# ------------------------------------------------------------------------------------------------ patient


@bp.get("/pharmacy/")
@patient_required
def index():
    patient = own_patient()
    today = _today()
    forecast = patient_supply(db.session(), patient, today)
    advice = patient_advice(forecast, today)
    return render_template("pharmacy/index.html", supply=forecast, advice=advice,
                           call_phone=clinic_phone_if_needed(patient, advice))


def _pickup_problems(form: PickupForm, prescriptions, today: date) -> tuple[int | None, list[PickupProblem]]:
    """The prescription the pickup was made on, and what is wrong with the pickup (domain rules)."""
    day = form.picked_up_on.data
    key = supply.prescription_for_pickup(((p.id, p.issued_on, p.valid_until) for p in prescriptions), day)
    if key is not None or not prescriptions:
        # none recorded: the pickup still counts toward the supply; the page asks for the H-resept
        issued = valid_until = day
    else:
        # checked against the latest prescription issued by then, else the earliest one
        earlier = [p for p in prescriptions if p.issued_on <= day]
        chosen = max(earlier, key=lambda p: p.valid_until) if earlier else min(prescriptions, key=lambda p: p.issued_on)
        issued, valid_until = chosen.issued_on, chosen.valid_until
    return key, supply.validate_pickup(day, form.syringes.data, issued, valid_until, today)


def _show_pickup_problems(form: PickupForm, problems: list[PickupProblem], prescriptions) -> None:
    day = form.picked_up_on.data
    for problem in problems:
        if problem is PickupProblem.NO_SYRINGES:
            form.syringes.errors.append(_("Enter the number of syringes."))
        elif problem is PickupProblem.IN_THE_FUTURE:
            form.picked_up_on.errors.append(_("The date cannot be in the future."))
        elif problem is PickupProblem.BEFORE_PRESCRIPTION_ISSUED:
            first = min(p.issued_on for p in prescriptions)
            form.picked_up_on.errors.append(_(
                "Your H-resept was issued on %(date)s, after this date. Check the date, or add the H-resept "
                "you picked up on.", date=format_date(first, "long")))
        else:  # PRESCRIPTION_EXPIRED: an expired H-resept cannot be picked up on (facts R3)
            ended = max(p.valid_until for p in prescriptions if p.issued_on <= day)
            form.picked_up_on.errors.append(_(
                "Your H-resept expired on %(date)s, so the pharmacy cannot give syringes on it. Check the date, "
                "or add your new H-resept first.", date=format_date(ended, "long")))


def _raise_cold_chain_flag(session, patient: Patient, pickup: Pickup, today: date) -> None:
    # any storage problem: "do not use them; call the pharmacy or clinic" and a call from the clinic;
    # urgent when the next dose is within a week (facts S1, S3, I5)
    forecast = patient_supply(session, patient, today)
    level = supply.cold_chain_level(pickup.cold_chain_problem, forecast.next_dose_due, today)
    raise_flag(session, patient, source="supply", code="cold_chain", level=level,
               dedupe_key=cold_chain_dedupe_key(pickup))


def _pickup_saved_message(patient: Patient, today: date) -> str:
    status = patient_supply(db.session(), patient, today).status
    if status is None or status.on_hand.syringes is None:
        return _("The pickup is saved.")
    return ngettext("The pickup is saved. You have %(num)s syringe at home.",
                    "The pickup is saved. You have %(num)s syringes at home.", status.on_hand.syringes)


def _ask_if_unusual(session, form: PickupForm, patient: Patient, replaces: Pickup | None) -> bool:
    """True when the pickup looks like a mistake and the patient has not yet said it is right: the
    question goes next to the confirmation box (walk defect 13)."""
    others = session.exec(select(Pickup.picked_up_on).where(
        Pickup.patient_id == patient.id, *PICKUP_COUNTS, Pickup.id != (replaces.id if replaces else -1))).all()
    questions = supply.pickup_questions(form.picked_up_on.data, form.syringes.data, others)
    if not questions or form.confirm_unusual.data:
        return False
    texts = []
    if PickupQuestion.SAME_DAY in questions:
        texts.append(_("You have already logged a pickup on %(date)s.", date=format_date(form.picked_up_on.data, "long")))
    if PickupQuestion.ODD_COUNT in questions:
        texts.append(_("A dose is two syringes, and %(num)s is an odd number.", num=form.syringes.data))
    form.confirm_unusual.errors.append(" ".join([*texts, _("Check the pickup, or tick the box if it is right.")]))
    return True


def _carry_flag_over(session, old: Pickup, new: Pickup) -> None:
    """A correction that keeps the storage problem keeps its flag: the flag now names the new row."""
    flag = session.exec(select(Flag).where(Flag.dedupe_key == cold_chain_dedupe_key(old))).first()
    if flag is not None:
        flag.dedupe_key = cold_chain_dedupe_key(new)
        session.add(flag)


def _save_pickup(form: PickupForm, patient: Patient, replaces: Pickup | None, today: date):
    """Validate and store a posted pickup (a correction when `replaces`); a redirect when done, None to
    show the form again with its errors."""
    session = db.session()
    if session.exec(select(Pickup.id).where(Pickup.client_id == form.client_id.data)).first() is not None:
        return redirect(url_for("pharmacy.index"))  # sent twice: the first one is stored
    prescriptions = session.exec(
        select(Prescription).where(Prescription.patient_id == patient.id, Prescription.withdrawn_at.is_(None))
    ).all()
    key, problems = _pickup_problems(form, prescriptions, today)
    if problems:
        _show_pickup_problems(form, problems, prescriptions)
        return None
    if _ask_if_unusual(session, form, patient, replaces):
        return None
    problem = ColdChainProblem(form.storage.data)
    pickup = Pickup(
        patient_id=patient.id, client_id=form.client_id.data, picked_up_on=form.picked_up_on.data,
        pharmacy=form.pharmacy.data.strip(), syringes=form.syringes.data, prescription_id=key,
        into_fridge=problem is ColdChainProblem.NONE, cold_chain_problem=problem.value,
        replaces_id=replaces.id if replaces else None, note=replaces.note if replaces else "",
    )
    if replaces is not None:
        replaces.superseded_at = utcnow()
        session.add(replaces)
    session.add(pickup)
    try:
        session.flush()
    except IntegrityError:  # the same form sent twice at once: the other request stored it
        session.rollback()
        return redirect(url_for("pharmacy.index"))
    if replaces is not None and problem.value == replaces.cold_chain_problem:
        _carry_flag_over(session, replaces, pickup)
    elif problem is not ColdChainProblem.NONE:
        _raise_cold_chain_flag(session, patient, pickup, today)
    session.commit()
    if replaces is not None:
        flash(_("The pickup is corrected. The earlier version is kept for your clinic."), "success")
    else:
        # with a storage problem, the page shows "do not use them" at the top: the count would mislead
        flash(_pickup_saved_message(patient, today) if problem is ColdChainProblem.NONE
              else _("The pickup is saved."), "success")
    return redirect(url_for("pharmacy.index"))


@bp.route("/pharmacy/pickups/new", methods=["GET", "POST"])
@patient_required
def new_pickup():
    patient = own_patient()
    session = db.session()
    today = _today()
    form = PickupForm()
    if request.method == "GET":
        form.client_id.data = uuid.uuid4().hex
        form.picked_up_on.data = today
        # remember the last pharmacy
        form.pharmacy.data = session.exec(
            select(Pickup.pharmacy).where(Pickup.patient_id == patient.id, *PICKUP_COUNTS)
            .order_by(Pickup.picked_up_on.desc(), Pickup.id.desc())
        ).first() or ""
    elif form.validate_on_submit() and (response := _save_pickup(form, patient, None, today)) is not None:
        return response
    return render_template("pharmacy/new_pickup.html", form=form, editing=None), 422 if form.errors else 200


@bp.route("/pharmacy/pickups/<int:pickup_id>/edit", methods=["GET", "POST"])
@patient_required
def edit_pickup(pickup_id: int):
    """Correct a pickup: a new row replaces it, and the old one is kept for the clinic (walk defect 13)."""
    patient = own_patient()
    old = own_record(Pickup, pickup_id, patient)
    if not old.is_current:
        flash(_("This entry has already been changed."), "info")
        return redirect(url_for("pharmacy.index"))
    form = PickupForm()
    if request.method == "GET":
        form.client_id.data = uuid.uuid4().hex
        form.picked_up_on.data, form.pharmacy.data, form.syringes.data = old.picked_up_on, old.pharmacy, old.syringes
        form.storage.data = old.cold_chain_problem
    elif form.validate_on_submit() and (response := _save_pickup(form, patient, old, _today())) is not None:
        return response
    return render_template("pharmacy/new_pickup.html", form=form, editing=old), 422 if form.errors else 200


@bp.route("/pharmacy/pickups/<int:pickup_id>/withdraw", methods=["GET", "POST"])
@patient_required
def withdraw_pickup(pickup_id: int):
    """Withdraw a pickup logged by mistake: it no longer counts, and the clinic still sees it was there."""
    patient = own_patient()
    pickup = own_record(Pickup, pickup_id, patient)
    form = ConfirmPrescriptionForm()
    if form.validate_on_submit():
        if pickup.is_current:
            pickup.withdrawn_at = utcnow()
            db.session().add(pickup)
            db.session().commit()
        flash(_("The pickup is withdrawn. Your clinic can still see that it was there."), "success")
        return redirect(url_for("pharmacy.index"))
    return render_template("pharmacy/withdraw_pickup.html", pickup=pickup, form=form)


@bp.route("/pharmacy/storage-problem", methods=["GET", "POST"])
@patient_required
def storage_problem():
    """Syringes at home were left out, frozen or in a broken fridge: about the latest pickup."""
    patient = own_patient()
    session = db.session()
    pickup = session.exec(
        select(Pickup).where(Pickup.patient_id == patient.id, *PICKUP_COUNTS)
        .order_by(Pickup.picked_up_on.desc(), Pickup.id.desc())
    ).first()
    if pickup is None:
        flash(_("Log your pickup first, then report the problem."), "info")
        return redirect(url_for("pharmacy.new_pickup"))
    form = StorageProblemForm()
    if form.validate_on_submit():
        pickup.cold_chain_problem = ColdChainProblem(form.problem.data).value
        session.add(pickup)
        _raise_cold_chain_flag(session, patient, pickup, _today())
        session.commit()
        flash(_("The problem is reported."), "success")
        return redirect(url_for("pharmacy.index"))
    return render_template("pharmacy/storage_problem.html", form=form, pickup=pickup), 422 if form.errors else 200


# ------------------------------------------------------------------------------------------------ H-resept


def _prescription_from_form(form: PrescriptionForm, patient: Patient, today: date) -> Prescription | None:
    """A new prescription for the patient, or None with the problems added to the form."""
    issued = form.issued_on.data
    # empty: one year, as most are (facts R3); a future issue date is refused below
    default = supply.prescription_valid_until(issued) if issued <= today else issued
    valid_until = form.valid_until.data or default
    problems = supply.validate_prescription(issued, valid_until, today)
    for problem in problems:
        if problem is PrescriptionProblem.ISSUED_IN_THE_FUTURE:
            form.issued_on.errors.append(_("The date cannot be in the future."))
        elif problem is PrescriptionProblem.ENDS_BEFORE_ISSUED:
            form.valid_until.errors.append(_("The H-resept cannot end before it was issued."))
        else:  # each H-resept is valid for one year (facts R3)
            form.valid_until.errors.append(_("An H-resept is valid for at most one year, until %(date)s.",
                                             date=format_date(supply.prescription_valid_until(issued), "long")))
    if problems:
        return None
    return Prescription(patient_id=patient.id, issued_on=issued, valid_until=valid_until,
                        clinic_name=form.clinic_name.data.strip(), entered_by_id=current_user.id)


def _already_recorded(session, candidate: Prescription) -> Prescription | None:
    """The same H-resept entered before (a resent form, or entered by both patient and nurse)."""
    return session.exec(select(Prescription).where(
        Prescription.patient_id == candidate.patient_id, Prescription.issued_on == candidate.issued_on,
        Prescription.valid_until == candidate.valid_until, Prescription.withdrawn_at.is_(None),
    )).first()


def _prescription_page(form: PrescriptionForm, patient: Patient, for_nurse: bool):
    if request.method == "GET" and not form.clinic_name.data:
        form.clinic_name.data = patient.clinic.name
    return render_template("pharmacy/new_prescription.html", form=form, patient=patient,
                           for_nurse=for_nurse), 422 if form.errors else 200


@bp.route("/pharmacy/prescriptions/new", methods=["GET", "POST"])
@patient_required
def new_prescription():
    patient = own_patient()
    session = db.session()
    form = PrescriptionForm()
    if form.validate_on_submit():
        prescription = _prescription_from_form(form, patient, _today())
        if prescription is not None:
            if _already_recorded(session, prescription) is None:
                # entered by the patient: counts for the warnings at once, shown to the nurse to confirm
                session.add(prescription)
                session.commit()
            flash(_("The H-resept is saved. Your clinic will confirm it."), "success")
            return redirect(url_for("pharmacy.index"))
    return _prescription_page(form, patient, for_nurse=False)


@bp.route("/nurse/patients/<int:patient_id>/prescriptions/new", methods=["GET", "POST"])
@nurse_required
def nurse_new_prescription(patient_id: int):
    patient = clinic_patient(patient_id)
    session = db.session()
    form = PrescriptionForm()
    if form.validate_on_submit():
        prescription = _prescription_from_form(form, patient, _today())
        if prescription is not None:
            existing = _already_recorded(session, prescription)
            if existing is None:
                session.add(prescription)
                existing = prescription
            if existing.confirmed_by_id is None:  # entered by the clinic: confirmed as it is saved
                existing.confirmed_by_id, existing.confirmed_at = current_user.id, utcnow()
                session.add(existing)
                session.flush()
                audit("create", patient_id=patient.id, target=f"prescription:{existing.id}")
                session.commit()
            flash(_("The H-resept is saved."), "success")
            return redirect(url_for("nurse.patient", patient_id=patient.id))
    audit("read", patient_id=patient.id, target="pharmacy.nurse_new_prescription")  # review finding 10
    session.commit()
    return _prescription_page(form, patient, for_nurse=True)


@bp.post("/nurse/patients/<int:patient_id>/prescriptions/<int:prescription_id>/confirm")
@nurse_required
def confirm_prescription(patient_id: int, prescription_id: int):
    patient = clinic_patient(patient_id)
    session = db.session()
    prescription = session.exec(select(Prescription).where(
        Prescription.id == prescription_id, Prescription.patient_id == patient.id, Prescription.withdrawn_at.is_(None),
    )).first()
    if prescription is None:
        abort(404)
    if not ConfirmPrescriptionForm().validate_on_submit():
        abort(400)
    if prescription.confirmed_by_id is None:
        prescription.confirmed_by_id, prescription.confirmed_at = current_user.id, utcnow()
        session.add(prescription)
        audit("confirm", patient_id=patient.id, target=f"prescription:{prescription.id}")
        session.commit()
    flash(_("The H-resept is confirmed."), "success")
    return redirect(url_for("nurse.patient", patient_id=patient.id))


@bp.route("/nurse/patients/<int:patient_id>/order-lead-days", methods=["GET", "POST"])
@nurse_required
def order_lead_days(patient_id: int):
    """How many days before run-out the patient is asked to order: 14 unless the pharmacy needs more."""
    patient = clinic_patient(patient_id)
    form = OrderLeadForm(obj=patient)
    if form.validate_on_submit():
        patient.order_lead_days = form.order_lead_days.data
        db.session().add(patient)
        audit("update", patient_id=patient.id, target="order_lead_days")
        db.session().commit()
        flash(_("The order lead time is saved."), "success")
        return redirect(url_for("nurse.patient", patient_id=patient.id))
    audit("read", patient_id=patient.id, target="pharmacy.order_lead_days")  # review finding 10
    db.session().commit()
    return render_template("pharmacy/order_lead_days.html", form=form, patient=patient), 422 if form.errors else 200
