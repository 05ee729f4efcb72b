"""The second sign-in step (security finding 2): a code app (TOTP) with a fixed clock, recovery codes, the
lock-out, and a nurse without a second factor kept to the security page when one is required."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from sqlmodel import select

from tests.conftest import DEMO
from webapp.account import factors
from webapp.auth import second_factor
from webapp.auth.accounts import attempt_key
from webapp.config import TestConfig
from webapp.models import AuditEvent, LoginAttempt, Patient, RecoveryCode, TotpSecret, User

NOW = datetime(2026, 12, 3, 9, 0, 10, tzinfo=UTC)
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def clock(monkeypatch):
    """The clock of the code checks and of the half-done sign-in, set by the test."""
    now = {"at": NOW}
    monkeypatch.setattr(factors, "_now", lambda: now["at"])
    monkeypatch.setattr(second_factor, "_now", lambda: now["at"])
    return now


def user(db_session, who: str) -> User:
    return db_session.exec(select(User).where(User.email == DEMO[who][0])).one()


def code_at(when: datetime) -> str:
    return pyotp.TOTP(SECRET).at(when)


@pytest.fixture
def nurse_with_totp(db_session):
    nurse = user(db_session, "nurse")
    db_session.add(TotpSecret(user_id=nurse.id, secret=SECRET, confirmed_at=NOW - timedelta(days=1)))
    db_session.commit()
    return nurse


def actions(db_session, user_id: int) -> list[str]:
    return [e.action for e in db_session.exec(select(AuditEvent).where(AuditEvent.target == f"account:{user_id}")
                                              .order_by(AuditEvent.id))]


def test_the_right_code_after_the_password_signs_the_nurse_in(client, auth, clock, nurse_with_totp, db_session):
    response = auth.login("nurse")
    assert response.status_code == 302 and response.location == "/auth/second-factor"
    assert client.get("/nurse/").location.startswith("/auth/login")  # the password alone signs nobody in
    page = client.get("/auth/second-factor")
    assert page.status_code == 200 and 'name="totp-code"' in page.text and 'name="recovery-code"' in page.text
    response = client.post("/auth/second-factor", data={"totp-code": code_at(NOW)})
    assert response.status_code == 302 and response.location == "/nurse/"
    assert client.get("/nurse/").status_code == 200
    assert actions(db_session, nurse_with_totp.id)[-1] == "login"


def test_a_wrong_code_is_refused_and_counts_towards_the_lockout(client, auth, clock, nurse_with_totp, db_session):
    auth.login("nurse")
    for _ in range(3):
        response = client.post("/auth/second-factor", data={"totp-code": "000000"})
        assert response.status_code == 422
        assert "Koden stemmer ikke" in response.text
    row = db_session.get(LoginAttempt, attempt_key(DEMO["nurse"][0], "127.0.0.1", TestConfig.SECRET_KEY))
    # The password's own attempt stays counted until the second step is done, and three wrong codes: the
    # fifth attempt locks, as five wrong passwords would.
    assert row.failures == 4
    response = client.post("/auth/second-factor", data={"totp-code": "000000"})
    assert response.status_code == 302 and response.location == "/auth/login"  # locked, the half sign-in gone
    db_session.expire_all()
    key = attempt_key(DEMO["nurse"][0], "127.0.0.1", TestConfig.SECRET_KEY)
    assert db_session.get(LoginAttempt, key).locked_until is not None
    assert client.get("/auth/second-factor").location == "/auth/login"
    assert auth.login("nurse").status_code == 422  # even the right password waits for the lock to end
    assert "login_second_factor_failed" in actions(db_session, nurse_with_totp.id)


def test_a_code_that_was_used_cannot_be_used_again(client, auth, clock, nurse_with_totp):
    auth.login("nurse")
    assert client.post("/auth/second-factor", data={"totp-code": code_at(NOW)}).status_code == 302
    auth.logout()
    auth.login("nurse")
    assert client.post("/auth/second-factor", data={"totp-code": code_at(NOW)}).status_code == 422
    clock["at"] = NOW + timedelta(seconds=30)  # the next 30-second code works
    assert client.post("/auth/second-factor", data={"totp-code": code_at(clock["at"])}).status_code == 302


def test_a_code_from_the_step_before_works_but_not_from_two_minutes_ago(client, auth, clock, nurse_with_totp):
    auth.login("nurse")
    assert client.post("/auth/second-factor", data={"totp-code": code_at(NOW - timedelta(minutes=2))}).status_code == 422
    assert client.post("/auth/second-factor", data={"totp-code": code_at(NOW - timedelta(seconds=30))}).status_code == 302


def test_a_recovery_code_signs_in_once(app, client, auth, clock, nurse_with_totp, db_session):
    with app.app_context():
        codes = factors.new_recovery_codes(nurse_with_totp.id)
        from webapp import db

        db.session().commit()
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = db_session.exec(select(RecoveryCode).where(RecoveryCode.user_id == nurse_with_totp.id)).all()
    assert all(row.code_hash.startswith("$argon2") and codes[0].replace("-", "") not in row.code_hash for row in stored)
    auth.login("nurse")
    response = client.post("/auth/second-factor", data={"recovery-code": codes[0].upper()})
    assert response.status_code == 302 and response.location == "/nurse/"
    auth.logout()
    auth.login("nurse")
    assert client.post("/auth/second-factor", data={"recovery-code": codes[0]}).status_code == 422
    assert client.post("/auth/second-factor", data={"recovery-code": codes[1]}).status_code == 302
    assert "login_recovery_code" in actions(db_session, nurse_with_totp.id)


def test_the_half_done_sign_in_ends_after_five_minutes(client, auth, clock, nurse_with_totp):
    auth.login("nurse")
    clock["at"] = NOW + timedelta(minutes=5, seconds=1)
    response = client.post("/auth/second-factor", data={"totp-code": code_at(clock["at"])})
    assert response.status_code == 302 and response.location == "/auth/login"
    assert client.get("/nurse/").location.startswith("/auth/login")


def test_an_account_without_a_second_factor_signs_in_with_the_password(auth):
    assert auth.login("patient").location == "/"


def test_a_password_reset_link_leads_to_the_second_step_not_into_the_account(app, client, clock, nurse_with_totp):
    from webapp import db
    from webapp.auth.accounts import RESET, create_link

    with app.test_request_context():
        token, _row = create_link(db.session().get(User, nurse_with_totp.id), None, RESET)
        db.session().commit()
    response = client.post(f"/auth/reset/{token}", data={"password": "lilla sykkel under grønn bro", "confirm":
                                                          "lilla sykkel under grønn bro"})
    assert response.status_code == 302 and response.location == "/auth/second-factor"
    assert client.get("/nurse/").location.startswith("/auth/login")


# ---------------------------------------------------------------- required for nurses (production setting)
@pytest.fixture
def required(app):
    app.config["NURSE_SECOND_FACTOR_REQUIRED"] = True
    return app


def patient_page(db_session) -> str:
    patient = db_session.exec(select(Patient).join(User, Patient.user_id == User.id)
                              .where(User.email == DEMO["patient"][0])).one()
    return f"/nurse/patients/{patient.id}"


def test_a_nurse_without_a_second_factor_gets_no_patient_data_but_can_enrol(required, client, auth, clock, db_session):
    assert auth.login("nurse").location == "/nurse/"
    for path in ("/nurse/", "/nurse/queue", patient_page(db_session), "/messages/inbox", "/nurse/staff"):
        response = client.get(path)
        assert response.status_code == 302 and response.location == "/account/security", path
    page = client.get("/account/security")
    assert page.status_code == 200
    assert "Sykepleiere må bruke et andre steg" in page.text
    assert client.get("/account/security/code-app").status_code == 200
    nurse = user(db_session, "nurse")
    secret = db_session.exec(select(TotpSecret).where(TotpSecret.user_id == nurse.id)).one()
    assert secret.confirmed_at is None
    assert client.get("/nurse/").location == "/account/security"  # not counted before it is confirmed
    wrong = client.post("/account/security/code-app", data={"code": "123456"})
    assert wrong.status_code == 422
    right = client.post("/account/security/code-app", data={"code": pyotp.TOTP(secret.secret).at(NOW)})
    assert right.status_code == 200
    shown = re.findall(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>", right.text)
    assert len(shown) == 10  # ten recovery codes, shown this once
    assert client.get("/nurse/").status_code == 200
    assert client.get("/nurse/queue").status_code == 200
    assert client.get(patient_page(db_session)).status_code == 200
    assert {"totp_add", "recovery_codes_new"} <= set(actions(db_session, nurse.id))
    assert SECRET not in str(actions(db_session, nurse.id))


def test_a_patient_is_offered_a_second_factor_but_not_required(required, client, auth):
    auth.login("patient")
    assert client.get("/").status_code == 200
    assert client.get("/account/security").status_code == 200


def test_removing_the_code_app_asks_for_the_password(required, client, auth, clock, nurse_with_totp, db_session):
    auth.login("nurse")
    client.post("/auth/second-factor", data={"totp-code": code_at(NOW)})
    assert client.post("/account/security/code-app/remove", data={"password": "not it"}).status_code == 422
    assert factors_of(db_session, nurse_with_totp.id)
    response = client.post("/account/security/code-app/remove", data={"password": DEMO["nurse"][1]})
    assert response.status_code == 302
    assert not factors_of(db_session, nurse_with_totp.id)
    assert client.get("/nurse/").location == "/account/security"  # required: back to enrolment
    assert "totp_remove" in actions(db_session, nurse_with_totp.id)


def factors_of(db_session, user_id: int) -> list[TotpSecret]:
    db_session.expire_all()
    return db_session.exec(select(TotpSecret).where(TotpSecret.user_id == user_id)).all()


def test_new_recovery_codes_replace_the_old_ones(app, client, auth, clock, nurse_with_totp, db_session):
    from webapp import db

    with app.app_context():
        old = factors.new_recovery_codes(nurse_with_totp.id)
        db.session().commit()
    auth.login("nurse")
    client.post("/auth/second-factor", data={"totp-code": code_at(NOW)})
    response = client.post("/account/security/recovery-codes", data={"password": DEMO["nurse"][1]})
    new = re.findall(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>", response.text)
    assert len(new) == 10 and not set(new) & set(old)
    auth.logout()
    auth.login("nurse")
    assert client.post("/auth/second-factor", data={"recovery-code": old[0]}).status_code == 422
    assert client.post("/auth/second-factor", data={"recovery-code": new[0]}).status_code == 302


def test_wrong_passwords_on_the_security_page_count_with_the_password_change_and_sign_out(
        app, client, auth, clock, nurse_with_totp):
    app.config["PASSWORD_CHANGE_RATE_LIMIT"] = "3 per 15 minutes"
    auth.login("nurse")
    client.post("/auth/second-factor", data={"totp-code": code_at(NOW)})
    change = {"current_password": "not-it", "password": "a-new-long-password", "confirm": "a-new-long-password"}
    assert client.post("/auth/password", data=change).status_code == 422
    assert client.post("/account/security/code-app/remove", data={"password": "not-it"}).status_code == 422
    assert client.post("/account/security/recovery-codes", data={"password": "not-it"}).status_code == 422
    answer = client.post("/account/security/code-app/remove", data={"password": "not-it"})  # the fourth guess
    assert answer.status_code == 302 and answer.location == "/auth/login"
    assert client.get("/nurse/").location.startswith("/auth/login")


def test_removing_a_passkey_asks_for_the_password_and_is_audited(client, auth, clock, nurse_with_totp, db_session):
    from webapp.models import WebAuthnCredential

    key = WebAuthnCredential(user_id=nurse_with_totp.id, credential_id="a2V5", public_key=b"k", name="Jobb-PC")
    db_session.add(key)
    db_session.commit()
    key_id = key.id
    auth.login("nurse")
    client.post("/auth/second-factor", data={"totp-code": code_at(NOW)})
    page = client.get("/account/security").text
    assert "Jobb-PC" in page and "Sist brukt" in page
    assert client.post("/account/security/passkeys/remove", data={"passkey": key_id, "password": "x"}).status_code == 422
    response = client.post("/account/security/passkeys/remove", data={"passkey": key_id, "password": DEMO["nurse"][1]})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(WebAuthnCredential, key_id) is None
    assert "passkey_remove" in actions(db_session, nurse_with_totp.id)


@pytest.mark.parametrize(("app_env", "base_url", "expected"), [
    ("production", "", None),  # no configured address: passkeys are off, never the Host header's word
    ("production", "https://natahjem.example.no", ("natahjem.example.no", "https://natahjem.example.no")),
    ("test", "", ("localhost", "http://localhost")),
])
def test_the_passkeys_relying_party_comes_from_the_configuration(app, app_env, base_url, expected):
    from webapp.account.passkeys import relying_party

    app.config.update(APP_ENV=app_env, APP_BASE_URL=base_url)
    with app.test_request_context("/account/security", base_url="http://localhost"):
        rp = relying_party()
    assert ((rp.rp_id, rp.origin) if rp else None) == expected


def test_an_ip_address_is_no_relying_party(app):
    from webapp.account.passkeys import relying_party

    with app.test_request_context("/account/security", base_url="http://127.0.0.1:5000"):
        assert relying_party() is None  # WebAuthn wants a domain name: the code app only
