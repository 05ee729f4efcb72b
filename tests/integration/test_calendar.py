"""The private, revocable calendar feed of the next doses (issue 3)."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from icalendar import Calendar
from sqlmodel import select

from tests.conftest import DEMO
from webapp.domain.clock import OSLO
from webapp.models import Injection, Patient


def make_link(client, **choices) -> str:
    """A new feed link; `named="y"` names the medicine (the feed is discreet otherwise)."""
    page = client.post("/injections/calendar", data={"action": "new", **choices}).text
    return html.unescape(re.search(r'id="calendar-link"[^>]*value="http://localhost([^"]+)"', page).group(1))


def test_the_feed_lists_the_next_doses_from_the_last_one(client, auth, db_session):
    auth.login("patient")
    path = make_link(client, named="y")
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


# ------------------------------------------------------------------ optional events (issue 12)
def feed_summaries(client, data: dict) -> set[str]:
    page = client.post("/injections/calendar", data={"action": "new", "named": "y", **data}).text
    path = html.unescape(re.search(r'id="calendar-link"[^>]*value="http://localhost([^"]+)"', page).group(1))
    return {str(e.get("summary")) for e in Calendar.from_ical(client.get(path).data).walk("VEVENT")}


def test_the_link_page_offers_pickups_and_checkups_with_order_by_ticked(client, auth):
    auth.login("patient_en")
    page = client.get("/injections/calendar").text
    assert re.search(r'<input checked id="order" name="order" type="checkbox"', page)
    assert 'name="pickups"' in page and 'name="checkups"' in page


def test_by_default_the_feed_has_the_doses_and_the_order_by_day_only(client, auth):
    auth.login("patient_en")
    summaries = feed_summaries(client, {"order": "y"})
    assert "Natalizumab dose due" in summaries and "Order natalizumab from the pharmacy" in summaries
    assert not any("at the clinic" in s for s in summaries)
    assert "Pick up natalizumab at the pharmacy by today" not in summaries


def test_the_patient_may_add_pickups_and_checkups_or_leave_out_the_order_by_day(client, auth):
    auth.login("patient_en")
    summaries = feed_summaries(client, {"pickups": "y", "checkups": "y"})
    assert "Natalizumab dose due" in summaries
    assert "Pick up natalizumab at the pharmacy by today" in summaries
    assert any(s.endswith(" at the clinic") for s in summaries)  # e.g. "Blood tests at the clinic"
    assert "Order natalizumab from the pharmacy" not in summaries
    only_doses = feed_summaries(client, {})
    assert only_doses == {"Natalizumab dose due"}


def test_an_old_link_without_a_choice_keeps_the_feed_it_had(client, auth):
    auth.login("patient_en")
    page = client.post("/injections/calendar", data={"action": "new", "order": "y"}).text
    path = re.search(r'id="calendar-link"[^>]*value="http://localhost([^"]+)"', page).group(1)
    assert "?" not in path  # the default needs nothing in the link, like the links made before
    events = Calendar.from_ical(client.get(path + "?events=nonsense,checkups&named=1").data).walk("VEVENT")
    assert "Order natalizumab from the pharmacy" not in {str(e.get("summary")) for e in events}


# ------------------------------------------------------------------ discreet by default (security finding 15)
def test_by_default_the_feed_never_names_the_medicine_nor_the_patient(client, auth, db_session):
    auth.login("patient")
    page = client.get("/injections/calendar").text
    assert "Å logge ut eller bytte passord stopper ikke lenken" in page
    path = make_link(client, order="y", pickups="y", checkups="y")
    assert "named" not in path
    ics = client.get(path).data.replace(b"\r\n ", b"").decode()
    events = Calendar.from_ical(ics).walk("VEVENT")
    summaries = {str(e.get("summary")) for e in events}
    assert "NataHjem: dosedag" in summaries and summaries <= {
        "NataHjem: dosedag", "NataHjem: planlegg", "NataHjem: apotek", "NataHjem: kontroll"}
    for word in ("natalizumab", "Natalizumab", "H-resept", "MR", "JCV", "sprøyte"):
        assert word not in ics, word
    patient = db_session.exec(select(Patient).where(Patient.id == 1)).one()
    uids = [str(e.get("uid")) for e in events]
    assert len(set(uids)) == len(uids)
    assert not any(uid.startswith(f"{patient.id}-") for uid in uids)
    # the same link gives the same ids (calendars update, not duplicate); a new link gives new ones
    assert [str(e.get("uid")) for e in Calendar.from_ical(client.get(path).data).walk("VEVENT")] == uids
    new = make_link(client, order="y", pickups="y", checkups="y")
    assert not set(uids) & {str(e.get("uid")) for e in Calendar.from_ical(client.get(new).data).walk("VEVENT")}


def test_the_patient_may_choose_to_name_the_medicine(client, auth):
    auth.login("patient_en")
    path = make_link(client, order="y", named="y")
    assert "named=1" in path
    summaries = {str(e.get("summary")) for e in Calendar.from_ical(client.get(path).data).walk("VEVENT")}
    assert "Natalizumab dose due" in summaries


def test_the_link_and_the_feed_come_from_app_base_url_never_the_host(app, client):
    # Security finding 7: a forged Host must not write the address a calendar will fetch.
    app.config["APP_BASE_URL"] = "https://natahjem.example.no"
    evil = {"Host": "evil.example"}  # the whole session on the forged host, so its cookie goes along
    email, password = DEMO["patient"]
    assert client.post("/auth/login", data={"email": email, "password": password}, headers=evil).status_code == 302
    page = client.post("/injections/calendar", data={"action": "new"}, headers=evil).text
    link = html.unescape(re.search(r'id="calendar-link"[^>]*value="([^"]+)"', page).group(1))
    assert link.startswith("https://natahjem.example.no/injections/calendar/")
    client.post("/auth/logout", headers=evil)
    feed = client.get(link.removeprefix("https://natahjem.example.no"), headers=evil).text
    assert "evil.example" not in feed and "https://natahjem.example.no/" in feed.replace("\r\n ", "")
