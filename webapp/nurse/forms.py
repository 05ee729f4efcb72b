from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import DateField, EmailField, IntegerField, RadioField, StringField, SubmitField, TelField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from ..form_validators import PhoneNumber, PlainEmail, SafeNumberRange
from ..forms_base import BaseForm
from ..i18n import LANGUAGE_CHOICES


def not_in_future(form, field):
    if field.data and field.data > date.today():
        raise ValidationError(_l("The date cannot be in the future."))


class NewPatientForm(BaseForm):
    full_name = StringField(
        _l("Full name"), validators=[DataRequired(_l("Enter the patient's name.")), Length(max=200)]
    )
    email = EmailField(
        _l("E-mail"),
        validators=[
            DataRequired(_l("Enter the patient's e-mail address.")),
            Email(_l("Enter a valid e-mail address, like name@example.no."), check_deliverability=False),
            PlainEmail(),
            Length(max=254),
        ],
    )
    phone = TelField(
        _l("Mobile number (optional)"),
        description=_l("For the clinic's calls. A number abroad starts with + and the country code."),
        validators=[Length(max=40), PhoneNumber(mobile=True)],
    )
    language = RadioField(
        _l("Language"), choices=LANGUAGE_CHOICES, default="nb"
    )
    birth_year = IntegerField(
        _l("Year of birth"),
        validators=[Optional(), SafeNumberRange(1900, 2100, _l("Enter a year like 1980."))],
    )
    treatment_start = DateField(
        _l("First natalizumab dose"),
        description=_l("IV or SC, at any clinic. PML risk counts from this date."),
        validators=[Optional(), not_in_future],
    )
    submit = SubmitField(_l("Create patient and invitation link"))


class InvitationForm(BaseForm):
    submit = SubmitField(_l("Make a new invitation link"))


class PatientPhoneForm(BaseForm):
    """The nurse corrects the patient's mobile number on the patient page (issue 13)."""

    phone = TelField(
        _l("Mobile number"),
        description=_l("Leave empty if the patient has none. A number abroad starts with + and the country code."),
        validators=[Length(max=40), PhoneNumber(mobile=True)],
    )
    submit = SubmitField(_l("Save number"))


class ResetForm(BaseForm):
    """A button (needs only the CSRF token): a reset link by e-mail, or a reset at the clinic."""
