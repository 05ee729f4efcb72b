"""The nurse's triage queue and flag page: order, late calls, every step as an event, clinics apart (issue 4)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from webapp.domain.working_days import callback_due
from webapp.models import AuditEvent, Flag, FlagEvent, FlagStatus, SymptomReport
from webapp.nurse.flag_labels import chosen_outcomes

from .reports import flag_of, patient_of, reports_of, send_report, user_of


def queue_rows(html: str) -> list[str]:
    """Each flag's table row, in page order, prefixed with its patient group's name (issue 13: grouped)."""
    rows = []
    for group in html.split('<section class="queue-group"')[1:]:
        name = re.sub(r"<[^>]+>", "", group.split("</a>")[0].split(">")[-1]).strip()
        body = group.split('<table class="queue">')[1].split("</tbody>")[0].split("<tbody>")[1]
        rows += [name + " " + re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
                 for row in body.split("</tr>")[:-1]]
    return rows


def add_flag(db_session, email: str, *, level: str, hours_ago: float, status: str = FlagStatus.OPEN,
             code: str = "symptom_report", source: str = "symptom") -> Flag:
    patient = patient_of(db_session, email)
    created = datetime.now(UTC) - timedelta(hours=hours_ago)
    flag = Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source=source, code=code, level=level,
                status=status, created_at=created, due_by=callback_due(level, created))
    db_session.add(flag)
    db_session.commit()
    return flag


def demo_flag(db_session, email: str) -> Flag:
    patient = patient_of(db_session, email)
    return db_session.exec(select(Flag).where(Flag.patient_id == patient.id)).first()


# ---------------------------------------------------------------- the queue
def test_the_queue_is_the_nurses_first_menu_entry_and_is_linked_from_the_patient_list(client, auth):
    auth.login("nurse")
    page = client.get("/nurse/").text
    nav = page.split('<nav class="main-nav"')[1].split("</nav>")[0]
    assert re.findall(r'href="([^"]+)"', nav)[0] == "/nurse/queue"
    assert "1 åpen sak i triagekøen" in page  # Per's; Emma's is resolved, Kari is at another clinic
    assert 'href="/nurse/queue"' in page.split("</nav>")[1]


def test_emergencies_come_first_then_untaken_flags_by_waiting_time_then_those_in_progress(client, auth, db_session):
    add_flag(db_session, "patient.en@example.org", level="urgent", hours_ago=5)
    add_flag(db_session, "patient.en@example.org", level="routine", hours_ago=100, code="rebound_risk", source="schedule")
    add_flag(db_session, "patient.en@example.org", level="emergency", hours_ago=1)
    add_flag(db_session, "patient@example.org", level="urgent", hours_ago=30)
    auth.login("nurse")
    rows = queue_rows(client.get("/nurse/queue").text)
    levels = [row.split(" ")[2] for row in rows]
    # Grouped per patient (issue 13): Emma's emergency puts her group first; within it, level order.
    assert levels == ["Akutt", "Haster", "Rutine", "Haster", "Haster"]
    assert rows[0].startswith("Emma English")
    assert rows[1].startswith("Emma English")  # waited 5 hours
    assert "Mer enn 8 uker siden siste dose" in rows[2]
    assert rows[3].startswith("Per Pasient") and "Venter" in rows[3]  # waited 30 hours, not taken
    assert "Under arbeid: Nina Sykepleier" in rows[4]  # Per's demo flag, taken 20 hours after it came


def test_a_late_callback_stands_out_in_text_and_style(client, auth, db_session):
    late = add_flag(db_session, "patient.en@example.org", level="urgent", hours_ago=24 * 14)  # past any holiday
    auth.login("nurse")
    page = client.get("/nurse/queue").text
    row = re.search(rf'<tr class="level-urgent is-late">(?:(?!</tr>).)*flags/{late.id}"(?:(?!</tr>).)*</tr>', page, re.S)
    assert row is not None
    assert "Forsinket" in row.group(0)
    on_time = add_flag(db_session, "patient.en@example.org", level="urgent", hours_ago=0)
    row = re.search(rf'<tr class="([^"]*)">(?:(?!</tr>).)*flags/{on_time.id}"', client.get("/nurse/queue").text, re.S)
    assert row.group(1) == "level-urgent"


def test_resolved_flags_and_other_clinics_flags_are_not_in_the_queue(client, auth, db_session):
    emma = demo_flag(db_session, "patient.en@example.org")
    kari = demo_flag(db_session, "patient2@example.org")
    auth.login("nurse")
    page = client.get("/nurse/queue").text
    assert f"/nurse/flags/{emma.id}\"" not in page  # resolved
    assert f"/nurse/flags/{kari.id}\"" not in page and "Kari Nord" not in page
    auth.logout()
    auth.login("nurse2")
    page = client.get("/nurse/queue").text
    assert f"/nurse/flags/{kari.id}\"" in page and "Per Pasient" not in page


def test_routine_reports_wait_for_the_next_review_below_the_flags(client, auth):
    auth.login("nurse")
    page = client.get("/nurse/queue").text
    review = page.split("Rutinemeldinger til neste gjennomgang")[1]
    assert "Per Pasient" in review and "Tretthet, utmattelse" in review


def test_schedule_flags_are_in_the_queue_with_their_own_label(client, auth, db_session):
    add_flag(db_session, "patient@example.org", level="urgent", hours_ago=2, code="partial_dose", source="injection")
    auth.login("nurse")
    assert "Delvis dose: bare én sprøyte" in client.get("/nurse/queue").text


# ---------------------------------------------------------------- the flag page and its steps
def test_take_call_outcome_and_resolve_are_each_an_event_with_nurse_and_time_and_audited(client, auth, db_session):
    auth.login("patient")
    send_report(client, ["limb_weakness"], lasted_over_24h="yes")
    flag = flag_of(db_session, reports_of(db_session, patient_of(db_session, "patient@example.org"))[-1])
    auth.logout()
    nurse = user_of(db_session, "nurse@example.org")
    auth.login("nurse")
    assert client.get(f"/nurse/flags/{flag.id}").status_code == 200
    assert client.post(f"/nurse/flags/{flag.id}/take").status_code == 302
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_no_answer"})
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_reached", "call_note": "Svakhet i venstre bein."})
    client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": "dose_on_hold", "outcome_note": "Time på torsdag.",
                                                         "action": "save"})
    # the form shows the chosen outcomes ticked: resolving sends them again
    response = client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": "dose_on_hold", "action": "resolve"})
    assert response.status_code == 302

    db_session.expire_all()
    flag = db_session.get(Flag, flag.id)
    assert (flag.status, flag.outcome, flag.assigned_nurse_id) == ("resolved", "dose_on_hold", nurse.id)
    assert flag.resolved_at is not None
    events = db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id).order_by(FlagEvent.id)).all()
    assert [(e.kind, e.outcome) for e in events] == [
        ("created", ""), ("taken", ""), ("call_no_answer", ""), ("call_reached", ""), ("outcome", "dose_on_hold"),
        ("note", ""), ("resolved", "")]
    assert all(e.actor_id == nurse.id and e.at is not None for e in events[1:])
    assert events[3].note == "Svakhet i venstre bein." and events[5].note == "Time på torsdag."
    audits = db_session.exec(select(AuditEvent).where(AuditEvent.target.like(f"flag:{flag.id}%"))
                             .order_by(AuditEvent.id)).all()
    assert all(a.actor_id == nurse.id and a.patient_id == flag.patient_id for a in audits)
    assert [a.target for a in audits if a.action == "update"] == [
        f"flag:{flag.id}:{kind}" for kind in ("taken", "call_no_answer", "call_reached", "outcome", "note", "resolved")]
    assert [a.target for a in audits if a.action == "read"] == [f"flag:{flag.id}"]
    page = client.get(f"/nurse/flags/{flag.id}").text
    assert "Ringt: fikk tak i pasienten" in page and "Time på torsdag." in page and "Lukket" in page


def test_a_call_on_an_open_flag_takes_it(client, auth, db_session):
    flag = add_flag(db_session, "patient.en@example.org", level="urgent", hours_ago=1)
    auth.login("nurse")
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_reached"})
    db_session.expire_all()
    kinds = [e.kind for e in db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)).all()]
    assert kinds == ["taken", "call_reached"]
    assert db_session.get(Flag, flag.id).status == FlagStatus.IN_PROGRESS


def test_a_flag_cannot_be_resolved_without_an_outcome(client, auth, db_session):
    flag = add_flag(db_session, "patient.en@example.org", level="urgent", hours_ago=1)
    auth.login("nurse")
    response = client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": "", "outcome_note": "ok", "action": "resolve"})
    assert response.status_code == 422
    assert "Velg utfall før du lukker saken." in response.text
    assert re.search(r'<textarea [^>]*id="outcome_note"[^>]*>\s*ok</textarea>', response.text)  # what was typed is kept
    db_session.expire_all()
    assert db_session.get(Flag, flag.id).status == FlagStatus.OPEN


@pytest.mark.parametrize("path, data", [
    ("call", {}), ("call", {"call_result": "maybe"}), ("call", {"call_result": "call_reached", "call_note": "x" * 2001}),
    ("outcome", {"outcome": "", "outcome_note": "", "action": "save"}), ("outcome", {"outcome": "cured", "action": "save"}),
])
def test_a_wrong_step_is_a_form_error_and_stores_nothing(client, auth, db_session, path, data):
    flag = add_flag(db_session, "patient.en@example.org", level="urgent", hours_ago=1)
    auth.login("nurse")
    assert client.post(f"/nurse/flags/{flag.id}/{path}", data=data).status_code == 422
    assert db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)).all() == []


def test_a_resolved_flag_takes_no_more_calls_but_a_note(client, auth, db_session):
    flag = demo_flag(db_session, "patient.en@example.org")
    auth.login("nurse")
    before = len(db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)).all())
    client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_reached"})
    client.post(f"/nurse/flags/{flag.id}/take")
    assert len(db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)).all()) == before
    # the form sends the outcomes it shows ticked along with the note
    client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": chosen_outcomes(flag), "outcome_note": "Feberfri nå.",
                                                         "action": "save"})
    db_session.expire_all()
    assert db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)).all()[-1].note == "Feberfri nå."
    assert db_session.get(Flag, flag.id).status == FlagStatus.RESOLVED


def test_the_flag_page_shows_the_report_in_the_nurses_words_and_the_patients_text_escaped(client, auth, db_session):
    auth.login("patient_en")
    send_report(client, ["limb_weakness", "numbness_tingling"], lasted_over_24h="yes", fever="unknown",
                free_text="<script>alert('x')</script> left leg")
    flag = flag_of(db_session, reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1])
    auth.logout()
    auth.login("nurse")
    page = client.get(f"/nurse/flags/{flag.id}").text
    assert "Ny eller verre svakhet i en arm eller et bein" in page  # the nurse reads Norwegian
    assert "mulig attakk eller PML" in page
    assert "Feber: (ukjent)" in page  # "don't know" shown as unknown, not as a fact (walk defect 8)
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; left leg" in page


# ---------------------------------------------------------------- another clinic
@pytest.mark.parametrize("method, path, data", [
    ("get", "", None), ("post", "/take", {}), ("post", "/call", {"call_result": "call_reached"}),
    ("post", "/outcome", {"outcome": "advice_given", "action": "resolve"}),
])
def test_a_nurse_of_another_clinic_can_neither_see_nor_act_on_a_flag(client, auth, db_session, method, path, data):
    flag = demo_flag(db_session, "patient@example.org")
    events_before = len(db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)).all())
    auth.login("nurse2")
    response = getattr(client, method)(f"/nurse/flags/{flag.id}{path}", **({"data": data} if data is not None else {}))
    assert response.status_code == 404
    db_session.expire_all()
    assert len(db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)).all()) == events_before
    assert db_session.get(Flag, flag.id).status == FlagStatus.IN_PROGRESS
    assert db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == flag.patient_id)).all() == []


@pytest.mark.parametrize("path", ["/nurse/queue", "/nurse/flags/1", "/nurse/patients/1/timeline"])
def test_patients_cannot_open_the_nurse_pages(client, auth, path):
    auth.login("patient")
    assert client.get(path).status_code == 403


def test_the_patient_page_shows_the_open_flags_and_leads_to_the_timeline(client, auth, db_session):
    per = patient_of(db_session, "patient@example.org")
    flag = demo_flag(db_session, "patient@example.org")
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{per.id}").text
    section = page.split('id="flags-heading"')[1]
    assert f'href="/nurse/flags/{flag.id}"' in section
    assert f'href="/nurse/patients/{per.id}/timeline"' in section
    assert page.index('id="flags-heading"') < page.index('id="injections-heading"')


def test_a_report_by_the_checklist_is_named_so_in_the_queue(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")
    report = SymptomReport(patient_id=patient.id, client_id="checklist-x", source="checklist", codes=["fever"],
                           level="urgent", reasons=["predose:fever_infection"])
    db_session.add(report)
    db_session.commit()
    flag = add_flag(db_session, "patient.en@example.org", level="urgent", hours_ago=1, code="checklist_report",
                    source="checklist")
    flag.symptom_report_id = report.id
    db_session.add(flag)
    db_session.commit()
    auth.login("nurse")
    assert "Sikkerhetssjekk før dose: skal ikke sette dosen" in client.get("/nurse/queue").text
    assert "Sikkerhetssjekk: Jeg har feber eller en infeksjon nå" in client.get(f"/nurse/flags/{flag.id}").text


def test_a_busy_clinic_sees_the_40_newest_routine_reports_and_how_many_there_are(client, auth, db_session):
    per = patient_of(db_session, "patient@example.org")
    now = datetime.now(UTC)
    for n in range(60):
        db_session.add(SymptomReport(patient_id=per.id, client_id=f"busy-{n}", reported_at=now - timedelta(hours=n),
                                     codes=["fatigue"], level="routine", reasons=["item:fatigue"]))
    db_session.commit()
    auth.login("nurse")
    page = client.get("/nurse/queue").text
    review_table = page.split("Rutinemeldinger", 1)[-1]
    assert review_table.count("/timeline") == 40
    assert re.search(r"De 40 nyeste av 6\d vises", page)
