"""The education pages: list and articles in the reader's language, for signed-in users (issue 6)."""

from __future__ import annotations

import re

import pytest

from webapp.education.articles import ARTICLE_ORDER, load_articles

ARTICLES = load_articles()


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    for path in ["/learn/", "/learn/pml"]:
        response = client.get(path)
        assert response.status_code == 302 and response.location.startswith("/auth/login")


@pytest.mark.parametrize(("who", "lang"), [("patient", "nb"), ("patient_en", "en"), ("nurse", "nb")])
def test_the_list_shows_every_article_with_its_summary_in_the_readers_language(client, auth, who, lang):
    auth.login(who)
    page = client.get("/learn/").text
    for slug in ARTICLE_ORDER:
        article = ARTICLES[slug][lang]
        assert f'href="/learn/{slug}"' in page
        assert article.title in page and article.summary.replace("'", "&#39;") in page
    # the list follows the order the patient needs them in
    positions = [page.index(f'href="/learn/{slug}"') for slug in ARTICLE_ORDER]
    assert positions == sorted(positions)


@pytest.mark.parametrize("slug", ARTICLE_ORDER)
def test_every_article_renders_in_both_languages_with_review_date_and_sources(client, auth, slug):
    auth.login("patient")
    for lang, reviewed, sources in [("nb", "Sist gjennomgått", "Kilder"), ("en", "Last reviewed", "Sources")]:
        client.post("/language", data={"lang": lang, "next": "/"})
        response = client.get(f"/learn/{slug}")
        assert response.status_code == 200
        page = response.text
        assert f'<html lang="{lang}">' in page
        assert ARTICLES[slug][lang].title.replace("'", "&#39;") in page
        assert reviewed in page and f"<h2>{sources}</h2>" in page
        assert "<h2" in page.split('class="article-body"')[1]  # the body is rendered, not shown as Markdown
        assert "## " not in page


def test_an_article_shows_the_review_date_in_the_readers_format(client, auth):
    auth.login("patient_en")
    assert "Last reviewed 2 December 2026" in client.get("/learn/pml").text
    auth.logout()
    auth.login("patient")
    assert "Sist gjennomgått 2. desember 2026" in client.get("/learn/pml").text


def test_symptom_names_link_to_the_symptom_report_and_numbers_can_be_dialled(client, auth):
    auth.login("patient_en")
    page = client.get("/learn/pml").text
    assert '<a href="/symptoms/new?code=limb_weakness">weakness in an arm or leg</a>' in page
    assert '<a href="tel:116117">116 117</a>' in page and '<a href="tel:113">113</a>' in page


def test_the_public_sources_are_named_in_the_readers_language(client, auth):
    auth.login("patient")
    page = client.get("/learn/pml").text
    assert "Behandlingsprosedyren for natalizumab som klinikken din følger" in page
    assert "Pakningsvedlegget for Tysabri (i esken, og på felleskatalogen.no)" in page
    assert "Pasientkortet for Tysabri" in page


@pytest.mark.parametrize("slug", ARTICLE_ORDER)
def test_no_article_shows_a_patient_the_internal_fact_ids(client, auth, slug):
    # walk defect 30: "fakta P1, P2, E1" means nothing to a patient
    auth.login("patient")
    for lang in ("nb", "en"):
        client.post("/language", data={"lang": lang, "next": "/"})
        page = client.get(f"/learn/{slug}").text
        assert "fakta" not in page.lower().split('class="article-meta"')[1]
        assert "facts" not in page.lower().split('class="article-meta"')[1]
        assert not re.search(r"\b[A-Z]\d{1,2}, [A-Z]\d{1,2}\b", page)


def test_a_patient_reading_an_article_can_call_the_clinic(client, auth):
    auth.login("patient_en")
    page = client.get("/learn/storage").text
    assert 'href="tel:+4722000000"' in page


@pytest.mark.parametrize("slug", ["no-such-article", "pml.en", "README", "..%2Fmodels"])
def test_an_unknown_article_is_not_found(client, auth, slug):
    auth.login("patient")
    assert client.get(f"/learn/{slug}").status_code == 404


@pytest.mark.parametrize(("who", "label"), [("patient", "Lær mer"), ("nurse", "Pasientartikler")])
def test_the_menu_links_to_the_articles(client, auth, who, label):
    auth.login(who)
    page = client.get("/emergency").text
    assert f'<a href="/learn/">{label}</a>' in page


@pytest.mark.parametrize(("who", "claim"), [
    ("patient", "bygget på behandlingsprosedyren klinikken din følger og pakningsvedlegget"),
    ("patient_en", "based on the treatment procedure your clinic follows and the package leaflet"),
])
def test_the_list_says_the_same_true_thing_about_the_texts_in_both_languages(client, auth, who, claim):
    # review §1.4: the English claimed the clinic team wrote them, the Norwegian did not
    auth.login(who)
    page = client.get("/learn/").text
    assert claim in page
    assert "written for you by the clinic team" not in page


def test_a_link_between_articles_opens_the_other_article(client, auth):
    auth.login("patient")
    page = client.get("/learn/rebound").text
    assert '<a href="/learn/travel">Reise med natalizumab</a>' in page
    assert client.get("/learn/travel").status_code == 200

