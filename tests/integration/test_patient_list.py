"""The nurse's patient list: a search by name or e-mail, and at most 100 rows, so that the page stays
small in a clinic of any size (issue 7: every page under 60 KB)."""

from __future__ import annotations

import re

from sqlmodel import select

from webapp.models import Patient, User
from webapp.nurse.routes import PATIENT_LIST_LIMIT

from .reports import user_of


def add_patients(db_session, names: list[str], clinic_id: int) -> None:
    for n, name in enumerate(names):
        user = User(email=f"list{n}@example.org", full_name=name, role="patient", clinic_id=clinic_id)
        db_session.add(user)
        db_session.flush()
        db_session.add(Patient(user_id=user.id, clinic_id=clinic_id))
    db_session.commit()


def listed(html: str) -> list[str]:
    body = html.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in html else ""
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td><a [^>]+>.*?</a></td>", body)]


def test_a_search_finds_patients_by_part_of_the_name_whatever_the_case_and_letters(client, auth, db_session):
    nurse = user_of(db_session, "nurse@example.org")
    add_patients(db_session, ["Øystein Ærlig", "Åse Bråten", "Olav Olsen"], nurse.clinic_id)
    auth.login("nurse")
    assert listed(client.get("/nurse/?q=øYST").text) == ["Øystein Ærlig"]
    assert listed(client.get("/nurse/?q=bRÅ").text) == ["Åse Bråten"]
    page = client.get("/nurse/?q=list2@example").text
    assert listed(page) == ["Olav Olsen"]
    assert "1 pasient funnet." in page


def test_search_characters_are_taken_literally_and_other_clinics_stay_out(client, auth, db_session):
    auth.login("nurse")
    assert listed(client.get("/nurse/?q=%25").text) == []  # "%" is not "everything"
    assert listed(client.get("/nurse/?q=_").text) == []
    assert "Ingen pasient passer til søket." in client.get("/nurse/?q=_").text
    kari = user_of(db_session, "patient2@example.org")
    assert kari.clinic_id != user_of(db_session, "nurse@example.org").clinic_id  # another clinic's patient
    assert listed(client.get("/nurse/?q=kari").text) == []


def test_a_big_clinic_sees_the_first_100_by_name_and_how_many_there_are(client, auth, db_session):
    nurse = user_of(db_session, "nurse@example.org")
    add_patients(db_session, [f"Pasient {n:03d}" for n in range(150)], nurse.clinic_id)
    auth.login("nurse")
    page = client.get("/nurse/")
    names = listed(page.text)
    assert len(names) == PATIENT_LIST_LIMIT
    assert names == sorted(names)
    total = len(db_session.exec(select(Patient.id).where(Patient.clinic_id == nurse.clinic_id)).all())
    assert f"100 av {total} pasienter vises" in page.text
    assert len(page.data) < 45 * 1024  # with the stylesheet (about 12 KB) under 60 KB
    assert listed(client.get("/nurse/?q=Pasient 149").text) == ["Pasient 149"]
