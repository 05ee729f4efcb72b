"""Each kind of flag offers the outcomes that fit it (issue 13, walk defect 12), and every outcome a nurse
can choose has words for the nurse and for the patient, who reads it on the report page."""

from __future__ import annotations

import pytest

from webapp.models import Flag
from webapp.nurse.flag_labels import (
    MONITORING,
    OUTCOME_LABELS,
    OUTCOMES_BY_KIND,
    PHARMACY,
    SCHEDULE,
    SYMPTOM,
    chosen_outcomes,
    flag_kind,
    outcome_choices,
)
from webapp.symptoms.labels import PATIENT_OUTCOME_LABELS


def a_flag(source: str, code: str, **fields) -> Flag:
    return Flag(patient_id=1, clinic_id=1, source=source, code=code, level="urgent", **fields)


@pytest.mark.parametrize("source, code, kind", [
    ("symptom", "symptom_report", SYMPTOM),
    ("checklist", "checklist_report", SYMPTOM),
    ("injection_reaction", "injection_reaction_report", SYMPTOM),
    ("followup", "followup_worse", SYMPTOM),
    ("supply", "cold_chain", PHARMACY),
    ("supply", "no_supply_for_next_dose", PHARMACY),
    ("schedule", "rebound_risk", SCHEDULE),
    ("injection", "partial_dose", SCHEDULE),
    ("injection", "early_dose", SCHEDULE),
    ("monitoring", "jcv_overdue", MONITORING),
])
def test_each_flag_has_the_kind_its_source_and_code_say(source, code, kind):
    assert flag_kind(a_flag(source, code)) == kind


def test_every_offered_outcome_has_words_for_the_nurse_and_the_patient():
    offered = {code for codes in OUTCOMES_BY_KIND.values() for code in codes}
    assert offered <= set(OUTCOME_LABELS)
    assert offered <= set(PATIENT_OUTCOME_LABELS)


def test_the_next_dose_can_wait_after_any_kind_of_flag():
    # facts §3 "Dose on hold": a nurse's "the next dose waits" is open to every kind
    assert all("dose_on_hold" in codes for codes in OUTCOMES_BY_KIND.values())


def test_a_pharmacy_flag_does_not_offer_emergency_care_and_a_symptom_flag_no_syringes():
    assert "sent_to_emergency" not in OUTCOMES_BY_KIND[PHARMACY]
    assert "new_syringes_arranged" not in OUTCOMES_BY_KIND[SYMPTOM]


def test_an_outcome_chosen_before_stays_offered_and_a_single_outcome_counts_as_a_list():
    old = a_flag("supply", "cold_chain", outcome="appointment_booked")  # stored before issue 13
    assert chosen_outcomes(old) == ["appointment_booked"]
    assert "appointment_booked" in [code for code, _label in outcome_choices(old)]
    assert chosen_outcomes(a_flag("symptom", "symptom_report", outcome="advice_given",
                                  outcomes=["advice_given", "dose_on_hold"])) == ["advice_given", "dose_on_hold"]
