"""The clinic admin (security finding 18): her own clinic's nurses only, no turning herself off, and every
action audited. A turned-off account cannot sign in, and its open sessions end."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from tests.conftest import DEMO, AuthActions
from webapp.models import AuditEvent, RecoveryCode, Role, TotpSecret, User, WebAuthnCredential

COLLEAGUE = ("nora@example.org", "nurse-demo-2026")


@pytest.fixture
def colleague(db_session):
    """A second nurse at the first clinic, with the demo nurse's password hash."""
    nina = db_session.exec(select(User).where(User.email == DEMO["nurse"][0])).one()
    nora = User(email=COLLEAGUE[0], full_name="Nora Nattevakt", role=Role.NURSE, locale="nb",
                clinic_id=nina.clinic_id, password_hash=nina.password_hash)
    db_session.add(nora)
    db_session.commit()
    return nora


def sign_in(app, email: str, password: str):
    client = app.test_client()
    response = client.post("/auth/login", data={"email": email, "password": password})
    return client, response


def nurse_id(db_session, who: str) -> int:
    return db_session.exec(select(User).where(User.email == DEMO[who][0])).one().id


def audited(db_session, action: str, user_id: int) -> bool:
    return db_session.exec(select(AuditEvent).where(AuditEvent.action == action,
                                                    AuditEvent.target == f"account:{user_id}")).first() is not None


def test_a_nurse_who_is_not_admin_gets_403(client, auth, db_session):
    auth.login("nurse2")
    assert client.get("/nurse/staff").status_code == 403
    assert client.post(f"/nurse/staff/{nurse_id(db_session, 'nurse2')}/end-sessions").status_code == 403


def test_a_patient_gets_403(client, auth):
    auth.login("patient")
    assert client.get("/nurse/staff").status_code == 403


def test_the_admin_sees_her_own_clinics_nurses_only(client, auth, colleague):
    auth.login("nurse")
    page = client.get("/nurse/staff")
    assert page.status_code == 200
    assert "Nina Sykepleier" in page.text and "Nora Nattevakt" in page.text
    assert "Nils Nord" not in page.text and DEMO["nurse2"][0] not in page.text


@pytest.mark.parametrize("action", ["deactivate", "reactivate", "end-sessions", "reset-second-factor"])
def test_the_admin_cannot_touch_a_nurse_of_another_clinic(client, auth, db_session, action):
    auth.login("nurse")
    other = nurse_id(db_session, "nurse2")
    generation = db_session.get(User, other).session_generation
    assert client.post(f"/nurse/staff/{other}/{action}").status_code == 404
    db_session.expire_all()
    assert db_session.get(User, other).active and db_session.get(User, other).session_generation == generation
    assert db_session.exec(select(AuditEvent).where(AuditEvent.action == "refused",
                                                    AuditEvent.target == f"staff:{other}")).first() is not None


def test_a_patient_account_is_not_staff(client, auth, db_session):
    auth.login("nurse")
    patient = nurse_id(db_session, "patient")
    assert client.post(f"/nurse/staff/{patient}/deactivate").status_code == 404


def test_a_turned_off_nurse_cannot_sign_in_and_her_session_ends(app, client, auth, colleague, db_session):
    nora_client, response = sign_in(app, *COLLEAGUE)
    assert response.status_code == 302 and nora_client.get("/nurse/").status_code == 200
    auth.login("nurse")
    assert client.post(f"/nurse/staff/{colleague.id}/deactivate").status_code == 302
    assert nora_client.get("/nurse/").location.startswith("/auth/login")  # her open session is dead
    _client, response = sign_in(app, *COLLEAGUE)
    assert response.status_code == 422 and "slått av" in response.text
    assert audited(db_session, "staff_deactivate", colleague.id)
    assert audited(db_session, "login_inactive", colleague.id)
    assert client.post(f"/nurse/staff/{colleague.id}/reactivate").status_code == 302
    _client, response = sign_in(app, *COLLEAGUE)
    assert response.status_code == 302
    assert audited(db_session, "staff_reactivate", colleague.id)


def test_the_admin_cannot_turn_herself_off(client, auth, db_session):
    auth.login("nurse")
    me = nurse_id(db_session, "nurse")
    assert client.post(f"/nurse/staff/{me}/deactivate").status_code == 302
    db_session.expire_all()
    assert db_session.get(User, me).active
    assert client.get("/nurse/").status_code == 200


def test_ending_a_nurses_sessions_signs_her_out_everywhere(app, client, auth, colleague, db_session):
    nora_client, _response = sign_in(app, *COLLEAGUE)
    auth.login("nurse")
    assert client.post(f"/nurse/staff/{colleague.id}/end-sessions").status_code == 302
    assert nora_client.get("/nurse/").location.startswith("/auth/login")
    assert audited(db_session, "staff_end_sessions", colleague.id)
    assert sign_in(app, *COLLEAGUE)[1].status_code == 302  # she may sign in again


def test_a_reset_second_factor_must_be_enrolled_again(app, client, auth, colleague, db_session):
    now = datetime.now(UTC)
    db_session.add_all([
        TotpSecret(user_id=colleague.id, secret="JBSWY3DPEHPK3PXP", confirmed_at=now),
        WebAuthnCredential(user_id=colleague.id, credential_id="abc", public_key=b"key", name="Work PC"),
        RecoveryCode(user_id=colleague.id, code_hash="$argon2id$x"),
    ])
    db_session.commit()
    auth.login("nurse")
    assert "Passnøkkel og kodeapp" in client.get("/nurse/staff").text
    assert client.post(f"/nurse/staff/{colleague.id}/reset-second-factor").status_code == 302
    for model in (TotpSecret, WebAuthnCredential, RecoveryCode):
        assert db_session.exec(select(model).where(model.user_id == colleague.id)).all() == []
    assert audited(db_session, "staff_reset_second_factor", colleague.id)
    app.config["NURSE_SECOND_FACTOR_REQUIRED"] = True
    nora_client, response = sign_in(app, *COLLEAGUE)
    assert response.location == "/nurse/"  # no second step any more: the password, then enrolment
    assert nora_client.get("/nurse/").location == "/account/security"


def test_every_admin_post_needs_a_csrf_token(app, db_session, colleague):
    client = app.test_client()
    AuthActions(client).login("nurse")
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post(f"/nurse/staff/{colleague.id}/deactivate").status_code == 400
