"""The free-text reader: clinical/symptoms.md "Free text", and every sample of triage_examples.tsv."""

from __future__ import annotations

import csv
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.clinical_files import clinical_file
from webapp.domain.levels import Level
from webapp.domain.triage import SYMPTOMS, TextFindings, assess, assess_text, read_text

EXAMPLES_TSV = clinical_file("triage_examples.tsv")


def _examples():
    with EXAMPLES_TSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [pytest.param(r["lang"], r["text"], r["expected_level"], r["expected_category"], id=r["text"][:50]) for r in rows]


def test_the_sample_file_has_its_thirty_messages():
    assert len(_examples()) == 30


@pytest.mark.parametrize(("lang", "text", "level", "category"), _examples())
def test_every_sample_message_gets_its_expected_level_and_category(lang, text, level, category):
    result = assess_text(text, lang)
    assert (result.level.value, result.category) == (level, category), result.reasons


def codes(text: str, lang: str = "nb") -> tuple[str, ...]:
    return read_text(text, lang).codes


# --- vocabulary: inflections, compounds, English, descriptions without the keywords --------------------------
@pytest.mark.parametrize(("text", "code"), [
    ("nummen i venstre arm", "numbness_tingling"),
    ("nummenhet i foten", "numbness_tingling"),
    ("nummenheten har spredt seg til leggen", "numbness_tingling"),
    ("det prikker i fingrene", "numbness_tingling"),
    ("prikking i tærne", "numbness_tingling"),
    ("en prikkende følelse i hånda", "numbness_tingling"),
    ("jeg ser dobbelt", "double_vision"),
    ("dobbeltsyn", "double_vision"),
    ("hovent i halsen", "face_throat_swelling"),
    ("leppene hovner opp", "face_throat_swelling"),
    ("hevelse i ansiktet", "face_throat_swelling"),
    ("tunga er hoven", "face_throat_swelling"),
    ("svimmel", "dizziness_mild"),
    ("svimmelheten kommer og går", "dizziness_mild"),
    ("klarer ikke finne ordene", "speech_problems"),
    ("jeg mister grepet om koppen", "clumsiness"),
    ("beina svikter", "limb_weakness"),
    ("synet er uklart", "vision_change"),
    ("det flimrer for øynene", "vision_change"),
    ("venstrearmen er helt kraftløs", "limb_weakness"),
])
def test_norwegian_inflections_and_compounds_are_read(text, code):
    assert code in codes(text)


@pytest.mark.parametrize(("text", "code"), [
    ("my left arm is numb", "numbness_tingling"),
    ("pins and needles in my feet", "numbness_tingling"),
    ("I'm seeing double", "double_vision"),
    ("I see two TV screens instead of one", "double_vision"),
    ("my speech is slurred", "speech_problems"),
    ("yesterday I put the milk in the oven", "confusion"),
    ("urine the colour of strong tea", "jaundice_dark_urine"),
    ("bruises keep appearing", "bruising_bleeding"),
    ("the whites of my eyes look yellow", "jaundice_dark_urine"),
    ("my husband is jerking all over and not responding", "seizure"),
])
def test_english_and_descriptions_without_the_keywords_are_read(text, code):
    assert code in codes(text, "en")


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("seks uker på vei", "nb", "pregnancy"),
    ("blemmer i et belte rundt livet", "nb", "shingles"),
    ("rykker i hele kroppen og svarer ikke", "nb", "seizure"),
    ("the words on the page don't make sense", "en", "speech_problems"),
])
def test_the_briefs_own_examples_are_read(text, lang, code):
    assert code in codes(text, lang)


@pytest.mark.parametrize(("typo", "code"), [
    ("svimel og kvalm", "dizziness_mild"),
    ("dobelsyn siden i går", "double_vision"),
    ("numen i tærne", "numbness_tingling"),
    ("prikinger i fingrene", "numbness_tingling"),
    ("nummnehet i foten", "numbness_tingling"),
    ("I feel dizzzy", "dizziness_mild"),
    ("a lot of dizzyness", "dizziness_mild"),
    ("my vison is blurry", "vision_change"),
    ("tingeling in my hand", "numbness_tingling"),
])
def test_common_typos_are_still_read(typo, code):
    assert code in codes(typo)


@pytest.mark.parametrize("text", ["I tried to call", "horse riding today", "the couch is new", "spain in june"])
def test_ordinary_words_one_letter_from_a_symptom_are_not_symptoms(text):
    assert codes(text, "en") == ()


def test_an_english_compound_is_not_split_into_a_symptom():
    assert codes("I swim backstroke every morning", "en") == ()


# --- negation ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "lang"), [
    ("ingen feber", "nb"), ("har ikke feber", "nb"), ("uten feber", "nb"), ("feberfri i to dager", "nb"),
    ("no fever", "en"), ("I don't have a fever", "en"), ("never had a fever on Tysabri", "en"),
])
def test_a_negated_fever_is_no_fever(text, lang):
    assert read_text(text, lang).fever is False


@pytest.mark.parametrize(("text", "lang"), [
    ("ikke tungpusten", "nb"), ("pusten er ikke tung", "nb"), ("no trouble breathing", "en"),
    ("without any shortness of breath", "en"),
])
def test_negated_breathing_trouble_is_not_read(text, lang):
    assert "breathing_difficulty" not in codes(text, lang)


def test_negation_stays_in_its_clause():
    assert "numbness_tingling" in codes("Ingen feber, men nummen i armen")
    assert "numbness_tingling" in codes("no fever and my arm is numb", "en")
    assert read_text("feber på 38,8 i kveld, ellers ingen plager", "nb").fever


def test_a_negated_list_is_negated_to_its_end():
    assert codes("ingen feber, hoste eller utslett") == ()
    assert codes("no fever, cough or rash", "en") == ()


def test_a_negated_mention_does_not_lower_what_was_checked():
    assert assess(codes=["fever"], free_text="ingen feber").level == Level.URGENT
    assert assess(codes=["breathing_difficulty"], free_text="no trouble breathing").level == Level.EMERGENCY


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("vet ikke om det er noe, men ser uklart", "nb", "vision_change"),
    ("not sure if it matters but my hand is numb", "en", "numbness_tingling"),
    ("sikkert ingenting, bare litt nummen i tåa", "nb", "numbness_tingling"),
    ("probably nothing but I keep dropping things", "en", "clumsiness"),
    ("aldri hatt dette før: jeg ser dobbelt", "nb", "double_vision"),
])
def test_uncertainty_and_reassurance_are_not_negation(text, lang, code):
    assert code in codes(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("sikkert ingenting, men jeg er nummen i armen", "nb"),
    ("probably nothing, but I'm seeing double", "en"),
])
def test_reassurance_never_lowers_the_level(text, lang):
    assert assess_text(text, lang).level == Level.URGENT


# --- hypothetical, past, resolved, stable -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "lang"), [
    ("hva gjør jeg hvis jeg får dobbeltsyn?", "nb"),
    ("What should I do if I get a fever?", "en"),
    ("Kan Tysabri gi hodepine?", "nb"),
    ("Is numbness a side effect of natalizumab?", "en"),
    ("Dersom jeg skulle bli gravid, hva da?", "nb"),
])
def test_a_question_about_a_symptom_is_a_note_not_a_flag(text, lang):
    result = assess_text(text, lang)
    assert result.level == Level.NONE
    assert "text:question" in result.reasons


@pytest.mark.parametrize(("text", "lang"), [
    ("Hva gjør jeg? Jeg ser dobbelt nå.", "nb"),
    ("I've had a fever since yesterday, should I still inject?", "en"),
    ("Er det normalt at armen min er nummen?", "nb"),
])
def test_a_question_that_also_says_it_is_happening_counts(text, lang):
    assert assess_text(text, lang).level == Level.URGENT


@pytest.mark.parametrize(("text", "lang"), [
    ("hadde feber i fjor", "nb"),
    ("I had double vision years ago", "en"),
    ("Hadde dobbeltsyn under attakket i 2019", "nb"),
    ("the headache I had last week went away", "en"),
    ("Feberen er borte nå", "nb"),
])
def test_past_and_resolved_mentions_are_not_new_symptoms(text, lang):
    result = assess_text(text, lang)
    assert result.level == Level.NONE
    assert "text:past" in result.reasons


def test_a_symptom_that_came_and_went_today_is_still_logged():
    assert assess_text("Svimmel i et par minutter i dag, gikk fort over", "nb").level == Level.ROUTINE
    assert assess_text("the headache went away after an hour", "en").level == Level.ROUTINE


def test_an_emergency_that_just_passed_still_counts():
    assert assess_text("besvimte i morges, men føler meg bra nå", "nb").level == Level.EMERGENCY


def test_an_unchanged_old_symptom_is_known_and_stable():
    result = assess_text("the numbness from last year's relapse is unchanged", "en")
    assert (result.level, result.codes) == (Level.ROUTINE, ("known_ms_stable",))


def test_worse_than_usual_is_not_stable():
    result = assess_text("nummenheten er verre enn vanlig", "nb")
    assert (result.level, result.category) == (Level.URGENT, "neuro")
    assert "known_ms_stable" not in result.codes


def test_a_stable_symptom_that_lasts_or_worsens_is_urgent_again():
    assert assess_text("MS-trøtthet som vanlig, men verre for hver dag", "nb").level == Level.URGENT


# --- modifiers ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "lang"), [
    ("kløe rett etter dosen", "nb"), ("itchy since the injection", "en"), ("svimmel etter sprøyten", "nb"),
    ("flushed about an hour after I injected", "en"),
])
def test_after_the_dose_is_within_two_hours(text, lang):
    assert read_text(text, lang).within_2h_of_injection


def test_days_after_the_dose_is_not_within_two_hours():
    assert not read_text("svimmel tre dager etter sprøyten", "nb").within_2h_of_injection


def test_a_routine_complaint_after_the_dose_is_urgent():
    assert assess_text("litt kvalm rett etter sprøyta", "nb").level == Level.URGENT


@pytest.mark.parametrize(("text", "lang"), [
    ("nummen siden i forgårs", "nb"), ("numb for three days", "en"), ("svimmel i to dager", "nb"),
    ("tingling since last week", "en"), ("prikker i foten i flere dager", "nb"),
])
def test_durations_over_a_day_are_read(text, lang):
    assert read_text(text, lang).lasted_over_24h


def test_two_hours_is_not_over_a_day():
    assert not read_text("svimmel i to timer", "nb").lasted_over_24h


@pytest.mark.parametrize(("text", "lang"), [
    ("blir verre", "nb"), ("getting worse", "en"), ("verre for hver dag", "nb"), ("worse and worse", "en"),
])
def test_getting_worse_is_read(text, lang):
    assert read_text(f"hodepine, {text}" if lang == "nb" else f"headache, {text}", lang).getting_worse


def test_not_getting_worse_is_not_getting_worse():
    assert not read_text("numbness, not getting worse", "en").getting_worse


def test_sudden_onset_with_a_neuro_deficit_is_an_emergency():
    assert assess_text("plutselig nummen i hele venstre side", "nb").level == Level.EMERGENCY
    assert assess_text("all of a sudden I can't speak properly", "en").level == Level.EMERGENCY


def test_sudden_without_a_neuro_deficit_changes_nothing():
    assert assess_text("plutselig litt kvalm", "nb").level == Level.ROUTINE


@pytest.mark.parametrize(("text", "lang"), [
    ("kona sier jeg glemmer mye", "nb"), ("min mann har merket at jeg snubler", "nb"),
    ("datteren min sier jeg snakker utydelig", "nb"), ("my husband noticed I'm confused", "en"),
    ("my son says I keep forgetting things", "en"),
])
def test_what_a_relative_reports_counts_and_is_marked(text, lang):
    result = assess_text(text, lang)
    assert result.level == Level.URGENT and result.category == "neuro"
    assert "reported_by_other" in result.reasons


# --- temperatures -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "fever"), [
    ("feber på 38,8", True), ("temp 38.5", True), ("39 i feber", True), ("febril", True), ("målte 38,0 i kveld", True),
    ("temp 101.3F", True), ("37,5", False), ("temp 37,5", False), ("litt feber, 37,6", False),
    ("under 38 i temp", False), ("38 uker på vei", False), ("sprøytene lå i bilen i 38 grader", False),
])
def test_a_temperature_of_38_or_more_is_fever(text, fever):
    assert read_text(text, "nb").fever is fever


def test_fever_with_confusion_is_an_emergency():
    assert assess_text("39,2 i feber og forvirret", "nb").level == Level.EMERGENCY


def test_headache_with_fever_is_urgent_infection():
    result = assess_text("hodepine og feber", "nb")
    assert (result.level, result.category) == (Level.URGENT, "infection")


# --- non-clinical, cold chain, unplaced ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "lang"), [
    ("har logget dagens dose", "nb"), ("Hvor kaster jeg brukte sprøyter?", "nb"), ("When do I order more?", "en"),
    ("Kan jeg kjøre bil etter dosen?", "nb"), ("Can I have the covid vaccine?", "en"),
    ("went smoothly, no reactions", "en"), ("Takk for hjelpen!", "nb"), ("", "nb"), ("   ", "en"),
])
def test_non_clinical_messages_give_nothing(text, lang):
    findings = read_text(text, lang)
    assert (findings.codes, findings.extra, findings.fever) == ((), (), False)
    assert assess_text(text, lang).level == Level.NONE


@pytest.mark.parametrize(("text", "lang"), [
    ("strømbrudd i natt, kjøleskapet var av i tre timer", "nb"), ("I left the syringes out overnight", "en"),
    ("sprøytene frøs i kjøleskapet", "nb"), ("the fridge showed 12 degrees this morning", "en"),
])
def test_a_cold_chain_break_is_routine_for_the_nurse(text, lang):
    assert read_text(text, lang).extra == ((Level.ROUTINE, "general", "text:cold_chain"),)


def test_a_fridge_at_the_right_temperature_is_nothing():
    assert read_text("kjøleskapet viser 5 grader", "nb").extra == ()


@pytest.mark.parametrize(("text", "lang"), [
    ("Har vondt i en tann", "nb"), ("I've got a ringing in my ears", "en"), ("føler meg rar", "nb"),
    ("something feels off but I can't explain it", "en"),
])
def test_a_complaint_that_matches_no_item_is_flagged_for_a_call(text, lang):
    findings = read_text(text, lang)
    assert findings.codes == ()
    assert findings.extra == ((Level.ROUTINE, "general", "text:unplaced"),)


def test_lang_only_breaks_ties():
    for text in ("jeg ser dobbelt", "I see double", "Ingen feber but my arm is numb"):
        assert read_text(text, "nb") == read_text(text, "en")


def test_mixed_languages_in_one_message_are_read():
    assert set(codes("Jeg har double vision siden i går og my hand is numb")) >= {"double_vision", "numbness_tingling"}


# --- hostile input ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "", " \t\n ", "\x00\x01\x02\x1b[31m", "<script>alert('x')</script><b>svimmel</b>", "&lt;b&gt; &amp; &#x1F600;",
    "🤒🤕" * 500, "ﬁ ﬂ Ⅻ ＦＥＢＥＲ", "nu\u200bmmen", "\ud800", "a" * 20_000, "?" * 5_000, "-" * 5_000,
    "ikke " * 3_000, "38,8 " * 2_000, "hvis om if " * 1_000, "é" * 10_000 + " feber",
])
def test_odd_input_never_crashes(text):
    assert isinstance(read_text(text, "nb"), TextFindings)
    assess_text(text, "en")


def test_html_around_a_symptom_does_not_hide_it():
    assert "dizziness_mild" in codes("<p>Jeg er <b>svimmel</b></p>")
    assert "numbness_tingling" in codes("nu\u200bmmen i armen")


@pytest.mark.parametrize("text", [
    ("Jeg har vært litt svimmel i dag, men ellers går det bra med dosene. " * 160),
    " ".join(f"ord{i % 997}x{i}" for i in range(1_100)),
    "x" * 60_000,
    ("feber hodepine nummen " * 500),
])
def test_a_long_message_is_read_fast(text):
    assert len(text) > 10_000
    read_text(text, "nb")  # warm the word caches as the app does
    runs = []
    for _ in range(3):  # the best of three: a garbage-collector pause is not the reader's own time
        start = time.perf_counter()
        read_text(text, "nb")
        runs.append(time.perf_counter() - start)
    # A guard against reading that grows faster than the text (a 10,000-character message is read in
    # 10-20 ms on a quiet machine), not a speed target: the bound is generous so that a busy CI machine
    # cannot fail it, while a quadratic reading of 60,000 characters still would.
    assert min(runs) < 1.0


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), code=st.sampled_from([item.code for item in SYMPTOMS]))
def test_free_text_never_lowers_what_was_checked(text, code):
    assert assess(codes=[code], free_text=text).level.rank >= assess(codes=[code]).level.rank


_WORDS = (
    "feber 38,9 kvalm svimmel som vanlig ikke ingen hvis nummen prikker ser dobbelt hovent leppene tunga etter dosen"
    " sprøyten der jeg stakk rødt blåmerke i fjor gikk over kona sier plutselig verre i tre dager diaré oppkast svie"
    " tisser stiv nakke hodepine utslett kløe frysninger gravid kjøleskapet varmt unchanged as usual no fever if my"
    " husband noticed numb tingling chest hurts dark urine yellow eyes bruises rash itchy chills since the injection"
    " worse every day for three days cold sore throat cough blisters around my eye heavy legs forgot confused ?"
).split()


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), lang=st.sampled_from(["nb", "en"]))
def test_every_code_read_from_any_mix_of_words_is_in_the_vocabulary(words, lang):
    result = assess_text(" ".join(words), lang)
    vocabulary = {item.code for item in SYMPTOMS}
    assert set(result.codes) <= vocabulary
    assert not any(reason.startswith("unknown:") for reason in result.reasons)


# Round 13 of the reader's dev rounds: the crisis screen for a thought asked as a question, education for a
# question about a named side effect (symptoms.md self_harm_thoughts note; Free text), and "right now" is no onset.
@pytest.mark.parametrize(("text", "lang", "level"), [
    ("what if I just took all my tablets at once, would anyone notice", "en", "urgent"),
    ("Kan Tysabri gi selvmordstanker?", "nb", "none"),
    ("Can natalizumab cause suicidal thoughts?", "en", "none"),
    ("Jeg ble nummen i foten for tre dager siden, akkurat nå er det verre", "nb", "urgent"),
    ("Nå nettopp ble det helt mørkt på halve synet på venstre øye", "nb", "emergency"),
])
def test_a_question_is_education_unless_it_is_the_thought_itself(text, lang, level):
    assert assess_text(text, lang).level.value == level


@pytest.mark.parametrize(("text", "lang"), [
    ("jeg har blitt mer glemsk og klønete med høyre hånd de siste ukene", "nb"),  # the walk's example (defect 8)
    ("dei siste vekene har eg vorte nummen i foten", "nb"),
    ("over the last few weeks my right hand has become clumsy", "en"),
])
def test_the_last_few_weeks_is_lasting_and_tells_the_nurse_possible_relapse_or_pml(text, lang):
    # symptoms.md Free text: "de siste ukene" with a neuro item -> lasting; the nurse weighs relapse or PML (A1, E3)
    result = assess_text(text, lang)
    assert result.level == Level.URGENT
    assert "modifier:over_24h" in result.reasons and "nurse:possible_relapse_or_pml" in result.reasons
