from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    MultipleFileField,
    RadioField,
    SelectMultipleField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..domain.clock import local_date, utc_now
from ..domain.levels import Level
from ..domain.symptom_report import FIT_CHOICES
from ..domain.triage import BY_CODE, SYMPTOMS
from ..forms_base import CLIENT_ID, BaseForm, clean_text
from .labels import QUESTION_LABELS, SYMPTOM_LABELS

ANSWERS = [SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No")), SelectChoice("unknown", _l("Don't know"))]
QUESTIONS = tuple(QUESTION_LABELS)  # within_2h, sudden_onset, lasted_over_24h, getting_worse, fever
OLDEST_START = timedelta(days=3650)
FREE_TEXT_MAX = 2000


class SymptomReportForm(BaseForm):
    client_id = HiddenField(validators=[DataRequired(), CLIENT_ID], filters=[clean_text])
    context = HiddenField(filters=[clean_text])  # "reaction": reached from an injection with a reaction (issue 3)
    injection = HiddenField(filters=[clean_text])  # the id of that injection
    codes = SelectMultipleField(
        _l("What do you notice?"), choices=[SelectChoice(item.code, SYMPTOM_LABELS[item.code]) for item in SYMPTOMS],
        widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(), validators=[Optional()],
    )
    # No default of today (walk defect 32): empty unless the patient picks a day; the form can be sent without.
    started_on = DateField(_l("When did it start?"), validators=[Optional()],
                           description=_l("If you remember. You can leave it empty."))
    within_2h = RadioField(QUESTION_LABELS["within_2h"], choices=ANSWERS, validators=[Optional()])
    sudden_onset = RadioField(QUESTION_LABELS["sudden_onset"], choices=ANSWERS, validators=[Optional()],
                              description=_l("For example a face that droops, an arm that stops working, or speech that goes."))
    lasted_over_24h = RadioField(QUESTION_LABELS["lasted_over_24h"], choices=ANSWERS, validators=[Optional()])
    getting_worse = RadioField(QUESTION_LABELS["getting_worse"], choices=ANSWERS, validators=[Optional()])
    fever = RadioField(QUESTION_LABELS["fever"], choices=ANSWERS, validators=[Optional()])
    reported_by_other = BooleanField(_l("Someone else noticed it, for example a partner or a friend"))
    free_text = TextAreaField(
        _l("Tell us more in your own words (optional)"),
        description=_l("What it is like, where it is, and what you have done about it. At most 2000 characters."),
        validators=[Optional(), Length(max=FREE_TEXT_MAX, message=_l("Write at most 2000 characters."))],
        filters=[clean_text],
    )
    # Up to three photos (issue 13); checked and re-encoded by webapp/photos, never trusted as sent.
    photos = MultipleFileField(_l("Photos (optional)"),
                               description=_l("A photo of the injection site or the rash, at most 3."),
                               render_kw={"accept": "image/*"})

    def has_emergency_item(self) -> bool:
        return any(code in BY_CODE and BY_CODE[code].level == Level.EMERGENCY for code in self.codes.data or ())

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        today = local_date(utc_now())
        if self.started_on.data is not None:
            if self.started_on.data > today:
                self.started_on.errors.append(_l("The day cannot be in the future."))
            elif self.started_on.data < today - OLDEST_START:
                self.started_on.errors.append(_l("Enter a day within the last ten years."))
        if not self.codes.data and not (self.free_text.data or "").strip():
            self.codes.errors = [*self.codes.errors, _l("Tick what you notice, or write it in the box below.")]
        # The questions are never compulsory: an unanswered question is "don't know", which never raises a
        # report by itself, and a report of free text alone is accepted (symptoms.md "Don't know").
        return valid and not any(field.errors for field in self)

    def answers(self) -> dict[str, bool | None]:
        """The patient's answers for the rules: yes, no, or None for "don't know" and no answer."""
        return {name: {"yes": True, "no": False}.get(self[name].data) for name in QUESTIONS}

    def unsure(self) -> list[str]:
        """The questions answered "don't know" (not the unanswered ones): the nurse sees them as unknown."""
        return [name for name in QUESTIONS if self[name].data == "unknown"]



class FitForm(BaseForm):
    """The choice on the "does any of this fit?" screen (issue 11), for a report already stored."""

    fit = HiddenField(validators=[DataRequired(), AnyOf(FIT_CHOICES)], filters=[clean_text])
