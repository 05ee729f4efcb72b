"""The patient's personal PML risk page, check-ups page and start card (issue 6)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from sqlmodel import select

from webapp.domain.clock import local_date
from webapp.domain.pml_risk import RISK_TABLE, RISK_TABLE_COLUMNS, RiskColumn
from webapp.models import JcvResult, Patient, User

# a JCV result and earlier treatment that land in each column of the table
COLUMN_RESULT = {
    RiskColumn.NO_INDEX: (None, False),
    RiskColumn.INDEX_LE_0_9: (0.9, False),
    RiskColumn.INDEX_0_9_TO_1_5: (1.5, False),
    RiskColumn.INDEX_GT_1_5: (1.51, False),
    RiskColumn.PRIOR_IS: (3.0, True),
}
CELLS = [
    pytest.param(row, column, figure, id=f"{row.months_from}-{row.months_to}-{column}")
    for row, figures in RISK_TABLE for column, figure in zip(RISK_TABLE_COLUMNS, figures, strict=True)
]


def today() -> date:
    return local_date(datetime.now(UTC))


def patient_of(db_session, email: str) -> Patient:
    user = db_session.exec(select(User).where(User.email == email)).one()
    return db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()


def set_up(db_session, email="patient.en@example.org", *, months=None, start=None, positive=True, index=None,
           prior=False, tested_on=None):
    """Give a demo patient a fresh JCV result and a first dose `months` whole months ago."""
    patient = patient_of(db_session, email)
    patient.treatment_start = start or (today() - relativedelta(months=months))
    patient.prior_immunosuppressant = prior
    db_session.add(patient)
    db_session.add(JcvResult(patient_id=patient.id, tested_on=tested_on or today() - timedelta(days=7),
                             positive=positive, jcv_index=index, recorded_by_id=1))
    db_session.commit()
    return patient


def test_the_norwegian_demo_patient_sees_a_figure_per_1000_and_about_1_in_n(client, auth):
    auth.login("patient")
    page = client.get("/risk/").text
    assert "0,1 per 1000" in page  # the locale's decimal comma
    assert "omtrent 1 av 10\xa0000" in page
    assert "Positiv, indeks 0,7" in page
    assert "Stratify JCV DxSelect" in page
    assert "Biogen, 2025" in page


def test_the_icon_array_is_an_svg_image_labelled_by_its_text_alternative(client, auth, db_session):
    set_up(db_session, months=30, index=2.0)
    auth.login("patient_en")
    page = client.get("/risk/").text
    assert 'role="img" aria-labelledby="icon-array-text"' in page
    assert page.count('<use href="#person-with-pml"') == 3  # 3 per 1000 (25–36 months, index > 1.5)
    assert 'id="icon-array-text"' in page and "3 people, shown as red squares" in page
    assert "997" in page


@pytest.mark.parametrize(("row", "column", "figure"), CELLS)
def test_every_cell_of_the_table_is_what_the_patient_is_shown(client, auth, db_session, row, column, figure):
    index, prior = COLUMN_RESULT[column]
    set_up(db_session, months=row.months_to, index=index, prior=prior)
    auth.login("patient_en")
    page = client.get("/risk/").text
    assert f"<p class=\"risk-number\">{figure:g} per 1000</p>" in page
    assert f"The row for {row.months_from}–{row.months_to} months on natalizumab" in page


@pytest.mark.parametrize(("months", "row", "beyond"), [
    (12, "1–12", False), (13, "13–24", False), (72, "61–72", False), (73, "61–72", True),
])
def test_the_month_boundaries_pick_the_row_and_past_72_months_the_page_says_the_data_stop(
        client, auth, db_session, months, row, beyond):
    set_up(db_session, months=months, index=1.2)
    auth.login("patient_en")
    page = client.get("/risk/").text
    assert f"The row for {row} months on natalizumab" in page
    assert ("The figures stop at six years (72 months)" in page) is beyond


@pytest.mark.parametrize(("index", "column_words"), [
    (0.9, "index 0.9 or lower"), (0.91, "index above 0.9 up to 1.5"), (1.5, "index above 0.9 up to 1.5"),
    (1.51, "index above 1.5"), (None, "no index value known"),
])
def test_the_index_boundaries_pick_the_column_named_on_the_page(client, auth, db_session, index, column_words):
    set_up(db_session, months=20, index=index)
    auth.login("patient_en")
    assert f"the column for people with JC virus antibodies found, {column_words}" in client.get("/risk/").text


def test_a_jcv_negative_patient_gets_the_figure_for_negative_patients_whatever_the_time(client, auth, db_session):
    set_up(db_session, months=80, positive=False, prior=True)
    auth.login("patient_en")
    page = client.get("/risk/").text
    assert "0.1 per 1000" in page and "about 1 in 10,000" in page
    assert "no JC virus antibodies found: it is the same whatever the time on treatment" in page
    assert "The figures stop at six years" not in page


def test_an_out_of_date_test_shows_no_figure_and_says_why(client, auth):
    auth.login("patient_en")  # the demo: negative, about 8 months ago
    page = client.get("/risk/").text
    assert "Your JCV test is out of date" in page
    assert "per 1000</p>" not in page and "<svg" not in page


@pytest.mark.parametrize(("age", "shown"), [(relativedelta(months=6), True), (relativedelta(months=6, days=1), False)])
def test_a_test_is_current_up_to_six_months_old(client, auth, db_session, age, shown):
    set_up(db_session, months=20, index=0.5, tested_on=today() - age)
    auth.login("patient_en")
    page = client.get("/risk/").text
    assert ('<p class="risk-number">' in page) is shown
    assert ("Your JCV test is out of date" in page) is not shown


def test_without_a_jcv_result_the_page_says_so_instead_of_a_figure(client, auth):
    auth.login("patient2")  # the demo has no JCV result for Kari
    page = client.get("/risk/").text
    assert "Klinikken din har ikke registrert en antistofftest" in page
    assert "per 1000</p>" not in page


def test_without_a_first_dose_a_positive_patient_gets_no_figure(client, auth, db_session):
    patient = set_up(db_session, months=20, index=0.5)
    patient.treatment_start = None
    db_session.add(patient)
    db_session.commit()
    auth.login("patient_en")
    page = client.get("/risk/").text
    assert "has not recorded when you had your first natalizumab dose" in page
    assert "per 1000</p>" not in page


def test_the_page_lists_what_raises_and_lowers_the_risk_and_what_applies(client, auth, db_session):
    patient = set_up(db_session, months=30, index=1.2, prior=True)
    patient.dose_interval_weeks = 6
    db_session.add(patient)
    db_session.commit()
    auth.login("patient_en")
    page = client.get("/risk/").text
    factors = page.split('class="factor-list"')[1].split("</ul>")[0]
    items = factors.split("<li>")[1:]
    assert len(items) == 6
    applies = ["This applies to you." in item for item in items]
    # antibodies, index > 0.9, index <= 0.9, > 24 months, earlier treatment, longer interval
    assert applies == [True, True, False, True, True, True]
    assert "Lowers the risk:" in items[5] and "do not show by how much" in items[5]


def test_the_page_tells_the_patient_to_talk_to_the_clinic_and_suggests_no_treatment_change(client, auth, db_session):
    set_up(db_session, months=40, index=2.5)
    auth.login("patient_en")
    page = client.get("/risk/").text
    assert "Talk to your clinic" in page and 'href="tel:+4722000000"' in page
    main = page.split("<main")[1].split("</main>")[0]
    for advice in ["switch to", "anti-CD20", "Plan a", "onsider", "longer dose interval"]:
        assert advice not in main


def test_an_immunowell_result_says_the_figures_come_from_the_stratify_test(client, auth, db_session):
    patient = set_up(db_session, months=20, index=0.5)
    result = db_session.exec(select(JcvResult).where(JcvResult.patient_id == patient.id)
                             .order_by(JcvResult.id.desc())).first()
    result.assay = "immunowell"
    db_session.add(result)
    db_session.commit()
    auth.login("patient_en")
    assert "Your test was the Immunowell test" in client.get("/risk/").text


def test_a_patient_sees_only_their_own_results(client, auth):
    auth.login("patient_en")
    page = client.get("/risk/").text
    assert "0.7" not in page and "Per Pasient" not in page


@pytest.mark.parametrize("path", ["/risk/", "/risk/checkups"])
def test_the_risk_pages_are_for_patients_only(client, auth, path):
    assert client.get(path).status_code == 302
    auth.login("nurse")
    assert client.get(path).status_code == 403


def test_the_patient_menu_links_to_my_pml_risk(client, auth):
    auth.login("patient_en")
    assert '<a href="/risk/">My PML risk</a>' in client.get("/").text


def test_the_start_page_shows_the_next_check_and_links_to_the_risk_page(client, auth):
    # the demo: Per is JCV-positive (index ≤ 0.9), so his MRI is 6-monthly (facts M5) and now overdue;
    # a past date is not "next" (walk defect 27)
    auth.login("patient")
    page = client.get("/").text
    assert "Kontroller og PML-risiko" in page
    assert re.search(r"MR av hodet skulle vært tatt \d{1,2}\. [a-zæøå]+ 20\d\d\.", page)
    assert "Neste kontroll" not in page
    assert 'href="/risk/checkups"' in page and 'href="/risk/"' in page


def test_the_checkups_page_shows_when_each_check_is_due(client, auth):
    auth.login("patient_en")
    page = client.get("/risk/checkups").text
    for kind in ["Blood tests", "Antibodies against natalizumab (NAb)", "JC virus antibody test (JCV)",
                 "Check-up with the neurologist (EDSS)", "MRI of the head"]:
        assert f"<h2>{kind}</h2>" in page
    # the English demo patient's JCV test is 8 months old
    jcv = page.split("JC virus antibody test (JCV)")[1].split("</li>")[0]
    assert "Overdue" in jcv and "ask them" in jcv
    assert "Should have been done by" in jcv and "Next:" not in jcv
    # a check not yet due shows its due date, not an appointment: nothing is booked (walk §6 #35)
    assert "Due date" in page and "Planned" not in page
