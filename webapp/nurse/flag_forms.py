from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from ..forms_base import BaseForm, clean_text
from .flag_labels import OUTCOME_LABELS

NOTE_MAX = 2000


class TakeForm(BaseForm):
    """A button: the nurse takes the flag (needs only the CSRF token)."""


class CallForm(BaseForm):
    call_result = RadioField(
        _l("Result of the call"),
        choices=[SelectChoice("call_reached", _l("Reached the patient")), SelectChoice("call_no_answer", _l("No answer"))],
        validators=[InputRequired(_l("Choose whether you reached the patient."))],
    )
    call_note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=NOTE_MAX)], filters=[clean_text])


class OutcomeForm(BaseForm):
    outcome = SelectField(
        _l("Outcome"), choices=[SelectChoice("", _l("No outcome yet")),
                         *(SelectChoice(code, label) for code, label in OUTCOME_LABELS.items())], validators=[Optional()],
        description=_l("Needed before the flag can be resolved."),
    )
    outcome_note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=NOTE_MAX)], filters=[clean_text])
