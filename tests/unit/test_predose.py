import pytest

from webapp.domain.levels import Level
from webapp.domain.predose import PreDoseQuestion, assess_predose


def test_all_no_lets_the_dose_go_ahead_with_no_flag():
    result = assess_predose([])
    assert result.go_ahead and result.level == Level.NONE and result.symptom_codes == ()


@pytest.mark.parametrize("question", list(PreDoseQuestion))
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
