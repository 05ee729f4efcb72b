"""The patient's symptom report: the checklist, the answer at once, and what the clinic did (issue 4)."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlmodel import select

from webapp.domain import triage
from webapp.domain.levels import Level
from webapp.domain.triage import SYMPTOMS, TextFindings
from webapp.models import Flag, FlagEvent, FlagStatus, Injection, SymptomReport

from .reports import flag_of, patient_of, reports_of, send_report


def main_text(html: str) -> str:
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


# ---------------------------------------------------------------- the form
def group_headings(page: str) -> list[str]:
    return [h.strip() for h in re.findall(r'<details class="symptom-group[^"]*"[^>]*>\s*<summary>(?:<span>)?([^<]+)', page)]


def test_the_form_lists_every_item_of_symptoms_md_in_groups_with_headings(client, auth):
    auth.login("patient_en")
    page = client.get("/symptoms/new?step=more").text
    boxes = re.findall(r'<input type="checkbox" name="codes" value="(\w+)"', page)
    assert sorted(boxes) == sorted(item.code for item in SYMPTOMS)
    legends = group_headings(page)
    assert legends[:2] == ["Signs of an emergency: call 113", "Strength, feeling, sight, speech, balance or thinking"]
    assert len(legends) == 8
    # the questions come after the items and the free text (issue 11)
    assert page.index('value="other"') < page.index('name="free_text"') < page.index('name="within_2h"')
    assert "New or worse weakness in an arm or leg" in page
    for question in ("Has it lasted more than 24 hours?", "Is it getting worse over days?",
                     "Do you have a fever of 38 °C or more?", "When did it start?"):
        assert question in page


def test_the_checklist_is_in_norwegian_for_a_norwegian_patient(client, auth):
    auth.login("patient")
    page = client.get("/symptoms/new?step=more").text
    assert "Ny eller verre svakhet i en arm eller et bein" in page
    assert "Vet ikke" in page


def test_the_menu_leads_to_the_report_form_high_up(client, auth):
    auth.login("patient_en")
    nav = client.get("/").text.split('<nav class="main-nav"')[1].split("</nav>")[0]
    links = re.findall(r'href="([^"]+)"', nav)
    assert links[:2] == ["/", "/symptoms/new"]


def test_an_article_link_preselects_its_item(client, auth):
    auth.login("patient_en")
    first = client.get("/symptoms/new?code=double_vision").text
    assert 'href="/symptoms/new?step=more&amp;code=double_vision"' in first  # the first screen carries it on
    page = client.get("/symptoms/new?step=more&code=double_vision").text
    assert re.search(r'value="double_vision" id="code-double_vision" checked', page)
    assert len(re.findall(r"checked", page)) == 1


def test_an_unknown_code_in_a_link_preselects_nothing(client, auth):
    auth.login("patient_en")
    assert " checked" not in client.get("/symptoms/new?step=more&code=<script>").text


def test_a_reaction_after_a_dose_lists_the_reaction_items_first_and_is_linked_to_the_dose(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")
    injection = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)).first()
    auth.login("patient_en")
    first = client.get(f"/symptoms/new?context=reaction&injection={injection.id}").text
    assert f'href="/symptoms/new?step=more&amp;context=reaction&amp;injection={injection.id}"' in first
    page = client.get(f"/symptoms/new?step=more&context=reaction&injection={injection.id}").text
    legends = group_headings(page)
    assert legends[1:3] == ["Breathing, swelling, rash or itching", "Where you injected"]
    assert '<input checked id="within_2h-0" name="within_2h" type="radio" value="yes">' in page
    client_id = re.search(r'id="client_id" name="client_id" type="hidden" value="([^"]+)"', page).group(1)
    response = send_report(client, ["reaction_after_dose"], client_id=client_id, context="reaction",
                           injection=str(injection.id), within_2h="yes")
    assert response.status_code == 302
    report = reports_of(db_session, patient)[-1]
    assert (report.injection_id, report.source, report.within_2h_of_injection) == (injection.id, "injection_reaction", True)
    assert flag_of(db_session, report).code == "injection_reaction_report"


def test_another_patients_dose_is_never_linked_to_a_report(client, auth, db_session):
    other = patient_of(db_session, "patient@example.org")
    injection = db_session.exec(select(Injection).where(Injection.patient_id == other.id)).first()
    auth.login("patient_en")
    send_report(client, ["reaction_after_dose"], context="reaction", injection=str(injection.id))
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    assert report.injection_id is None


# ---------------------------------------------------------------- the answer, level by level
def test_throat_swelling_answers_with_the_113_button_before_anything_else(client, auth, db_session):
    auth.login("patient_en")
    response = send_report(client, ["face_throat_swelling"])
    page = client.get(response.location).text
    main = page[page.index("<main"):]
    first_link = re.search(r"<a [^>]*>", main).group(0)
    assert 'href="tel:113"' in first_link and "button-emergency" in first_link
    assert main.index("<h1>") < main.index('href="tel:113"') < main.index("<h2>")
    assert "Call 113 now" in page and "While you wait" in page
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    assert report.level == Level.EMERGENCY and flag_of(db_session, report).level == Level.EMERGENCY


def test_an_emergency_item_needs_no_answers_to_the_questions(client, auth, db_session):
    auth.login("patient_en")
    response = client.post("/symptoms/new", data={"client_id": str(uuid.uuid4()), "started_on": "2026-01-01",
                                                  "codes": ["breathing_difficulty"]})
    assert response.status_code == 302
    assert "Call 113 now" in client.get(response.location).text


def test_weakness_in_a_leg_over_two_days_is_urgent_with_a_callback_and_no_next_dose(client, auth, db_session):
    auth.login("patient_en")
    response = send_report(client, ["limb_weakness"], lasted_over_24h="yes")
    text = main_text(client.get(response.location).text)
    assert "The clinic will call you within one working day." in text
    assert "Do not take your next dose until you have talked to the clinic." in text
    assert "116 117" in text
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    flag = flag_of(db_session, report)
    assert (report.level, flag.level, flag.status, flag.code) == ("urgent", "urgent", "open", "symptom_report")
    assert "nurse:possible_relapse_or_pml" in report.reasons
    assert flag.due_by is not None and flag.due_by > flag.created_at


def test_a_routine_report_is_saved_for_the_next_review_without_a_flag(client, auth, db_session):
    auth.login("patient_en")
    response = send_report(client, ["fatigue"])
    text = main_text(client.get(response.location).text)
    assert "The nurse will look at it at the next review." in text
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    assert report.level == Level.ROUTINE and flag_of(db_session, report) is None


def test_a_report_the_rules_find_nothing_in_is_saved_without_clinical_advice(client, auth, db_session, monkeypatch):
    monkeypatch.setattr(triage, "read_text", lambda text, lang: TextFindings())
    auth.login("patient_en")
    response = send_report(client, [], free_text="Thank you for yesterday.")
    text = main_text(client.get(response.location).text)
    assert "Your report is saved in your symptom diary." in text
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    assert report.level == Level.NONE and flag_of(db_session, report) is None


def test_thoughts_of_self_harm_show_113_and_mental_helse_besides_the_callback(client, auth):
    auth.login("patient_en")
    page = client.get(send_report(client, ["self_harm_thoughts"]).location).text
    assert 'href="tel:113"' in page and 'href="tel:116123"' in page
    assert "The clinic will call you within one working day." in page


def test_free_text_is_passed_to_the_rules_with_the_language_of_the_page(client, auth, db_session, monkeypatch):
    # Only checks the wiring: the real reader (triage.read_text) is tested on its own.
    seen = []

    def fake_reader(text, lang):
        seen.append((text, lang))
        return TextFindings(codes=("double_vision",))

    monkeypatch.setattr(triage, "read_text", fake_reader)
    auth.login("patient")
    send_report(client, ["fatigue"], free_text="  ser dobbelt  ")
    assert seen == [("ser dobbelt", "nb")]
    report = reports_of(db_session, patient_of(db_session, "patient@example.org"))[-1]
    assert report.level == Level.URGENT and report.free_text == "ser dobbelt"
    assert report.codes == ["fatigue"]  # what the patient ticked; the text finding is in the reasons
    assert "item:double_vision" in report.reasons


# ---------------------------------------------------------------- what is refused, and never a 500
def test_unanswered_questions_are_not_errors_and_are_stored_as_unknown(client, auth, db_session):
    auth.login("patient_en")
    response = client.post("/symptoms/new", data={"client_id": str(uuid.uuid4()), "codes": ["limb_weakness"],
                                                  "free_text": "left leg"})
    assert response.status_code == 302
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    assert (report.sudden_onset, report.getting_worse, report.fever, report.started_on) == (None, None, None, None)
    assert report.level == Level.URGENT  # the item decides, not the unknown answers


def test_a_report_needs_a_ticked_item_or_some_text(client, auth):
    auth.login("patient_en")
    response = send_report(client, [])
    assert response.status_code == 422
    assert "Tick what you notice, or write it in the box below." in response.text


@pytest.mark.parametrize("bad", [
    {"started_on": "2999-01-01"}, {"started_on": "1850-01-01"}, {"started_on": "not a date"},
    {"codes": ["fatigue", "made_up_code"]}, {"free_text": "x" * 2001}, {"fever": "maybe"}, {"client_id": "<script>"},
])
def test_garbage_is_a_form_error_never_a_crash(client, auth, db_session, bad):
    auth.login("patient_en")
    before = len(reports_of(db_session, patient_of(db_session, "patient.en@example.org")))
    response = send_report(client, **{"codes": ["fatigue"], **bad})
    assert response.status_code == 422
    assert len(reports_of(db_session, patient_of(db_session, "patient.en@example.org"))) == before


@pytest.mark.parametrize("injection", ["99999999999999999999", "-1", "abc"])
def test_a_strange_dose_id_is_ignored(client, auth, db_session, injection):
    auth.login("patient_en")
    assert send_report(client, ["fatigue"], context="reaction", injection=injection).status_code == 302
    assert reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1].injection_id is None


def test_sending_the_same_form_twice_stores_one_report_and_one_flag(client, auth, db_session):
    auth.login("patient_en")
    client_id = str(uuid.uuid4())
    first = send_report(client, ["double_vision"], client_id=client_id)
    second = send_report(client, ["double_vision"], client_id=client_id)
    assert first.location == second.location
    stored = db_session.exec(select(SymptomReport).where(SymptomReport.client_id == client_id)).all()
    assert len(stored) == 1
    assert len(db_session.exec(select(Flag).where(Flag.symptom_report_id == stored[0].id)).all()) == 1


# ---------------------------------------------------------------- access
def test_a_patient_cannot_open_another_patients_report(client, auth, db_session):
    auth.login("patient")
    location = send_report(client, ["fatigue"]).location
    auth.logout()
    auth.login("patient_en")
    assert client.get(location).status_code == 404


@pytest.mark.parametrize("path", ["/symptoms/new", "/symptoms/", "/symptoms/1"])
def test_the_patient_pages_are_closed_to_nurses_and_visitors(client, auth, path):
    assert client.get(path).status_code == 302
    auth.login("nurse")
    assert client.get(path).status_code == 403


# ---------------------------------------------------------------- what the clinic did, as the patient sees it
def test_the_patient_sees_the_clinic_has_seen_the_report_when_it_called_and_that_it_was_handled(client, auth, db_session):
    auth.login("patient_en")
    location = send_report(client, ["balance_walking"], lasted_over_24h="yes").location
    assert "Sent to the clinic." in client.get(location).text
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    flag = flag_of(db_session, report)
    auth.logout()

    auth.login("nurse")
    client.post(f"/nurse/flags/{flag.id}/take")
    auth.logout()
    auth.login("patient_en")
    assert "The clinic has seen it." in client.get(location).text

    auth.logout()
    auth.login("nurse")
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_reached"})
    client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": "appointment_booked", "action": "resolve"})
    called = db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id,
                                                     FlagEvent.kind == "call_reached")).one()
    auth.logout()
    auth.login("patient_en")
    for path in (location, "/symptoms/", "/"):
        text = main_text(client.get(path).text)
        assert "Handled by the clinic." in text, path
        assert "The clinic called you on" in text, path
    assert flag_of(db_session, report).status == FlagStatus.RESOLVED
    assert called.at is not None


def test_the_start_page_has_the_report_button_and_the_open_reports(client, auth, db_session):
    auth.login("patient_en")
    start = client.get("/").text
    assert 'href="/symptoms/new"' in start and "Report a symptom" in start
    send_report(client, ["double_vision"])
    text = main_text(client.get("/").text)
    assert "Seeing double" in text and "Sent to the clinic." in text


def test_the_list_shows_every_report_of_the_patient_with_its_status(client, auth, db_session):
    auth.login("patient_en")
    send_report(client, ["fatigue"])
    text = main_text(client.get("/symptoms/").text)
    assert "Saved for the nurse's next review." in text
    assert "Handled by the clinic." in text  # Emma's demo report, resolved by the nurse
    assert "Per Pasient" not in text


def test_a_report_from_the_safety_check_before_a_dose_is_listed_with_its_source(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")
    db_session.add(SymptomReport(patient_id=patient.id, client_id="checklist-1", source="checklist",
                                 codes=["fever"], level="urgent", reasons=["predose:fever_infection"]))
    db_session.commit()
    auth.login("patient_en")
    assert "Safety check before a dose" in client.get("/symptoms/").text
