"""Every route the app registers, as five users, with every id swapped for another user's (issue 7).

The table below says who may use each endpoint. A route without a row fails the test, so a new page
cannot ship without deciding who may see it.

Kinds:
  public        anyone
  signed_in     any signed-in user
  patient       a signed-in patient (own data only, found through the session)
  patient_own   a patient's own record named by an id in the URL (another patient's id: 404)
  nurse         a signed-in nurse
  nurse_clinic  a patient of the nurse's own clinic named by an id in the URL (other clinic: 404)
  token         opened by a secret token in the URL (a wrong token: 404 for everyone)
  photo         a photo: its own patient, or a nurse of that patient's clinic (anyone else: 404)
  admin         a nurse who is her clinic's admin (nurse@ in the demo; nurse2@ is not: 403)
  admin_clinic  a nurse account or patient of the admin's own clinic named by an id (other clinic: 404,
                non-admin: 403)
  api_token     a record system's bearer token, never a session: without one, 401 for everyone (issue 15)
  patient_or_helper  a patient, or a relative acting for a patient who let her (issue 15 §5: the demo's
                relative helps patient@ with every grant); a record named by an id stays patient_own, and a
                relative reaches only the reports and doses she made herself
  relative      a signed-in relative
  relative_of   a patient the relative helps, named by an id (patient@: the relative's; others: 404)
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from tests.conftest import AuthActions
from webapp.models import (
    Flag,
    Injection,
    MessageThread,
    OutboxMessage,
    Patient,
    Photo,
    Pickup,
    Prescription,
    RelativeGrant,
    Reminder,
    SupervisedDose,
    SymptomReport,
    User,
)

TABLE: dict[str, str] = {
    "auth.login": "public",
    "auth.logout": "public",
    "auth.change_password": "signed_in",
    "auth.accept_invitation": "token",
    "auth.forgot_password": "public",
    "auth.reset_sent": "public",
    "auth.reset_password": "token",
    "i18n.switch_language": "public",
    "home.index": "signed_in",
    "home.emergency": "public",
    "home.healthz": "public",
    "access_history.index": "patient",
    "access_history.for_nurse": "nurse_clinic",
    "nurse.index": "nurse",
    "nurse.new_patient": "nurse",
    "nurse.patient": "nurse_clinic",
    "nurse.new_invitation": "nurse_clinic",
    "nurse.handoff": "nurse_clinic",
    "nurse.send_patient_reset": "nurse_clinic",
    "nurse.reset_in_person": "nurse_clinic",
    "nurse.enrolment": "nurse_clinic",
    "nurse.add_supervised_dose": "nurse_clinic",
    "nurse.correct_supervised_dose": "nurse_clinic",
    "nurse.withdraw_supervised_dose": "nurse_clinic",
    "nurse.record_training": "nurse_clinic",
    "nurse.clear_reaction": "nurse_clinic",
    "nurse.set_interval": "nurse_clinic",
    "nurse.approve": "nurse_clinic",
    "injections.history": "patient",
    "injections.check": "patient_or_helper",
    "injections.wait_for_call": "patient_or_helper",
    "injections.offline": "patient",
    "injections.new": "patient_or_helper",
    "injections.guide": "patient_or_helper",
    "injections.calendar": "patient",
    "injections.calendar_feed": "token",
    "injections.edit": "patient_own",
    "injections.withdraw": "patient_own",
    "injections.saved": "patient_own",
    "education.index": "signed_in",
    "education.article": "signed_in",
    "risk.index": "patient",
    "risk.checkups": "patient",
    "summary.my_data": "patient",
    "summary.my_summary_pdf": "patient",
    "summary.nurse_summary_pdf": "nurse_clinic",
    "risk.new_jcv": "nurse_clinic",
    "risk.new_check": "nurse_clinic",
    "risk.edit_factors": "nurse_clinic",
    "pharmacy.index": "patient",
    "pharmacy.new_pickup": "patient",
    "pharmacy.storage_problem": "patient",
    "pharmacy.new_prescription": "patient",
    "pharmacy.nurse_new_prescription": "nurse_clinic",
    "pharmacy.confirm_prescription": "nurse_clinic",
    "pharmacy.order_lead_days": "nurse_clinic",
    "symptoms.new": "patient_or_helper",
    "symptoms.index": "patient",
    "symptoms.answer": "patient_own",
    "symptoms.fit": "patient_own",
    "nurse.queue": "nurse",
    "nurse.mark_reviewed": "nurse",  # only the own clinic's routine reports change (test_queue_view)
    "nurse.flag": "nurse_clinic",
    "nurse.take_flag": "nurse_clinic",
    "nurse.record_call": "nurse_clinic",
    "nurse.record_outcome": "nurse_clinic",
    "nurse.hand_over_flag": "nurse_clinic",
    "nurse.timeline": "nurse_clinic",
    "nurse.lift_dose_hold": "nurse_clinic",
    "followups.how_is_it_now": "patient_own",
    "followups.switch_followups": "nurse_clinic",
    "nurse.switch_digest": "nurse",
    "push.service_worker": "public",
    "push.devices": "signed_in",
    "push.subscribe": "signed_in",
    "push.remove_device": "signed_in",  # own devices only: another user's id changes nothing (test_push_subscriptions)
    "nurse.outbox": "nurse",
    "nurse.outbox_retry": "nurse_clinic",
    "nurse.outbox_cancel": "nurse_clinic",
    "reminders.preferences": "signed_in",
    "reminders.dismiss": "patient_own",
    "home.my_phone": "patient",
    "nurse.clinic_settings": "nurse",
    "nurse.patient_phone": "nurse_clinic",
    "pharmacy.edit_pickup": "patient_own",
    "pharmacy.withdraw_pickup": "patient_own",
    "photos.full": "photo",
    "photos.thumb": "photo",
    # issue 13: messages (a thread id of another patient, or of another clinic: 404)
    "messages.index": "patient",
    "messages.new": "patient",
    "messages.thread": "patient_own",
    "messages.reply": "patient_own",
    "messages.close": "patient_own",
    "messages.inbox": "nurse",
    "messages.nurse_thread": "nurse_clinic",
    "messages.nurse_reply": "nurse_clinic",
    "messages.nurse_close": "nurse_clinic",
    "messages.nurse_new": "nurse_clinic",
    # security finding 2: the second sign-in step (no half-done sign-in: back to the login page) and the
    # security page of every signed-in user
    "auth.second_factor": "public",
    "account.security": "signed_in",
    "account.add_passkey": "signed_in",
    "account.setup_totp": "signed_in",
    "account.remove_passkey": "signed_in",  # own passkeys only: another user's id changes nothing
    "account.remove_totp": "signed_in",
    "account.new_recovery_codes": "signed_in",
    # security finding 18: the clinic admin's page; the nurse in the URL is the owner's clinic's nurse
    "nurse.staff": "admin",
    "nurse.deactivate_nurse": "admin_clinic",
    "nurse.reactivate_nurse": "admin_clinic",
    "nurse.end_nurse_sessions": "admin_clinic",
    "nurse.reset_nurse_second_factor": "admin_clinic",
    # issue 15: FHIR for the record (the nurse's download, the API) and the patient's own copy; the
    # downloads send a patient who has not given her password again to the password page (302)
    "fhir.nurse_download": "nurse_clinic",
    "fhir_api.everything": "api_token",
    "my_data_export.confirm": "patient",
    "closing.request_closing": "patient",
    "closing.withdraw_request": "patient",
    "closing.confirm_closing": "admin_clinic",
    # issue 15 §5: the patient's page of relatives; the relative's own page and her choice of whom to help
    "relatives.index": "patient",
    "relatives.revoke": "patient_own",
    "relatives.helping": "relative",
    "relatives.act": "relative_of",
    "my_data_export.fhir_json": "patient",
    "my_data_export.csv_file": "patient",
}

ROLES = ["anonymous", "patient", "patient_en", "nurse", "nurse2", "relative"]
DENIED = {403, 404}
ALLOWED = {200, 302, 400, 422}  # a POST with no form data is refused politely, never with a 500


def test_every_registered_route_has_a_row(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert sorted(endpoints - set(TABLE)) == [], "add the new routes to TABLE"
    assert sorted(set(TABLE) - endpoints) == [], "TABLE names routes that no longer exist"


def ids_for(db_session, owner_email: str, app=None) -> dict[str, int]:
    """The ids in URLs that belong to one patient (with `app`, a photo's bytes are put in its store)."""
    user = db_session.exec(select(User).where(User.email == owner_email)).one()
    patient = db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()
    injection = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)).first()
    prescription = db_session.exec(select(Prescription).where(Prescription.patient_id == patient.id)).first()
    report = db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id)).first()
    flag = db_session.exec(select(Flag).where(Flag.patient_id == patient.id)).first()
    dose = db_session.exec(select(SupervisedDose).where(SupervisedDose.patient_id == patient.id)).first()
    pickup = db_session.exec(select(Pickup).where(Pickup.patient_id == patient.id)).first()
    message = OutboxMessage(key=f"matrix:{patient.id}", channel="email", kind="flag_new", clinic_id=patient.clinic_id,
                            to_address="triage@example.org", title="NataHjem", status="dead")
    db_session.add(message)  # a message the patient's clinic could not send (the dead-letter page)
    db_session.commit()
    reminder = db_session.exec(select(Reminder).where(Reminder.patient_id == patient.id)).first()
    if reminder is None:  # the demo has none: the clock makes them
        reminder = Reminder(patient_id=patient.id, key=f"order_by:{patient.id}:2026-01-01", kind="order_by",
                            due_at=datetime.now(UTC), about_day=date(2026, 1, 1), url="/pharmacy/")
        db_session.add(reminder)
        db_session.commit()
    photo = Photo(patient_id=patient.id, uploaded_by_id=patient.user_id, storage_key=f"{patient.id:032x}.jpg",
                  thumb_key=f"{patient.id:032x}-thumb.jpg", width=1, height=1, size_bytes=4,
                  symptom_report_id=report.id)
    db_session.add(photo)
    db_session.commit()
    if app is not None:
        from webapp.photos.storage import current_store

        with app.app_context():
            for key in (photo.storage_key, photo.thumb_key):
                current_store().put(key, b"jpeg")
    thread = db_session.exec(select(MessageThread).where(MessageThread.patient_id == patient.id)).first()
    clinic_nurse = db_session.exec(select(User).where(User.clinic_id == patient.clinic_id, User.role == "nurse")).first()
    return {"user_id": clinic_nurse.id, "message_id": message.id, "reminder_id": reminder.id, "photo_id": photo.id,
            "thread_id": thread.id,
            "patient_id": patient.id, "injection_id": injection.id, "prescription_id": prescription.id,
            "report_id": report.id, "flag_id": flag.id, "dose_id": dose.id, "token": "not-a-real-token", "step": 1,
            "slug": "pml", "subscription_id": 1, "kind": "doses",
            "pickup_id": pickup.id, "grant_id": _grant_of(db_session, patient).id, "action": "report"}


def _grant_of(db_session, patient: Patient) -> RelativeGrant:
    """The patient's relative grant (the demo has one, for patient@); for the others one waiting for an answer."""
    grant = db_session.exec(select(RelativeGrant).where(RelativeGrant.patient_id == patient.id)).first()
    if grant is None:
        grant = RelativeGrant(patient_id=patient.id, name="Someone", email=f"someone.{patient.id}@example.org",
                              may_report=True, expires_at=datetime(2099, 1, 1, tzinfo=UTC))
        db_session.add(grant)
        db_session.commit()
    return grant


def urls(app, endpoint: str, ids: dict[str, int]) -> list[tuple[str, str]]:
    found = []
    for rule in app.url_map.iter_rules(endpoint):
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids[m.group(1)]), rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((method, path))
    return found


def expected(kind: str, role: str, owner: str) -> str:
    """'ok' or 'login' or 'denied' for a role using a URL whose ids belong to `owner`."""
    signed_in = role != "anonymous"
    is_patient = role in ("patient", "patient_en")
    is_nurse = role in ("nurse", "nurse2")
    if kind == "public":
        return "ok"
    if kind == "token":
        return "not_found"
    if kind == "api_token":
        return "unauthorized"
    if not signed_in:
        return "login"
    if kind == "signed_in":
        return "ok"
    if kind == "patient":
        return "ok" if is_patient else "denied"
    if kind == "patient_or_helper":
        return "ok" if is_patient or role == "relative" else "denied"
    if kind == "relative":
        return "ok" if role == "relative" else "denied"
    if kind == "relative_of":
        return "ok" if role == "relative" and owner == "patient" else "denied"
    if kind == "patient_own":
        return "ok" if role == owner else "denied"
    if kind == "nurse":
        return "ok" if is_nurse else "denied"
    if kind == "nurse_clinic":
        same_clinic = {"nurse": ("patient", "patient_en"), "nurse2": ("patient2",)}
        return "ok" if is_nurse and owner in same_clinic[role] else "denied"
    if kind == "admin":
        return "ok" if role == "nurse" else "denied"
    if kind == "admin_clinic":
        return "ok" if role == "nurse" and owner in ("patient", "patient_en") else "denied"
    if kind == "photo":
        return "ok" if role == owner or expected("nurse_clinic", role, owner) == "ok" else "denied"
    raise AssertionError(kind)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("owner", ["patient", "patient_en", "patient2"])
def test_each_route_answers_each_user_as_the_table_says(app, db_session, role, owner):
    emails = {"patient": "patient@example.org", "patient_en": "patient.en@example.org",
              "patient2": "patient2@example.org"}
    ids = ids_for(db_session, emails[owner], app)
    failures = []
    for endpoint, kind in sorted(TABLE.items()):
        for method, path in urls(app, endpoint, ids):
            client = app.test_client()
            if role != "anonymous":
                assert AuthActions(client).login(role).status_code == 302
            response = client.open(path, method=method, data={})
            want = expected(kind, role, owner)
            got = response.status_code
            location = response.headers.get("Location", "")
            ok = {
                "ok": got in ALLOWED and not location.startswith("/auth/login"),
                "login": got == 302 and location.startswith("/auth/login"),
                "denied": got in DENIED,
                "not_found": got == 404,
                "unauthorized": got == 401,
            }[want]
            if endpoint == "auth.logout" or (kind == "public" and got in ALLOWED):
                ok = ok or got in ALLOWED
            if not ok:
                failures.append(f"{role} {method} {path} ({endpoint}, {kind}): {got} {location}, wanted {want}")
    assert failures == []


def test_every_post_without_a_csrf_token_is_refused(app, db_session):
    app.config["WTF_CSRF_ENABLED"] = True
    ids = ids_for(db_session, "patient@example.org")
    for role in ("patient", "nurse"):
        client = app.test_client()
        app.config["WTF_CSRF_ENABLED"] = False
        AuthActions(client).login(role)
        app.config["WTF_CSRF_ENABLED"] = True
        for endpoint in TABLE:
            for method, path in urls(app, endpoint, ids):
                if method != "POST":
                    continue
                response = client.post(path, data={"lang": "en", "email": "x@example.org", "password": "x"})
                assert response.status_code == 400, f"{role} POST {path}: {response.status_code}"
