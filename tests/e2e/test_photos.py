"""A symptom report with a photo, and the nurse's flag page with its thumbnail, in Chromium (issue 13):
at 320 and 360 px and with 125 % text, axe-clean in both languages."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from tests import photo_files
from webapp.models import Flag, Photo

from .conftest import (
    assert_accessible,
    assert_fits_every_phone,
    click_and_wait,
    sign_in,
    switch_language,
)
from .test_symptoms import answer_questions, go_on_to_the_form, tick

TYPED = "Rødt og hovent rundt stikkstedet, omtrent 4 cm, varmt å ta på."


def check_sizes(page) -> None:
    """The open page fits at each size with larger text, and axe finds nothing at 360 px."""
    assert_fits_every_phone(page)
    assert_accessible(page)


def check_sizes_and_languages(page) -> None:
    """check_sizes in this language and the other (a page reached by GET), and back."""
    for _language in range(2):
        check_sizes(page)
        switch_language(page)


def refuse_a_text_file(page, message: str) -> None:
    """A text file named .jpg: refused next to the field, with everything typed kept."""
    fill_the_form(page)
    page.set_input_files("input[name=photos]", files=[
        {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": photo_files.TEXT_AS_JPEG}])
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#photos-error").inner_text().startswith(message)
    assert page.locator("#free_text").input_value() == TYPED
    assert page.locator("#code-injection_site_severe").is_checked()
    check_sizes(page)


def images_loaded(page) -> list[int]:
    return page.evaluate("() => [...document.querySelectorAll('.photo-thumbs img')].map(i => i.naturalWidth)")


def fill_the_form(page) -> None:
    tick(page, "injection_site_severe")
    page.fill("#free_text", TYPED)
    answer_questions(page)


def test_a_report_with_a_photo_and_the_nurses_flag_page_with_its_thumbnail(page, live_app):
    sign_in(page, "patient")
    page.goto("/symptoms/new")
    go_on_to_the_form(page)
    field = page.locator("input[name=photos]")
    assert field.get_attribute("accept") == "image/*" and field.get_attribute("multiple") is not None
    assert "Bilde av stikkstedet eller utslettet, høyst 3." in page.locator(".field-photos").inner_text()

    refuse_a_text_file(page, "Denne filen er ikke et bilde")
    switch_language(page)  # the form starts again, in English
    go_on_to_the_form(page)
    refuse_a_text_file(page, "This file is not a photo")

    # The photo itself (with GPS tags, as a phone takes it), sent again with the kept text.
    page.set_input_files("input[name=photos]", files=[
        {"name": "IMG_0002.jpg", "mimeType": "image/jpeg", "buffer": photo_files.jpeg_with_gps(orientation=6)}])
    answer_questions(page)
    click_and_wait(page, "form.stack button[type=submit]")
    report_id = int(re.search(r"/symptoms/(\d+)$", page.url).group(1))
    page.wait_for_function("() => [...document.querySelectorAll('.photo-thumbs img')].every(i => i.complete)")
    assert images_loaded(page) == [240]  # the thumbnail, upright: 240 x 320
    check_sizes_and_languages(page)

    with Session(live_app.extensions["db_engine"]) as session:
        flag = session.exec(select(Flag).where(Flag.symptom_report_id == report_id)).one()
        photo = session.exec(select(Photo).where(Photo.symptom_report_id == report_id)).one()
    click_and_wait(page, "form[action='/auth/logout'] button")

    sign_in(page, "nurse")
    page.goto(f"/nurse/flags/{flag.id}")
    page.wait_for_function("() => [...document.querySelectorAll('.photo-thumbs img')].every(i => i.complete)")
    assert images_loaded(page) == [240]
    assert page.locator(".photo-thumbs img").get_attribute("alt") == "Bilde 1 av 1: åpne i full størrelse"
    check_sizes_and_languages(page)

    with page.expect_response(f"**/photos/{photo.id}") as opened:
        page.click(".photo-thumbs a")
    response = opened.value
    assert response.status == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
