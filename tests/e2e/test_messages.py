"""Messages in Chromium (issue 13): a patient writes with a photo and reads the thread; a nurse opens the
inbox and the thread and replies. Axe-clean in both languages, and fitting at 320 and 360 px with 125 % text."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from .conftest import assert_accessible, assert_fits_every_phone, click_and_wait, sign_in, switch_language

TEXT = {
    "nb": {"new": "Ny melding", "send": "Send", "due": "Klinikken svarer innen", "photo": "Bilde 1 av 1",
           "not_urgent": "Ikke for noe som haster", "reply": "Skriv et svar"},
    "en": {"new": "New message", "send": "Send", "due": "The clinic answers within", "photo": "Photo 1 of 1",
           "not_urgent": "Not for anything urgent", "reply": "Write a reply"},
}


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(out, "PNG")
    return out.getvalue()


def fits_everywhere(page) -> None:
    assert_fits_every_phone(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_patient_writes_a_message_with_a_photo_and_reads_the_thread(page, lang):
    text = TEXT[lang]
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    page.goto("/messages")
    assert text["not_urgent"] in page.inner_text("main")
    assert page.locator("main a[href='tel:113']").count() == 1
    assert_accessible(page)
    fits_everywhere(page)
    click_and_wait(page, f"main a:has-text('{text['new']}')")
    assert text["due"] in page.inner_text("main")
    assert_accessible(page)
    fits_everywhere(page)
    page.fill("input[name=subject]", "Stikkstedet")
    page.fill("textarea[name=body]", "Litt rødt der jeg stakk meg i går. Er det greit å ta neste dose som planlagt?")
    page.set_input_files("input[name=photos]", files=[{"name": "site.png", "mimeType": "image/png",
                                                      "buffer": png_bytes()}])
    click_and_wait(page, f"main button:has-text('{text['send']}')")
    main = page.inner_text("main")
    assert "Litt rødt der jeg stakk meg" in main and text["due"] in main
    assert text["photo"] in page.locator("main .photo-thumbs img").get_attribute("alt")
    assert page.locator("h1").inner_text() == "Stikkstedet"
    assert_accessible(page)
    fits_everywhere(page)
    # An answered demo thread, in the list.
    page.goto("/messages")
    assert page.locator(".thread-list li").count() == 2
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_nurse_opens_the_inbox_and_a_thread_and_replies(page, lang):
    text = TEXT[lang]
    sign_in(page, "patient")
    page.goto("/messages/new")
    page.fill("input[name=subject]", "Reise")
    page.fill("textarea[name=body]", "Kan jeg flytte dosen to dager fordi jeg skal på tur?")
    page.set_input_files("input[name=photos]", files=[{"name": "ticket.png", "mimeType": "image/png",
                                                      "buffer": png_bytes()}])
    click_and_wait(page, "main button[type=submit]")
    page.context.clear_cookies()
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/messages")
    assert "Reise" in page.inner_text("main")
    assert_accessible(page)
    fits_everywhere(page)
    click_and_wait(page, "main .thread-list a:has-text('Reise')")
    main = page.inner_text("main")
    assert text["reply"] in main and "Per Pasient" in main
    assert text["photo"] in page.locator("main .photo-thumbs img").get_attribute("alt")
    assert_accessible(page)
    fits_everywhere(page)
    page.fill("textarea[name=body]", "Ja, to dager senere går fint. Logg dosen som vanlig.")
    click_and_wait(page, f"main button:has-text('{text['send']}')")
    assert "to dager senere går fint" in page.inner_text("main")
    assert_accessible(page)
    page.goto("/nurse/messages?show=all")
    assert_accessible(page)
    fits_everywhere(page)
