"""Hostile values in the symptom and flag forms: never a 500, nothing unprintable stored (issue 4)."""

from __future__ import annotations

import pytest
from sqlmodel import select

from webapp.models import FlagEvent, SymptomReport

from .reports import patient_of, reports_of, send_report
from .test_triage_queue import add_flag

HOSTILE = ["\x00", "a\x00b", "\x1b[31m", "9" * 400, "x" * 20_000, "<script>alert(1)</script>", "\u202e", "{{ 7*7 }}"]


FIELDS = ["client_id", "context", "injection", "codes", "started_on", "within_2h", "sudden_onset", "lasted_over_24h",
          "getting_worse", "fever", "free_text", "reported_by_other"]


@pytest.mark.parametrize("value", HOSTILE)
def test_the_report_form_refuses_or_cleans_hostile_values(client, auth, db_session, value):
    auth.login("patient")
    responses = [
        client.post("/symptoms/new", data=dict.fromkeys(FIELDS, value)),  # every field at once
        send_report(client, ["fatigue"], free_text=value),  # stored, cleaned
        send_report(client, ["fatigue"], client_id=value),  # looked up before validation
        send_report(client, ["fatigue"], context="reaction", injection=value),
    ]
    # A NUL byte anywhere is refused outright (400, security._refuse_nul_bytes); the rest is cleaned or refused.
    assert [r.status_code in (302, 400, 422) for r in responses] == [True] * 4
    for report in reports_of(db_session, patient_of(db_session, "patient@example.org")):
        assert "\x00" not in report.free_text and "\x1b" not in report.free_text and "\x00" not in report.client_id


@pytest.mark.parametrize("value", HOSTILE)
def test_the_flag_forms_refuse_or_clean_hostile_values(client, auth, db_session, value):
    flag = add_flag(db_session, "patient.en@example.org", level="urgent", hours_ago=1)
    auth.login("nurse")
    responses = [
        client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": "call_reached", "call_note": value}),
        client.post(f"/nurse/flags/{flag.id}/call", data={"call_result": value}),
        client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome": value, "action": "save"}),
        client.post(f"/nurse/flags/{flag.id}/outcome", data={"outcome_note": value, "action": value}),
    ]
    assert {r.status_code for r in responses} <= {302, 400, 422}
    for event in db_session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)).all():
        assert "\x00" not in event.note and "\x1b" not in event.note
    assert db_session.exec(select(SymptomReport)).first() is not None
