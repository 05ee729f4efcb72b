"""Demo clinics, accounts and history: only in demo mode (APP_ENV=development), never in production."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from .domain import supply
from .domain.clock import OSLO, local_date
from .domain.triage import assess
from .domain.working_days import callback_due
from .models import (
    INJECTION_COUNTS,
    Clinic,
    Flag,
    FlagEvent,
    FlagStatus,
    Injection,
    JcvResult,
    MonitoringCheck,
    NotificationPrefs,
    Patient,
    Pickup,
    Prescription,
    RelativeGrant,
    Role,
    SupervisedDose,
    SymptomReport,
    User,
)

DEMO_PASSWORDS = {"nurse-demo-2026", "patient-demo-2026", "relative-demo-2026"}

CLINICS = [
    {"name": "Demo MS-poliklinikk", "phone": "+4722000000", "opens_at": time(8, 0), "closes_at": time(15, 30),
     "triage_email": "triage@example.org"},
    {"name": "Demo Nevrologisk poliklinikk Nord", "phone": "+4777000000", "opens_at": time(8, 0),
     "closes_at": time(15, 0), "triage_email": "triage-nord@example.org"},
]

# Demo mobile numbers (issue 13): fictional numbers that parse as valid Norwegian mobiles.
DEMO_PHONES = {"patient@example.org": "+4790000001", "patient.en@example.org": "+4790000002",
               "patient2@example.org": "+4790000003"}

# Days since the last home dose, per demo patient: Per is mid-cycle, Emma is due in two days.
LAST_DOSE_DAYS_AGO = {"patient@example.org": 20, "patient.en@example.org": 26, "patient2@example.org": 10}
SITE_ROTATION = [("thigh_left", "thigh_right"), ("abdomen_left", "abdomen_right"),
                 ("upper_arm_left", "upper_arm_right"), ("thigh_right", "abdomen_left"),
                 ("abdomen_right", "upper_arm_left"), ("upper_arm_right", "thigh_left")]

# (email, name, role, locale, clinic index, password)
ACCOUNTS = [
    ("nurse@example.org", "Nina Sykepleier", Role.NURSE, "nb", 0, "nurse-demo-2026"),
    ("patient@example.org", "Per Pasient", Role.PATIENT, "nb", 0, "patient-demo-2026"),
    ("patient.en@example.org", "Emma English", Role.PATIENT, "en", 0, "patient-demo-2026"),
    ("nurse2@example.org", "Nils Nord", Role.NURSE, "nb", 1, "nurse-demo-2026"),
    ("patient2@example.org", "Kari Nord", Role.PATIENT, "nb", 1, "patient-demo-2026"),
    # issue 15 §5: Per's wife, whom he lets report symptoms, log doses, get overdue e-mails and read articles
    ("relative@example.org", "Rita Pasient", Role.RELATIVE, "nb", 0, "relative-demo-2026"),
]
DEMO_RELATIVES = {"relative@example.org": "patient@example.org"}

# Clinic admins (security finding 18): Nina manages the nurse accounts of the first clinic. In development
# no nurse must have a second factor (NURSE_SECOND_FACTOR_REQUIRED is off there), so the demo signs in as before.
DEMO_ADMINS = {"nurse@example.org"}

# Supply history per patient (issue 5): the pharmacy, and how many days ago the current H-resept was
# issued. Per's was issued 11 months ago, so the renewal warning shows.
DEMO_SUPPLY = {
    "patient@example.org": ("Apotek 1 Storgata", 335),
    "patient.en@example.org": ("Vitusapotek Majorstuen", 150),
    "patient2@example.org": ("Boots apotek Tromsø", 60),
}


def load_demo_data(session: Session, passwords, today: date | None = None) -> bool:
    """Create the demo clinics and accounts. Idempotent: returns False when they already exist."""
    if session.exec(select(User).where(User.email == ACCOUNTS[0][0])).first():
        return False
    now = datetime.now(UTC) if today is None else datetime.combine(today, time(12, 0), UTC)
    today = today or datetime.now(UTC).date()
    clinics = [Clinic(**fields) for fields in CLINICS]
    session.add_all(clinics)
    session.flush()
    hashes = {pw: passwords.hash(pw) for pw in DEMO_PASSWORDS}
    nurses: dict[int, User] = {}
    patients: dict[str, Patient] = {}
    for email, name, role, locale, clinic_index, password in ACCOUNTS:
        user = User(email=email, full_name=name, role=role, locale=locale,
                    clinic_id=clinics[clinic_index].id, password_hash=hashes[password],
                    is_admin=email in DEMO_ADMINS)
        session.add(user)
        session.flush()
        if role == Role.NURSE:
            nurses[clinic_index] = user
            continue
        if role == Role.RELATIVE:
            _demo_relative(session, user, patients[DEMO_RELATIVES[email]], now)
            continue
        # About a year of treatment: six supervised doses, training, then home injections.
        start = today - timedelta(days=364)
        patient = Patient(
            user_id=user.id, clinic_id=user.clinic_id, birth_year=1985, treatment_start=start,
            training_done_on=start + timedelta(weeks=20),
            home_approved_at=datetime.combine(start + timedelta(weeks=20), datetime.min.time(), UTC),
            home_approved_by_id=nurses[clinic_index].id, phone=DEMO_PHONES.get(email, ""),
        )
        session.add(patient)
        session.flush()
        patients[email] = patient
        add_treatment_history(session, patient, user, nurses[clinic_index], start, today)
        _add_pml_monitoring_history(session, patient, email, nurses[clinic_index], start, today)
        if user.email in DEMO_SUPPLY:
            _demo_supply(session, patient, *DEMO_SUPPLY[user.email], today)
    add_symptom_history(session, nurses, now)
    add_message_history(session, now)  # issue 13
    session.commit()
    return True


def _demo_relative(session: Session, user: User, patient: Patient, now: datetime) -> None:
    session.add(NotificationPrefs(user_id=user.id, email=True))
    session.add(RelativeGrant(patient_id=patient.id, relative_user_id=user.id, name=user.full_name, email=user.email,
                              may_report=True, may_log_doses=True, may_get_reminders=True, may_read_education=True,
                              created_at=now, expires_at=now + timedelta(days=365)))


def add_treatment_history(session: Session, patient: Patient, user: User, nurse: User, start: date,
                          today: date) -> None:
    """Six supervised SC doses four weeks apart, then home doses every four weeks (one came late)."""
    for n in range(6):
        session.add(SupervisedDose(patient_id=patient.id, given_on=start + timedelta(weeks=4 * n), route="sc",
                                   recorded_by_id=nurse.id))
    first_home = start + timedelta(weeks=24)
    day = today - timedelta(days=LAST_DOSE_DAYS_AGO[user.email])
    days = []
    while day >= first_home:
        days.append(day)
        # One late dose in the history shows up in the interval chart.
        day -= timedelta(days=33 if len(days) == 4 else 28)
    for n, dose_day in enumerate(reversed(days)):
        site_1, site_2 = SITE_ROTATION[n % len(SITE_ROTATION)]
        given_at = datetime.combine(dose_day, time(19, 30), OSLO).astimezone(UTC)
        session.add(Injection(
            patient_id=patient.id, client_id=f"demo-{patient.id}-{n}", given_at=given_at, site_1=site_1,
            site_2=site_2, batch_1=f"B{24000 + n // 3}", batch_2=f"B{24000 + n // 3}", created_by_id=user.id,
            checklist={"neuro_symptoms": False}, created_at=given_at))


# JCV results per demo patient (issue 6): (days from today, positive, index). The Norwegian patient is
# positive with a low index tested two months ago; the English one was negative eight months ago, so
# her page shows an out-of-date test. Kari Nord has none recorded: her page says so.
DEMO_JCV = {
    "patient@example.org": [(-385, False, None), (-196, True, 0.5), (-60, True, 0.7)],
    "patient.en@example.org": [(-385, False, None), (-240, False, None)],
}


def _add_pml_monitoring_history(session: Session, patient: Patient, email: str, nurse: User,
                                start: date, today: date) -> None:
    """JCV results and the monitoring checks a year of treatment brings (facts M1-M5)."""
    if email not in DEMO_JCV:
        return
    for days, positive, index in DEMO_JCV[email]:
        session.add(JcvResult(patient_id=patient.id, tested_on=today + timedelta(days=days), positive=positive,
                              jcv_index=index, assay="stratify", recorded_by_id=nurse.id))
    checks = [
        # blood tests before doses 1, 2, 3 and 6, then one with the latest JCV test (facts M1)
        ("blood_tests", start - timedelta(days=3)), ("blood_tests", start + timedelta(days=26)),
        ("blood_tests", start + timedelta(days=54)), ("blood_tests", start + timedelta(days=138)),
        ("blood_tests", today - timedelta(days=60)),
        # baseline MRI before the start, and the rebaseline after about 5 months (facts M5)
        ("mri", start - timedelta(days=40)), ("mri", start + timedelta(days=150)),
        # NAb and the EDSS check-up at 6 months (facts M2, M4)
        ("neutralising_antibodies", start + timedelta(days=180)), ("clinical_check", start + timedelta(days=182)),
    ]
    session.add_all([MonitoringCheck(patient_id=patient.id, kind=kind, done_on=done_on, recorded_by_id=nurse.id)
                     for kind, done_on in checks])


def _demo_supply(session: Session, patient: Patient, pharmacy: str, issued_days_ago: int, today: date) -> None:
    """Two H-resepts (the earlier one expired) and pickups of 6 syringes, three doses each, matching the
    home doses: the latest pickup came before the latest dose, so 4 syringes (2 doses) are left."""
    nurse_id = patient.home_approved_by_id
    current_issued = today - timedelta(days=issued_days_ago)
    prescriptions = []
    for issued in (current_issued - timedelta(days=365), current_issued):
        prescription = Prescription(
            patient_id=patient.id, issued_on=issued, valid_until=supply.prescription_valid_until(issued),
            clinic_name=patient.clinic.name, entered_by_id=nurse_id,
            confirmed_by_id=nurse_id, confirmed_at=datetime.combine(issued, time(10, 0), UTC),
        )
        session.add(prescription)
        prescriptions.append(prescription)
    session.flush()
    doses = session.exec(
        select(Injection.given_at).where(
            Injection.patient_id == patient.id, Injection.place == "home",
            *INJECTION_COUNTS,
        ).order_by(Injection.given_at)
    ).all()
    if not doses:
        return
    # (index of the first dose a pickup covers, syringes), newest first; the oldest covers what is left
    pickups = [(len(doses) - 1, supply.DEFAULT_PICKUP_SYRINGES)]
    while pickups[-1][0] > 0:
        end = pickups[-1][0]
        first = max(end - 3, 0)
        pickups.append((first, 2 * (end - first)))
    for first, syringes in pickups:
        day = doses[first].date() - timedelta(days=5)
        session.add(Pickup(
            patient_id=patient.id, client_id=str(uuid.uuid4()), picked_up_on=day, pharmacy=pharmacy,
            syringes=syringes,
            prescription_id=supply.prescription_for_pickup(((p.id, p.issued_on, p.valid_until) for p in prescriptions), day),
        ))
    session.flush()


# Symptom reports and flags (issue 4), so that the queue and the timelines are not empty:
# (email, days ago, Oslo time, ticked codes, answers, the nurse's steps: (minutes after, kind, outcome, note)).
DEMO_REPORTS = [
    ("patient@example.org", 6, time(18, 0), ["fatigue", "joint_muscle_pain"], {}, None),
    ("patient@example.org", 2, time(19, 40), ["balance_walking"], {"lasted_over_24h": True, "getting_worse": True},
     [(750, "taken", "", ""), (755, "call_no_answer", "", "Ingen svar. Prøver igjen etter lunsj.")]),
    ("patient.en@example.org", 12, time(9, 5), ["fever", "headache_mild"], {"fever": True},
     [(25, "taken", "", ""), (30, "call_no_answer", "", ""),
      (115, "call_reached", "dose_on_hold",
       "Feber 38,4 og hoste i to dager. Fastlegen i dag; neste dose venter til hun er feberfri."),
      (120, "resolved", "dose_on_hold", "")]),
    ("patient2@example.org", 1, time(10, 0), ["numbness_tingling"], {"lasted_over_24h": True}, None),
]


def add_symptom_history(session: Session, nurses: dict[int, User], now: datetime) -> None:
    """An open urgent flag being handled for Per, a resolved one with its calls for Emma, a routine
    report for Per and an open flag at the other clinic."""
    users = {u.email: u for u in session.exec(select(User)).all()}
    today = local_date(now)
    for n, (email, days_ago, clock, codes, answers, steps) in enumerate(DEMO_REPORTS):
        patient = session.exec(select(Patient).where(Patient.user_id == users[email].id)).one()
        at = datetime.combine(today - timedelta(days=days_ago), clock, OSLO).astimezone(UTC)
        result = assess(codes=codes, **answers)
        report = SymptomReport(
            patient_id=patient.id, client_id=f"demo-report-{n}", reported_at=at, source="report", codes=codes,
            started_on=local_date(at) - timedelta(days=2 if answers.get("lasted_over_24h") else 0),
            level=result.level, reasons=list(result.reasons), **answers)
        session.add(report)
        session.flush()
        if steps is None and result.level not in ("urgent", "emergency"):
            continue
        flag = Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="symptom", code="symptom_report",
                    level=result.level, status=FlagStatus.OPEN, created_at=at,
                    due_by=callback_due(result.level, at, patient.clinic.closes_at),
                    symptom_report_id=report.id)
        session.add(flag)
        session.flush()
        session.add(FlagEvent(flag_id=flag.id, at=at, kind="created"))
        nurse = next(u for u in nurses.values() if u.clinic_id == patient.clinic_id)
        for minutes_after, kind, outcome, note in steps or []:
            step_at = at + timedelta(minutes=minutes_after)
            session.add(FlagEvent(flag_id=flag.id, at=step_at, actor_id=nurse.id, kind=kind, outcome=outcome, note=note))
            flag.assigned_nurse_id = nurse.id
            flag.status = FlagStatus.RESOLVED if kind == "resolved" else FlagStatus.IN_PROGRESS
            flag.outcome = outcome or flag.outcome
            flag.resolved_at = step_at if kind == "resolved" else None
        session.add(flag)


# Messages (issue 13): one answered thread for Per (Norwegian) and one for Emma (English), and one waiting
# at the other clinic: (email, days ago, subject, [(from the clinic, minutes after, text)]).
DEMO_THREADS = [
    ("patient@example.org", 3, "Flytte dosen en dag?", [
        (False, 0, "Hei! Jeg skal på hyttetur og lurer på om jeg kan ta neste dose en dag senere enn planlagt."),
        (True, 95, "Hei Per! Ja, en dag senere går fint. Logg dosen som vanlig når du tar den. Hilsen Nina"),
    ]),
    ("patient.en@example.org", 5, "Sharps box is full", [
        (False, 0, "Hello, my sharps box is full. Can I bring it to the clinic at my next check-up?"),
        (True, 200, "Hi Emma, yes, bring it along and we will give you a new one. Best wishes, Nina"),
    ]),
    ("patient2@example.org", 1, "Blodprøve", [
        (False, 0, "Hei, når skal jeg ta neste JCV-prøve?"),
    ]),
]


def add_message_history(session: Session, now: datetime) -> None:
    from .domain.working_days import reply_due
    from .models import Message, MessageThread, ThreadStatus

    users = {u.email: u for u in session.exec(select(User)).all()}
    for n, (email, days_ago, subject, lines) in enumerate(DEMO_THREADS):
        user = users[email]
        patient = session.exec(select(Patient).where(Patient.user_id == user.id)).one()
        clinic = session.get(Clinic, patient.clinic_id)
        nurse = next(u for u in users.values() if u.role == Role.NURSE and u.clinic_id == patient.clinic_id)
        start = now - timedelta(days=days_ago)
        thread = MessageThread(patient_id=patient.id, clinic_id=patient.clinic_id, subject=subject, created_at=start,
                               last_message_at=start)
        session.add(thread)
        session.flush()
        for m, (from_clinic, minutes, text) in enumerate(lines):
            at = start + timedelta(minutes=minutes)
            session.add(Message(thread_id=thread.id, author_id=nurse.id if from_clinic else user.id,
                                from_clinic=from_clinic, body=text, client_id=f"demo-message-{n}-{m}", created_at=at,
                                read_at=at + timedelta(minutes=30)))
            thread.last_message_at = at
            thread.status = ThreadStatus.ANSWERED if from_clinic else ThreadStatus.WAITING
            thread.reply_due_by = None if from_clinic else reply_due(at, clinic.reply_days, clinic.closes_at)
            thread.assigned_nurse_id = nurse.id if from_clinic else thread.assigned_nurse_id
        session.add(thread)
