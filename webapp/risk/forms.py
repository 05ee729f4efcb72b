from __future__ import annotations

import decimal
from datetime import UTC, date, datetime

from flask_babel import lazy_gettext as _l
from wtforms import DateField, DecimalField, RadioField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError
from wtforms.widgets import TextInput

from ..domain.clock import local_date
from ..domain.monitoring import CheckKind
from ..forms_base import BaseForm
from .labels import ASSAYS, CHECK_KINDS

# natalizumab has been used since 2006 in Norway (facts D1); an earlier date is a typing mistake
EARLIEST_DATE = date(2000, 1, 1)
# the Stratify index is reported with two decimals and is rarely above 5; 20 leaves room, not typos
MAX_JCV_INDEX = 20
# JCV is tested with its own form, which records the result too
RECORDABLE_KINDS = (CheckKind.BLOOD_TESTS, CheckKind.NEUTRALISING_ANTIBODIES, CheckKind.CLINICAL_CHECK, CheckKind.MRI)


def plausible_past_date(form, field):
    """Not in the future (an Oslo day) and not before natalizumab was in use."""
    if field.data is None:
        return
    if field.data > local_date(datetime.now(UTC)):
        raise ValidationError(_l("The date cannot be in the future."))
    if field.data < EARLIEST_DATE:
        raise ValidationError(_l("Enter a date from the year 2000 or later."))


class CommaDecimalField(DecimalField):
    """A decimal typed the Norwegian way (0,7) or the English way (0.7); never NaN or infinity.
    A text box with a decimal keypad: a number box refuses the comma in some browsers."""

    widget = TextInput()

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        text = valuelist[0].strip().replace(",", ".")
        try:
            value = decimal.Decimal(text) if len(text) <= 20 else None
        except decimal.InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            self.data = None
            raise ValueError(_l("Enter a number like 0.7."))
        self.data = value


def index_in_range(form, field):
    # a value that could not be read already has its error (CommaDecimalField)
    if field.data is not None and not 0 <= field.data <= MAX_JCV_INDEX:
        raise ValidationError(_l("Enter an index between 0 and 20."))


class JcvResultForm(BaseForm):
    tested_on = DateField(
        _l("Date the blood sample was taken"),
        validators=[InputRequired(_l("Enter the date of the test.")), plausible_past_date],
    )
    result = RadioField(
        _l("Result"),
        choices=[SelectChoice("positive", _l("Positive: antibodies found")),
                 SelectChoice("negative", _l("Negative: no antibodies found"))],
        invalid_choice_message=_l("Choose positive or negative."),
    )
    jcv_index = CommaDecimalField(
        _l("Index"),
        description=_l("As on the lab report, for example 0.7. Leave it empty if the lab gave no index."),
        validators=[index_in_range],
    )
    assay = RadioField(
        _l("Test used"),
        choices=[SelectChoice(code, label) for code, label in ASSAYS.items()],
        default="stratify",
        description=_l("Stratify belongs to Tysabri, Immunowell to Tyruko."),
        invalid_choice_message=_l("Choose the test that was used."),
    )
    submit = SubmitField(_l("Save JCV result"))


class CheckDoneForm(BaseForm):
    kind = RadioField(
        _l("Check"),
        choices=[SelectChoice(kind.value, CHECK_KINDS[kind]) for kind in RECORDABLE_KINDS],
        invalid_choice_message=_l("Choose which check was done."),
    )
    done_on = DateField(
        _l("Date done"), validators=[InputRequired(_l("Enter the date the check was done.")), plausible_past_date]
    )
    note = TextAreaField(
        _l("Note (optional)"),
        validators=[Optional(), Length(max=500, message=_l("Write at most 500 characters."))],
    )
    submit = SubmitField(_l("Save check"))


class PmlFactorsForm(BaseForm):
    treatment_start = DateField(
        _l("First natalizumab dose"),
        description=_l("IV or SC, at any clinic. PML risk counts from this date."),
        validators=[InputRequired(_l("Enter the date of the first dose.")), plausible_past_date],
    )
    prior_immunosuppressant = RadioField(
        _l("Earlier immunosuppressive treatment"),
        description=_l(
            "For example long-term prednisolone, treatment for another autoimmune disease, chemotherapy "
            "or an earlier MS treatment that dampens the immune system."),
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        invalid_choice_message=_l("Choose yes or no."),
    )
    submit = SubmitField(_l("Save"))
