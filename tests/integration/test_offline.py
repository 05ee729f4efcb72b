"""The server's side of NataHjem with no network (issue 16 part 2): the offline dose form, what base.html
hands the service worker (whose pages it may keep, under whose key), the emergency page with the clinic's
number, the symptom form's "call instead" notice, and an installable manifest."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from tests.integration.test_injections import an_hour_ago
from webapp.domain.predose import PreDoseQuestion
from webapp.models import Injection
from webapp.security import CONTENT_SECURITY_POLICY

STATIC = Path(__file__).resolve().parent.parent.parent / "static"
CLINIC_TEL = 'href="tel:+4722000000"'


def device_of(page: str) -> dict[str, str]:
    tag = re.search(r'<div id="offline-device"[^>]*>', page).group(0)
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', tag))


def test_the_offline_dose_form_has_the_safety_questions_and_the_dose_and_posts_the_check(client, auth):
    auth.login("patient")
    response = client.get("/injections/offline")
    assert response.status_code == 200
    page = response.text
    assert '<form method="post" action="/injections/check" class="stack" id="offline-dose"' in page
    for question in PreDoseQuestion:
        assert f'name="{question.value}"' in page
    for name in ["day", "time", "syringes", "site_1", "batch_1", "site_2", "batch_2", "reaction", "note"]:
        assert f'name="{name}"' in page
    # the phone makes the client id, date and time when the dose is saved: the page is kept for days
    assert 'name="client_id"' not in page
    assert re.search(r'<input[^>]*name="day"[^>]*value=""', page)
    assert "Registrer dosen uten nettforbindelse" in page
    assert CLINIC_TEL in page  # "do not inject now: call your clinic"
    assert 'href="tel:113"' in page


def test_without_javascript_the_offline_form_is_the_ordinary_safety_check(client, auth, db_session):
    auth.login("patient")
    fields = {"then": "log", "syringes": "2", "site_1": "thigh_left", "site_2": "thigh_right", **an_hour_ago()}
    response = client.post("/injections/check", data=fields)
    assert response.location == "/injections/new"  # the dose is typed on the next page, as usual
    assert db_session.exec(select(Injection).where(Injection.client_id.is_(None))).all() == []


def test_a_nurse_gets_no_offline_dose_form_and_a_signed_out_visitor_is_sent_to_sign_in(client, auth):
    auth.login("nurse")
    assert client.get("/injections/offline").status_code == 403
    auth.logout()
    assert client.get("/injections/offline").status_code == 302


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_patient_page_names_her_pages_for_the_worker_and_none_with_health_data(client, auth, lang):
    auth.login("patient")
    client.post("/language", data={"lang": lang, "next": "/"})
    device = device_of(client.get("/").text)
    pages = device["pages"].split(" ")
    assert pages[:4] == ["/emergency", "/injections/offline", "/symptoms/new", "/learn/"]
    assert all(page.startswith("/learn/") for page in pages[4:]) and len(pages) > 10
    # never the start page, the history, messages or anything else with her record
    assert not {"/", "/injections/", "/messages/", "/my-data"} & set(pages)
    assert re.fullmatch(r"[0-9a-f]{24}", device["owner"]) and re.fullmatch(r"[0-9a-f]{24}", device["pages-key"])


def test_the_keys_are_per_person_and_the_page_cache_key_changes_with_the_language(client, auth):
    auth.login("patient")
    nb = device_of(client.get("/").text)
    client.post("/language", data={"lang": "en", "next": "/"})
    en = device_of(client.get("/").text)
    assert nb["owner"] == en["owner"]  # her waiting doses stay hers in either language
    assert nb["pages-key"] != en["pages-key"]  # the kept pages are replaced in the new language
    auth.logout()
    auth.login("patient2")
    other = device_of(client.get("/").text)
    assert other["owner"] != nb["owner"] and other["pages-key"] not in {nb["pages-key"], en["pages-key"]}


def test_signed_out_and_nurse_pages_give_the_worker_no_one_so_it_drops_every_kept_page(client, auth):
    assert device_of(client.get("/auth/login").text) == {}
    auth.login("nurse")
    assert device_of(client.get("/nurse/", follow_redirects=True).text) == {}
    assert 'data-sign-out' in client.get("/nurse/", follow_redirects=True).text


def test_the_emergency_page_gives_a_patient_her_clinics_number_and_no_one_else(client, auth):
    assert CLINIC_TEL not in client.get("/emergency").text
    auth.login("patient")
    page = client.get("/emergency").text
    assert CLINIC_TEL in page and 'href="tel:113"' in page and 'href="tel:116117"' in page
    assert "Klinikken din" in page


@pytest.mark.parametrize("path", ["/symptoms/new", "/symptoms/new?step=more"])
def test_the_symptom_form_carries_the_call_instead_notice_hidden_until_offline(client, auth, path):
    auth.login("patient")
    page = client.get(path).text
    notice = re.search(r'<div id="symptom-offline".*?</div>', page, re.S).group(0)
    assert " hidden>" in notice
    assert "lagres ikke for å sendes senere" in notice
    assert 'href="tel:113"' in notice and CLINIC_TEL in notice


def test_the_start_page_has_the_waiting_list_hidden_with_its_texts(client, auth):
    auth.login("patient")
    page = client.get("/").text
    tag = re.search(r'<section id="offline-queue"[^>]*>', page, re.S).group(0)
    assert " hidden" in tag
    assert "1 dose venter på denne telefonen på å bli sendt. Klinikken kan ikke se den ennå." in tag
    assert "{n} doser venter" in tag


def test_pages_load_the_offline_script_from_our_origin_and_no_inline_script(client, auth):
    auth.login("patient")
    page = client.get("/").text
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts and all('src="/static/js/' in tag for tag in scripts)
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "worker-src 'self'" in CONTENT_SECURITY_POLICY
    with client.get("/static/js/offline.js") as script:
        assert script.status_code == 200


def test_the_manifest_names_png_icons_of_192_and_512_any_and_maskable(client):
    with client.get("/static/manifest.webmanifest") as response:
        assert response.status_code == 200
        manifest = json.loads(response.data)
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone" and manifest["id"] == "/"
    pngs = {(icon["sizes"], icon["purpose"]): icon["src"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert set(pngs) == {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")}
    for (sizes, purpose), src in pngs.items():
        with Image.open(STATIC / src.removeprefix("/static/")) as image:
            assert f"{image.width}x{image.height}" == sizes and image.format == "PNG"
            if purpose == "maskable":  # a launcher may cut any shape: no transparent corner
                assert image.convert("RGBA").getpixel((0, 0))[3] == 255


KEEP = {"X-NataHjem-Keep": "1"}  # what static/sw.js sends when it fetches a page to keep


def test_a_background_fetch_of_a_kept_page_never_sets_a_cookie(client, auth):
    """A fill still under way when she signs out must not overwrite the next person's session (it signed
    the nurse out in a browser test): pages fetched to keep are answered without a cookie."""
    # the sign-in page makes a session (its form's token) for an ordinary visit, none for a kept-page fetch
    assert "Set-Cookie" in client.application.test_client().get("/auth/login").headers
    assert "Set-Cookie" not in client.get("/auth/login", headers=KEEP).headers
    assert "Set-Cookie" not in client.get("/learn/pml", headers=KEEP).headers  # signed out: 302, no cookie
    auth.login("patient")
    with client.session_transaction() as session:
        session["seen_at"] -= 600  # an ordinary request would now write a new seen_at
    kept = client.get("/learn/pml", headers=KEEP)
    assert kept.status_code == 200 and "Set-Cookie" not in kept.headers
    assert "Set-Cookie" in client.get("/learn/pml").headers  # the same page, opened by her
    # only a GET is answered without a cookie: signing out with the header still ends the session's cookie
    cookie_name = client.application.config["SESSION_COOKIE_NAME"]
    signed_out = client.post("/auth/logout", headers=KEEP)
    assert any(value.startswith(cookie_name + "=") for value in signed_out.headers.getlist("Set-Cookie"))
