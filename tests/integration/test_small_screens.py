"""Issue 13 part 6 and walk defects 20, 21, 23, 27, 28, 33, 34: what the small-screen pages say and in
which order, read from the HTML (the browser tests measure the same pages at 320 and 360 px)."""

from __future__ import annotations

import re

import pytest

from tests.integration.test_injections import log_form, pass_check
from tests.integration.test_risk_page import set_up


def bar_and_more(page: str) -> tuple[list[str], list[str]]:
    nav = page.split('<nav class="main-nav"')[1].split("</nav>")[0]
    bar_part, _, more_part = nav.partition('<li class="nav-more">')
    labels = lambda part: re.findall(r"<a href=\"[^\"]+\"[^>]*>([^<]+)</a>", part)  # noqa: E731
    return labels(bar_part), labels(more_part)


def test_the_patient_bar_has_the_main_items_and_more_holds_the_rest(client, auth):
    auth.login("patient")
    bar, more = bar_and_more(client.get("/").text)
    assert bar == ["Start", "Meld en plage", "Meldinger", "Mine doser"]
    assert more[:6] == ["Apotek", "Akutt hjelp", "Min PML-risiko", "Mine kontroller", "Lær mer", "Varsler og påminnelser"]
    assert "<summary>Mer</summary>" in client.get("/").text


def test_the_nurse_bar_has_queue_and_patients_and_more_holds_the_rest(client, auth):
    auth.login("nurse")
    bar, more = bar_and_more(client.get("/nurse/").text)
    assert bar == ["Triagekø", "Meldinger", "Pasienter"]
    assert more == ["Ny pasient", "Klinikken", "Pasientartikler", "Meldinger som ikke ble sendt"]


def test_every_menu_entry_leads_to_a_page(app):
    from flask import url_for

    from webapp import navigation

    with app.test_request_context("/"):
        for entries in [*navigation.MENU.values(), *navigation.MORE.values()]:
            for endpoint, _label in entries:
                assert url_for(endpoint).startswith("/"), endpoint


@pytest.mark.parametrize("path", ["/", "/injections/", "/injections/check", "/risk/", "/pharmacy/", "/symptoms/new"])
def test_113_and_the_language_switch_are_on_every_patient_page(client, auth, path):
    auth.login("patient")
    page = client.get(path).text
    header = page.split("</header>")[0]
    assert '<a class="sos" href="tel:113">' in header
    assert 'class="lang-switch"' in page


def test_the_dose_form_shows_the_body_map_with_the_suggested_sites_it_has_chosen(client, auth):
    auth.login("patient")
    pass_check(client)
    page = client.get("/injections/new").text
    form = log_form(client)
    assert '<figure class="body-map">' in page
    key = page.split('<ul class="body-map-key">')[1].split("</ul>")[0]
    labels = {"thigh_left": "Venstre lår", "thigh_right": "Høyre lår", "abdomen_left": "Venstre side av magen",
              "abdomen_right": "Høyre side av magen", "upper_arm_left": "Baksiden av venstre overarm",
              "upper_arm_right": "Baksiden av høyre overarm"}
    assert f"Forslag i dag, første sprøyte: {labels[form['site_1']]}" in key
    assert f"Forslag i dag, andre sprøyte: {labels[form['site_2']]}" in key
    used = re.search(r"Brukt de to siste gangene: ([^<]+)", key).group(1).strip()
    # the first site starts with a capital, the others do not (walk defect 23)
    assert used[0].isupper() and not re.search(r"(, | og )[A-ZÆØÅ]", used)
    # the choice is still the form's own control, and the picture is hidden from screen readers (the list says it)
    assert 'aria-hidden="true"' in page.split('<figure class="body-map">')[1].split("</svg>")[0]
    assert 'name="site_1"' in page


def test_guide_step_3_shows_the_body_map(client, auth):
    auth.login("patient_en")
    page = client.get("/injections/guide/3").text
    assert '<figure class="body-map">' in page and "Suggested today, first syringe:" in page
    assert '<figure class="body-map">' not in client.get("/injections/guide/2").text


def test_a_figure_per_10000_is_drawn_as_ten_boxes_and_no_alt_text_is_printed(client, auth):
    auth.login("patient")  # the demo: 0.1 per 1000
    page = client.get("/risk/").text
    figure = page.split('<figure class="icon-array')[1].split("</figure>")[0]
    boxes = figure.split('class="icon-boxes"')[1].split("</svg>")[0]
    assert boxes.count('<rect x=') == 10 + 1  # ten boxes of 1000, one of them with a person with PML
    assert figure.count('<use href="#person-with-pml"') == 1
    caption = figure.split("<figcaption>")[1]
    assert "Et bilde av" not in caption and "1000 personer som deg" not in caption
    assert "fotballstadion" in caption
    assert re.search(r"<title id=\"icon-array-text\">1000 personer som deg", figure)


def test_a_figure_per_1000_is_one_grid_with_its_marked_people(client, auth, db_session):
    set_up(db_session, months=30, index=2.0)  # 3 per 1000
    auth.login("patient_en")
    figure = client.get("/risk/").text.split('<figure class="icon-array')[1].split("</figure>")[0]
    assert 'class="icon-boxes"' not in figure
    assert figure.count('<use href="#person-with-pml"') == 3
    assert "large concert hall" in figure.split("<figcaption>")[1]


def test_dose_history_chart_table_and_list_run_newest_first_in_one_date_style(client, auth):
    auth.login("patient")
    page = client.get("/injections/").text
    chart = re.findall(r'<span class="gap-day">([^<]+)</span>', page)
    table = re.findall(r"<tr><td>([^<]+)</td>", page)
    listed = [re.sub(r" \d\d[:.]\d\d$", "", d) for d in re.findall(r'<p class="dose-when"><strong>([^<]+)</strong>', page)]
    assert len(chart) >= 3 and chart == table
    assert listed[:len(chart)] == chart  # each dose's day, newest first in all three
    assert all(re.fullmatch(r"\d{1,2}\. [a-zæøå]+\.? \d{4}", day) for day in chart), chart
    assert "nyeste først" in page
    assert 'font-size="1' not in page  # no fixed-size SVG labels that ignore the text size


def test_checkups_say_overdue_and_frist_not_planned(client, auth):
    auth.login("patient")
    page = client.get("/risk/checkups").text
    assert "Forsinket" in page and "Skulle vært tatt" in page
    assert "Frist" in page and "Planlagt" not in page
    assert "Neste kontroll" not in client.get("/").text


def test_the_safety_check_hint_comes_before_the_button(client, auth):
    auth.login("patient")
    page = client.get("/injections/check").text
    assert page.index("Hvis du krysser av for noe") < page.index("Gå videre")
