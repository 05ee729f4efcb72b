"""The code systems a NataHjem FHIR Bundle uses (issue 15; README "FHIR and the patient's own data").

Standard systems where one exists (ATC, SNOMED CT, UCUM, HL7's own); a local system under LOCAL for what
only NataHjem knows (its triage levels, symptom codes, flag codes, call results)."""

from __future__ import annotations

ATC = "http://www.whocc.no/atc"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ADMIN_CATEGORY = "http://terminology.hl7.org/CodeSystem/medication-admin-category"

LOCAL = "https://natahjem.example.no/fhir"
SYMPTOM = f"{LOCAL}/CodeSystem/symptom"  # SymptomReport.codes, as in symptoms.md
TRIAGE_LEVEL = f"{LOCAL}/CodeSystem/triage-level"  # emergency, urgent, routine, ... (symptoms.md)
REPORT_QUESTION = f"{LOCAL}/CodeSystem/report-question"  # the yes/no questions of a report
OBSERVATION = f"{LOCAL}/CodeSystem/observation"  # symptom-report, jcv-antibody
FLAG = f"{LOCAL}/CodeSystem/flag"  # Flag.code: rebound_risk, partial_dose, symptom_report, ...
CALL_RESULT = f"{LOCAL}/CodeSystem/call-result"  # call_reached, call_no_answer
INJECTION_SITE = f"{LOCAL}/CodeSystem/injection-site"  # thigh_left ... upper_arm_right, as stored
COLD_CHAIN = f"{LOCAL}/CodeSystem/cold-chain"  # none, left_out, frozen, unknown
# Identifiers (NamingSystem-style) of NataHjem's own rows, so that a record system can match a re-sent row.
PATIENT_ID = f"{LOCAL}/sid/patient"
INJECTION_ID = f"{LOCAL}/sid/injection"
PICKUP_ID = f"{LOCAL}/sid/pickup"
REPORT_ID = f"{LOCAL}/sid/symptom-report"
JCV_ID = f"{LOCAL}/sid/jcv-result"
FLAG_ID = f"{LOCAL}/sid/flag"
FLAG_EVENT_ID = f"{LOCAL}/sid/flag-event"

# Natalizumab, ATC L04AA23 (WHOCC): each home dose is 300 mg as two 150 mg syringes (facts H1).
NATALIZUMAB = {"system": ATC, "code": "L04AA23", "display": "natalizumab"}
SYRINGE_MG = 150
# SNOMED CT 34206005 |Subcutaneous route (qualifier value)|.
SUBCUTANEOUS = {"system": SNOMED, "code": "34206005", "display": "Subcutaneous route"}

# SNOMED CT body structures for the SC sites (facts H5), each with our own code beside it so that the
# stored value comes back exactly:
#   61396006 |Structure of left thigh|, 11207009 |Structure of right thigh|,
#   368208006 |Left upper arm structure|, 368209003 |Right upper arm structure| (children of
#   40983000 |Upper arm structure|; the back of the upper arm has no lateralised concept we could confirm),
#   59380008 |Anterior abdominal wall structure| for both sides of the abdomen: we found no lateralised
#   pre-coordinated concept to confirm, so the side is in our own coding and the text.
# (Sources: the codes as used in published FHIR material, e.g. NHS England's immunisation API and the NHS
# dose-syntax implementation guide. They were NOT checked in a SNOMED CT browser, which this project cannot
# reach: a terminologist should confirm them, and a lateralised abdomen concept, before a clinic relies on them.)
BODY_SITES = {
    "thigh_left": ("61396006", "Structure of left thigh", "Left thigh"),
    "thigh_right": ("11207009", "Structure of right thigh", "Right thigh"),
    "abdomen_left": ("59380008", "Anterior abdominal wall structure", "Abdomen, left side"),
    "abdomen_right": ("59380008", "Anterior abdominal wall structure", "Abdomen, right side"),
    "upper_arm_left": ("368208006", "Left upper arm structure", "Back of the left upper arm"),
    "upper_arm_right": ("368209003", "Right upper arm structure", "Back of the right upper arm"),
}

# SNOMED CT qualifier values for the anti-JCV serostatus: 10828004 |Positive|, 260385009 |Negative|.
POSITIVE = {"system": SNOMED, "code": "10828004", "display": "Positive"}
NEGATIVE = {"system": SNOMED, "code": "260385009", "display": "Negative"}
