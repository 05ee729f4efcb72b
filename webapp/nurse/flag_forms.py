from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..forms_base import BaseForm, clean_text

NOTE_MAX = 2000
PATIENT_NOTE_MAX = 1000  # Flag.patient_note


class TakeForm(BaseForm):
    """A button: the nurse takes the flag (needs only the CSRF token)."""


class CallForm(BaseForm):
    call_result = RadioField(
        _l("Result of the call"),
        choices=[SelectChoice("call_reached", _l("Reached the patient")), SelectChoice("call_no_answer", _l("No answer"))],
        validators=[InputRequired(_l("Choose whether you reached the patient."))],
    )
    call_note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=NOTE_MAX)], filters=[clean_text])


class OutcomeChecks(SelectMultipleField):
    """Checkboxes, one per outcome the flag's kind offers (issue 13: several outcomes per flag)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def process_formdata(self, valuelist):
        # the old single select posted "" for "no outcome yet": no outcome
        super().process_formdata([value for value in valuelist if value])

    def pre_validate(self, form):
        offered = {str(value) for value, *_rest in self.iter_choices()}
        if any(value not in offered for value in self.data or []):
            raise ValidationError(_l("Choose outcomes from the list for this kind of flag."))


class OutcomeForm(BaseForm):
    """The outcomes (the choices fit the flag's kind: set by the view), the nurse's note and a note the
    patient reads on the report page."""

    outcome = OutcomeChecks(_l("Outcome"), choices=[],
                            description=_l("Tick all that apply. Needed before the flag can be resolved."))
    outcome_note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=NOTE_MAX)], filters=[clean_text],
                                 description=_l("For the clinic only."))
    patient_note = TextAreaField(
        _l("Note for the patient"), validators=[Optional(), Length(max=PATIENT_NOTE_MAX)], filters=[clean_text],
        description=_l("Shown on the patient's report, with what the clinic did. Optional."),
    )


class HandOverForm(BaseForm):
    """Hand the flag to a named colleague of the same clinic (the view sets the choices)."""

    to_nurse = SelectField(_l("Colleague"), choices=[], validate_choice=False,
                           validators=[InputRequired(_l("Choose a colleague."))])
    handover_note = TextAreaField(_l("Note for your colleague (optional)"),
                                  validators=[Optional(), Length(max=NOTE_MAX)], filters=[clean_text])
