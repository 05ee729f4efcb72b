import pytest

from webapp.domain.levels import Level
from webapp.domain.predose import PreDoseQuestion, assess_predose


def test_all_no_lets_the_dose_go_ahead_with_no_flag():
    result = assess_predose([])
    assert result.go_ahead and result.level == Level.NONE and result.symptom_codes == ()


@pytest.mark.parametrize("question", [q for q in PreDoseQuestion if q != PreDoseQuestion.SIGHT_LOST_SUDDENLY])
def test_any_yes_stops_the_dose_and_is_urgent(question):
    result = assess_predose([question.value])
    assert not result.go_ahead
    assert result.level == Level.URGENT
    assert result.yes == (question,)
    assert result.reasons == (f"predose:{question.value}",)


def test_yes_answers_map_to_the_symptom_vocabulary():
    result = assess_predose(["pregnancy", "fever_infection", "unknown-question"])
    assert result.symptom_codes == ("fever", "pregnancy")
    assert result.yes == (PreDoseQuestion.FEVER_INFECTION, PreDoseQuestion.PREGNANCY)


def test_sight_lost_within_minutes_is_an_emergency_even_with_other_answers():
    # clinical review E8: sudden loss of sight is stroke-like, 113 and not a wait for a call
    result = assess_predose(["sight_lost_suddenly", "eye_sight"])
    assert not result.go_ahead
    assert result.level == Level.EMERGENCY
    assert result.symptom_codes == ("vision_change", "eye_infection_signs")


def test_eye_pain_or_sight_worse_over_days_stays_urgent():
    assert assess_predose(["eye_sight"]).level == Level.URGENT


def test_the_stored_question_codes_keep_their_meaning():
    # Injection.checklist stores these codes: a renamed code would orphan the stored answers
    assert {q.value for q in PreDoseQuestion} >= {
        "neuro_symptoms", "fever_infection", "reaction_last_dose", "immunosuppressant", "pregnancy",
        "live_vaccine", "eye_sight"}
