"""The emergency page and English dates in Chromium: 320 and 360 px phones, both languages, axe-clean,
no number broken over two lines (clinical review 2026-12 §1.3 item 12, walk defect 9)."""

from __future__ import annotations

import os
import re

import pytest

from .conftest import assert_accessible, sign_in, switch_language

SHOTS = os.environ.get("E2E_SHOTS")  # a folder to keep screenshots in, for a person to look at


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_emergency_page_reads_on_a_small_phone_with_numbers_on_one_line(page, width, lang):
    page.set_viewport_size({"width": width, "height": 740})
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    page.goto("/emergency")
    assert page.locator("h1").inner_text() == {"nb": "Akutt hjelp", "en": "Emergency help"}[lang]
    # every number in running text sits on one line: a wrapped inline link would have two line boxes
    rects = page.eval_on_selector_all("main a.nowrap", "links => links.map(a => a.getClientRects().length)")
    assert len(rects) >= 4 and set(rects) == {1}
    if width == 360:
        assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/emergency_{lang}_{width}.png", full_page=True)


def test_english_dates_are_european_in_the_browser(page):
    sign_in(page, "patient_en")
    page.goto("/learn/pml")
    meta = page.locator(".article-meta").inner_text()
    assert re.search(r"Last reviewed \d{1,2} [A-Z][a-z]+ 20\d\d", meta), meta
    page.goto("/injections/")
    text = page.locator("main").inner_text()
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}\b", text), "a US-style date"
    assert not re.search(r"\d:\d\d\s?[AP]M", text), "a 12-hour time"
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/history_en.png", full_page=True)


def test_the_checkups_page_says_when_a_check_is_due_and_when_one_is_overdue(page):
    # walk defect 27 and §6 #35: a past date is not "next", and nothing is booked
    page.set_viewport_size({"width": 320, "height": 740})
    sign_in(page, "patient_en")
    page.goto("/risk/checkups")
    text = page.locator("main").inner_text()
    assert "Should have been done by" in text and "Due date" in text and "Planned" not in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/checkups_en_320.png", full_page=True)
    switch_language(page)
    text = page.locator("main").inner_text()
    assert "Skulle vært tatt" in text and "Frist" in text
    page.goto("/learn/travel")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/travel_nb_320.png", full_page=True)
