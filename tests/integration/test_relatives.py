"""A relative who may help (issue 15 §5): the patient invites, chooses what and for how long, revokes; the
relative has her own account, sees and does only what was granted, and what she does is the patient's
to see in her access log. A report she makes counts as the patient's own, marked as noticed by someone
else (symptoms.md modifier)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from tests.integration.reports import flag_of, patient_of, reports_of, send_report, user_of
from tests.integration.test_injections import an_hour_ago, log_form
from webapp.models import AuditEvent, Injection, OutboxMessage, RelativeGrant, Reminder, Role, User
from webapp.relatives.reminders import KIND as RELATIVE_REMINDER

PASSWORD = "kanelbolle-fjelltur-2026-hagestue"
EVERYTHING = {"may_report": "y", "may_log_doses": "y", "may_get_reminders": "y", "may_read_education": "y"}


def invite(client, email="ola.hjelper@example.org", name="Ola Hjelper", duration="90", **grants):
    return client.post("/relatives", data={"name": name, "email": email, "duration": duration,
                                           **(grants or {"may_report": "y"})})


def invitation_mails(db_session, email: str) -> list[OutboxMessage]:
    db_session.expire_all()
    return list(db_session.exec(select(OutboxMessage).where(OutboxMessage.to_address == email)
                                .order_by(OutboxMessage.id)).all())


def grants_of(db_session, email: str) -> list[RelativeGrant]:
    db_session.expire_all()
    return list(db_session.exec(select(RelativeGrant).where(RelativeGrant.email == email)).all())


def accept(app, db_session, email: str):
    """The relative opens the link in her e-mail and chooses a password: signed in, on her own page."""
    link = invitation_mails(db_session, email)[-1].url
    path = re.search(r"/auth/invite/[\w-]+", link).group(0)
    client = app.test_client()
    response = client.post(path, data={"password": PASSWORD, "confirm": PASSWORD, "language": "nb"})
    assert response.status_code == 302, response.text
    return client, response


def relative_of_per(app, db_session, email="ola.hjelper@example.org", **grants):
    """Per (patient@) invites a relative with `grants`; she accepts. Returns her signed-in client."""
    patient = app.test_client()
    patient.post("/auth/login", data={"email": "patient@example.org", "password": "patient-demo-2026"})
    assert invite(patient, email=email, **grants).status_code == 302
    return accept(app, db_session, email)[0]


def audit_of(db_session, actor: User) -> list[AuditEvent]:
    db_session.expire_all()
    return list(db_session.exec(select(AuditEvent).where(AuditEvent.actor_id == actor.id)).all())


# ---------------------------------------------------------------- inviting
def test_a_patient_invites_a_relative_who_makes_her_own_account_and_lands_on_her_page(app, client, auth, db_session):
    auth.login("patient")
    response = invite(client, **EVERYTHING)
    assert response.status_code == 302
    page = client.get("/relatives").text
    assert "Ola Hjelper" in page and "har ikke laget kontoen sin ennå" in page
    relative = user_of(db_session, "ola.hjelper@example.org")
    assert (relative.role, relative.password_hash, relative.clinic_id) == (
        Role.RELATIVE, None, patient_of(db_session, "patient@example.org").clinic_id)
    mail = invitation_mails(db_session, "ola.hjelper@example.org")
    assert len(mail) == 1 and "Per Pasient" in mail[0].title and "/auth/invite/" in mail[0].url
    helper, response = accept(app, db_session, "ola.hjelper@example.org")
    assert response.location == "/helping"
    page = helper.get("/helping").text
    assert "Per Pasient" in page and "Meld et symptom for Per Pasient" in page and "tel:113" in page
    assert "Kan hjelpe deg til" in client.get("/relatives").text


def test_a_double_tapped_invitation_stores_one_grant_and_sends_one_mail(client, auth, db_session):
    auth.login("patient")
    for _ in range(2):
        assert invite(client).status_code == 302
    assert len(grants_of(db_session, "ola.hjelper@example.org")) == 1
    assert len(invitation_mails(db_session, "ola.hjelper@example.org")) == 1


def test_inviting_the_same_address_again_changes_what_it_may_do(client, auth, db_session):
    auth.login("patient")
    invite(client, may_report="y")
    invite(client, may_log_doses="y", duration="30")
    [grant] = grants_of(db_session, "ola.hjelper@example.org")
    assert (grant.may_report, grant.may_log_doses) == (False, True)
    assert timedelta(days=29) < grant.expires_at - datetime.now(UTC) <= timedelta(days=30)


@pytest.mark.parametrize("fields, message", [
    ({"name": "Ola", "email": "ola@example.org", "duration": "90"}, "Velg minst én ting"),
    ({"name": "Ola", "email": "not-an-address", "duration": "90", "may_report": "y"}, "gyldig e-postadresse"),
    ({"name": "", "email": "ola@example.org", "duration": "90", "may_report": "y"}, "Skriv navnet"),
    ({"name": "Ola", "email": "ola@example.org", "duration": "9999", "may_report": "y"}, "Ikke et gyldig valg"),
])
def test_bad_input_is_told_next_to_the_field_and_keeps_what_was_typed(client, auth, db_session, fields, message):
    auth.login("patient")
    response = client.post("/relatives", data=fields)
    assert response.status_code == 422
    assert message in response.text
    if fields["name"]:
        assert 'value="Ola"' in response.text
    assert grants_of(db_session, fields["email"]) == []


def _row_for(page: str, email: str) -> str:
    """The list item of the grant to `email`, with the address and the grant's id taken out."""
    items = re.findall(r'<li class="card relative-grant">(.*?)</form>', page, re.S)
    [item] = [i for i in items if email in i]
    return re.sub(r"\s+", " ", re.sub(r"/relatives/\d+/", "/relatives/ID/", item)).replace(email, "ADDRESS")


@pytest.mark.parametrize("address", ["nurse@example.org", "patient.en@example.org", "patient2@example.org",
                                     "nurse2@example.org", "new.person@example.org"])
def test_an_invitation_to_a_nurse_or_another_patient_reveals_nothing(client, auth, db_session, address):
    """The patient's page and the answer look the same whoever owns the address; no one gets access to her
    data through an account that is not a relative's, and no account of another clinic is touched."""
    auth.login("patient")
    response = client.post("/relatives", data={"name": "Navn", "email": address, "duration": "90",
                                               "may_report": "y"})
    flash = client.get(response.location).text
    row = _row_for(flash, address)
    assert row == _row_for(_baseline(client), "someone.else@example.org")
    [grant] = grants_of(db_session, address)
    clinic = patient_of(db_session, "patient@example.org").clinic_id
    if grant.relative_user_id is not None:
        relative = db_session.get(User, grant.relative_user_id)
        assert (relative.role, relative.clinic_id, relative.password_hash) == (Role.RELATIVE, clinic, None)
    else:  # the address is a nurse's or a patient's at Per's clinic
        owner = db_session.exec(select(User).where(User.email == address, User.clinic_id == clinic)).one()
        assert owner.role in (Role.NURSE, Role.PATIENT)
        assert "another e-mail address" in invitation_mails(db_session, address)[-1].body or \
            "en annen e-postadresse" in invitation_mails(db_session, address)[-1].body


def _baseline(client) -> str:
    client.post("/relatives", data={"name": "Navn", "email": "someone.else@example.org", "duration": "90",
                                    "may_report": "y"})
    return client.get("/relatives").text


# ---------------------------------------------------------------- what the relative may do
def test_a_relatives_report_counts_as_the_patients_own_at_the_same_level_and_is_marked_as_hers(app, db_session):
    helper = relative_of_per(app, db_session)
    response = send_report(helper, ["limb_weakness"], lasted_over_24h="yes")
    assert response.status_code == 302
    page = helper.get(response.location).text
    assert "Du hjelper Per Pasient" in page
    per = patient_of(db_session, "patient@example.org")
    report = reports_of(db_session, per)[-1]
    relative = user_of(db_session, "ola.hjelper@example.org")
    assert (report.reported_by_id, report.reported_by_other, report.level) == (relative.id, True, "urgent")
    assert "reported_by_other" in report.reasons
    assert flag_of(db_session, report).level == "urgent"
    # the same report by the patient herself has the same level
    own = app.test_client()
    own.post("/auth/login", data={"email": "patient@example.org", "password": "patient-demo-2026"})
    send_report(own, ["limb_weakness"], lasted_over_24h="yes")
    assert reports_of(db_session, per)[-1].level == report.level
    assert [e.target for e in audit_of(db_session, relative)] == ["relative.symptoms.new",
                                                                  "relative.symptoms.answer"]


def test_the_patient_sees_what_her_relative_did_in_her_access_log(app, db_session):
    helper = relative_of_per(app, db_session)
    send_report(helper, ["fatigue"])
    per = app.test_client()
    per.post("/auth/login", data={"email": "patient@example.org", "password": "patient-demo-2026"})
    log = per.get("/access-log").text
    assert "Ola Hjelper, som du lar hjelpe deg" in log
    assert "Meldte et symptom for deg" in log


def test_a_relative_logs_a_dose_after_the_safety_check_and_it_is_hers(app, db_session):
    helper = relative_of_per(app, db_session, may_log_doses="y")
    assert helper.post("/injections/check", data={"then": "log"}).location == "/injections/new"
    response = helper.post("/injections/new", data={**log_form(helper), **an_hour_ago()})
    assert response.status_code == 302
    dose = db_session.exec(select(Injection).order_by(Injection.id.desc())).first()
    relative = user_of(db_session, "ola.hjelper@example.org")
    assert (dose.patient_id, dose.created_by_id) == (patient_of(db_session, "patient@example.org").id, relative.id)
    assert helper.get(response.location).status_code == 200
    assert "relative.injections.new" in [e.target for e in audit_of(db_session, relative)]


def test_a_relative_reaches_only_what_was_granted(app, db_session):
    helper = relative_of_per(app, db_session, may_log_doses="y")
    assert helper.get("/symptoms/new").status_code == 403  # not granted
    assert send_report(helper, ["fatigue"]).status_code == 403
    assert helper.get("/learn/").status_code == 403
    for patient_page in ("/injections/", "/symptoms/", "/pharmacy/", "/risk/", "/my-data", "/access-log",
                         "/messages/", "/relatives"):
        assert helper.get(patient_page).status_code in (403, 404), patient_page
    per = patient_of(db_session, "patient@example.org")
    others = [r for r in reports_of(db_session, per)]
    assert helper.get(f"/symptoms/{others[0].id}").status_code in (403, 404)
    his_dose = db_session.exec(select(Injection).where(Injection.patient_id == per.id)).first()
    assert helper.get(f"/injections/{his_dose.id}/saved").status_code == 404


def test_the_patients_dose_history_says_which_doses_her_relative_logged(app, client, auth, db_session):
    helper = relative_of_per(app, db_session, may_log_doses="y")
    helper.post("/injections/check", data={"then": "log"})
    helper.post("/injections/new", data={**log_form(helper), **an_hour_ago()})
    auth.login("patient")
    page = client.get("/injections/").text
    assert page.count("Ført av Ola Hjelper") == 1


def test_a_relative_who_may_report_sees_only_the_reports_she_made(app, db_session):
    helper = relative_of_per(app, db_session)
    per = patient_of(db_session, "patient@example.org")
    his_own = reports_of(db_session, per)[0]
    assert helper.get(f"/symptoms/{his_own.id}").status_code == 404
    mine = send_report(helper, ["fatigue"]).location
    assert helper.get(mine).status_code == 200


def test_a_revoked_relatives_next_request_is_refused_and_stores_nothing(app, client, auth, db_session):
    helper = relative_of_per(app, db_session)
    assert helper.get("/symptoms/new").status_code == 200
    auth.login("patient")
    [grant] = grants_of(db_session, "ola.hjelper@example.org")
    assert client.post(f"/relatives/{grant.id}/revoke").status_code == 302
    per = patient_of(db_session, "patient@example.org")
    before = len(reports_of(db_session, per))
    assert send_report(helper, ["fatigue"]).status_code == 403
    assert helper.get("/symptoms/new").status_code == 403
    assert len(reports_of(db_session, per)) == before
    relative = user_of(db_session, "ola.hjelper@example.org")
    refused = [(e.action, e.patient_id) for e in audit_of(db_session, relative) if e.action == "refused"]
    assert refused == [("refused", per.id)] * 2  # the report and the form, in the clinic's audit log
    assert "Ingen lar deg hjelpe" in helper.get("/helping").text
    assert "Du stoppet tilgangen" in client.get("/relatives").text


def test_an_expired_grant_gives_nothing(app, db_session):
    helper = relative_of_per(app, db_session)
    [grant] = grants_of(db_session, "ola.hjelper@example.org")
    grant.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db_session.add(grant)
    db_session.commit()
    assert helper.get("/symptoms/new").status_code == 403


def test_a_patient_cannot_revoke_another_patients_relative(client, auth, db_session):
    auth.login("patient_en")
    demo_grant = db_session.exec(select(RelativeGrant)).first()  # the demo's: Per's wife
    assert client.post(f"/relatives/{demo_grant.id}/revoke").status_code == 404
    db_session.refresh(demo_grant)
    assert demo_grant.revoked_at is None


def test_a_relative_helping_two_people_acts_for_the_one_she_chose(app, db_session):
    helper = relative_of_per(app, db_session, email="shared@example.org", may_report="y")
    emma = app.test_client()
    emma.post("/auth/login", data={"email": "patient.en@example.org", "password": "patient-demo-2026"})
    invite(emma, email="shared@example.org", may_report="y")
    assert helper.get("/symptoms/new").status_code == 403  # two people, none chosen yet
    emma_patient = patient_of(db_session, "patient.en@example.org")
    assert helper.post(f"/helping/{emma_patient.id}/report").location == "/symptoms/new"
    send_report(helper, ["fatigue"])
    assert reports_of(db_session, emma_patient)[-1].reported_by_other is True
    nobody = patient_of(db_session, "patient2@example.org")
    assert helper.post(f"/helping/{nobody.id}/report").status_code == 404


# ---------------------------------------------------------------- reminders, articles, the nurse
def test_a_relative_with_the_reminder_grant_is_told_of_an_overdue_dose_and_others_are_not(app, db_session):
    from webapp.reminders.job import write_reminders

    relative_of_per(app, db_session, email="told@example.org", may_get_reminders="y")
    relative_of_per(app, db_session, email="not.told@example.org", may_report="y")
    per = patient_of(db_session, "patient@example.org")
    last = db_session.exec(select(Injection).where(Injection.patient_id == per.id)
                           .order_by(Injection.given_at.desc())).first()
    due = last.given_at + timedelta(weeks=per.dose_interval_weeks)
    with app.app_context():  # the hourly clock, through the day the dose is two days late
        for hour in range(24, 24 * 4):
            write_reminders(db_session, due + timedelta(hours=hour))
            db_session.commit()
    assert len(db_session.exec(select(Reminder).where(Reminder.patient_id == per.id,
                                                      Reminder.kind == "dose_overdue_2")).all()) == 1
    sent = db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == RELATIVE_REMINDER)).all()
    assert {db_session.get(User, m.user_id).email for m in sent} == {"told@example.org", "relative@example.org"}
    assert all("natalizumab" not in m.body.lower() and "Per" not in m.body for m in sent)  # discreet by default
    assert all(m.url == "/helping" and m.channel == "email" for m in sent)


def test_the_articles_need_the_reading_grant(app, db_session):
    helper = relative_of_per(app, db_session, may_read_education="y")
    assert helper.get("/learn/").status_code == 200
    assert helper.get("/learn/pml").status_code == 200


def test_the_nurse_sees_who_may_act_for_the_patient(client, auth, db_session):
    auth.login("nurse")
    per = patient_of(db_session, "patient@example.org")
    page = client.get(f"/nurse/patients/{per.id}").text
    assert "Pårørende som kan hjelpe" in page and "Rita Pasient" in page and "relative@example.org" in page


def test_a_closed_account_lets_no_relative_act(app, db_session):
    helper = relative_of_per(app, db_session)
    per = patient_of(db_session, "patient@example.org")
    per.closed_at = datetime.now(UTC)
    db_session.add(per)
    db_session.commit()
    assert helper.get("/symptoms/new").status_code == 403


def test_the_demo_relative_signs_in_to_her_page(client, auth):
    response = auth.login("relative")
    assert response.location == "/helping"
    assert "Per Pasient" in client.get("/helping").text



def test_the_nurse_reads_who_sent_a_report_a_relative_made(app, client, auth, db_session):
    helper = relative_of_per(app, db_session)
    send_report(helper, ["limb_weakness"], lasted_over_24h="yes")
    report = reports_of(db_session, patient_of(db_session, "patient@example.org"))[-1]
    auth.login("nurse")
    page = client.get(f"/nurse/flags/{flag_of(db_session, report).id}").text
    assert "Sendt av Ola Hjelper, en pårørende som pasienten lar hjelpe." in page
