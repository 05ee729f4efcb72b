"""The flag page of issue 13: several outcomes that fit the flag's kind, a note the patient reads, the
hand-over to a colleague, what a pharmacy or schedule flag is about; and what the patient sees of it."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from webapp.domain.working_days import callback_due
from webapp.models import (
    AuditEvent,
    DoseHold,
    Flag,
    FlagEvent,
    FlagStatus,
    Injection,
    NotificationPrefs,
    OutboxMessage,
    Pickup,
    Role,
    SymptomReport,
    User,
)
from webapp.pharmacy.forecast import cold_chain_dedupe_key

from .reports import flag_of, patient_of, reports_of, send_report, user_of

OUTCOME_WORDS = ["Time bestilt", "Neste dose venter"]


def urgent_report_flag(client, auth, db_session, **report) -> Flag:
    auth.login("patient")
    send_report(client, ["limb_weakness"], lasted_over_24h="yes", **report)
    flag = flag_of(db_session, reports_of(db_session, patient_of(db_session, "patient@example.org"))[-1])
    auth.logout()
    return flag


def outcome(client, flag: Flag, outcomes, action: str = "save", **more):
    return client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": list(outcomes), "action": action, **more})


def fresh(db_session, model, row_id):
    db_session.expire_all()
    return db_session.get(model, row_id)


def pharmacy_flag(db_session, email: str = "patient@example.org") -> tuple[Flag, Pickup]:
    patient = patient_of(db_session, email)
    pickup = Pickup(patient_id=patient.id, client_id=uuid.uuid4().hex, picked_up_on=date.today() - timedelta(days=2),
                    pharmacy="Apotek 1 Storgata", syringes=6, cold_chain_problem="left_out",
                    note="Lå i bilen over natta.")
    db_session.add(pickup)
    db_session.flush()
    created = datetime.now(UTC)  # as pharmacy.routes raises it: the pickup is named in the dedupe key
    flag = Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="supply", code="cold_chain",
                level="routine", created_at=created, due_by=callback_due("routine", created),
                dedupe_key=cold_chain_dedupe_key(pickup))
    db_session.add(flag)
    db_session.commit()
    return flag, pickup


def colleague(db_session, email: str = "kari.kollega@example.org", clinic_of: str = "nurse@example.org") -> User:
    nurse = user_of(db_session, clinic_of)
    user = User(email=email, full_name="Kari Kollega", role=Role.NURSE, locale="nb", clinic_id=nurse.clinic_id,
                password_hash=nurse.password_hash)
    db_session.add(user)
    db_session.flush()
    db_session.add(NotificationPrefs(user_id=user.id, email=True))  # she chose e-mail (issue 12)
    db_session.commit()
    return user


# ---------------------------------------------------------------- several outcomes
def test_several_outcomes_are_saved_each_as_a_step_and_shown(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    assert outcome(client, flag, ["appointment_booked", "dose_on_hold"]).status_code == 302
    flag = fresh(db_session, Flag, flag.id)
    assert flag.outcomes == ["appointment_booked", "dose_on_hold"]
    assert flag.outcome == "appointment_booked"  # the first, which the rest of the app reads
    page = client.get(f"/nurse/flags/{flag.id}").text
    facts = page.split('<dl class="facts">')[1].split("</dl>")[0]
    assert all(word in facts for word in OUTCOME_WORDS)
    assert len(re.findall(r'<input checked[^>]*name="outcome"|<input[^>]*name="outcome"[^>]*checked', page)) == 2
    # un-ticking one removes it, and that is a step too
    assert outcome(client, flag, ["dose_on_hold"]).status_code == 302
    flag = fresh(db_session, Flag, flag.id)
    assert (flag.outcomes, flag.outcome) == (["dose_on_hold"], "dose_on_hold")
    steps = [(e.kind, e.outcome) for e in db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)
                                                          .order_by(FlagEvent.id)).all()]
    assert steps[-3:] == [("outcome", "appointment_booked"), ("outcome", "dose_on_hold"),
                          ("outcome_removed", "appointment_booked")]


def test_a_holding_outcome_holds_the_dose_wherever_it_is_in_the_list(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    for hold in db_session.exec(select(DoseHold).where(DoseHold.patient_id == flag.patient_id)).all():
        hold.lifted_at = datetime.now(UTC)  # the report's own hold, lifted: only the nurse's outcome counts
        db_session.add(hold)
    db_session.commit()
    assert outcome(client, flag, ["advice_given", "dose_on_hold"]).status_code == 302
    db_session.expire_all()
    holds = db_session.exec(select(DoseHold).where(DoseHold.flag_id == flag.id, DoseHold.lifted_at.is_(None))).all()
    assert [h.source for h in holds] == ["nurse"]


def test_an_outcome_of_another_kind_of_flag_is_refused_and_nothing_is_stored(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    response = outcome(client, flag, ["advice_given", "new_syringes_arranged"], outcome_note="Ringte apoteket.")
    assert response.status_code == 422
    assert "Velg utfall fra listen for denne typen sak." in response.text
    assert re.search(r'<textarea [^>]*id="outcome_note"[^>]*>\s*Ringte apoteket\.</textarea>', response.text)
    assert fresh(db_session, Flag, flag.id).outcomes == []


def test_each_kind_of_flag_offers_its_own_outcomes(client, auth, db_session):
    symptom = urgent_report_flag(client, auth, db_session)
    pharmacy, _pickup = pharmacy_flag(db_session)
    auth.login("nurse")

    def offered(flag):
        return re.findall(r'name="outcome"[^>]*value="([a-z_]+)"', client.get(f"/nurse/flags/{flag.id}").text)

    assert "sent_to_emergency" in offered(symptom) and "new_syringes_arranged" not in offered(symptom)
    assert "new_syringes_arranged" in offered(pharmacy) and "sent_to_emergency" not in offered(pharmacy)
    assert outcome(client, pharmacy, ["sent_to_emergency"]).status_code == 422
    assert outcome(client, pharmacy, ["new_syringes_arranged"], action="resolve").status_code == 302
    assert fresh(db_session, Flag, pharmacy.id).status == FlagStatus.RESOLVED


def test_resolving_without_an_outcome_shows_the_error_at_the_form(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    page = client.get(f"/nurse/flags/{flag.id}").text
    assert f'action="/nurse/flags/{flag.id}/outcome#outcome-form"' in page  # the page opens at the form
    response = outcome(client, flag, [], action="resolve", patient_note="Vi ringer deg.")
    assert response.status_code == 422
    form = response.text.split('id="outcome-form"')[1]
    # the summary is inside the form, first, and links to the outcome checkboxes
    assert form.index("error-summary") < form.index('name="outcome"')
    assert 'href="#outcome"' in form and 'id="outcome"' in form
    assert re.search(r'<textarea [^>]*id="patient_note"[^>]*>\s*Vi ringer deg\.</textarea>', form)


# ---------------------------------------------------------------- what a flag is about
def test_a_pharmacy_flag_shows_the_pickup_what_happened_and_the_supply(client, auth, db_session):
    flag, pickup = pharmacy_flag(db_session)
    auth.login("nurse")
    page = client.get(f"/nurse/flags/{flag.id}").text
    problem = page.split('id="supply-heading"')[1].split("</section>")[0]
    assert "Apotek 1 Storgata" in problem and "6 sprøyter" in problem
    assert "Ble liggende utenfor kjøleskapet" in problem and "Lå i bilen over natta." in problem
    assert "Beholdning nå" in problem and "Sprøyter hjemme" in problem and "Neste dose" in problem


def test_a_schedule_flag_shows_the_last_dose_and_how_late(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    last = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)
                           .order_by(Injection.given_at.desc())).first()
    created = datetime.now(UTC)
    flag = Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="schedule", code="rebound_risk",
                level="urgent", created_at=created, due_by=callback_due("urgent", created))
    db_session.add(flag)
    db_session.commit()
    auth.login("nurse")
    page = client.get(f"/nurse/flags/{flag.id}").text
    schedule = page.split('id="schedule-heading"')[1].split("</section>")[0]
    assert "Siste dose" in schedule and "Dager forsinket" in schedule
    assert last is not None
    assert "dose_rescheduled" in page and "sent_to_emergency" not in page


# ---------------------------------------------------------------- the phone
def test_the_patients_phone_is_a_tel_link_at_the_top_and_at_the_call_form(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    patient = patient_of(db_session, "patient@example.org")
    patient.phone = ""
    db_session.add(patient)
    db_session.commit()
    auth.login("nurse")
    page = client.get(f"/nurse/flags/{flag.id}").text
    assert page.count("Ingen telefonnummer registrert") == 2
    patient.phone = "+4791234567"
    db_session.add(patient)
    db_session.commit()
    page = client.get(f"/nurse/flags/{flag.id}").text
    assert page.count('href="tel:+4791234567"') == 2
    assert page.index('href="tel:+4791234567"') < page.index('id="events-heading"')


# ---------------------------------------------------------------- hand-over
def test_a_flag_is_handed_to_a_colleague_with_a_note_audited_and_she_is_told_without_health_words(
        client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    kari = colleague(db_session)
    auth.login("nurse")
    page = client.get(f"/nurse/flags/{flag.id}").text
    assert "Kari Kollega" in page and "Nils Nord" not in page  # colleagues of the clinic only
    response = client.post(f"/nurse/flags/{flag.id}/hand-over",
                           data={"to_nurse": str(kari.id), "handover_note": "Jeg går hjem, ring henne før 16."})
    assert response.status_code == 302
    client.post(f"/nurse/flags/{flag.id}/hand-over", data={"to_nurse": str(kari.id)})  # a double tap
    flag = fresh(db_session, Flag, flag.id)
    assert (flag.assigned_nurse_id, flag.status) == (kari.id, FlagStatus.IN_PROGRESS)
    events = db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id,
                                                     FlagEvent.kind == "handed_over")).all()
    assert [(e.to_user_id, e.note) for e in events] == [(kari.id, "Jeg går hjem, ring henne før 16.")]
    assert db_session.exec(select(AuditEvent).where(AuditEvent.target == f"flag:{flag.id}:handed_over")).first()
    messages = db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "flag_handed_over")).all()
    assert messages and all(m.user_id == kari.id for m in messages)
    assert all(m.url == f"/nurse/flags/{flag.id}" for m in messages)
    words = " ".join(f"{m.title} {m.body}" for m in messages).lower()
    assert "nina sykepleier" in words
    for health in ("per pasient", "svakhet", "weakness", "tysabri", "natalizumab", "dose", "haster", "ring henne"):
        assert health not in words
    page = client.get(f"/nurse/flags/{flag.id}").text
    assert "Til Kari Kollega" in page and "Jeg går hjem, ring henne før 16." in page


@pytest.mark.parametrize("to_nurse, status", [("", 422), ("abc", 404), ("999999", 404), ("own", 422), ("nurse2", 404)])
def test_a_flag_is_handed_only_to_a_colleague_of_the_same_clinic(client, auth, db_session, to_nurse, status):
    flag = urgent_report_flag(client, auth, db_session)
    colleague(db_session)
    ids = {"own": user_of(db_session, "nurse@example.org").id, "nurse2": user_of(db_session, "nurse2@example.org").id}
    auth.login("nurse")
    response = client.post(f"/nurse/flags/{flag.id}/hand-over", data={"to_nurse": str(ids.get(to_nurse, to_nurse))})
    assert response.status_code == status
    assert fresh(db_session, Flag, flag.id).assigned_nurse_id is None
    assert db_session.exec(select(FlagEvent).where(FlagEvent.kind == "handed_over")).first() is None
    assert db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "flag_handed_over")).first() is None


def test_hostile_hand_over_values_are_refused_politely(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    kari = colleague(db_session)
    auth.login("nurse")
    for value in ["-1", "9" * 400, "\x00", "<script>alert(1)</script>", "1e308", " "]:
        assert client.post(f"/nurse/flags/{flag.id}/hand-over", data={"to_nurse": value}).status_code in (400, 404, 422)
    response = client.post(f"/nurse/flags/{flag.id}/hand-over",
                           data={"to_nurse": str(kari.id), "handover_note": "x" * 2001})
    assert response.status_code == 422 and fresh(db_session, Flag, flag.id).assigned_nurse_id is None


# ---------------------------------------------------------------- what the patient sees
def test_the_patient_sees_calls_outcomes_and_the_note_for_her_but_never_the_nurses_notes(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_no_answer", "call_note": "INTERN-A"})
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_reached", "call_note": "INTERN-B"})
    assert outcome(client, flag, ["appointment_booked"], outcome_note="INTERN-C",
                   patient_note="MR er bestilt <b>torsdag</b>.").status_code == 302
    auth.logout()
    auth.login("patient")
    page = client.get(f"/symptoms/{flag.symptom_report_id}").text
    # still open: the callback line stays, and what was done so far is shown
    assert "Klinikken ringer deg" in page
    did = page.split('id="clinic-did-heading"')[1].split("</section>")[0]
    assert "Klinikken prøvde å ringe deg" in did and "Klinikken ringte deg" in did
    assert "Klinikken har bestilt en time til deg." in did
    assert "MR er bestilt &lt;b&gt;torsdag&lt;/b&gt;." in did
    for internal in ("INTERN-A", "INTERN-B", "INTERN-C"):
        assert internal not in page


def test_a_resolved_report_says_the_clinic_followed_it_up_not_that_it_will_call(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_reached"})
    assert outcome(client, flag, ["appointment_booked", "dose_on_hold"], action="resolve",
                   outcome_note="Intern merknad.", patient_note="Vi ses på torsdag.").status_code == 302
    auth.logout()
    auth.login("patient")
    page = client.get(f"/symptoms/{flag.symptom_report_id}").text
    assert "<title>Klinikken har fulgt opp dette" in page
    assert "<h1>Klinikken har fulgt opp dette</h1>" in page
    assert "Klinikken ringer deg" not in page and "Senest" not in page
    assert "Ikke ta neste dose før du har snakket med klinikken." not in page
    did = page.split('id="clinic-did-heading"')[1].split("</section>")[0]
    assert "Vi ses på torsdag." in did and "Fulgt opp og avsluttet" in did
    assert "Neste dose venter til klinikken har sett deg." in did
    assert "Intern merknad." not in page


def test_another_patient_cannot_read_the_clinics_note(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    outcome(client, flag, ["advice_given"], patient_note="Bare for Per.")
    auth.logout()
    auth.login("patient_en")
    response = client.get(f"/symptoms/{flag.symptom_report_id}")
    assert response.status_code in (403, 404) and "Bare for Per." not in response.text


def test_a_note_for_the_patient_over_1000_characters_is_refused_and_kept(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    response = outcome(client, flag, ["advice_given"], patient_note="å" * 1001)
    assert response.status_code == 422
    assert "å" * 1001 in response.text
    assert fresh(db_session, Flag, flag.id).patient_note == ""


# ---------------------------------------------------------------- the start page (walk defect 25)
def test_a_free_text_report_shows_its_first_words_escaped_on_the_start_page(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    text = "<b>jeg har blitt</b> mer glemsk og klønete med høyre hånd de siste ukene, og det blir verre"
    report = SymptomReport(patient_id=patient.id, client_id=uuid.uuid4().hex, codes=[], free_text=text,
                           level="urgent", reasons=["free_text"])
    db_session.add(report)
    db_session.flush()
    created = datetime.now(UTC)
    db_session.add(Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="symptom", code="symptom_report",
                        level="urgent", created_at=created, due_by=callback_due("urgent", created),
                        symptom_report_id=report.id))
    db_session.commit()
    auth.login("patient")
    page = client.get("/").text
    item = re.search(rf'<li><a href="/symptoms/{report.id}">.*?</li>', page, re.S).group(0)
    assert "&lt;b&gt;jeg har blitt&lt;/b&gt; mer glemsk" in item and "<b>" not in item
    assert "det blir verre" not in item  # the first words only


def test_a_resolved_flag_keeps_at_least_one_outcome(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    assert outcome(client, flag, ["advice_given"], action="resolve").status_code == 302
    assert outcome(client, flag, [], outcome_note="Glemte noe.").status_code == 422
    assert outcome(client, flag, ["advice_given", "tests_ordered"], outcome_note="Blodprøver bestilt.").status_code == 302
    flag = fresh(db_session, Flag, flag.id)
    assert (flag.status, flag.outcomes) == (FlagStatus.RESOLVED, ["advice_given", "tests_ordered"])


def test_a_double_tapped_call_or_note_is_stored_once(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    for _tap in range(2):
        client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_no_answer", "call_note": "Prøver igjen."})
    for _tap in range(2):
        outcome(client, flag, ["advice_given"], outcome_note="Rådet henne til å hvile.")
    db_session.expire_all()
    kinds = [e.kind for e in db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)
                                             .order_by(FlagEvent.id)).all()]
    assert kinds == ["created", "taken", "call_no_answer", "outcome", "note"]


def test_the_list_of_reports_says_what_the_clinic_did_on_each(client, auth, db_session):
    flag = urgent_report_flag(client, auth, db_session)
    auth.login("nurse")
    outcome(client, flag, ["tests_ordered"], action="resolve", outcome_note="INTERN", patient_note="Ta blodprøve.")
    auth.logout()
    auth.login("patient")
    page = client.get("/symptoms/").text
    item = next(card for card in page.split('<li class="card">') if f'href="/symptoms/{flag.symptom_report_id}"' in card)
    assert "Klinikken har bestilt prøver til deg." in item and "Les beskjeden fra klinikken" in item
    assert "INTERN" not in page and "Ta blodprøve." not in page  # the note itself is on the report's page
