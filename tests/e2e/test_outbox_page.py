"""The dead-letter page on a 360 px (and 320 px) phone, in both languages: a nurse sees the messages
NataHjem could not send and sends one again; axe finds no WCAG 2.1 AA violation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from webapp.models import OutboxMessage, User

from .conftest import assert_accessible, click_and_wait, sign_in, switch_language

TEXT = {
    "nb": {"h1": "Meldinger som ikke ble sendt", "retry": "Prøv igjen", "done": "Meldingen sendes på nytt om litt.",
           "gave_up": "Gitt opp"},
    "en": {"h1": "Messages not sent", "retry": "Try again", "done": "The message will be sent again in a moment.",
           "gave_up": "Gave up"},
}


@pytest.fixture
def stuck_messages(live_app):
    with Session(live_app.extensions["db_engine"]) as session:
        nurse = session.exec(select(User).where(User.email == "nurse@example.org")).one()
        patient = session.exec(select(User).where(User.email == "patient@example.org")).one()
        long_ago = datetime.now(UTC) - timedelta(hours=3)
        session.add(OutboxMessage(key="e2e:dead", channel="email", kind="flag_new", clinic_id=nurse.clinic_id,
                                  to_address="triage@example.org", title="NataHjem", status="dead", attempts=8,
                                  last_error="SMTP refused the message: SMTPRecipientsRefused 550",
                                  created_at=long_ago))
        session.add(OutboxMessage(key="e2e:push", channel="push", kind="dose_evening", clinic_id=nurse.clinic_id,
                                  user_id=patient.id, title="NataHjem", attempts=5,
                                  last_error="no sender for channel 'push': not configured here",
                                  next_attempt_at=datetime.now(UTC) + timedelta(minutes=5), created_at=long_ago))
        session.commit()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_nurse_sees_the_messages_not_sent_and_tries_one_again(page, lang, stuck_messages):
    text = TEXT[lang]
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/queue")
    click_and_wait(page, ".outbox-note a")
    assert page.locator("h1").inner_text() == text["h1"]
    assert page.locator(".outbox-item").count() == 2
    assert text["gave_up"] in page.locator(".outbox-dead").inner_text()
    assert_accessible(page)
    click_and_wait(page, f".outbox-dead button:has-text('{text['retry']}')")
    assert text["done"] in page.locator(".flash").inner_text()
    assert page.locator(".outbox-item").count() == 1  # started afresh: no longer stuck
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
