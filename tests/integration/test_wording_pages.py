"""Pages whose wording the reviews corrected (walk §6, clinical §1.4): error summaries, the nurse's
«sak» words, Norwegian and English explanations, European dates (walk defect 9)."""

from __future__ import annotations

import pytest
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired


def render_summary(app, label: str) -> str:
    class Form(FlaskForm):
        class Meta:
            csrf = False

        answer = StringField(label, validators=[InputRequired(message="Choose yes or no.")])

    with app.test_request_context(method="POST", data={}):
        form = Form()
        form.validate()
        return app.jinja_env.from_string(
            '{% from "_macros.html" import error_summary %}{{ error_summary(form) }}').render(form=form)


def test_an_error_summary_after_a_question_has_no_colon(app):
    # walk §6 #25: «Begynte det innen 2 timer etter en injeksjon?: Velg …»
    assert "Did it start within 2 hours of an injection? Choose yes or no." in render_summary(
        app, "Did it start within 2 hours of an injection?")
    assert "Date: Choose yes or no." in render_summary(app, "Date")


@pytest.mark.parametrize(("who", "text"), [
    ("patient", "En H-resept er en resept fra sykehuset"),
    ("patient_en", "An H-resept is a hospital prescription"),
])
def test_the_pharmacy_page_says_what_an_h_resept_is(client, auth, who, text):
    auth.login(who)
    assert text in client.get("/pharmacy/").text


def test_the_english_start_page_explains_legevakt(client, auth):
    auth.login("patient_en")
    assert "legevakt (the out-of-hours doctor)" in client.get("/").text


def test_the_nurse_queue_speaks_of_saker_not_flagg(client, auth):
    auth.login("nurse")
    page = client.get("/nurse/").text
    assert "Triagekø" in page
    assert "flagg" not in page.lower() and "triasje" not in page.lower()
