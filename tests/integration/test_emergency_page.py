"""The emergency page: 113 first, then what to do while waiting, seizure first aid and the self-harm line
(clinical review 2026-12 §1.3 item 12), in both languages, with numbers that dial and never wrap."""

from __future__ import annotations

import re

import pytest

TEXTS = {
    "nb": {
        "title": "<h1>Akutt hjelp</h1>",
        "nav": ">Akutt hjelp</a>",
        "breathless": "Er det tungt å puste, sitt oppreist.",
        "headache": "det kommer en plutselig, svært kraftig hodepine, den verste du har hatt",
        "seizure": ["Hvis noen får krampeanfall", "Ikke hold personen fast, og ikke putt noe i munnen.",
                    "stabilt sideleie", "Beskytt hodet"],
        "self_harm": ["Tanker om å skade deg selv", "Er du i fare nå, ring", "Mental Helses hjelpetelefon",
                      "Snakk med fastlegen, eller med legevakten på"],
        "legevakt": "ring legevakten på",
    },
    "en": {
        "title": "<h1>Emergency help</h1>",
        "nav": ">Emergency help</a>",
        "breathless": "If it is hard to breathe, sit up.",
        "headache": "a sudden, very severe headache comes, the worst you have ever had",
        "seizure": ["If someone has a seizure", "Do not hold the person down, and put nothing in their mouth.",
                    "the recovery position", "Protect the head"],
        "self_harm": ["Thoughts of harming yourself", "If you are in danger now, call", "Mental Helse",
                      "Talk to your GP, or to legevakt (the out-of-hours doctor) on"],
        "legevakt": "legevakt (the out-of-hours doctor)",
    },
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_emergency_page_has_what_to_do_in_the_readers_language(client, auth, lang):
    auth.login("patient")
    client.post("/language", data={"lang": lang, "next": "/"})
    page = client.get("/emergency").text
    text = TEXTS[lang]
    assert text["title"] in page and text["nav"] in page
    assert text["breathless"] in page and text["legevakt"] in page
    assert text["headache"] in page  # the new emergency item sudden_severe_headache (symptoms.md, review E7)
    for line in text["seizure"] + text["self_harm"]:
        assert line in page, line
    assert "Nødhjelp" not in page
    # 113 comes first, before any other number
    assert page.index('href="tel:113"') < page.index('href="tel:116123"') < page.index('href="tel:116117"')


def test_every_number_on_the_page_dials_and_does_not_wrap(client):
    page = client.get("/emergency").text  # the page is public: it works signed out too
    for number in ("113", "116123", "116117"):
        assert f'href="tel:{number}"' in page
    # a number in running text is one unbreakable link: «116 117» with a no-break space
    assert '<a class="nowrap" href="tel:116117">116\u00a0117</a>' in page
    assert '<a class="nowrap" href="tel:116123">116\u00a0123</a>' in page
    body = page.split("<main", 1)[1]
    assert not re.search(r"116 1\d\d", body)  # no ordinary space inside a number
