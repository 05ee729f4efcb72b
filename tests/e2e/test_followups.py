"""Follow-ups in Chromium at phone width (issue 12 §4): "How is it now?" on the start page and its own page,
answered with one tap, in both languages; the nurse sees the answer and the "worse" label."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from webapp.models import Patient, SymptomFollowUp, SymptomReport, User

from .conftest import assert_accessible, click_and_wait, sign_in, switch_language

TEXT = {
    "nb": {"question": "Hvordan er det nå?", "better": "Bedre", "thanks": "Godt å høre at det er bedre",
           "urgent": "Klinikken ringer deg"},
    "en": {"question": "How is it now?", "better": "Better", "thanks": "Good to hear that it is better",
           "urgent": "Your clinic will call you"},
}


def ask_about_the_latest_report(live_app, email: str = "patient@example.org") -> int:
    """The clock's question about the patient's newest report (the demo's routine or urgent one)."""
    with Session(live_app.extensions["db_engine"]) as session:
        user = session.exec(select(User).where(User.email == email)).one()
        patient = session.exec(select(Patient).where(Patient.user_id == user.id)).one()
        report = session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id)
                              .order_by(SymptomReport.reported_at.desc())).first()
        session.add(SymptomFollowUp(symptom_report_id=report.id, number=1, asked_at=datetime.now(UTC)))
        session.commit()
        return report.id


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_question_on_the_start_page_and_its_page_answered_with_one_tap(page, live_app, lang):
    text = TEXT[lang]
    report_id = ask_about_the_latest_report(live_app)
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    card = page.locator(".card-followup")
    assert text["question"] in card.inner_text()
    assert card.locator("button[name=answer]").count() == 4
    assert_accessible(page)
    page.goto(f"/symptoms/{report_id}/now")
    assert page.locator("h1").inner_text() == text["question"]
    assert_accessible(page)
    click_and_wait(page, f"button[name=answer][value=better]:has-text('{text['better']}')")
    assert text["thanks"] in page.inner_text("main")
    assert_accessible(page)
    page.goto("/")
    assert page.locator(".card-followup").count() == 0


def test_worse_gives_the_urgent_answer_and_the_nurse_sees_worse_than_last_report(page, browser, base_url, live_app):
    report_id = ask_about_the_latest_report(live_app)
    sign_in(page, "patient")
    page.goto(f"/symptoms/{report_id}/now")
    click_and_wait(page, "button[name=answer][value=worse]")
    assert page.locator("h1").inner_text() == TEXT["nb"]["urgent"]
    assert page.locator("a[href='tel:113']").first.is_visible()
    nurse = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base_url, locale="nb-NO").new_page()
    sign_in(nurse, "nurse")
    nurse.goto("/nurse/queue")
    link = nurse.locator(".queue-cards a:has-text('Verre enn ved forrige melding')")
    assert link.count() == 1
    click_and_wait(nurse, ".queue-cards a:has-text('Verre enn ved forrige melding')")
    assert "Oppfølging 1" in nurse.inner_text("main")
    assert_accessible(nurse)
    nurse.context.close()
