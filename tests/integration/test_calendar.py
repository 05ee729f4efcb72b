"""The private, revocable calendar feed of the next doses (issue 3)."""

from __future__ import annotations

import re
from datetime import timedelta

from icalendar import Calendar
from sqlmodel import select

from webapp.domain.clock import OSLO
from webapp.models import Injection, Patient


def make_link(client) -> str:
    page = client.post("/injections/calendar", data={"action": "new"}).text
    return re.search(r'id="calendar-link"[^>]*value="http://localhost([^"]+)"', page).group(1)


def test_the_feed_lists_the_next_doses_from_the_last_one(client, auth, db_session):
    auth.login("patient")
    path = make_link(client)
    auth.logout()  # the phone's calendar has no session: the link alone opens it
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    events = [c for c in Calendar.from_ical(response.data).walk("VEVENT")]
    patient = db_session.get(Patient, 1)
    last = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)
                           .order_by(Injection.given_at.desc())).first()
    first_due = last.given_at.astimezone(OSLO).date() + timedelta(weeks=4)
    # in the patient's language; other features add their own events (the pharmacy's order-by date)
    dose_days = sorted(e.decoded("dtstart") for e in events if str(e.get("summary")) == "Tid for natalizumab-dosen")
    assert dose_days[0] == first_due
    assert dose_days[1] - dose_days[0] == timedelta(weeks=4)


def test_a_new_link_stops_the_old_one_and_stopping_ends_both(client, auth):
    auth.login("patient")
    old = make_link(client)
    new = make_link(client)
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    client.post("/injections/calendar", data={"action": "stop"})
    assert client.get(new).status_code == 404


def test_an_unknown_or_absurd_token_is_not_found(client):
    assert client.get("/injections/calendar/nope.ics").status_code == 404
    assert client.get("/injections/calendar/" + "a" * 500 + ".ics").status_code == 404
