"""A way back in (issue 13 §5; walk defects 7 and 26; security review finding 6): "Forgot your password?",
a reset a nurse sends to the patient only, a reset in person at the clinic, and the invitation hand-off."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from tests.conftest import AuthActions
from webapp.auth import accounts
from webapp.models import AuditEvent, Invitation, OutboxMessage, Patient, User
from webapp.notify.email import build_email

from .test_fuzz_forms import SWEEP

PATIENT = "patient@example.org"
NEW_PASSWORD = "en-helt-ny-passordfrase"


def user_by_email(db_session, email: str) -> User:
    db_session.expire_all()
    return db_session.exec(select(User).where(User.email == email)).one()


def patient_id(db_session, email: str = PATIENT) -> int:
    user = user_by_email(db_session, email)
    return db_session.exec(select(Patient).where(Patient.user_id == user.id)).one().id


def mails(db_session, kind: str, to: str = PATIENT) -> list[OutboxMessage]:
    db_session.expire_all()
    return list(db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == kind, OutboxMessage.to_address == to)
                                .order_by(OutboxMessage.id)).all())


def reset_path(db_session, to: str = PATIENT) -> str:
    """The path of the newest reset link e-mailed to an address (the row holds it, absolute in tests)."""
    url = mails(db_session, "password_reset", to)[-1].url
    return "/auth/reset/" + url.rpartition("/auth/reset/")[2]


def ask_for_reset(client, email: str = PATIENT, **kwargs):
    return client.post("/auth/forgot", data={"email": email}, **kwargs)


def set_new_password(client, path: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    return client.post(path, data={"password": password, "confirm": confirm or password})


# ---------------------------------------------------------------- the login page and "forgot"
def test_the_login_page_offers_a_way_back_in_and_help_without_email(client):
    page = client.get("/auth/login").text
    assert 'href="/auth/forgot"' in page and "Glemt passordet?" in page
    assert "Har du ikke e-post? Ring klinikken, så får du hjelp." in page


def test_the_answer_is_the_same_whether_or_not_the_account_exists(client, db_session):
    known = ask_for_reset(client, PATIENT)
    unknown = ask_for_reset(client, "nobody-here@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known.location == unknown.location
    assert client.get(known.location).text == client.get(unknown.location).text
    assert "Hvis det finnes en konto for denne adressen" in client.get(known.location).text
    assert len(mails(db_session, "password_reset")) == 1
    assert mails(db_session, "password_reset", "nobody-here@example.org") == []


def test_the_reset_mail_names_natahjem_has_no_health_content_and_an_absolute_link_never_from_host(app, client,
                                                                                                  db_session):
    app.config["APP_BASE_URL"] = "https://natahjem.example.no"
    ask_for_reset(client, " Patient@Example.ORG ", headers={"Host": "evil.example"})
    (row,) = mails(db_session, "password_reset")
    assert row.channel == "email" and row.user_id is None and row.clinic_id is not None
    mail = build_email(app.config, row)
    text = mail.get_content()
    assert "NataHjem" in mail["Subject"] and "NataHjem" in text
    assert re.search(r"https://natahjem\.example\.no/auth/reset/[\w-]{40,}", text)
    assert "evil.example" not in text
    for health_word in ("natalizumab", "tysabri", "dose", "symptom", "injek", "sprøyte"):
        assert health_word not in text.lower()


def test_a_reset_sets_a_new_password_ends_other_sessions_and_tells_the_owner(app, client, db_session):
    other_device = app.test_client()
    AuthActions(other_device).login("patient")
    assert other_device.get("/").status_code == 200
    ask_for_reset(client)
    path = reset_path(db_session)
    page = client.get(path)
    assert page.status_code == 200
    assert 'Du logger inn med <span class="may-break">patient@example.org</span>.' in page.text
    assert re.search(r'<input type="hidden" name="username" autocomplete="username" value="patient@example.org">',
                     page.text)
    response = set_new_password(client, path)
    assert response.status_code == 302 and response.location == "/"
    assert other_device.get("/").location.startswith("/auth/login")  # the other session ended
    (changed,) = mails(db_session, "password_changed")
    assert "Var det ikke deg? Ring klinikken." in changed.body
    client.post("/auth/logout")
    assert client.post("/auth/login", data={"email": PATIENT, "password": NEW_PASSWORD}).location == "/"
    client.post("/auth/logout")
    assert client.post("/auth/login", data={"email": PATIENT, "password": "patient-demo-2026"}).status_code == 422


def test_a_reset_link_works_once(client, db_session):
    ask_for_reset(client)
    path = reset_path(db_session)
    assert set_new_password(client, path).status_code == 302
    client.post("/auth/logout")
    again = client.get(path)
    assert again.status_code == 410 and "Lenken virker ikke lenger" in again.text
    assert set_new_password(client, path, "nok-et-nytt-passord").status_code == 410


def test_a_reset_link_stops_working_after_one_hour(client, db_session, monkeypatch):
    start = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    monkeypatch.setattr(accounts, "_now", lambda: start)
    ask_for_reset(client)
    path = reset_path(db_session)
    monkeypatch.setattr(accounts, "_now", lambda: start + timedelta(minutes=59))
    assert client.get(path).status_code == 200
    monkeypatch.setattr(accounts, "_now", lambda: start + timedelta(minutes=60))
    response = client.get(path)
    assert response.status_code == 410 and "Lenken virker ikke lenger" in response.text
    assert set_new_password(client, path).status_code == 410


def test_unknown_and_absurd_tokens_answer_404_and_an_invitation_token_is_no_reset(client, auth):
    assert client.get("/auth/reset/not-a-token").status_code == 404
    assert client.get("/auth/reset/" + "x" * 5000).status_code == 404
    auth.login("nurse")
    created = client.post("/nurse/patients/new", data={"full_name": "Ny Pasient", "email": "ny@example.org",
                                                       "language": "nb"})
    link = re.search(r'/auth/invite/([\w-]+)', client.get(created.location).text).group(1)
    assert client.get("/auth/reset/" + link).status_code == 404


def test_bad_new_passwords_get_the_change_password_messages_next_to_the_field(client, db_session):
    ask_for_reset(client)
    path = reset_path(db_session)
    short = set_new_password(client, path, "kort", "kort")
    assert short.status_code == 422 and "Bruk minst 10 tegn." in short.text
    different = set_new_password(client, path, NEW_PASSWORD, "noe-helt-annet-her")
    assert different.status_code == 422 and "Passordene er ikke like." in different.text
    assert client.get(path).status_code == 200  # a refused try does not use the link up


def test_asking_is_rate_limited_per_address_known_or_not(app):
    app.config["RESET_RATE_LIMIT_ADDRESS"] = "2 per minute"
    for address in (PATIENT, "nobody-here@example.org"):
        codes = [ask_for_reset(app.test_client(), address, environ_base={"REMOTE_ADDR": f"10.0.0.{n}"}).status_code
                 for n in range(3)]
        assert codes == [302, 302, 429], address
    assert ask_for_reset(app.test_client(), "patient.en@example.org").status_code == 302


def test_asking_is_rate_limited_per_ip_address(app):
    app.config["RESET_RATE_LIMIT_IP"] = "3 per minute"
    client = app.test_client()
    codes = [ask_for_reset(client, f"someone{n}@example.org").status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    other = app.test_client()
    assert ask_for_reset(other, "someone9@example.org", environ_base={"REMOTE_ADDR": "10.9.9.9"}).status_code == 302


def test_a_double_tap_sends_one_mail(client, db_session):
    ask_for_reset(client)
    ask_for_reset(client)
    assert len(mails(db_session, "password_reset")) == 1


def test_a_nurse_resets_her_own_password_the_same_way(client, db_session):
    ask_for_reset(client, "nurse@example.org")
    path = reset_path(db_session, "nurse@example.org")
    assert set_new_password(client, path).location == "/nurse/"
    assert len(mails(db_session, "password_changed", "nurse@example.org")) == 1


def test_changing_the_password_tells_the_owner_by_email(client, auth, db_session):
    auth.login("patient")
    response = client.post("/auth/password", data={"current_password": "patient-demo-2026", "password": NEW_PASSWORD,
                                                   "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert len(mails(db_session, "password_changed")) == 1


def test_tokens_are_never_logged(app, client, auth, db_session, caplog):
    with caplog.at_level(logging.DEBUG):
        ask_for_reset(client)
        path = reset_path(db_session)
        client.get(path)
        set_new_password(client, path)
        client.post("/auth/logout")
        auth.login("nurse")
        client.post(f"/nurse/patients/{patient_id(db_session)}/reset-in-person")
    token = path.rpartition("/")[2]
    assert token not in caplog.text


# ---------------------------------------------------------------- the nurse's side
def test_a_nurse_sends_a_reset_link_to_the_patient_only_and_never_sees_it(client, auth, db_session):
    pid = patient_id(db_session)
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{pid}").text
    assert "Send lenke for nytt passord" in page and "Tilbakestill her på klinikken" in page
    response = client.post(f"/nurse/patients/{pid}/reset-link")
    assert response.status_code == 302
    followed = client.get(response.location)
    token = reset_path(db_session).rpartition("/")[2]
    for body in (response.get_data(as_text=True), followed.text):
        assert token not in body and "/auth/reset/" not in body
    assert "En lenke for nytt passord er på vei til patient@example.org" in followed.text
    (row,) = mails(db_session, "password_reset")
    assert row.to_address == PATIENT
    nurse = user_by_email(db_session, "nurse@example.org")
    assert db_session.exec(select(AuditEvent).where(AuditEvent.action == "reset_email",
                                                    AuditEvent.patient_id == pid,
                                                    AuditEvent.actor_id == nurse.id)).one()


def test_a_nurse_of_another_clinic_gets_404(client, auth, db_session):
    pid = patient_id(db_session)
    auth.login("nurse2")
    for method, path in (("post", "reset-link"), ("post", "reset-in-person"), ("post", "invitation"), ("get", "link")):
        assert getattr(client, method)(f"/nurse/patients/{pid}/{path}").status_code == 404, path
    assert mails(db_session, "password_reset") == []
    db_session.expire_all()
    assert db_session.exec(select(Invitation).where(Invitation.user_id == user_by_email(db_session, PATIENT).id)
                           ).all() == []


def test_a_patient_with_a_password_cannot_be_re_invited(client, auth, db_session):
    """Security review finding 6: a set-password link shown to a nurse took the account over."""
    pid = patient_id(db_session)
    auth.login("nurse")
    assert f"/nurse/patients/{pid}/invitation" not in client.get(f"/nurse/patients/{pid}").text
    response = client.post(f"/nurse/patients/{pid}/invitation")
    assert response.status_code == 302 and response.location.startswith(f"/nurse/patients/{pid}")
    page = client.get(response.location).text
    assert "Pasienten har allerede et passord." in page
    assert "/auth/invite/" not in page
    assert client.get(f"/nurse/patients/{pid}/link").text.count("/auth/invite/") == 0
    db_session.expire_all()
    assert db_session.exec(select(Invitation)).all() == []


def test_the_invitation_link_is_shown_once_with_sms_and_mailto_and_a_reload_is_harmless(client, auth, db_session):
    auth.login("nurse")
    created = client.post("/nurse/patients/new", data={"full_name": "Kari Nordmann", "email": "kari@example.org",
                                                       "language": "nb"})
    assert created.status_code == 302
    page = client.get(created.location).text
    link = re.search(r'value="(http://localhost/auth/invite/[\w-]+)"', page).group(1)
    assert 'href="mailto:kari@example.org?subject=' in page
    assert 'Pasienten logger inn med <span class="may-break">kari@example.org</span>.' in page
    assert 'href="sms:' not in page  # no phone number yet
    reload = client.get(created.location)
    assert reload.status_code == 200 and "/auth/invite/" not in reload.text and "Ingen lenke å vise" in reload.text
    assert len(db_session.exec(select(User).where(User.email == "kari@example.org")).all()) == 1
    # With a phone number, a text message is one tap away.
    user = user_by_email(db_session, "kari@example.org")
    patient = db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()
    patient.phone = "+4791234567"
    db_session.add(patient)
    db_session.commit()
    again = client.post(f"/nurse/patients/{patient.id}/invitation")
    page = client.get(again.location).text
    sms = re.search(r'href="(sms:\+4791234567\?body=[^"]+)"', page).group(1)
    assert "kari%40example.org" in sms and "%2Fauth%2Finvite%2F" in sms
    assert client.get(link.removeprefix("http://localhost")).status_code == 410  # the first link stopped working


def test_the_set_password_page_names_the_address_for_password_managers(client, auth):
    auth.login("nurse")
    created = client.post("/nurse/patients/new", data={"full_name": "Ola", "email": "ola@example.org", "language": "nb"})
    path = re.search(r'http://localhost(/auth/invite/[\w-]+)', client.get(created.location).text).group(1)
    auth.logout()
    page = client.get(path).text
    assert 'Du logger inn med <span class="may-break">ola@example.org</span>.' in page
    assert '<input type="hidden" name="username" autocomplete="username" value="ola@example.org">' in page


def in_person_link(client, db_session, pid: int) -> str:
    response = client.post(f"/nurse/patients/{pid}/reset-in-person")
    assert response.status_code == 302 and response.location == f"/nurse/patients/{pid}/link"
    page = client.get(response.location).text
    assert '<svg role="img" aria-label="QR-kode med lenken for nytt passord"' in page
    return re.search(r'value="http://localhost(/auth/reset/[\w-]+)"', page).group(1)


def test_an_in_person_reset_is_audited_and_told_once_at_the_next_sign_in(app, client, auth, db_session):
    pid = patient_id(db_session)
    auth.login("nurse")
    path = in_person_link(client, db_session, pid)
    assert client.get(f"/nurse/patients/{pid}/link").text.count(path) >= 1  # still shown while the patient scans
    assert db_session.exec(select(AuditEvent).where(AuditEvent.action == "reset_in_person",
                                                    AuditEvent.patient_id == pid)).one()
    phone = app.test_client()  # the patient's own phone
    assert set_new_password(phone, path).location == "/"
    assert "Passordet ditt ble tilbakestilt" not in phone.get("/").text  # not to whoever used the link
    assert "Lenken er brukt eller virker ikke lenger." in client.get(f"/nurse/patients/{pid}/link").text
    later = app.test_client()
    response = later.post("/auth/login", data={"email": PATIENT, "password": NEW_PASSWORD}, follow_redirects=True)
    assert re.search(r"Passordet ditt ble tilbakestilt på klinikken \d+\. \w+\.? \d{4} kl\. \d\d\.\d\d\. "
                     r"Var det ikke deg\? Ring klinikken\.", response.text), response.text
    later.post("/auth/logout")
    again = later.post("/auth/login", data={"email": PATIENT, "password": NEW_PASSWORD}, follow_redirects=True)
    assert "tilbakestilt på klinikken" not in again.text
    db_session.expire_all()
    assert db_session.exec(select(Invitation).where(Invitation.kind == "in_person")).one().told_at is not None


def test_an_in_person_link_works_for_15_minutes_and_a_double_tap_makes_one(client, auth, db_session, monkeypatch):
    start = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    monkeypatch.setattr(accounts, "_now", lambda: start)
    pid = patient_id(db_session)
    auth.login("nurse")
    first = in_person_link(client, db_session, pid)
    assert in_person_link(client, db_session, pid) == first
    db_session.expire_all()
    assert len(db_session.exec(select(Invitation).where(Invitation.kind == "in_person")).all()) == 1
    monkeypatch.setattr(accounts, "_now", lambda: start + timedelta(minutes=15))
    assert client.get(first).status_code == 410


@pytest.mark.parametrize("value", SWEEP)
def test_hostile_values_in_the_anonymous_forms_never_answer_500(client, db_session, value):
    # 400: a NUL byte (security.py); 413: over the 16 KB a signed-out form may send (finding 9)
    assert ask_for_reset(client, value).status_code in (302, 400, 413, 422)
    ask_for_reset(client)
    path = reset_path(db_session)
    for data in ({"password": value, "confirm": value}, {"password": value}, {"confirm": value}):
        assert client.post(path, data=data).status_code in (302, 400, 410, 413, 422)
        client.post("/auth/logout")


def test_in_production_without_app_base_url_the_mail_never_takes_the_host(app, client, db_session, caplog):
    app.config.update(APP_ENV="production", APP_BASE_URL="")
    with caplog.at_level(logging.WARNING, logger="webapp.auth.mail"):
        ask_for_reset(client, headers={"Host": "evil.example"})
    (row,) = mails(db_session, "password_reset")
    assert row.url.startswith("/auth/reset/") and "evil.example" not in build_email(app.config, row).get_content()
    assert "APP_BASE_URL is not set" in caplog.text


def test_a_double_tapped_new_patient_makes_one_account_and_shows_the_link(client, auth, db_session):
    auth.login("nurse")
    data = {"full_name": "Kari Nordmann", "email": "kari@example.org", "language": "nb"}
    first = client.post("/nurse/patients/new", data=data)
    second = client.post("/nurse/patients/new", data=data)  # before the first redirect was followed
    assert first.status_code == second.status_code == 302 and first.location == second.location
    assert "/auth/invite/" in client.get(second.location).text
    assert len(db_session.exec(select(User).where(User.email == "kari@example.org")).all()) == 1
    third = client.post("/nurse/patients/new", data=data)  # later: the ordinary message
    assert third.status_code == 422 and "Det finnes allerede en konto" in third.text
