"""Articles, the personal PML risk page, check-ups and the nurse's JCV forms in Chromium at 360 px,
checked with axe-core (issue 6)."""

from __future__ import annotations

import pytest

from webapp.education.articles import ARTICLE_ORDER, load_articles

from .conftest import assert_accessible, open_more_menu, sign_in, switch_language

ARTICLES = load_articles()


def follow(page, selector: str) -> None:
    """Click something that loads a new page, and wait until it has loaded."""
    with page.expect_navigation():
        page.click(selector)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_article_renders_in_both_languages_and_is_accessible(page, lang):
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    page.goto("/learn/")
    assert_accessible(page)
    for slug in ARTICLE_ORDER:
        page.goto(f"/learn/{slug}")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").inner_text() == ARTICLES[slug][lang].title
        assert page.locator(".article-body h2").count() >= 2, slug
        assert page.locator(".article-meta li").count() >= 1, slug
        assert_accessible(page)


def test_a_patient_finds_an_article_from_the_menu_and_follows_a_symptom_link(page):
    sign_in(page, "patient_en")
    open_more_menu(page)
    follow(page, "nav >> text=Learn more")
    follow(page, "text=PML – a rare but serious brain infection")
    link = page.locator("a", has_text="weakness in an arm or leg")
    assert link.get_attribute("href") == "/symptoms/new?code=limb_weakness"
    assert page.locator(".article-body a[href='tel:113']").first.is_visible()


def test_the_demo_patient_sees_a_personal_risk_page(page):
    sign_in(page, "patient")
    open_more_menu(page)
    follow(page, "nav >> text=Min PML-risiko")
    assert page.locator("h1").inner_text() == "Min PML-risiko"
    assert page.locator(".risk-number").inner_text() == "0,1 per 1000"
    assert "1 av 10" in page.locator(".risk-one-in").inner_text()
    svg = page.locator(".icon-array svg[role=img]").first  # the overview: ten boxes of 1000
    assert svg.is_visible()
    label = page.locator(f"#{svg.get_attribute('aria-labelledby')}").text_content()
    assert "10\xa0000 personer som deg" in label
    assert "Raden for 1–12 måneder" in page.locator("main").inner_text()
    assert_accessible(page)
    switch_language(page)
    assert page.locator(".risk-number").inner_text() == "0.1 per 1000"
    assert_accessible(page)


@pytest.mark.parametrize("who", ["patient_en", "patient2"])
def test_a_risk_page_without_a_figure_is_accessible(page, who):
    sign_in(page, who)
    page.goto("/risk/")
    assert page.locator(".risk-number").count() == 0
    assert page.locator("#no-figure-heading").is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_start_card_leads_to_the_check_ups(page, lang):
    sign_in(page, "patient_en")
    if lang == "nb":
        switch_language(page)
    assert page.locator("#next-check-heading").is_visible()
    assert_accessible(page)
    follow(page, "main a[href='/risk/checkups']")  # the card's link, not the one under "More"
    assert page.locator(".checkup").count() == 5
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_nurse_section_and_forms_are_accessible(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/patients/1")
    assert page.locator("#pml-monitoring").is_visible()
    assert_accessible(page)
    for form in ["jcv/new", "checks/new", "pml-factors"]:
        page.goto(f"/nurse/patients/1/{form}")
        assert_accessible(page)
        follow(page, "form.stack button[type=submit]")
        if form != "pml-factors":  # the factors form comes filled in
            assert page.locator(".error-summary").is_visible()
            assert_accessible(page)


def test_a_nurse_records_a_high_jcv_index_and_the_patient_sees_the_new_figure(browser, page, base_url):
    sign_in(page, "nurse")
    page.goto("/nurse/patients/1")
    follow(page, "text=Registrer JCV-svar")
    page.fill("#tested_on", page.evaluate("new Date().toLocaleDateString('sv-SE')"))
    page.check("input[name=result][value=positive]")
    page.fill("#jcv_index", "1,6")
    follow(page, "form.stack button[type=submit]")
    assert "JCV-svaret er lagret." in page.locator(".flashes").inner_text()
    assert "Planlegg bytte til annen behandling" in page.locator("#pml-monitoring").inner_text()
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base_url, locale="nb-NO")
    patient_page = context.new_page()
    sign_in(patient_page, "patient")
    patient_page.goto("/risk/")
    assert patient_page.locator(".risk-number").inner_text() == "0,2 per 1000"  # 1–12 months, index > 1.5
    assert "anti-CD20" not in patient_page.locator("main").inner_text()
    context.close()
