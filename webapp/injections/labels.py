"""Patient words for the codes of the schedule rules (translated; the rules only know codes)."""

from flask_babel import lazy_gettext as _l

from ..domain.predose import PreDoseQuestion
from ..domain.schedule import InjectionSite, MissingRequirement

SITE_LABELS = {
    InjectionSite.THIGH_LEFT: _l("Left thigh"),
    InjectionSite.THIGH_RIGHT: _l("Right thigh"),
    InjectionSite.ABDOMEN_LEFT: _l("Left side of the belly"),
    InjectionSite.ABDOMEN_RIGHT: _l("Right side of the belly"),
    InjectionSite.UPPER_ARM_LEFT: _l("Back of the left upper arm"),
    InjectionSite.UPPER_ARM_RIGHT: _l("Back of the right upper arm"),
}


def site_labels() -> dict:
    """SITE_LABELS translated once for this request: a page with two years of doses names a site some
    fifty times, and each lazy string finds the request's catalog again (issue 16 §4)."""
    return {code: str(label) for code, label in SITE_LABELS.items()}


PREDOSE_LABELS = {
    PreDoseQuestion.NEURO_SYMPTOMS: _l(
        "I have had new or worse symptoms for several days: weakness, numbness, poorer balance, sight, "
        "speech, memory or thinking"),
    PreDoseQuestion.FEVER_INFECTION: _l("I have a fever or an infection now"),
    PreDoseQuestion.REACTION_LAST_DOSE: _l("I had hives, trouble breathing or swelling after the last dose"),
    PreDoseQuestion.IMMUNOSUPPRESSANT: _l(
        "I have started another medicine that dampens the immune system, or cancer treatment"),
    PreDoseQuestion.PREGNANCY: _l("I am pregnant, may be pregnant, or am trying to become pregnant"),
    PreDoseQuestion.LIVE_VACCINE: _l("I am going to have a live vaccine that my MS clinic has not approved"),
    PreDoseQuestion.EYE_SIGHT: _l("I have eye pain, or my sight has become poorer over the last few days"),
    PreDoseQuestion.SIGHT_LOST_SUDDENLY: _l("I lost all or part of my sight within minutes"),
}

# Short hints under a question (facts W1: a live vaccine only with the clinic's approval).
PREDOSE_HINTS = {
    PreDoseQuestion.LIVE_VACCINE: _l(
        "Sometimes the clinic plans a vaccine while you use natalizumab. If the clinic has said yes, "
        "do not tick this."),
}

MISSING_LABELS = {
    # the six-dose rule: six supervised doses without a reaction (facts H2, H3)
    MissingRequirement.TOO_FEW_DOSES: _l(
        "%(need)s supervised doses without a reaction are needed: %(have)s have been given."),
    MissingRequirement.REACTION_DURING_SUPERVISED_DOSE: _l(
        "There was a reaction during a supervised dose: a doctor must decide first."),
    MissingRequirement.TRAINING_NOT_DONE: _l("Injection training is not recorded as done."),
}


def missing_text(requirement) -> str:
    label = MISSING_LABELS[requirement.code]
    if requirement.have is not None:
        return label % {"have": requirement.have, "need": requirement.need}
    return str(label)
