"""The symptom form for a tired patient (issue 11): the emergency signs first, "don't know" that never
raises a level by itself, free text alone, "does any of this fit?", and the answer's extra lines."""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from webapp.domain.levels import Level
from webapp.domain.symptom_report import EMERGENCY_CODES, FIT_CHOICES
from webapp.models import Injection, SymptomReport, User
from webapp.symptoms import routes
from webapp.symptoms.service import store_report

from .reports import flag_of, patient_of, reports_of, send_report

ALL_UNKNOWN = {name: "unknown" for name in ("within_2h", "sudden_onset", "lasted_over_24h", "getting_worse", "fever")}
DOCTOR_TODAY_EN = ("A fever or signs of infection should be checked by a doctor today. Call your GP, or legevakt on "
                   "116 117 if your GP is closed, and say that you use natalizumab. Your MS clinic will also call "
                   "you about your next dose.")
DOCTOR_TODAY_NB = ("Feber og tegn på infeksjon skal vurderes av lege i dag. Ring fastlegen, eller legevakten på 116 117 "
                   "hvis fastlegen er stengt. Si at du bruker natalizumab. MS-klinikken ringer deg i tillegg om neste "
                   "dose.")
DOSE_LINE = "Do not take your next dose until you have talked to the clinic."


def main_text(html: str) -> str:
    main = re.sub(r"</?(span|strong)[^>]*>", "", html[html.index("<main"):html.index("</main>")])
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).replace("&#34;", '"').replace("&#39;", "'")


def last_report(db_session, email="patient.en@example.org") -> SymptomReport:
    return reports_of(db_session, patient_of(db_session, email))[-1]


def post(client, **data):
    return client.post("/symptoms/new", data={"client_id": str(uuid.uuid4()), **data})


# ---------------------------------------------------------------- the first screen
def test_the_first_screen_has_113_in_one_tap_and_every_emergency_sign_as_a_big_choice(client, auth):
    auth.login("patient_en")
    page = client.get("/symptoms/new").text
    main = page[page.index("<main"):]
    assert main.index('href="tel:113"') < main.index("<form")  # before any choice
    buttons = re.findall(r'<button type="submit" name="codes" value="(\w+)"', page)
    assert buttons == list(EMERGENCY_CODES) and "sudden_severe_headache" in buttons
    assert 'href="/symptoms/new?step=more"' in page and "None of these: go on" in page
    assert 'type="checkbox"' not in page  # the long list is the next step
    assert "<script" not in main


@pytest.mark.parametrize("code", ["chest_pain", "sudden_severe_headache"])
def test_one_tap_on_an_emergency_sign_stores_an_emergency_report_and_flag_and_answers_113(client, auth, db_session,
                                                                                           code):
    auth.login("patient_en")
    page = client.get("/symptoms/new").text
    client_id = re.search(r'name="client_id" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post("/symptoms/new", data={"client_id": client_id, "codes": code})  # what the button sends
    assert response.status_code == 302
    answer = client.get(response.location).text
    assert "Call 113 now" in answer and 'href="tel:113"' in answer
    report = last_report(db_session)
    assert (report.level, report.codes) == (Level.EMERGENCY, [code])
    assert flag_of(db_session, report).level == Level.EMERGENCY


def test_the_first_screen_in_norwegian(client, auth):
    auth.login("patient")
    text = main_text(client.get("/symptoms/new").text)
    assert "Ring 113" in text and "Plutselig, svært kraftig hodepine (den verste jeg har hatt)" in text
    assert "Ingen av disse: gå videre" in text


def test_the_long_form_has_no_start_date_of_today_and_a_113_button_that_stays_in_reach(client, auth):
    auth.login("patient_en")
    page = client.get("/symptoms/new?step=more").text
    started = re.search(r'<input[^>]*id="started_on"[^>]*>', page).group(0)
    assert not re.search(r'value="\d', started)  # walk defect 32: no default of today
    assert '<p class="sticky-113"><a class="button-emergency" href="tel:113">' in page
    assert page.count('<details class="symptom-group') == 8


# ---------------------------------------------------------------- free text alone, and "don't know"
def test_free_text_alone_is_accepted_without_the_questions(client, auth, db_session):
    auth.login("patient_en")
    response = post(client, free_text="My left hand has felt numb since Sunday")
    assert response.status_code == 302
    report = last_report(db_session)
    assert report.free_text == "My left hand has felt numb since Sunday"
    assert (report.within_2h_of_injection, report.sudden_onset, report.fever) == (None, None, None)


def test_walk_case_weeks_of_clumsiness_with_all_dont_know_is_not_113(client, auth, db_session):
    auth.login("patient")
    response = post(client, free_text="jeg har blitt mer glemsk og klønete med høyre hånd de siste ukene",
                    **ALL_UNKNOWN)
    assert response.status_code == 302
    report = last_report(db_session, "patient@example.org")
    assert report.level == Level.URGENT  # a call, not an ambulance
    assert "Ring 113 nå" not in client.get(response.location).text
    assert report.sudden_onset is None and "unsure:sudden_onset" in report.reasons


def test_walk_case_a_little_tired_with_all_dont_know_is_not_urgent_and_asks_for_a_temperature(client, auth, db_session):
    auth.login("patient")
    response = post(client, free_text="litt sliten i dag, ellers fint", **ALL_UNKNOWN)
    report = last_report(db_session, "patient@example.org")
    assert report.level not in (Level.URGENT, Level.EMERGENCY)
    assert flag_of(db_session, report) is None
    text = main_text(client.get(response.location).text)
    assert "Ikke ta neste dose" not in text
    assert "Mål temperaturen nå" in text and "116 117" in text


def test_a_clear_no_to_fever_does_not_ask_for_a_temperature(client, auth):
    auth.login("patient_en")
    response = send_report(client, ["fatigue"])
    assert "Measure your temperature now" not in client.get(response.location).text


def test_dont_know_about_worse_over_days_no_longer_raises_a_routine_item(client, auth, db_session):
    auth.login("patient_en")
    send_report(client, ["fatigue"], getting_worse="unknown")
    report = last_report(db_session)
    assert report.level == Level.ROUTINE and report.getting_worse is None
    assert "unsure:getting_worse" in report.reasons


def test_within_2h_counts_as_yes_when_a_dose_was_logged_3_hours_before(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")
    user = db_session.exec(select(User).where(User.email == "patient.en@example.org")).one()
    db_session.add(Injection(patient_id=patient.id, client_id=str(uuid.uuid4()), site_1="thigh_left",
                             site_2="thigh_right", given_at=datetime.now(UTC) - timedelta(hours=3),
                             created_by_id=user.id))
    db_session.commit()
    auth.login("patient_en")
    send_report(client, ["headache_mild"], within_2h="unknown")
    report = last_report(db_session)
    assert report.level == Level.URGENT  # a routine general item within 2 hours of a dose (facts B1)
    assert "derived:within_2h" in report.reasons and report.within_2h_of_injection is None
    # with a clear "no" the patient's answer is kept
    send_report(client, ["headache_mild"], within_2h="no")
    assert last_report(db_session).level == Level.ROUTINE


def test_without_a_recent_dose_an_unknown_within_2h_does_not_raise(client, auth, db_session):
    auth.login("patient_en")
    send_report(client, ["headache_mild"], within_2h="unknown")
    report = last_report(db_session)
    assert report.level == Level.ROUTINE and "derived:within_2h" not in report.reasons


def test_lasted_over_24h_follows_the_start_date_when_unknown(client, auth, db_session):
    auth.login("patient_en")
    started = (datetime.now(UTC) - timedelta(days=4)).date().isoformat()
    send_report(client, ["dizziness_mild"], lasted_over_24h="unknown", started_on=started)
    report = last_report(db_session)
    assert report.level == Level.URGENT and "derived:lasted_over_24h" in report.reasons


def test_the_nurse_sees_unknown_answers_as_unknown_on_the_flag_and_the_timeline(client, auth, db_session):
    auth.login("patient")
    post(client, codes=["limb_weakness"], free_text="svakt bein", **ALL_UNKNOWN)
    report = last_report(db_session, "patient@example.org")
    flag = flag_of(db_session, report)
    auth.logout()
    auth.login("nurse")
    text = main_text(client.get(f"/nurse/flags/{flag.id}").text)
    assert "Begynte det innen 2 timer etter en injeksjon? (ukjent)" in text
    assert "modifier:over_24h" not in report.reasons  # not stated as a fact
    assert "Har vart i mer enn 24 timer: (ukjent)" in text.split("Hvorfor dette nivået")[1]
    timeline = main_text(client.get(f"/nurse/patients/{report.patient_id}/timeline").text)
    assert "Blir det verre fra dag til dag? (ukjent)" in timeline


def test_an_error_summary_has_no_question_mark_and_colon(client, auth):
    auth.login("patient")
    response = send_report(client, ["fatigue"], fever="maybe")
    assert response.status_code == 422
    summary = response.text.split('class="error-summary"')[1].split("</div>")[0]
    assert "?:" not in summary and "38 °C eller mer?" in summary


# ---------------------------------------------------------------- "does any of this fit?"
@pytest.fixture
def unsure_reader(monkeypatch):
    """The reader says it heard something it cannot name (the reader colleague makes it fire)."""
    real = routes.assess

    def assess(**kwargs):
        return dataclasses.replace(real(**kwargs), unsure=True)

    monkeypatch.setattr(routes, "assess", assess)


def post_with_fit(client, choice, **data):
    """A report the reader is unsure of, then the patient's choice on the screen that follows."""
    response = post(client, **data)
    assert response.status_code == 302 and response.location.endswith("/fit")
    return client.post(response.location, data={"fit": choice})


def test_an_unsure_reading_stores_the_report_then_asks_before_the_answer(client, auth, db_session, unsure_reader):
    auth.login("patient_en")
    patient = patient_of(db_session, "patient.en@example.org")
    before = len(reports_of(db_session, patient))
    response = post(client, free_text="something is off with me today")
    assert response.status_code == 302 and re.search(r"/symptoms/\d+/fit$", response.location)
    # Stored already, at least routine, so that nothing written is lost if the patient stops here.
    report = last_report(db_session)
    assert len(reports_of(db_session, patient)) == before + 1
    assert report.level == Level.ROUTINE and "fit:asked" in report.reasons
    page = client.get(response.location)
    text = main_text(page.text)
    assert "Does any of this fit?" in text and "something is off with me today" in text
    assert "Your message is saved" in text
    choices = re.findall(r'<button type="submit" name="fit" value="(\w+)"', page.text)
    assert choices == list(FIT_CHOICES)
    assert 'href="tel:113"' in page.text


def test_no_fit_screen_when_the_answer_is_113_already(client, auth, unsure_reader):
    auth.login("patient_en")
    response = post(client, codes=["chest_pain"], free_text="something odd")
    assert response.status_code == 302 and not response.location.endswith("/fit")


@pytest.mark.parametrize(("choice", "level", "code"), [
    ("chest_pain", Level.EMERGENCY, "chest_pain"),
    ("allergic", Level.URGENT, None),
    ("neuro", Level.URGENT, None),
    ("infection", Level.URGENT, None),
    ("pregnancy", Level.URGENT, "pregnancy"),
    ("dark_thoughts", Level.URGENT, "self_harm_thoughts"),
    ("none", Level.ROUTINE, None),
])
def test_each_fit_choice_sets_the_level_and_is_stored(client, auth, db_session, unsure_reader, choice, level, code):
    auth.login("patient_en")
    response = post_with_fit(client, choice, free_text="something is off with me today")
    assert response.status_code == 302
    report = last_report(db_session)
    assert report.level == level
    assert f"fit:{choice}" in report.reasons and "fit:asked" not in report.reasons
    if code:
        assert code in report.codes
    flag = flag_of(db_session, report)
    assert (flag is not None) == (level != Level.ROUTINE)
    if flag is not None:
        assert flag.level == level
    answer = main_text(client.get(response.location).text)
    if level == Level.EMERGENCY:
        assert "Call 113 now" in answer
    if choice == "infection":
        assert DOCTOR_TODAY_EN in answer
    if choice == "dark_thoughts":
        assert "Talk to your GP or legevakt (116 117) today." in answer and DOSE_LINE not in answer


def test_an_emergency_choice_raises_an_urgent_reports_flag_to_the_top(client, auth, db_session, unsure_reader):
    auth.login("patient_en")
    post_with_fit(client, "seizure", codes=["double_vision"], free_text="and something else odd")
    report = last_report(db_session)
    assert report.level == Level.EMERGENCY
    assert flag_of(db_session, report).level == Level.EMERGENCY


def test_none_of_these_never_lowers_a_level_the_reader_gave(client, auth, db_session, unsure_reader):
    auth.login("patient_en")
    post_with_fit(client, "none", codes=["double_vision"], free_text="and something else odd")
    assert last_report(db_session).level == Level.URGENT


def test_the_nurse_sees_the_text_and_the_choice(client, auth, db_session, unsure_reader):
    auth.login("patient")
    post_with_fit(client, "neuro", free_text="noe er rart i kroppen")
    post_with_fit(client, "none", free_text="føler meg rar")
    urgent, routine = reports_of(db_session, patient_of(db_session, "patient@example.org"))[-2:]
    auth.logout()
    auth.login("nurse")
    text = main_text(client.get(f"/nurse/flags/{flag_of(db_session, urgent).id}").text)
    assert "noe er rart i kroppen" in text
    assert 'Spurt «Passer noe av dette?», pasienten valgte: Svakhet, nummenhet, syn, tale eller tenkning' in text
    timeline = main_text(client.get(f"/nurse/patients/{routine.patient_id}/timeline").text)
    assert "føler meg rar" in timeline and "pasienten valgte: Ingen av disse" in timeline


def test_a_patient_who_stops_at_the_question_leaves_a_report_the_nurse_can_read(client, auth, db_session,
                                                                               unsure_reader):
    auth.login("patient")
    post(client, free_text="kjenner meg ikke som meg selv")
    report = last_report(db_session, "patient@example.org")
    auth.logout()
    auth.login("nurse")
    timeline = main_text(client.get(f"/nurse/patients/{report.patient_id}/timeline").text)
    assert "kjenner meg ikke som meg selv" in timeline and "pasienten har ikke valgt" in timeline


def test_a_double_tapped_choice_changes_the_report_once(client, auth, db_session, unsure_reader):
    auth.login("patient_en")
    response = post(client, free_text="odd")
    first = client.post(response.location, data={"fit": "neuro"})
    second = client.post(response.location, data={"fit": "chest_pain"})
    assert first.location == second.location
    report = last_report(db_session)
    assert report.level == Level.URGENT and [r for r in report.reasons if r.startswith("fit:")] == ["fit:neuro"]


def test_a_made_up_choice_is_refused_and_the_question_stays(client, auth, db_session, unsure_reader):
    auth.login("patient_en")
    response = post(client, free_text="odd")
    assert client.post(response.location, data={"fit": "<script>"}).status_code == 422
    assert "fit:asked" in last_report(db_session).reasons


def test_another_patients_fit_screen_is_not_found(client, auth, db_session, unsure_reader):
    auth.login("patient_en")
    response = post(client, free_text="odd")
    auth.logout()
    auth.login("patient")
    assert client.get(response.location).status_code == 404
    assert client.post(response.location, data={"fit": "neuro"}).status_code == 404


# ---------------------------------------------------------------- the answer's extra lines
def test_an_infection_item_tells_the_patient_to_see_a_doctor_today_above_the_callback(client, auth):
    auth.login("patient_en")
    text = main_text(client.get(send_report(client, ["uti_fever"]).location).text)
    assert text.index(DOCTOR_TODAY_EN) < text.index("The clinic will call you within one working day.")
    assert "A painful red eye" not in text


def test_fever_answer_tells_the_patient_to_see_a_doctor_today_in_norwegian(client, auth):
    auth.login("patient")
    page = client.get(send_report(client, ["fatigue"], fever="yes").location).text
    text = main_text(page)
    assert text.index(DOCTOR_TODAY_NB) < text.index("Klinikken ringer deg innen én arbeidsdag.")
    assert '<span class="nowrap">116 117</span>' in page


def test_a_red_eye_adds_its_line(client, auth):
    auth.login("patient_en")
    text = main_text(client.get(send_report(client, ["eye_infection_signs"]).location).text)
    assert "A painful red eye with worse sight: see a doctor today." in text and DOCTOR_TODAY_EN in text


def test_no_doctor_today_line_without_an_infection(client, auth):
    auth.login("patient_en")
    assert DOCTOR_TODAY_EN not in main_text(client.get(send_report(client, ["limb_weakness"]).location).text)


def test_self_harm_alone_shows_help_today_and_not_the_dose_line(client, auth):
    auth.login("patient")
    page = client.get(send_report(client, ["self_harm_thoughts"]).location).text
    text = main_text(page)
    assert "Snakk med fastlegen eller legevakten (116 117) i dag." in text
    assert 'href="tel:113"' in page and 'href="tel:116123"' in page
    assert "Ikke ta neste dose" not in text


def test_self_harm_with_another_urgent_item_keeps_the_dose_line(client, auth):
    auth.login("patient_en")
    text = main_text(client.get(send_report(client, ["self_harm_thoughts", "limb_weakness"]).location).text)
    assert DOSE_LINE in text and "Talk to your GP or legevakt (116 117) today." in text


def test_the_clinic_phone_is_a_tap_to_call_link(client, auth):
    auth.login("patient")
    page = client.get(send_report(client, ["limb_weakness"]).location).text
    # the number is spelled with no-break spaces and the link does not wrap (walk defect 16)
    assert '<a href="tel:+4722000000" class="nowrap">22\u00a000\u00a000\u00a000</a>' in page


# ---------------------------------------------------------------- what the clinic did
def test_a_handled_report_says_what_the_clinic_did_and_no_longer_reads_as_pending(client, auth, db_session):
    auth.login("patient_en")
    location = send_report(client, ["balance_walking"], lasted_over_24h="yes").location
    flag = flag_of(db_session, last_report(db_session))
    auth.logout()
    auth.login("nurse")
    client.post(f"/nurse/flags/{flag.id}/take")
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_reached"})
    client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": "appointment_booked",
                                                         "outcome_note": "Internal: MRI ordered", "action": "resolve"})
    auth.logout()
    auth.login("patient_en")
    text = main_text(client.get(location).text)
    assert "Your clinic has followed this up" in text
    assert "The clinic has booked an appointment for you." in text and "The clinic called you on" in text
    assert "within one working day" not in text and DOSE_LINE not in text
    assert "MRI ordered" not in text  # the nurse's note is internal


def test_a_handled_report_in_norwegian(client, auth, db_session):
    auth.login("patient")
    location = send_report(client, ["balance_walking"], lasted_over_24h="yes").location
    flag = flag_of(db_session, last_report(db_session, "patient@example.org"))
    auth.logout()
    auth.login("nurse")
    client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": "dose_on_hold", "action": "resolve"})
    auth.logout()
    auth.login("patient")
    text = main_text(client.get(location).text)
    assert "Klinikken har fulgt opp dette" in text
    assert "Neste dose venter til klinikken har sett deg." in text


def test_the_start_page_shows_the_first_words_of_a_free_text_report(client, auth):
    auth.login("patient_en")
    post(client, free_text="My left hand has felt numb since Sunday and it is spreading")
    text = main_text(client.get("/").text)
    assert "My left hand has felt numb since Sunday" in text


def test_a_report_that_never_asked_the_questions_shows_no_answers_to_the_nurse(app, client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    with app.app_context():  # raising a flag may send its e-mail
        _report, flag = store_report(db_session, patient, level=Level.EMERGENCY,
                                     reasons=["injection:severe_reaction"], codes=["breathing_difficulty"],
                                     source="injection_reaction", within_2h_of_injection=True)
        db_session.commit()
    auth.login("nurse")
    text = main_text(client.get(f"/nurse/flags/{flag.id}").text)
    assert "Vanskelig å puste" in text
    assert "Kom det plutselig" not in text  # no "No" for a question nobody asked


@pytest.mark.parametrize(("who", "pattern"), [
    ("patient", r"Senest (mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) \d{1,2}\. [a-zø]+ kl\. \d{2}\.\d{2}\."),
    ("patient_en", r"At the latest by (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+"
                   r" at \d{2}:\d{2}\."),
])
def test_the_callback_time_is_written_as_running_text_in_the_readers_language(client, auth, who, pattern):
    # Walk §6 #36 and defect 9: «senest torsdag 3. desember kl. 16.00», never 12/3/26 or 4:00 PM.
    auth.login(who)
    text = main_text(client.get(send_report(client, ["limb_weakness"]).location).text)
    assert re.search(pattern, text), text
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{2}|[AP]M\b", text)
